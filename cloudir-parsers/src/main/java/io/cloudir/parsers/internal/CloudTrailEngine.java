package io.cloudir.parsers.internal;

import io.cloudir.model.Provenance;
import io.cloudir.model.cloudtrail.CloudTrailCursor;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.internal.cloudtrail.CloudTrailAccess;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonSyntaxError;
import io.cloudir.model.json.JsonValue;
import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.Rejection;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The streaming CloudTrail reader: finds records in a stream of decoded bytes and indexes each
 * into a {@link CloudTrailCursor}, in one validating pass.
 *
 * <p>Inputs: the delivery envelope {@code {"Records":[…]}} (streamed: only one record at a time is
 * buffered), JSON lines or any sequence of JSON values, bare arrays, the EventBridge envelope
 * (record in {@code detail}), the CloudWatch Logs subscription envelope (records in {@code
 * logEvents[*].message}), and digest files and the {@code .metadata.json} signatures beside them
 * (recognised and skipped).
 *
 * <p>Errors: a malformed top-level value (JSON lines) is rejected and reading resumes at the next
 * line; a syntax error inside an envelope or a top-level array breaks that document: the records
 * before are kept, one rejection covers the rest of the source. A stream that breaks (truncated
 * gzip) likewise adds one rejection at the break.
 *
 * <p>Buffers: in shared mode every refill starts a fresh block, so records handed out keep
 * pointing at bytes that never change; in cursor mode the block is compacted and reused.
 *
 * <p>Not thread-safe.
 */
public final class CloudTrailEngine implements RecordEngine {
  /** {@link #next()}: the cursor shows a record. */
  public static final int RECORD = 1;
  /** {@link #next()}: {@link #rejection()} describes a rejection. */
  public static final int REJECTED = 2;
  /** {@link #next()}: a non-record (digest file, control message) was skipped. */
  public static final int SKIPPED = 3;
  /** {@link #next()}: more input is needed (push mode only). */
  public static final int NEED_MORE = 4;
  /** {@link #next()}: the source is exhausted. */
  public static final int END = 5;

  private static final int TOP = 0;
  private static final int IN_RECORDS = 1;
  private static final int AFTER_RECORDS = 2;
  private static final int IN_ARRAY = 3;
  private static final int DISCARD = 4;
  private static final int DONE = 5;
  private static final int SKIP_LINE = 6;

  private static final byte[] RECORDS = "Records".getBytes(StandardCharsets.US_ASCII);
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final ByteSource in;
  private final String sourceName;
  private final ReadLimits limits;
  private final boolean shared;
  private final boolean autoDetect;
  private final JsonScanner sc;
  private final CloudTrailCursor cursor;
  private final CloudTrailAccess.Bridge bridge = CloudTrailAccess.get();

  private byte[] buf;
  private int pos;
  private int limit;
  private long base;
  private boolean eof;
  private @Nullable String broken;
  private int state = TOP;
  private int afterDiscard = TOP;
  private boolean firstValue = true;
  /** Inside an array: whether an element was read since '[' or the last ','. */
  private boolean afterElement;
  /** Whether the next array element is the first value of an auto-detected source. */
  private boolean arrayFirst;
  /** Whether a top-level value cut by the end of input was scanned again at the end. */
  private boolean eofRescanned;
  private long lines = 1;
  private int linesCountedTo;
  /**
   * The decoded offsets of the start and end of the record last emitted from the buffer and the
   * line feeds inside it ({@code emittedStart} is -1 when they are not known).
   */
  private long emittedStart = -1;
  private long emittedEnd;
  private int emittedNewlines;

  // discard state
  private long discardDepth;
  private boolean discardInString;
  private boolean discardEscape;

  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private @Nullable Rejection rejection;
  private long bytesRead;
  private final int blockSize;

  private record Pending(byte[] buf, int start, int end, long offset, long line) {}

  /**
   * An engine.
   *
   * @param in the decoded bytes
   * @param sourceName the name used in provenance and rejections
   * @param limits limits
   * @param shared whether records handed out share blocks that must never be overwritten
   * @param autoDetect whether an unrecognised first value makes the whole source one {@code
   *     unknown format} rejection
   * @param debugCursor whether the cursor checks its lifetime
   * @param blockSize the initial block size
   */
  public CloudTrailEngine(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      boolean autoDetect, boolean debugCursor, int blockSize) {
    this.in = in;
    this.sourceName = sourceName;
    this.limits = limits;
    this.shared = shared;
    this.autoDetect = autoDetect;
    this.sc = new JsonScanner(limits.maxDepth(), limits.maxStringBytes());
    this.cursor = bridge.newCursor(debugCursor);
    bridge.lineResolver(cursor, this::lineOf);
    this.blockSize = Math.max(64, blockSize);
    this.buf = new byte[0]; // allocated on the first refill (never for whole in-memory inputs)
  }

  /** The cursor that shows the current record after {@link #next()} returned {@link #RECORD}. */
  public CloudTrailCursor cursor() {
    return cursor;
  }

  /** The current record as an immutable event (shared block in shared mode, else a copy). */
  public CloudTrailEvent event() {
    return shared ? bridge.shared(cursor, cursor.provenance()) : cursor.toEvent();
  }

  /** The rejection after {@link #next()} returned {@link #REJECTED}. */
  public Rejection rejection() {
    Rejection r = rejection;
    if (r == null) {
      throw new IllegalStateException("no rejection");
    }
    return r;
  }

  /** Decoded bytes read so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Tells the engine the stream broke (e.g. truncated gzip): records before it are kept. */
  public void breakStream(String reason) {
    broken = reason;
    eof = true;
  }

  // ---------------------------------------------------------------- buffer management

  /**
   * The line of the record at decoded offset {@code off} (the cursor's lazy line), or -1 when its
   * bytes are no longer buffered. For the record just emitted, whose line feeds the index counted,
   * the count then moves on to the record's end: lines are counted once, in the gaps between
   * records, instead of a second pass over every record's bytes.
   */
  private long lineOf(long off) {
    if (off < base || off - base > limit) {
      return -1;
    }
    int p = (int) (off - base);
    if (off == emittedStart && linesCountedTo <= p) {
      long n = lineAt(p);
      lines = n + emittedNewlines;
      linesCountedTo = (int) (emittedEnd - base);
      return n;
    }
    return lineAt(p);
  }


  private long lineAt(int p) {
    // count newlines in [linesCountedTo, p) eight bytes at a time, exactly
    int i = linesCountedTo;
    long n = lines;
    while (i + 8 <= p) {
      long w = (long) LONGS.get(buf, i) ^ 0x0A0A0A0A0A0A0A0AL;
      long t = (w & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL;
      t = ~(t | w | 0x7F7F7F7F7F7F7F7FL);
      n += Long.bitCount(t);
      i += 8;
    }
    while (i < p) {
      if (buf[i++] == '\n') {
        n++;
      }
    }
    lines = n;
    linesCountedTo = p;
    return n;
  }

  /**
   * Makes room and reads more input, keeping bytes from {@code keepFrom} on.
   *
   * @return false if nothing more can be read now (end, or push mode without data)
   */
  private boolean refill(int keepFrom) throws IOException {
    if (eof) {
      return false;
    }
    if (buf.length == 0) {
      buf = new byte[blockSize];
    }
    int keep = limit - keepFrom;
    int free = buf.length - limit;
    if (free < 4096 && !(free > 0 && keepFrom == 0)) {
      // relocate the unconsumed tail: to a new block in shared mode (records point into the old
      // one), in place otherwise; grow when the kept part fills more than half the block
      lineAt(keepFrom);
      int size = buf.length;
      if (keep > size / 2) {
        size = (int) Math.min((long) limits.maxRecordBytes() + blockSize + 16, (long) size * 2);
        size = Math.max(size, keep + 64);
      } else if (size > blockSize && keep < blockSize / 2) {
        size = blockSize;
      }
      byte[] target = (shared || size != buf.length) ? new byte[size] : buf;
      System.arraycopy(buf, keepFrom, target, 0, keep);
      base += keepFrom;
      pos -= keepFrom;
      linesCountedTo -= keepFrom;
      buf = target;
      limit = keep;
      if (limit == buf.length) {
        return false; // cannot grow further; callers check the record limit
      }
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
      return false;
    }
    limit += n;
    bytesRead += n;
    return n > 0;
  }

  /** Starts on an in-memory input that is the whole source (no copying, no refills). */
  public void wholeInput(byte[] data, int length) {
    buf = data;
    limit = length;
    eof = true;
    bytesRead = length;
  }

  // ---------------------------------------------------------------- results

  private int reject(long offset, String reason, int snippetFrom) {
    int s = Math.max(0, Math.min(snippetFrom, limit));
    int e = Math.min(limit, s + Rejection.MAX_SNIPPET);
    String snippet = new String(buf, s, e - s, StandardCharsets.UTF_8);
    long line = offset >= base && offset - base <= limit ? lineAt((int) (offset - base)) : -1;
    rejection = new Rejection(sourceName, offset, line, reason, snippet);
    return REJECTED;
  }

  /** Rejects the rest of the source (a broken document) and stops. */
  private int rejectRest(long offset, String reason, int snippetFrom) {
    int r = reject(offset, reason, snippetFrom);
    state = DONE;
    pos = limit;
    return r;
  }

  /**
   * Advances to the next record, rejection or skip.
   *
   * @return {@link #RECORD}, {@link #REJECTED}, {@link #SKIPPED}, {@link #NEED_MORE} or {@link #END}
   */
  public int next() throws IOException {
    bridge.invalidate(cursor);
    while (true) {
      if (!pending.isEmpty()) {
        int r = nextPending();
        if (r != 0) {
          return r;
        }
        continue;
      }
      int r = switch (state) {
        case TOP -> top();
        case IN_RECORDS, IN_ARRAY -> element();
        case AFTER_RECORDS -> afterRecords();
        case DISCARD -> discard();
        case SKIP_LINE -> skipRestOfLine();
        default -> END;
      };
      if (r != 0) {
        if (r == END && broken != null) {
          String why = broken;
          broken = null;
          state = DONE;
          return reject(base + limit, "stream broken: " + why, Math.max(0, limit - 80));
        }
        return r;
      }
    }
  }

  private int needMore(int keepFrom) throws IOException {
    if (refill(keepFrom)) {
      return 0;
    }
    if (!eof && limit < buf.length) {
      return NEED_MORE; // push mode, no data yet
    }
    return -1; // at end (or buffer full)
  }

  private int top() throws IOException {
    pos = JsonScanner.skipWs(buf, pos, limit);
    if (pos >= limit) {
      int m = needMore(pos);
      if (m == -1) {
        state = DONE;
        return END;
      }
      return m == NEED_MORE ? NEED_MORE : 0;
    }
    byte c = buf[pos];
    boolean first = firstValue;
    if (c == '[') {
      firstValue = false;
      pos++;
      state = IN_ARRAY;
      afterElement = false;
      arrayFirst = first && autoDetect;
      return 0;
    }
    if (c != '{') {
      firstValue = false;
      long off = base + pos;
      int from = pos;
      if (first && autoDetect) {
        return rejectRest(off, "unknown format", from);
      }
      int r = reject(off, "not a JSON object or array (unexpected '" + JsonScanner.printable(c) + "')", from);
      skipLine();
      return r;
    }
    // an object: is it the delivery envelope?
    int e = envelopeStart(pos);
    if (e == JsonScanner.INCOMPLETE) {
      int m = needMore(pos);
      if (m == NEED_MORE) {
        return NEED_MORE;
      }
      if (m == 0) {
        return 0;
      }
      // at end: fall through to a full scan, which reports the error
    } else if (e > 0) {
      firstValue = false;
      pos = e;
      state = IN_RECORDS;
      afterElement = false;
      arrayFirst = false;
      return 0;
    }
    return value(TOP, first);
  }

  /** If the object at p starts with {@code "Records": [}, the index after '['; 0 if not; or INCOMPLETE. */
  private int envelopeStart(int p) {
    p = JsonScanner.skipWs(buf, p + 1, limit);
    if (p + RECORDS.length + 2 > limit) {
      return JsonScanner.INCOMPLETE;
    }
    if (buf[p] != '"' || !Arrays.equals(buf, p + 1, p + 1 + RECORDS.length, RECORDS, 0, RECORDS.length)
        || buf[p + 1 + RECORDS.length] != '"') {
      return 0;
    }
    p = JsonScanner.skipWs(buf, p + RECORDS.length + 2, limit);
    if (p >= limit) {
      return JsonScanner.INCOMPLETE;
    }
    if (buf[p] != ':') {
      return 0;
    }
    p = JsonScanner.skipWs(buf, p + 1, limit);
    if (p >= limit) {
      return JsonScanner.INCOMPLETE;
    }
    return buf[p] == '[' ? p + 1 : 0;
  }

  private void skipLine() {
    while (pos < limit && buf[pos] != '\n') {
      pos++;
    }
    if (pos >= limit) {
      // the line continues past the buffer: skip the rest of it as it arrives
      state = SKIP_LINE;
    }
  }

  /** Skips input up to the end of the current line, then goes back to the top level. */
  private int skipRestOfLine() throws IOException {
    while (true) {
      while (pos < limit) {
        if (buf[pos] == '\n') {
          state = TOP;
          return 0;
        }
        pos++;
      }
      int m = needMore(pos);
      if (m == -1) {
        state = TOP;
        return 0;
      }
      if (m == NEED_MORE) {
        return NEED_MORE;
      }
    }
  }

  /** A rejection because the input ended: reported as the stream break when the stream broke. */
  private int rejectEnd(String reason) {
    String why = broken;
    if (why != null) {
      broken = null;
      return rejectRest(base + limit, "stream broken: " + why, Math.max(0, limit - 80));
    }
    return rejectRest(base + pos, reason, Math.max(0, pos - 80));
  }

  /** Inside {@code Records} or a top-level array: the next element, or the closing bracket. */
  private int element() throws IOException {
    pos = JsonScanner.skipWs(buf, pos, limit);
    if (pos >= limit) {
      int m = needMore(pos);
      if (m == -1) {
        return rejectEnd("unexpected end of input inside " + where());
      }
      return m == NEED_MORE ? NEED_MORE : 0;
    }
    byte c = buf[pos];
    if (c == ']') {
      pos++;
      state = state == IN_RECORDS ? AFTER_RECORDS : TOP;
      return 0;
    }
    if (afterElement) {
      if (c != ',') {
        return rejectRest(base + pos, "expected ',' or ']' in " + where() + " but found '"
            + JsonScanner.printable(c) + "' (the rest of this document is not read)", pos);
      }
      int q = JsonScanner.skipWs(buf, pos + 1, limit);
      if (q >= limit) {
        int m = needMore(pos);
        if (m == -1) {
          return rejectEnd("unexpected end of input inside " + where());
        }
        return m == NEED_MORE ? NEED_MORE : 0;
      }
      if (buf[q] == ']') {
        return rejectRest(base + q, "trailing comma in " + where(), pos);
      }
      pos = q;
      c = buf[pos];
      afterElement = false;
    }
    if (c != '{') {
      if (c == '[' || c == '"' || c == 't' || c == 'f' || c == 'n' || c == '-' || (c >= '0' && c <= '9')) {
        // a well-formed non-object element: reject just it and go on
        return value(state, takeArrayFirst());
      }
      return rejectRest(base + pos, "expected a record or ']' in " + where() + " but found '"
          + JsonScanner.printable(c) + "'", pos);
    }
    return value(state, takeArrayFirst());
  }

  private boolean takeArrayFirst() {
    boolean f = arrayFirst;
    arrayFirst = false;
    return f;
  }

  private String where() {
    return state == IN_RECORDS ? "the Records array" : "the top-level array";
  }

  /** After the Records array: more members of the envelope, or its end. */
  private int afterRecords() throws IOException {
    pos = JsonScanner.skipWs(buf, pos, limit);
    if (pos >= limit) {
      int m = needMore(pos);
      if (m == -1) {
        return rejectEnd("unexpected end of input after the Records array");
      }
      return m == NEED_MORE ? NEED_MORE : 0;
    }
    byte c = buf[pos];
    if (c == '}') {
      pos++;
      state = TOP;
      return 0;
    }
    if (c != ',') {
      return rejectRest(base + pos, "expected ',' or '}' after the Records array but found '"
          + JsonScanner.printable(c) + "'", pos);
    }
    // another member: scan "name": value and ignore it
    int p = JsonScanner.skipWs(buf, pos + 1, limit);
    try {
      if (p >= limit) {
        throw new IncompleteSignal();
      }
      if (buf[p] != '"') {
        return rejectRest(base + p, "expected a member name after the Records array", p);
      }
      int q = sc.scanString(buf, p, limit);
      if (q < 0) {
        throw new IncompleteSignal();
      }
      q = JsonScanner.skipWs(buf, q, limit);
      if (q >= limit) {
        throw new IncompleteSignal();
      }
      if (buf[q] != ':') {
        return rejectRest(base + q, "expected ':'", q);
      }
      q = JsonScanner.skipWs(buf, q + 1, limit);
      if (q >= limit) {
        throw new IncompleteSignal();
      }
      int e = sc.skipValue(buf, q, limit, 1, false);
      if (e < 0) {
        throw new IncompleteSignal();
      }
      pos = e;
      return 0;
    } catch (IncompleteSignal s) {
      if (limit - pos > limits.maxRecordBytes()) {
        return rejectRest(base + pos, "envelope member larger than " + limits.maxRecordBytes() + " bytes", pos);
      }
      int m = needMore(pos);
      if (m == -1) {
        return rejectEnd("unexpected end of input in the envelope");
      }
      return m == NEED_MORE ? NEED_MORE : 0;
    } catch (JsonSyntaxError err) {
      return rejectRest(base + err.offset(), err.reason(), Math.max(pos, err.offset() - 80));
    }
  }

  private static final class IncompleteSignal extends Exception {
    private static final long serialVersionUID = 1L;

    IncompleteSignal() {
      super(null, null, false, false);
    }
  }

  /**
   * A complete value at {@code pos} in context {@code ctx} (TOP, IN_RECORDS, IN_ARRAY): a record,
   * an envelope to unwrap, a digest, or a rejection.
   */
  private int value(int ctx, boolean first) throws IOException {
    int s = pos;
    int depth = ctx == TOP ? 0 : (ctx == IN_RECORDS ? 2 : 1);
    boolean atEof = eof && ctx == TOP;
    try {
      int e;
      boolean indexed = false;
      if (buf[s] == '{' && (ctx != TOP || startsWithKnownField(s))) {
        sc.newlines = 0;
        e = bridge.index(cursor, buf, s, limit, atEof, sc, depth);
        indexed = true;
      } else {
        e = sc.skipValue(buf, s, limit, depth, atEof);
      }
      if (e == JsonScanner.INCOMPLETE) {
        return incomplete(ctx, s);
      }
      firstValue = false;
      pos = e;
      afterElement = true;
      if (e - s > limits.maxRecordBytes()) {
        // complete in the buffer (input held in memory, or a block that grew past the limit)
        return reject(base + s, tooLarge(), s);
      }
      if (indexed) {
        if (ctx != IN_RECORDS && !looksLikeEvent()) {
          if (first && autoDetect) {
            return rejectRest(base + s, "unknown format", s);
          }
          return reject(base + s, "not a CloudTrail event (no eventVersion, eventTime, eventSource, "
              + "eventName, eventID or userIdentity)", s);
        }
        emittedStart = base + s;
        emittedEnd = base + e;
        emittedNewlines = sc.newlines;
        return emit(s);
      }
      return classify(s, e, ctx, first);
    } catch (JsonSyntaxError first0) {
      JsonSyntaxError err = first0;
      if (err.isWellFormed()) {
        // e.g. a duplicate key: the value is still well-formed JSON, so only it is rejected
        try {
          int e = sc.skipValue(buf, s, limit, depth, atEof);
          if (e == JsonScanner.INCOMPLETE) {
            return incomplete(ctx, s);
          }
          firstValue = false;
          pos = e;
          afterElement = true;
          return reject(base + err.offset(), err.reason(), Math.max(s, err.offset() - 80));
        } catch (JsonSyntaxError later) {
          err = later; // the value is malformed after all: handle that error
        }
      }
      firstValue = false;
      long off = base + err.offset();
      String reason = err.reason();
      if (ctx == TOP) {
        int nl = recordLineAfter(s, err.offset());
        if (nl >= 0) {
          // the value stops at the end of its line and the next line starts a new value (a cut
          // JSON line): reject this line only and read the next one
          int r = reject(base + nl, "unexpected end of line: the value is incomplete", Math.max(s, nl - 80));
          pos = nl + 1;
          return r;
        }
        int r = reject(off, reason, Math.max(s, err.offset() - 80));
        pos = Math.max(err.offset(), s + 1);
        skipLine();
        return r;
      }
      if (err.isLimit()) {
        // the element is well delimited by the scanner's limit? not known: discard it
        int r = reject(off, reason, Math.max(s, err.offset() - 80));
        startDiscard(s, ctx);
        return r;
      }
      return rejectRest(off, reason + " (the rest of this document is not read)", Math.max(s, err.offset() - 80));
    }
  }

  private String tooLarge() {
    return "record larger than " + limits.maxRecordBytes() + " bytes (ReadLimits.maxRecordBytes)";
  }

  /**
   * The index of the first newline in {@code [s, errAt]} that is directly followed by '{' (a
   * line that starts a new value) or is where the error is, or -1.
   */
  private int recordLineAfter(int s, int errAt) {
    for (int i = s; i <= errAt && i < limit; i++) {
      // an error at the newline itself (inside a string) is the end of the line too
      if (buf[i] == '\n' && (i == errAt || (i + 1 < limit && buf[i + 1] == '{'))) {
        return i;
      }
    }
    return -1;
  }

  private int incomplete(int ctx, int s) throws IOException {
    if (limit - s > limits.maxRecordBytes()) {
      int r = reject(base + s, tooLarge(), s);
      startDiscard(s, ctx);
      return r;
    }
    int m = needMore(s);
    if (m == -1) {
      if (eof) {
        if (ctx == TOP && broken == null && !eofRescanned) {
          // the input ends inside a top-level value: scan it once more knowing that this is the
          // end, which reports the exact error (as when the whole input is in memory)
          eofRescanned = true;
          return 0;
        }
        // the input ends inside the value
        return rejectEnd("unexpected end of input");
      }
      int r = reject(base + pos, "record larger than the buffer", pos);
      startDiscard(pos, ctx);
      return r;
    }
    return m == NEED_MORE ? NEED_MORE : 0;
  }

  private boolean startsWithKnownField(int s) {
    int p = JsonScanner.skipWs(buf, s + 1, limit);
    if (p >= limit || buf[p] != '"') {
      return p < limit && buf[p] == '}';
    }
    int q = p + 1;
    while (q < limit && buf[q] != '"' && buf[q] != '\\') {
      q++;
    }
    if (q >= limit || buf[q] != '"') {
      return false;
    }
    return CloudTrailFieldNames.isEventField(buf, p + 1, q);
  }

  private int emit(int s) {
    long off = base + s;
    // the line is counted only if someone asks for it (lines cost a pass over the bytes)
    bridge.advance(cursor, sourceName, off, bridge.lazyLine());
    return RECORD;
  }

  /** A complete non-record-looking value [s, e): classify it. */
  private int classify(int s, int e, int ctx, boolean first) {
    if (buf[s] != '{') {
      if (first && autoDetect) {
        return rejectRest(base + s, "unknown format", s);
      }
      return reject(base + s, "not a JSON object", s);
    }
    long records = member(s, "Records");
    if (records != 0 && buf[(int) (records >>> 32)] == '[') {
      forEachElement(records, (vs, ve) -> pending.add(new Pending(buf, vs, ve, base + vs, lineAt(vs))));
      return 0;
    }
    if (member(s, "digestStartTime") != 0 && member(s, "logFiles") != 0) {
      return SKIPPED;
    }
    if (member(s, "signature") != 0 && member(s, "signature-algorithm") != 0) {
      return SKIPPED; // a digest's S3 object metadata (<digest>.metadata.json)
    }
    long detail = member(s, "detail");
    if (member(s, "detail-type") != 0 && detail != 0 && buf[(int) (detail >>> 32)] == '{') {
      int vs = (int) (detail >>> 32);
      pending.add(new Pending(buf, vs, (int) detail, base + vs, lineAt(vs)));
      return 0;
    }
    long logEvents = member(s, "logEvents");
    long type = member(s, "messageType");
    if (logEvents != 0 && type != 0 && buf[(int) (logEvents >>> 32)] == '[') {
      if (JsonValue.ofValidated(buf, (int) (type >>> 32), (int) type).toJson().equals("\"CONTROL_MESSAGE\"")) {
        return SKIPPED;
      }
      forEachElement(logEvents, (vs, ve) -> {
        long msg = buf[vs] == '{' ? member(vs, "message") : 0;
        if (msg == 0 || buf[(int) (msg >>> 32)] != '"') {
          pending.add(new Pending(new byte[0], 0, 0, base + vs, lineAt(vs)));
        } else {
          int ms = (int) (msg >>> 32);
          byte[] b = JsonValue.ofValidated(buf, ms, (int) msg).asString().getBytes(StandardCharsets.UTF_8);
          pending.add(new Pending(b, 0, b.length, base + ms, lineAt(ms)));
        }
      });
      return 0;
    }
    // an object whose first member is not a documented field (for example a field added by an
    // export tool): it is still an event when it has the event's marks
    try {
      bridge.index(cursor, buf, s, e, true, sc, ctx == TOP ? 0 : 1);
      if (looksLikeEvent()) {
        emittedStart = -1;
        return emit(s);
      }
    } catch (JsonSyntaxError err) {
      if (!(first && autoDetect)) {
        return reject(base + err.offset(), err.reason(), Math.max(s, err.offset() - 80));
      }
    }
    if (first && autoDetect) {
      return rejectRest(base + s, "unknown format", s);
    }
    return reject(base + s, "not a CloudTrail event (no eventVersion, eventTime, eventSource, "
        + "eventName, eventID or userIdentity)", s);
  }

  private interface SliceConsumer {
    void accept(int start, int end);
  }

  /** The span (start << 32 | end) of the last member {@code name} of the validated object at s, or 0. */
  private long member(int s, String name) {
    byte[] key = name.getBytes(StandardCharsets.UTF_8);
    long found = 0;
    int p = JsonScanner.skipWs(buf, s + 1, limit);
    if (buf[p] == '}') {
      return 0;
    }
    while (true) {
      int ne = JsonScanner.skipValidatedString(buf, p);
      boolean match = ne - p - 2 == key.length && Arrays.equals(buf, p + 1, ne - 1, key, 0, key.length);
      int vs = JsonScanner.skipWs(buf, JsonScanner.skipWs(buf, ne, limit) + 1, limit);
      int ve = JsonScanner.skipValidated(buf, vs);
      if (match) {
        found = ((long) vs << 32) | ve;
      }
      p = JsonScanner.skipWs(buf, ve, limit);
      if (buf[p] == '}') {
        return found;
      }
      p = JsonScanner.skipWs(buf, p + 1, limit);
    }
  }

  private void forEachElement(long span, SliceConsumer f) {
    int p = JsonScanner.skipWs(buf, (int) (span >>> 32) + 1, limit);
    if (buf[p] == ']') {
      return;
    }
    while (true) {
      int ve = JsonScanner.skipValidated(buf, p);
      f.accept(p, ve);
      p = JsonScanner.skipWs(buf, ve, limit);
      if (buf[p] == ']') {
        return;
      }
      p = JsonScanner.skipWs(buf, p + 1, limit);
    }
  }

  private int nextPending() {
    Pending p = pending.poll();
    if (p == null) {
      return 0;
    }
    if (p.end == p.start) {
      rejection = new Rejection(sourceName, p.offset, p.line, "log event without a string message", "");
      return REJECTED;
    }
    byte[] b = p.buf;
    int s = JsonScanner.skipWs(b, p.start, p.end);
    try {
      if (s >= p.end || b[s] != '{') {
        throw new JsonSyntaxError(s, "not a JSON object");
      }
      JsonScanner local = sc;
      int e = bridge.index(cursor, b, s, p.end, true, local, 0);
      int t = JsonScanner.skipWs(b, e, p.end);
      if (t != p.end) {
        throw new JsonSyntaxError(t, "unexpected data after the event");
      }
      if (!looksLikeEvent()) {
        rejection = new Rejection(sourceName, p.offset, p.line, "not a CloudTrail event", snippet(b, p.start, p.end));
        return REJECTED;
      }
      bridge.advance(cursor, sourceName, p.offset, p.line);
      return RECORD;
    } catch (JsonSyntaxError err) {
      rejection = new Rejection(sourceName, p.offset, p.line,
          err.reason() + " (at byte " + (err.offset() - p.start) + " of the embedded record)",
          snippet(b, p.start, p.end));
      return REJECTED;
    }
  }

  private boolean looksLikeEvent() {
    // the cursor is stale until a record is emitted (debug mode checks that): make it live for the
    // check, then stale again
    bridge.advance(cursor, sourceName, -1, -1);
    boolean event = cursor.has(io.cloudir.model.cloudtrail.CloudTrailField.EVENT_VERSION)
        || cursor.has(io.cloudir.model.cloudtrail.CloudTrailField.EVENT_NAME)
        || cursor.has(io.cloudir.model.cloudtrail.CloudTrailField.EVENT_SOURCE)
        || cursor.has(io.cloudir.model.cloudtrail.CloudTrailField.EVENT_TIME)
        || cursor.has(io.cloudir.model.cloudtrail.CloudTrailField.EVENT_ID)
        || cursor.has(io.cloudir.model.cloudtrail.CloudTrailField.USER_IDENTITY);
    bridge.invalidate(cursor);
    return event;
  }

  private static String snippet(byte[] b, int s, int e) {
    int n = Math.min(e - s, Rejection.MAX_SNIPPET);
    return new String(b, s, n, StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- discarding oversized values

  private void startDiscard(int s, int ctx) {
    afterDiscard = ctx;
    afterElement = true;
    state = DISCARD;
    pos = s;
    discardDepth = 0;
    discardInString = false;
    discardEscape = false;
  }

  private int discard() throws IOException {
    while (true) {
      while (pos < limit) {
        byte c = buf[pos++];
        if (discardInString) {
          if (discardEscape) {
            discardEscape = false;
          } else if (c == '\\') {
            discardEscape = true;
          } else if (c == '"') {
            discardInString = false;
            if (discardDepth == 0) {
              state = afterDiscard;
              return 0;
            }
          }
        } else if (c == '"') {
          discardInString = true;
        } else if (c == '{' || c == '[') {
          discardDepth++;
        } else if (c == '}' || c == ']') {
          discardDepth--;
          if (discardDepth <= 0) {
            state = afterDiscard;
            if (afterDiscard == TOP) {
              skipLine();
            }
            return 0;
          }
        } else if (discardDepth == 0 && (c == ',' || c == '\n')) {
          state = afterDiscard;
          pos--;
          return 0;
        }
      }
      int m = needMore(pos);
      if (m == -1) {
        state = DONE;
        return END;
      }
      if (m == NEED_MORE) {
        return NEED_MORE;
      }
    }
  }


  /** Where the current record starts (for provenance). */
  public Provenance provenance() {
    return cursor.provenance();
  }

  @Override
  public io.cloudir.model.LogRecord record() {
    return event();
  }

  @Override
  public boolean recordHasWarnings() {
    return cursor.hasWarnings();
  }
}
