package io.cloudir.cli.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes records as JSON lines: each record's JSON with the whitespace outside strings removed,
 * then {@code \n}. CloudTrail events are copied straight from the bytes they were read from.
 *
 * <p>Output is buffered in blocks that always end at a line end; after each block the stream is
 * checked, and {@link #failed()} turns true when it can no longer be written (a closed pipe).
 *
 * <p>Not thread-safe.
 */
final class JsonLineWriter {
  static final int BUFFER = 1 << 16;

  private final PrintStream out;
  private final Runnable beforeWrite;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private boolean failed;

  /**
   * @param out the destination
   * @param beforeWrite runs before each block goes out (clears a progress bar on a shared terminal)
   */
  JsonLineWriter(PrintStream out, Runnable beforeWrite) {
    this.out = out;
    this.beforeWrite = beforeWrite;
  }

  /** Writes one record as one line. */
  void write(LogRecord r) {
    if (r instanceof CloudTrailEvent e) {
      writeLine(e.buffer(), e.recordStart(), e.recordEnd());
    } else {
      byte[] b = r.toJson().getBytes(StandardCharsets.UTF_8);
      writeLine(b, 0, b.length);
    }
  }

  /** Writes one line of JSON text (already without line ends). */
  void writeText(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    writeLine(b, 0, b.length);
  }

  /** Writes {@code json[start, end)} (valid JSON) without whitespace outside strings, then a line end. */
  void writeLine(byte[] json, int start, int end) {
    int need = end - start + 1;
    if (need > buf.length - pos) {
      flush();
    }
    if (need > buf.length) {
      byte[] big = new byte[need];
      int n = strip(json, start, end, big, 0);
      big[n++] = '\n';
      emit(big, n);
      return;
    }
    pos = strip(json, start, end, buf, pos);
    buf[pos++] = '\n';
  }

  /** Writes out what is buffered. */
  void flush() {
    if (pos > 0) {
      emit(buf, pos);
      pos = 0;
    }
  }

  /** Whether the destination failed (nothing more can be written). */
  boolean failed() {
    return failed;
  }

  private void emit(byte[] b, int len) {
    if (failed) {
      return;
    }
    beforeWrite.run();
    out.write(b, 0, len);
    if (out.checkError()) {
      failed = true;
    }
  }

  /**
   * Copies the JSON text {@code src[start, end)} to {@code dst} from {@code at}, leaving out the
   * spaces, tabs, line feeds and carriage returns that are not inside strings. {@code dst} must
   * have room for {@code end - start} bytes. Tracks string state and backslash escapes; bytes of
   * multi-byte UTF-8 characters are all {@code >= 0x80} and so never taken for structure.
   *
   * @return the index in {@code dst} after the last byte written
   */
  static int strip(byte[] src, int start, int end, byte[] dst, int at) {
    int d = at;
    int run = start;
    boolean inString = false;
    for (int i = start; i < end; i++) {
      byte b = src[i];
      if (inString) {
        if (b == '\\') {
          i++;
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        int n = i - run;
        if (n > 0) {
          System.arraycopy(src, run, dst, d, n);
          d += n;
        }
        run = i + 1;
      }
    }
    int n = end - run;
    if (n > 0) {
      System.arraycopy(src, run, dst, d, n);
      d += n;
    }
    return d;
  }
}
