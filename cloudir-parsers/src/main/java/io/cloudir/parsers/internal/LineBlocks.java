package io.cloudir.parsers.internal;

import io.cloudir.parsers.ReadLimits;
import io.cloudir.parsers.Rejection;
import java.io.IOException;

/**
 * What the line-oriented engines ({@link LineEngine}, {@link FlowLogCursorEngine}) share besides
 * {@link Blocks}: refilling blocks of decoded bytes from a {@link ByteSource}, and the splitting of
 * those bytes into lines ({@code \n} or {@code \r\n}) with exact offsets and line
 * numbers. A line longer than {@link ReadLimits#maxLineBytes()} is rejected and skipped without
 * being buffered whole; a stream that breaks adds one rejection at the break.
 *
 * <p>Not thread-safe.
 */
abstract class LineBlocks extends Blocks {
  /** {@link #splitLine()}: {@link #lineStart} to {@link #lineEnd} is the next non-blank line. */
  static final int LINE = 100;

  long line = 1;
  boolean skippingLongLine;
  boolean done;

  /** The line found by {@link #splitLine()}: start and end (without its terminator) in {@link #buf}. */
  int lineStart;
  int lineEnd;
  /** Its offset in the decoded source and its 1-based line number. */
  long lineOffset;
  long lineNumber;

  LineBlocks(ByteSource in, String sourceName, ReadLimits limits, boolean shared, int blockSize) {
    super(in, sourceName, limits, shared, blockSize);
  }

  /** Reads more, keeping bytes from {@code keepFrom}; false if nothing more can be read now. */
  final boolean refill(int keepFrom, int maxKeep) throws IOException {
    if (eof) {
      return false;
    }
    int keep = limit - keepFrom;
    if (buf.length - limit < 4096) {
      int size = buf.length;
      if (keep > size / 2) {
        size = Math.min(Math.max(size * 2, keep + 4096), maxKeep + 8192);
      }
      byte[] target = shared || size != buf.length ? new byte[Math.max(size, keep + 1)] : buf;
      System.arraycopy(buf, keepFrom, target, 0, keep);
      base += keepFrom;
      pos -= keepFrom;
      buf = target;
      limit = keep;
      if (limit == buf.length) {
        return false;
      }
    }
    return readMore(buf.length - limit);
  }

  /** {@link RecordEngine#END}, or the rejection of a stream that broke (once). */
  final int endOrBroken() {
    if (broken != null) {
      String why = broken;
      broken = null;
      rejection = new Rejection(sourceName, base + limit, line, "stream broken: " + why, "");
      return RecordEngine.REJECTED;
    }
    return RecordEngine.END;
  }

  /**
   * Finds the next line at {@link #pos}.
   *
   * @return {@link #LINE} (see {@link #lineStart}…), 0 for a blank or skipped line (call again),
   *     {@link RecordEngine#NEED_MORE}, {@link RecordEngine#REJECTED} (a line too long, a broken
   *     stream) or {@link RecordEngine#END}
   */
  final int splitLine() throws IOException {
    int s = pos;
    int nl = -1;
    byte[] b = buf;
    for (int i = s; i < limit; i++) {
      if (b[i] == '\n') {
        nl = i;
        break;
      }
    }
    int max = limits.maxLineBytes();
    if (skippingLongLine) {
      if (nl < 0) {
        pos = limit;
        if (refill(pos, max)) {
          return 0;
        }
        if (!eof) {
          return RecordEngine.NEED_MORE;
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
      if (limit - s > max) {
        rejection = new Rejection(sourceName, base + s, line,
            "line longer than " + max + " bytes (ReadLimits.maxLineBytes)", snippet(buf, s, limit));
        skippingLongLine = true;
        pos = limit;
        return RecordEngine.REJECTED;
      }
      if (refill(s, max)) {
        return 0;
      }
      if (!eof) {
        return RecordEngine.NEED_MORE;
      }
      if (pos >= limit) {
        done = true;
        return endOrBroken();
      }
      if (broken != null) {
        // the last line was cut by the break: report the break once, at that line
        String why = broken;
        broken = null;
        done = true;
        rejection = new Rejection(sourceName, base + pos, line, "stream broken: " + why, snippet(buf, pos, limit));
        return RecordEngine.REJECTED;
      }
      s = pos;
      nl = limit; // last line without terminator
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
    if (isBlank(buf, s, e)) {
      return 0;
    }
    if (e - s > max) {
      rejection = new Rejection(sourceName, off, lineNo,
          "line longer than " + max + " bytes (ReadLimits.maxLineBytes)", snippet(buf, s, e));
      return RecordEngine.REJECTED;
    }
    lineStart = s;
    lineEnd = e;
    lineOffset = off;
    lineNumber = lineNo;
    return LINE;
  }

  static boolean isBlank(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
        return false;
      }
    }
    return true;
  }
}
