package io.cloudir.parsers.internal;

import io.cloudir.model.internal.vpcflow.FlowLogAccess;
import io.cloudir.model.vpcflow.FlowLogCursor;
import io.cloudir.model.vpcflow.FlowLogFormat;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.Rejection;
import java.io.IOException;
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
public final class FlowLogCursorEngine extends LineBlocks {
  /** {@link #next()}: the cursor shows a record. */
  public static final int RECORD = RecordEngine.RECORD;
  /** {@link #next()}: {@link #rejection()} describes a rejected line. */
  public static final int REJECTED = RecordEngine.REJECTED;
  /** {@link #next()}: a header line was read (and its format adopted). */
  public static final int SKIPPED = RecordEngine.SKIPPED;
  /** {@link #next()}: the source is exhausted. */
  public static final int END = RecordEngine.END;

  private final FlowLogAccess.Bridge bridge = FlowLogAccess.get();
  private final FlowLogCursor cursor;
  private final @Nullable FlowLogFormat given;
  private FlowLogFormat format;
  private boolean assumedDefault;

  private boolean started;
  private @Nullable LineEngine envelopes;
  private boolean warn;
  private final int maxLineBytes;

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
    super(in, sourceName, limits, false, Math.max(4096, blockSize));
    this.maxLineBytes = limits.maxLineBytes();
    this.given = given;
    this.format = given != null ? given : FlowLogFormat.DEFAULT;
    this.assumedDefault = given == null;
    this.cursor = bridge.newCursor(debug);
  }

  /** The reusable cursor. */
  public FlowLogCursor cursor() {
    return cursor;
  }

  /** Whether the current record carries warnings. */
  public boolean recordHasWarnings() {
    return warn;
  }

  @Override
  public long bytesRead() {
    LineEngine le = envelopes;
    return le != null ? le.bytesRead() : bytesRead;
  }

  @Override
  public void breakStream(String reason) {
    LineEngine le = envelopes;
    if (le != null) {
      le.breakStream(reason);
    }
    super.breakStream(reason);
  }

  /**
   * Advances.
   *
   * @return {@link #RECORD}, {@link #REJECTED}, {@link #SKIPPED} or {@link #END}
   */
  public int next() throws IOException {
    if (started && !done && !skippingLongLine && envelopes == null) {
      // the common case first: a canonical line indexed in one pass (this also marks the cursor stale)
      int fs = pos;
      int fnl = bridge.indexLine(cursor, buf, fs, limit, format);
      if (fnl >= 0 && fnl - fs <= maxLineBytes) {
        long lineNo = line;
        pos = fnl + 1;
        line = lineNo + 1;
        bridge.advance(cursor, sourceName, base + fs, lineNo);
        warn = cursor.hasWarnings();
        return RECORD;
      }
    }
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
          if (refill(pos, limits.maxLineBytes())) {
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
            return in.read(dst, off, len); // an in-place input's source is already at its end
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
    int r = splitLine();
    if (r != LINE) {
      return r == RecordEngine.NEED_MORE ? 0 : r;
    }
    int s = lineStart;
    int e = lineEnd;
    long off = lineOffset;
    long lineNo = lineNumber;
    int p = s;
    while (buf[p] == ' ' || buf[p] == '\t' || buf[p] == '\r') {
      p++; // not blank: a non-blank byte comes before e
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

}
