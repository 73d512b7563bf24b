package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.internal.json.JsonRecordFactory;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.internal.json.JsonSyntaxError;
import io.cloudir.model.internal.json.ObjectIndexer;
import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.Rejection;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The streaming reader of JSON record formats other than CloudTrail (WAF, Route 53 Resolver…):
 * finds records in a stream of decoded bytes and indexes each, in one validating pass, with the
 * format's {@link JsonRecordFactory}.
 *
 * <p>Inputs: any sequence of JSON values — JSON lines, pretty-printed records, concatenated
 * objects without separators ({@code }{}, as Firehose delivers them) — top-level arrays of
 * records, and CloudWatch Logs subscription envelopes whose {@code logEvents[*].message} strings
 * are the JSON records (control messages are skipped).
 *
 * <p>Errors (the same rules as the CloudTrail reader): a malformed top-level value is rejected and
 * reading resumes at the next line; a syntax error inside a top-level array breaks that document:
 * the records before are kept, one rejection covers the rest of the source. A well-formed object
 * that names no field of the format is rejected alone. A value larger than {@link
 * ReadLimits#maxRecordBytes()} is rejected and skipped. A stream that breaks (truncated gzip)
 * keeps the records read before and adds one rejection at the break.
 *
 * <p>Buffers: in shared mode every refill starts a fresh block, so records handed out keep
 * pointing at bytes that never change; otherwise each record copies its bytes.
 *
 * <p>Not thread-safe.
 */
public final class JsonRecordEngine extends Blocks implements RecordEngine {
  private static final int TOP = 0;
  private static final int IN_ARRAY = 1;
  private static final int DISCARD = 2;
  private static final int DONE = 3;
  private static final int READ_CHUNK = 1 << 16;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long CONTROLS = 0x2020202020202020L;
  private static final long HIGHS = 0x8080808080808080L;

  private final JsonRecordFactory factory;
  private final JsonScanner sc;
  private final ObjectIndexer ix;
  private final int blockSize;

  private int state = TOP;
  private int afterDiscard = TOP;
  private long lines = 1;
  private int linesCountedTo;
  private long discardDepth;
  private boolean discardInString;
  private boolean discardEscape;

  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private @Nullable LogRecord record;

  private record Pending(byte[] buf, int start, int end, long offset, long line) {}

  /**
   * An engine.
   *
   * @param in the decoded bytes
   * @param sourceName the name used in provenance and rejections
   * @param limits limits
   * @param shared whether records handed out may share blocks that are never overwritten
   * @param factory the record format
   * @param blockSize the initial block size
   */
  public JsonRecordEngine(ByteSource in, String sourceName, ReadLimits limits, boolean shared,
      JsonRecordFactory factory, int blockSize) {
    super(in, sourceName, limits, shared, Math.max(64, blockSize));
    this.factory = factory;
    this.sc = new JsonScanner(limits.maxDepth(), limits.maxStringBytes());
    this.ix = new ObjectIndexer(factory.schema());
    this.blockSize = Math.max(64, blockSize);
  }

  /** An engine reading the whole decoded in-memory source {@code data} in place. */
  static JsonRecordEngine inPlace(byte[] data, String sourceName, ReadLimits limits, boolean shared,
      JsonRecordFactory factory) {
    JsonRecordEngine e = new JsonRecordEngine((b, off, len) -> -1, sourceName, limits, shared, factory, 64);
    e.wholeInput(data, data.length);
    return e;
  }

  @Override
  public LogRecord record() {
    LogRecord r = record;
    if (r == null) {
      throw new IllegalStateException("no record");
    }
    return r;
  }

  @Override
  public boolean recordHasWarnings() {
    return factory.hasWarnings(record());
  }

  // ---------------------------------------------------------------- buffer management

  private long lineAt(int p) {
    int i = linesCountedTo;
    long n = lines;
    if (p < i) {
      return n; // already counted past p (cannot happen for increasing positions)
    }
    byte[] b = buf;
    // 32 bytes a round. A cheap test first: does the round hold any byte below 0x20 (the lowest
    // such byte is found exactly; validated JSON has them only as white space, so compact records
    // have none)? Only then are its line feeds counted: each word's as 0x01 bytes, summed (at most
    // 4 per byte), then added across the bytes by one multiplication.
    while (i + 32 <= p) {
      long w0 = (long) LONGS.get(b, i);
      long w1 = (long) LONGS.get(b, i + 8);
      long w2 = (long) LONGS.get(b, i + 16);
      long w3 = (long) LONGS.get(b, i + 24);
      long below = ((w0 - CONTROLS) & ~w0) | ((w1 - CONTROLS) & ~w1) | ((w2 - CONTROLS) & ~w2)
          | ((w3 - CONTROLS) & ~w3);
      if ((below & HIGHS) != 0) {
        long t = lineFeeds(w0) + lineFeeds(w1) + lineFeeds(w2) + lineFeeds(w3);
        n += (t * 0x0101010101010101L) >>> 56;
      }
      i += 32;
    }
    while (i < p) {
      if (b[i++] == '\n') {
        n++;
      }
    }
    lines = n;
    linesCountedTo = p;
    return n;
  }

  /** 0x01 in each byte of {@code w} that is a line feed, 0 in the others. */
  private static long lineFeeds(long w) {
    long x = w ^ 0x0A0A0A0A0A0A0A0AL;
    return ~(((x & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | x | 0x7F7F7F7F7F7F7F7FL) >>> 7;
  }

  private boolean refill(int keepFrom) throws IOException {
    if (eof) {
      return false;
    }
    int keep = limit - keepFrom;
    int free = buf.length - limit;
    if (free < 4096 && !(free > 0 && keepFrom == 0)) {
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
        return false;
      }
    }
    // read in moderate chunks: a buffered gzip stream that breaks loses what the failing call read
    return readMore(Math.min(buf.length - limit, READ_CHUNK));
  }

  private int needMore(int keepFrom) throws IOException {
    if (refill(keepFrom)) {
      return 0;
    }
    if (!eof && limit < buf.length) {
      return NEED_MORE;
    }
    return -1;
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

  private int rejectRest(long offset, String reason, int snippetFrom) {
    int r = reject(offset, reason, snippetFrom);
    state = DONE;
    pos = limit;
    return r;
  }

  @Override
  public int next() throws IOException {
    record = null;
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
        case IN_ARRAY -> element();
        case DISCARD -> discard();
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
    if (c == '[') {
      pos++;
      state = IN_ARRAY;
      return 0;
    }
    if (c != '{') {
      int from = pos;
      int r = reject(base + pos, "not a JSON object or array (unexpected '" + JsonScanner.printable(c) + "')", from);
      skipLine();
      return r;
    }
    return value(TOP);
  }

  private void skipLine() {
    while (pos < limit && buf[pos] != '\n') {
      pos++;
    }
  }

  private int element() throws IOException {
    pos = JsonScanner.skipWs(buf, pos, limit);
    if (pos >= limit) {
      int m = needMore(pos);
      if (m == -1) {
        return rejectRest(base + pos, "unexpected end of input inside the top-level array", Math.max(0, pos - 80));
      }
      return m == NEED_MORE ? NEED_MORE : 0;
    }
    byte c = buf[pos];
    if (c == ']') {
      pos++;
      state = TOP;
      return 0;
    }
    if (c == ',') {
      int q = JsonScanner.skipWs(buf, pos + 1, limit);
      if (q >= limit) {
        int m = needMore(pos);
        if (m == -1) {
          return rejectRest(base + pos, "unexpected end of input inside the top-level array", Math.max(0, pos - 80));
        }
        return m == NEED_MORE ? NEED_MORE : 0;
      }
      if (buf[q] == ']') {
        return rejectRest(base + q, "trailing comma in the top-level array", pos);
      }
      pos = q;
      c = buf[pos];
    }
    if (c == '{' || c == '[' || c == '"' || c == 't' || c == 'f' || c == 'n' || c == '-' || (c >= '0' && c <= '9')) {
      return value(IN_ARRAY);
    }
    return rejectRest(base + pos, "expected a record or ']' in the top-level array but found '"
        + JsonScanner.printable(c) + "'", pos);
  }

  /** A complete value at {@code pos}: a record, an envelope to unwrap, or a rejection. */
  private int value(int ctx) throws IOException {
    int s = pos;
    int depth = ctx == TOP ? 0 : 1;
    boolean atEof = eof && ctx == TOP;
    try {
      int e;
      boolean object = buf[s] == '{';
      sc.newlines = 0;
      if (object) {
        e = ix.index(buf, s, limit, atEof, sc, depth);
      } else {
        e = sc.skipValue(buf, s, limit, depth, atEof);
      }
      if (e == JsonScanner.INCOMPLETE) {
        return incomplete(ctx, s);
      }
      pos = e;
      if (e - s > limits.maxRecordBytes()) {
        return reject(base + s, "record larger than " + limits.maxRecordBytes() + " bytes (ReadLimits.maxRecordBytes)", s);
      }
      if (!object) {
        return reject(base + s, "not a JSON object", s);
      }
      if (factory.isRecord(ix)) {
        long line = lineAt(s);
        record = factory.make(ix, Provenance.of(sourceName, base + s, line), !shared);
        // the scan counted the record's line feeds (all white space): lines need no second pass
        lines = line + sc.newlines;
        linesCountedTo = e;
        return RECORD;
      }
      return envelope(s);
    } catch (JsonSyntaxError err) {
      long off = base + err.offset();
      String reason = err.reason();
      if (ctx == TOP) {
        int r = reject(off, reason, Math.max(s, err.offset() - 80));
        pos = Math.max(err.offset(), s + 1);
        skipLine();
        return r;
      }
      if (err.isLimit()) {
        int r = reject(off, reason, Math.max(s, err.offset() - 80));
        startDiscard(s, ctx);
        return r;
      }
      return rejectRest(off, reason + " (the rest of this document is not read)", Math.max(s, err.offset() - 80));
    }
  }

  private int incomplete(int ctx, int s) throws IOException {
    if (limit - s > limits.maxRecordBytes()) {
      int r = reject(base + s, "record larger than " + limits.maxRecordBytes() + " bytes (ReadLimits.maxRecordBytes)", s);
      startDiscard(s, ctx);
      return r;
    }
    int m = needMore(s);
    if (m == -1) {
      if (eof) {
        String reason = broken != null ? "stream broken: " + broken : "unexpected end of input";
        broken = null;
        return rejectRest(base + pos, reason, pos);
      }
      int r = reject(base + pos, "record larger than the buffer", pos);
      startDiscard(pos, ctx);
      return r;
    }
    return m == NEED_MORE ? NEED_MORE : 0;
  }

  /** The validated object at s names no field of the format: a CloudWatch Logs envelope, or a rejection. */
  private int envelope(int s) {
    long logEvents = ix.extra("logEvents");
    long type = ix.extra("messageType");
    if (logEvents != 0 && type != 0 && buf[(int) (logEvents >>> 32)] == '[') {
      int ts = (int) (type >>> 32);
      int te = (int) type;
      if (buf[ts] == '"' && JsonStrings.decode(buf, ts + 1, te - 1).equals("CONTROL_MESSAGE")) {
        return SKIPPED;
      }
      int p = JsonScanner.skipWs(buf, (int) (logEvents >>> 32) + 1, limit);
      while (buf[p] != ']') {
        int ve = JsonScanner.skipValidated(buf, p);
        long msg = buf[p] == '{' ? member(p, ve, "message") : 0;
        if (msg == 0 || buf[(int) (msg >>> 32)] != '"') {
          pending.add(new Pending(new byte[0], 0, 0, base + p, lineAt(p)));
        } else {
          int ms = (int) (msg >>> 32);
          byte[] b = JsonStrings.decode(buf, ms + 1, (int) msg - 1).getBytes(StandardCharsets.UTF_8);
          pending.add(new Pending(b, 0, b.length, base + ms, lineAt(ms)));
        }
        p = JsonScanner.skipWs(buf, ve, limit);
        if (buf[p] == ',') {
          p = JsonScanner.skipWs(buf, p + 1, limit);
        }
      }
      return 0;
    }
    return reject(base + s, "not " + factory.describe(), s);
  }

  /** The span of the last member {@code name} (plain ASCII) of the validated object [s, e), or 0. */
  private long member(int s, int e, String name) {
    long found = 0;
    int p = JsonScanner.skipWs(buf, s + 1, e);
    while (p < e && buf[p] == '"') {
      int ne = JsonScanner.skipValidatedString(buf, p);
      boolean match = ne - p - 2 == name.length();
      for (int i = 0; match && i < name.length(); i++) {
        match = buf[p + 1 + i] == name.charAt(i);
      }
      int vs = JsonScanner.skipWs(buf, JsonScanner.skipWs(buf, ne, e) + 1, e);
      int ve = JsonScanner.skipValidated(buf, vs);
      if (match) {
        found = ((long) vs << 32) | ve;
      }
      p = JsonScanner.skipWs(buf, ve, e);
      if (p < e && buf[p] == ',') {
        p = JsonScanner.skipWs(buf, p + 1, e);
      }
    }
    return found;
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
    if (p.end - p.start > limits.maxRecordBytes()) {
      rejection = new Rejection(sourceName, p.offset, p.line, "record larger than " + limits.maxRecordBytes()
          + " bytes (ReadLimits.maxRecordBytes)", snippet(b, p.start, p.end));
      return REJECTED;
    }
    int s = JsonScanner.skipWs(b, p.start, p.end);
    try {
      if (s >= p.end || b[s] != '{') {
        throw new JsonSyntaxError(s, "not a JSON object");
      }
      int e = ix.index(b, s, p.end, true, sc, 0);
      int t = JsonScanner.skipWs(b, e, p.end);
      if (t != p.end) {
        throw new JsonSyntaxError(t, "unexpected data after the record");
      }
      if (!factory.isRecord(ix)) {
        rejection = new Rejection(sourceName, p.offset, p.line, "not " + factory.describe(), snippet(b, p.start, p.end));
        return REJECTED;
      }
      // the message bytes are this record's own: share them
      record = factory.make(ix, Provenance.of(sourceName, p.offset, p.line), false);
      return RECORD;
    } catch (JsonSyntaxError err) {
      rejection = new Rejection(sourceName, p.offset, p.line,
          err.reason() + " (at byte " + (err.offset() - p.start) + " of the embedded record)",
          snippet(b, p.start, p.end));
      return REJECTED;
    }
  }

  // ---------------------------------------------------------------- discarding oversized values

  private void startDiscard(int s, int ctx) {
    afterDiscard = ctx;
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
}
