package io.cloudir.parsers.internal;

import io.cloudir.model.internal.vpcflow.FlowLogAccess;
import io.cloudir.model.vpcflow.FlowLogCursor;
import io.cloudir.model.vpcflow.FlowLogFormat;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.Rejection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The allocation-free flow log engine behind {@code FlowLogCursorReader}: splits lines in one
 * reusable block (or reads an in-memory source in place) and indexes each into one reusable
 * {@link FlowLogCursor}. A canonical line is found and indexed in one pass (the model's
 * {@code FlowLineScanner}); any other line (blank, header, irregular spacing, malformed, the last
 * line without a line feed, a line cut by the block's end) goes through the complete path, which
 * alone decides rejections. In steady state nothing is allocated per record; rejections allocate
 * their {@link Rejection}. A source that starts with {@code {} (CloudWatch Logs envelopes) is read
 * through {@link LineEngine} and each record is shown through the cursor (that path allocates).
 *
 * <p>Not thread-safe.
 */
public final class FlowLogCursorEngine {
  /** {@link #next()}: the cursor shows a record. */
  public static final int RECORD = RecordEngine.RECORD;
  /** {@link #next()}: {@link #rejection()} describes a rejected line. */
  public static final int REJECTED = RecordEngine.REJECTED;
  /** {@link #next()}: a header line was read (and its format adopted). */
  public static final int SKIPPED = RecordEngine.SKIPPED;
  /** {@link #next()}: the source is exhausted. */
  public static final int END = RecordEngine.END;

  private final FlowLogAccess.Bridge bridge = FlowLogAccess.get();
  private final ByteSource in;
  private final String sourceName;
  private final ReadLimits limits;
  private final FlowLogCursor cursor;
  private final @Nullable FlowLogFormat given;
  private FlowLogFormat format;
  private boolean assumedDefault;

  private byte[] buf;
  private int pos;
  private int limit;
  private long base;
  private long line = 1;
  private boolean eof;
  private boolean inPlace;
  private @Nullable String broken;
  private boolean skippingLongLine;
  private boolean started;
  private boolean done;
  private @Nullable LineEngine envelopes;
  private @Nullable Rejection rejection;
  private long bytesRead;
  private boolean warn;

  /**
   * An engine.
   *
   * @param in decoded bytes
   * @param sourceName name for provenance and rejections
   * @param limits limits (maxLineBytes)
   * @param given the field order of files without a header, or null for the default format
   * @param debug whether the cursor checks its lifetime rule
   * @param blockSize the initial block size
   */
  public FlowLogCursorEngine(ByteSource in, String sourceName, ReadLimits limits, @Nullable FlowLogFormat given,
      boolean debug, int blockSize) {
    this.in = in;
    this.sourceName = sourceName;
    this.limits = limits;
    this.given = given;
    this.format = given != null ? given : FlowLogFormat.DEFAULT;
    this.assumedDefault = given == null;
    this.cursor = bridge.newCursor(debug);
    this.buf = new byte[Math.max(4096, blockSize)];
  }

  /** Reads {@code b[0, len)} in place as the whole input (never modified). */
  public void wholeInput(byte[] b, int len) {
    buf = b;
    limit = len;
    eof = true;
    inPlace = true;
    bytesRead = len;
  }

  /** The reusable cursor. */
  public FlowLogCursor cursor() {
    return cursor;
  }

  /** Whether the current record carries warnings. */
  public boolean recordHasWarnings() {
    return warn;
  }

  /** The rejection found by the last {@link #next()}. */
  public Rejection rejection() {
    Rejection r = rejection;
    if (r == null) {
      throw new IllegalStateException("no rejection");
    }
    return r;
  }

  /** Decoded bytes read so far. */
  public long bytesRead() {
    LineEngine le = envelopes;
    return le != null ? le.bytesRead() : bytesRead;
  }

  /** Tells the engine the stream broke. */
  public void breakStream(String reason) {
    LineEngine le = envelopes;
    if (le != null) {
      le.breakStream(reason);
    }
    broken = reason;
    eof = true;
  }

  private boolean refill(int keepFrom) throws IOException {
    if (eof) {
      return false;
    }
    int keep = limit - keepFrom;
    if (buf.length - limit < 4096 || keepFrom > 0) {
      byte[] target = buf;
      if (keep > buf.length / 2) {
        target = new byte[Math.min(Math.max(buf.length * 2, keep + 4096), limits.maxLineBytes() + 8192)];
        target = target.length > keep ? target : new byte[keep + 1];
      }
      System.arraycopy(buf, keepFrom, target, 0, keep);
      base += keepFrom;
      pos -= keepFrom;
      buf = target;
      limit = keep;
      if (limit == buf.length) {
        return false;
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

  /**
   * Advances.
   *
   * @return {@link #RECORD}, {@link #REJECTED}, {@link #SKIPPED} or {@link #END}
   */
  public int next() throws IOException {
    bridge.invalidate(cursor);
    LineEngine le = envelopes;
    if (le != null) {
      return nextEnvelopeRecord(le);
    }
    while (true) {
      if (done) {
        return END;
      }
      if (!started) {
        int p = pos;
        while (p < limit && (buf[p] == ' ' || buf[p] == '\n' || buf[p] == '\r' || buf[p] == '\t')) {
          p++;
        }
        if (p >= limit) {
          if (!inPlace && refill(pos)) {
            continue;
          }
          done = true;
          return endOrBroken();
        }
        started = true;
        if (buf[p] == '{') {
          byte[] b = buf;
          int from = pos;
          int to = limit;
          boolean[] first = {true};
          ByteSource rest = (dst, off, len) -> {
            if (first[0]) {
              int n = Math.min(len, to - from);
              System.arraycopy(b, from, dst, off, n);
              if (n == to - from) {
                first[0] = false;
              }
              return n;
            }
            return inPlace ? -1 : in.read(dst, off, len);
          };
          LineEngine e = new LineEngine(rest, sourceName, limits, true, new FlowLogLineParser(given, true));
          envelopes = e;
          return nextEnvelopeRecord(e);
        }
      }
      int r = nextLine();
      if (r != 0) {
        return r;
      }
    }
  }

  private int nextEnvelopeRecord(LineEngine e) throws IOException {
    int r = e.next();
    while (r == RecordEngine.NEED_MORE) {
      r = e.next();
    }
    if (r == RecordEngine.RECORD) {
      FlowLogRecord rec = (FlowLogRecord) e.record();
      bridge.index(cursor, rec.buffer(), rec.lineStart(), rec.lineEnd(), rec.format());
      bridge.advance(cursor, sourceName, rec.provenance().offset(), rec.provenance().line());
      warn = rec.hasWarnings();
      return RECORD;
    }
    if (r == RecordEngine.REJECTED) {
      rejection = e.rejection();
    }
    return r;
  }

  private int endOrBroken() {
    if (broken != null) {
      String why = broken;
      broken = null;
      rejection = new Rejection(sourceName, base + limit, line, "stream broken: " + why, "");
      return REJECTED;
    }
    return END;
  }

  private int nextLine() throws IOException {
    if (!skippingLongLine) {
      // the one-pass fast path: finds the line's end while indexing a canonical line
      int fs = pos;
      int fnl = bridge.indexLine(cursor, buf, fs, limit, format);
      if (fnl >= 0 && fnl - fs <= limits.maxLineBytes()) {
        long lineNo = line;
        pos = fnl + 1;
        line++;
        bridge.advance(cursor, sourceName, base + fs, lineNo);
        warn = cursor.hasWarnings();
        return RECORD;
      }
    }
    int s = pos;
    int nl = -1;
    byte[] b = buf;
    int lim = limit;
    for (int i = s; i < lim; i++) {
      if (b[i] == '\n') {
        nl = i;
        break;
      }
    }
    if (skippingLongLine) {
      if (nl < 0) {
        pos = limit;
        if (refill(pos)) {
          return 0;
        }
        done = true;
        return endOrBroken();
      }
      pos = nl + 1;
      line++;
      skippingLongLine = false;
      return 0;
    }
    if (nl < 0) {
      if (limit - s > limits.maxLineBytes()) {
        rejection = new Rejection(sourceName, base + s, line,
            "line longer than " + limits.maxLineBytes() + " bytes (ReadLimits.maxLineBytes)", snippet(buf, s, limit));
        skippingLongLine = true;
        pos = limit;
        return REJECTED;
      }
      if (!inPlace && refill(s)) {
        return 0;
      }
      s = pos;
      if (s >= limit) {
        done = true;
        return endOrBroken();
      }
      if (broken != null) {
        String why = broken;
        broken = null;
        done = true;
        rejection = new Rejection(sourceName, base + s, line, "stream broken: " + why, snippet(buf, s, limit));
        return REJECTED;
      }
      nl = limit;
    }
    int e = nl;
    if (e > s && buf[e - 1] == '\r') {
      e--;
    }
    long lineNo = line;
    long off = base + s;
    pos = Math.min(nl + 1, limit);
    if (nl < limit) {
      line++;
    }
    int p = s;
    while (p < e && (buf[p] == ' ' || buf[p] == '\t' || buf[p] == '\r')) {
      p++;
    }
    if (p == e) {
      return 0;
    }
    if (e - s > limits.maxLineBytes()) {
      rejection = new Rejection(sourceName, off, lineNo,
          "line longer than " + limits.maxLineBytes() + " bytes (ReadLimits.maxLineBytes)", snippet(buf, s, e));
      return REJECTED;
    }
    if (buf[p] >= 'a' && buf[p] <= 'z') {
      FlowLogFormat h = bridge.header(buf, s, e);
      if (h != null) {
        format = h;
        assumedDefault = false;
        return SKIPPED;
      }
    }
    if (!bridge.index(cursor, buf, s, e, format)) {
      String why = bridge.error(cursor);
      if (assumedDefault) {
        why += " (no header line and no vpcflow.format option: the default version 2 format was assumed)";
      }
      rejection = new Rejection(sourceName, off + bridge.errorColumn(cursor), lineNo, why, snippet(buf, s, e));
      return REJECTED;
    }
    bridge.advance(cursor, sourceName, off, lineNo);
    warn = cursor.hasWarnings();
    return RECORD;
  }

  private static String snippet(byte[] b, int s, int e) {
    return new String(b, s, Math.min(e - s, Rejection.MAX_SNIPPET), StandardCharsets.UTF_8);
  }
}
