package io.cloudir.model.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * Decoding and encoding of JSON string bodies. Decoding assumes the bytes were validated by
 * {@link JsonScanner#scanString}.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonStrings {
  private JsonStrings() {}

  /** Whether bytes {@code [s, e)} contain a backslash. */
  public static boolean hasEscape(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] == '\\') {
        return true;
      }
    }
    return false;
  }

  /** Decodes the body {@code [s, e)} of a validated JSON string (without its quotes). */
  public static String decode(byte[] b, int s, int e) {
    if (!hasEscape(b, s, e)) {
      return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
    StringBuilder sb = new StringBuilder(e - s);
    int i = s;
    while (i < e) {
      int j = i;
      while (j < e && b[j] != '\\') {
        j++;
      }
      if (j > i) {
        sb.append(new String(b, i, j - i, StandardCharsets.UTF_8));
      }
      if (j >= e) {
        break;
      }
      byte c = b[j + 1];
      switch (c) {
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          int cp = 0;
          for (int k = 2; k < 6; k++) {
            cp = (cp << 4) | JsonScanner.hex(b[j + k]);
          }
          sb.append((char) cp);
          i = j + 6;
          continue;
        }
        default -> sb.append((char) c); // " \ /
      }
      i = j + 2;
    }
    return sb.toString();
  }

  /** Appends {@code s} as a quoted JSON string. */
  public static StringBuilder quote(StringBuilder out, CharSequence s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || (Character.isSurrogate(c) && !validSurrogateAt(s, i))) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }

  private static boolean validSurrogateAt(CharSequence s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** The JSON text of {@code s} as a quoted string. */
  public static String quote(CharSequence s) {
    return quote(new StringBuilder(s.length() + 2), s).toString();
  }
}
