package io.cloudir.parsers.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The first lines of a text source for format detection: the lines of a plain text head, or the
 * messages of CloudWatch Logs subscription envelopes when the head starts with {@code {}. A line
 * cut by the end of the head is left out (unless it is the only one).
 *
 * <p>Stateless and thread-safe.
 */
final class TextHead {
  private TextHead() {}

  /** Up to {@code max} non-blank lines (as bytes, without terminators) from the head. */
  static List<byte[]> lines(byte[] head, int len, int max) {
    int p = 0;
    if (len >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      p = 3;
    }
    int q = p;
    while (q < len && (head[q] == ' ' || head[q] == '\n' || head[q] == '\r' || head[q] == '\t')) {
      q++;
    }
    if (q < len && head[q] == '{') {
      return messages(head, q, len, max);
    }
    List<byte[]> out = new ArrayList<>();
    boolean whole = len < Formats.HEAD;
    while (p < len && out.size() < max) {
      int nl = p;
      while (nl < len && head[nl] != '\n') {
        nl++;
      }
      if (nl == len && !whole && !out.isEmpty()) {
        break;
      }
      int e = nl;
      if (e > p && head[e - 1] == '\r') {
        e--;
      }
      if (!blank(head, p, e)) {
        out.add(java.util.Arrays.copyOfRange(head, p, e));
      }
      p = nl + 1;
    }
    return out;
  }

  private static boolean blank(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static final byte[] MESSAGE = "\"message\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** The decoded {@code "message"} strings found in envelopes (roughly: enough for detection). */
  private static List<byte[]> messages(byte[] b, int p, int len, int max) {
    List<byte[]> out = new ArrayList<>();
    int i = p;
    while (out.size() < max) {
      int k = indexOf(b, MESSAGE, i, len);
      if (k < 0) {
        break;
      }
      int j = k + MESSAGE.length;
      while (j < len && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r')) {
        j++;
      }
      if (j >= len || b[j] != ':') {
        i = k + 1;
        continue;
      }
      j++;
      while (j < len && (b[j] == ' ' || b[j] == '\t' || b[j] == '\n' || b[j] == '\r')) {
        j++;
      }
      if (j >= len || b[j] != '"') {
        i = k + 1;
        continue;
      }
      j++;
      ByteArrayOutputStream m = new ByteArrayOutputStream();
      boolean closed = false;
      while (j < len) {
        byte c = b[j];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\' && j + 1 < len) {
          byte x = b[j + 1];
          switch (x) {
            case 'n' -> m.write('\n');
            case 't' -> m.write('\t');
            case 'r' -> m.write('\r');
            case 'u' -> {
              m.write('?');
              j += 4;
            }
            default -> m.write(x);
          }
          j += 2;
          continue;
        }
        m.write(c);
        j++;
      }
      if (!closed) {
        break;
      }
      byte[] msg = m.toByteArray();
      int e = msg.length;
      while (e > 0 && (msg[e - 1] == '\n' || msg[e - 1] == '\r')) {
        e--;
      }
      if (!blank(msg, 0, e)) {
        out.add(java.util.Arrays.copyOf(msg, e));
      }
      i = j + 1;
    }
    return out;
  }

  private static int indexOf(byte[] b, byte[] pat, int from, int len) {
    return Detect.indexOf(b, from, len, pat);
  }

}
