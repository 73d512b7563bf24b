package io.cloudir.investigate.internal.enrich;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Splits one CSV line (RFC 4180 quoting: a field in double quotes may hold commas and {@code ""}
 * for a quote) held as bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class Csv {
  private Csv() {}

  /**
   * Splits {@code [s, e)} into at most {@code out.length / 2} fields, writing each field's content
   * bounds (quotes excluded) to {@code out} and setting {@code quoted[i]} when field i was quoted.
   *
   * @return the number of fields, or a negative number {@code -(1 + offset)} naming the offset of
   *     a quoting error, or {@code Integer.MIN_VALUE} when there are too many fields
   */
  public static int split(byte[] b, int s, int e, int[] out, boolean[] quoted) {
    int n = 0;
    int p = s;
    while (true) {
      if (2 * n >= out.length) {
        return Integer.MIN_VALUE;
      }
      if (p < e && b[p] == '"') {
        int q = p + 1;
        while (true) {
          if (q >= e) {
            return -(1 + p); // unterminated quote
          }
          if (b[q] == '"') {
            if (q + 1 < e && b[q + 1] == '"') {
              q += 2;
              continue;
            }
            break;
          }
          q++;
        }
        out[2 * n] = p + 1;
        out[2 * n + 1] = q;
        quoted[n] = true;
        n++;
        p = q + 1;
        if (p == e) {
          return n;
        }
        if (b[p] != ',') {
          return -(1 + p); // text after a closing quote
        }
        p++;
      } else {
        int q = p;
        while (q < e && b[q] != ',') {
          if (b[q] == '"') {
            return -(1 + q); // quote inside an unquoted field
          }
          q++;
        }
        out[2 * n] = p;
        out[2 * n + 1] = q;
        quoted[n] = false;
        n++;
        if (q == e) {
          return n;
        }
        p = q + 1;
      }
    }
  }

  /** The text of a field (quotes undoubled when it was quoted), or null when it is not UTF-8. */
  public static @Nullable String text(byte[] b, int s, int e, boolean wasQuoted) {
    if (Utf8.firstInvalid(b, s, e) >= 0) {
      return null;
    }
    String t = new String(b, s, e - s, StandardCharsets.UTF_8);
    return wasQuoted && t.indexOf('"') >= 0 ? t.replace("\"\"", "\"") : t;
  }

  /** The end of the line starting at {@code s} (the offset of its LF, or {@code limit}). */
  public static int lineEnd(byte[] b, int s, int limit) {
    for (int i = s; i < limit; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return limit;
  }
}
