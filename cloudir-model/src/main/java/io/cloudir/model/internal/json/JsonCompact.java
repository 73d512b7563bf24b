package io.cloudir.model.internal.json;

import java.nio.charset.StandardCharsets;

/**
 * One-line JSON text from validated JSON bytes: white space outside strings removed, everything
 * else (member order, escapes, number spellings) exactly as written.
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonCompact {
  private JsonCompact() {}

  /** Whether the validated JSON in {@code [s, e)} has white space outside strings. */
  public static boolean hasWhitespace(byte[] b, int s, int e) {
    int p = s;
    while (p < e) {
      byte c = b[p];
      if (c == '"') {
        p = JsonScanner.skipValidatedString(b, p);
      } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        return true;
      } else {
        p++;
      }
    }
    return false;
  }

  /** The validated JSON in {@code [s, e)} as a String without white space outside strings. */
  public static String compact(byte[] b, int s, int e) {
    if (!hasWhitespace(b, s, e)) {
      return new String(b, s, e - s, StandardCharsets.UTF_8);
    }
    byte[] out = new byte[e - s];
    int n = 0;
    int p = s;
    while (p < e) {
      byte c = b[p];
      if (c == '"') {
        int q = JsonScanner.skipValidatedString(b, p);
        System.arraycopy(b, p, out, n, q - p);
        n += q - p;
        p = q;
      } else {
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          out[n++] = c;
        }
        p++;
      }
    }
    return new String(out, 0, n, StandardCharsets.UTF_8);
  }
}
