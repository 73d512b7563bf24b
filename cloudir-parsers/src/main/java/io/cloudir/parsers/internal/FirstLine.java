package io.cloudir.parsers.internal;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Detection helper for text formats: the first non-blank line of a source's head, or, for a
 * CloudWatch Logs subscription envelope, the first {@code logEvents[*].message}. Stateless.
 */
final class FirstLine {
  private FirstLine() {}

  private static final byte[] LOG_EVENTS = "\"logEvents\"".getBytes(StandardCharsets.US_ASCII);

  /**
   * The first line's bytes (a fresh array; detection only), or null when the head holds none.
   *
   * @param envelope out: {@code envelope[0]} is set to true when the line came from an envelope
   */
  static byte @Nullable [] of(byte[] head, int len, boolean[] envelope) {
    int p = 0;
    if (len >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
      p = 3;
    }
    while (p < len && (head[p] == ' ' || head[p] == '\n' || head[p] == '\r' || head[p] == '\t')) {
      p++;
    }
    if (p >= len) {
      return null;
    }
    if (head[p] == '{') {
      envelope[0] = true;
      return message(head, p, len);
    }
    int e = p;
    while (e < len && head[e] != '\n') {
      e++;
    }
    if (e >= len && len >= Formats.HEAD) {
      // the line may be cut: still judge what is there
      e = len;
    }
    if (e > p && head[e - 1] == '\r') {
      e--;
    }
    byte[] out = new byte[e - p];
    System.arraycopy(head, p, out, 0, out.length);
    return out;
  }

  /** The first {@code "message":"..."} value of an envelope (escapes \" \\ \/ \t only), or null. */
  private static byte @Nullable [] message(byte[] b, int p, int len) {
    // the text's ASCII characters are the bytes' ASCII bytes, in order: without these bytes the
    // text cannot contain the name (and decoding the whole head is what detection spends most on)
    if (Detect.indexOf(b, p, len, LOG_EVENTS) < 0) {
      return null;
    }
    String text = new String(b, p, len - p, StandardCharsets.UTF_8);
    if (!text.contains("\"logEvents\"")) {
      return null;
    }
    int k = text.indexOf("\"message\"");
    if (k < 0) {
      return null;
    }
    k += 9;
    while (k < text.length() && (text.charAt(k) == ' ' || text.charAt(k) == ':' || text.charAt(k) == '\n'
        || text.charAt(k) == '\r' || text.charAt(k) == '\t')) {
      k++;
    }
    if (k >= text.length() || text.charAt(k) != '"') {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = k + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        String m = sb.toString();
        int nl = m.indexOf('\n');
        return (nl >= 0 ? m.substring(0, nl) : m).strip().getBytes(StandardCharsets.UTF_8);
      }
      if (c == '\\' && i + 1 < text.length()) {
        char x = text.charAt(++i);
        sb.append(x == 't' ? '\t' : x == 'n' ? '\n' : x);
        continue;
      }
      sb.append(c);
    }
    return null;
  }

  /** Splits on runs of spaces. */
  static String[] tokens(byte[] line) {
    return new String(line, StandardCharsets.UTF_8).trim().split(" +");
  }
}
