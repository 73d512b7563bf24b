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

  /**
   * The non-negative decimal number {@code s} of at most {@code maxDigits} ASCII digits, or -1
   * (for an empty text, another character or too many digits).
   */
  public static int decimal(String s, int maxDigits) {
    if (s.isEmpty() || s.length() > maxDigits) {
      return -1;
    }
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /**
   * The lines of a byte array that are not blank and do not start with {@code #}; a CR before
   * the LF is not part of a line.
   *
   * <p>Not thread-safe.
   */
  public static final class Lines {
    private final byte[] b;
    private int next;
    private int start;
    private int end;
    private long line;

    /** Lines of {@code b}. */
    public Lines(byte[] b) {
      this.b = b;
    }

    /** Moves to the next line with content; false at the end. */
    public boolean next() {
      while (next < b.length) {
        line++;
        int s = next;
        int e = lineEnd(b, s, b.length);
        next = e + 1;
        if (e > s && b[e - 1] == '\r') {
          e--;
        }
        if (e > s && b[s] != '#') {
          start = s;
          end = e;
          return true;
        }
      }
      return false;
    }

    /** The offset of the line's first byte. */
    public int start() {
      return start;
    }

    /** The offset after the line's last byte (CR excluded). */
    public int end() {
      return end;
    }

    /** The 1-based line number. */
    public long line() {
      return line;
    }
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
