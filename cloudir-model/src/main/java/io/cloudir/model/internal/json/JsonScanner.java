package io.cloudir.model.internal.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A strict, validating, allocation-free JSON scanner over byte arrays (RFC 8259, UTF-8).
 *
 * <p>It finds the extent of values without building anything: strings are checked for control
 * characters, escapes and well-formed UTF-8 eight bytes at a time (SWAR); numbers and literals
 * against the grammar; nesting iteratively with an explicit bounded stack, so a 100 000-deep
 * array is a limit error, never a {@code StackOverflowError}.
 *
 * <p>Methods return the index just past what they scanned, or {@link #INCOMPLETE} when the
 * buffer ended before the value did (streaming callers then read more and scan again from the
 * value's start). Errors are thrown as {@link JsonSyntaxError} with the offending index.
 *
 * <p>Not thread-safe: an instance keeps a reusable nesting stack. Use one per thread.
 */
public final class JsonScanner {
  /** Returned when the input ended inside the value. */
  public static final int INCOMPLETE = -1;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
  private static final long SPACES = 0x2020202020202020L;

  private final int maxDepth;
  private final int maxStringBytes;
  private final byte[] stack;

  /** Whether the last string scanned by {@link #scanString} contained a backslash escape. */
  public boolean lastStringEscaped;

  /** Whether the last string scanned by {@link #scanString} contained non-ASCII bytes. */
  public boolean lastStringNonAscii;

  /**
   * Line feeds skipped as white space by {@link #skipValue} and {@link #ws} since the caller last
   * set it (to 0): a reader that counts the lines of the values it scans needs no second pass
   * (validated JSON holds line feeds only as white space).
   */
  public int newlines;

  /**
   * A scanner with limits.
   *
   * @param maxDepth the deepest nesting of arrays and objects allowed inside one scanned value
   * @param maxStringBytes the longest string (raw bytes between the quotes) allowed
   */
  public JsonScanner(int maxDepth, int maxStringBytes) {
    if (maxDepth < 1 || maxStringBytes < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxDepth = maxDepth;
    this.maxStringBytes = maxStringBytes;
    this.stack = new byte[maxDepth + 1];
  }

  /** The deepest nesting allowed. */
  public int maxDepth() {
    return maxDepth;
  }

  /** Index of the first byte at or after {@code p} that is not JSON white space (or {@code end}). */
  public static int skipWs(byte[] b, int p, int end) {
    // compact JSON: the next byte is usually not white space (every byte above ' ' is not)
    if (p < end && b[p] > ' ') {
      return p;
    }
    return skipWsLoop(b, p, end);
  }

  /** {@link #skipWs}, adding the line feeds skipped to {@link #newlines}. */
  public int ws(byte[] b, int p, int end) {
    if (p < end && b[p] > ' ') {
      return p;
    }
    return wsCounting(b, p, end);
  }

  private int wsCounting(byte[] b, int p, int end) {
    int n = 0;
    while (p < end) {
      byte c = b[p];
      if (c == ' ' || c == '\r' || c == '\t') {
        p++;
      } else if (c == '\n') {
        p++;
        n++;
      } else {
        break;
      }
    }
    newlines += n;
    return p;
  }

  /** The longest string allowed (raw bytes between the quotes). */
  public int maxStringBytes() {
    return maxStringBytes;
  }

  private static int skipWsLoop(byte[] b, int p, int end) {
    while (p < end) {
      byte c = b[p];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        p++;
      } else {
        return p;
      }
    }
    return p;
  }

  /**
   * Scans a string whose opening quote is at {@code p}.
   *
   * <p>The common case — plain ASCII without escapes — is this small method, which the JIT can
   * inline into its callers; anything else continues in {@link #scanStringSlow}.
   *
   * @return the index after the closing quote, or {@link #INCOMPLETE}
   */
  public int scanString(byte[] b, int p, int end) throws JsonSyntaxError {
    int q = p + 1;
    while (q + 16 <= end) {
      long h0 = special((long) LONGS.get(b, q));
      long h1 = special((long) LONGS.get(b, q + 8));
      if ((h0 | h1) != 0) {
        q += h0 != 0 ? Long.numberOfTrailingZeros(h0) >>> 3 : 8 + (Long.numberOfTrailingZeros(h1) >>> 3);
        if (b[q] == '"' && q - p - 1 <= maxStringBytes) {
          lastStringEscaped = false;
          lastStringNonAscii = false;
          return q + 1;
        }
        return scanStringSlow(b, p, q, end);
      }
      q += 16;
    }
    while (q + 8 <= end) {
      long w = (long) LONGS.get(b, q);
      long hit = special(w);
      if (hit != 0) {
        q += Long.numberOfTrailingZeros(hit) >>> 3;
        if (b[q] == '"' && q - p - 1 <= maxStringBytes) {
          lastStringEscaped = false;
          lastStringNonAscii = false;
          return q + 1;
        }
        break;
      }
      q += 8;
    }
    return scanStringSlow(b, p, q, end);
  }

  /**
   * The high bit of every byte of {@code w} that is a quote, a backslash, a control character or
   * not ASCII, exact up to the first such byte (bits above it may be spurious). Without the usual
   * {@code & ~x} of the zero-byte test: the only bytes it would exclude are not ASCII, which are
   * reported anyway.
   */
  private static long special(long w) {
    return ((w ^ QUOTES) - ONES | (w ^ BACKSLASHES) - ONES | w - SPACES | w) & HIGHS;
  }

  /**
   * Continues {@link #scanString} at {@code p}: the bytes from after the opening quote at {@code
   * start} up to {@code p} are plain ASCII without escapes.
   */
  private int scanStringSlow(byte[] b, int start, int p, int end) throws JsonSyntaxError {
    boolean escaped = false;
    boolean nonAscii = false;
    while (true) {
      // eight bytes at a time while nothing interesting is in them
      while (p + 8 <= end) {
        long hit = special((long) LONGS.get(b, p));
        if (hit == 0) {
          p += 8;
        } else {
          p += Long.numberOfTrailingZeros(hit) >>> 3;
          break;
        }
      }
      if (p >= end) {
        if (p - start - 1 > maxStringBytes) {
          // a streaming caller must not be asked to read more of an overlong string
          throw new JsonSyntaxError(start, "string longer than " + maxStringBytes + " bytes", true);
        }
        return INCOMPLETE;
      }
      int c = b[p];
      if (c == '"') {
        if (p - start - 1 > maxStringBytes) {
          throw new JsonSyntaxError(start, "string longer than " + maxStringBytes + " bytes", true);
        }
        lastStringEscaped = escaped;
        lastStringNonAscii = nonAscii;
        return p + 1;
      } else if (c == '\\') {
        escaped = true;
        if (p + 1 >= end) {
          return INCOMPLETE;
        }
        int e = b[p + 1];
        switch (e) {
          case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> p += 2;
          case 'u' -> {
            int n = Math.min(6, end - p);
            for (int i = 2; i < n; i++) {
              if (hex(b[p + i]) < 0) {
                throw new JsonSyntaxError(p + i, "invalid \\u escape");
              }
            }
            if (n < 6) {
              return INCOMPLETE; // the digits so far are valid; the rest may follow
            }
            p += 6;
          }
          default -> throw new JsonSyntaxError(p, "invalid escape '\\" + printable(e) + "'");
        }
      } else if (c >= 0 && c < 0x20) {
        throw new JsonSyntaxError(p, "unescaped control character 0x" + Integer.toHexString(c) + " in string");
      } else if (c < 0) {
        nonAscii = true;
        int n = utf8Length(b, p, end);
        if (n == INCOMPLETE) {
          return INCOMPLETE;
        }
        p += n;
      } else {
        p++; // a false positive of the SWAR test cannot happen below the first hit, but be safe
      }
      if (p - start - 1 > maxStringBytes) {
        throw new JsonSyntaxError(start, "string longer than " + maxStringBytes + " bytes", true);
      }
    }
  }

  /**
   * Validates one UTF-8 sequence whose lead byte (non-ASCII) is at {@code p}.
   *
   * @return its length, or {@link #INCOMPLETE}
   */
  static int utf8Length(byte[] b, int p, int end) throws JsonSyntaxError {
    int c = b[p] & 0xFF;
    int n;
    int min;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      min = 0x10000;
    } else {
      throw new JsonSyntaxError(p, "invalid UTF-8 lead byte 0x" + Integer.toHexString(c));
    }
    if (p + n > end) {
      // a truncated sequence at the end of the buffer may complete after a refill
      for (int i = 1; i < end - p; i++) {
        if ((b[p + i] & 0xC0) != 0x80) {
          throw new JsonSyntaxError(p + i, "invalid UTF-8 continuation byte");
        }
      }
      return INCOMPLETE;
    }
    int cp = c & (0xFF >>> (n + 1));
    for (int i = 1; i < n; i++) {
      int d = b[p + i] & 0xFF;
      if ((d & 0xC0) != 0x80) {
        throw new JsonSyntaxError(p + i, "invalid UTF-8 continuation byte");
      }
      cp = (cp << 6) | (d & 0x3F);
    }
    if (cp < min) {
      throw new JsonSyntaxError(p, "overlong UTF-8 sequence");
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      throw new JsonSyntaxError(p, "UTF-8 encoded surrogate");
    }
    if (cp > 0x10FFFF) {
      throw new JsonSyntaxError(p, "UTF-8 code point above U+10FFFF");
    }
    return n;
  }

  /** The value of a hexadecimal digit, or -1. */
  public static int hex(int c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /** The most significant digits of an exponent (so that |exponent| < 10^9 fits an int scale). */
  public static final int MAX_EXPONENT_DIGITS = 9;

  /**
   * Scans a number starting at {@code p}. The number must be followed by a byte that is not part
   * of a number within {@code end}; otherwise the result is {@link #INCOMPLETE} (unless {@code
   * atEof}, in which case the end of the buffer terminates it). An exponent of more than {@link
   * #MAX_EXPONENT_DIGITS} significant digits is a limit error.
   */
  public static int scanNumber(byte[] b, int p, int end, boolean atEof) throws JsonSyntaxError {
    int start = p;
    if (p < end && b[p] == '-') {
      p++;
    }
    if (p >= end) {
      return atEof ? fail(p, "truncated number") : INCOMPLETE;
    }
    if (b[p] == '0') {
      p++;
    } else if (b[p] >= '1' && b[p] <= '9') {
      p++;
      while (p < end && isDigit(b[p])) {
        p++;
      }
    } else {
      throw new JsonSyntaxError(p, "invalid number");
    }
    if (p < end && b[p] == '.') {
      p++;
      int d = p;
      while (p < end && isDigit(b[p])) {
        p++;
      }
      if (p == end && !atEof) {
        return INCOMPLETE;
      }
      if (p == d) {
        throw new JsonSyntaxError(p, "digit expected after decimal point");
      }
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < end && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      int d = p;
      while (p < end && b[p] == '0') {
        p++;
      }
      int significant = p;
      while (p < end && isDigit(b[p])) {
        p++;
      }
      if (p == end && !atEof) {
        return INCOMPLETE;
      }
      if (p == d) {
        throw new JsonSyntaxError(p, "digit expected in exponent");
      }
      if (p - significant > MAX_EXPONENT_DIGITS) {
        // BigDecimal cannot hold it (its scale is an int); no real-world number needs it
        throw new JsonSyntaxError(d, "exponent has more than " + MAX_EXPONENT_DIGITS
            + " significant digits", true);
      }
    }
    if (p == end && !atEof) {
      return INCOMPLETE;
    }
    if (p < end && isDigit(b[p])) {
      throw new JsonSyntaxError(start, "leading zero in number");
    }
    return p;
  }

  private static int fail(int p, String why) throws JsonSyntaxError {
    throw new JsonSyntaxError(p, why);
  }

  private static boolean isDigit(byte c) {
    return c >= '0' && c <= '9';
  }

  private static int literal(byte[] b, int p, int end, byte[] lit) throws JsonSyntaxError {
    for (int i = 0; i < lit.length; i++) {
      if (p + i >= end) {
        return INCOMPLETE;
      }
      if (b[p + i] != lit[i]) {
        throw new JsonSyntaxError(p + i, "invalid literal");
      }
    }
    return p + lit.length;
  }

  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte OBJ = 1;
  private static final byte ARR = 2;

  /**
   * Scans the value that starts at {@code p} (which must not be white space), validating all of
   * it.
   *
   * @param depth the nesting depth of the value's container (0 at top level); counts against the
   *     limit
   * @param atEof whether {@code end} is the end of all input (a trailing number then ends there)
   * @return the index after the value, or {@link #INCOMPLETE}
   */
  public int skipValue(byte[] b, int p, int end, int depth, boolean atEof) throws JsonSyntaxError {
    int sp = 0; // stack pointer: number of open containers inside this value
    while (true) {
      // ---- a value is expected at p
      if (p >= end) {
        return atEof ? fail(p, "unexpected end of input") : INCOMPLETE;
      }
      byte c = b[p];
      switch (c) {
        case '"' -> {
          p = scanString(b, p, end);
          if (p < 0) {
            return atEof ? fail(end, "unterminated string") : INCOMPLETE;
          }
        }
        case '{' -> {
          if (depth + sp >= maxDepth) {
            throw new JsonSyntaxError(p, "nesting deeper than " + maxDepth, true);
          }
          stack[sp++] = OBJ;
          p = ws(b, p + 1, end);
          if (p >= end) {
            return atEof ? fail(p, "unexpected end of input") : INCOMPLETE;
          }
          if (b[p] == '}') {
            sp--;
            p++;
          } else {
            p = memberName(b, p, end, atEof);
            if (p < 0) {
              return INCOMPLETE;
            }
            continue;
          }
        }
        case '[' -> {
          if (depth + sp >= maxDepth) {
            throw new JsonSyntaxError(p, "nesting deeper than " + maxDepth, true);
          }
          stack[sp++] = ARR;
          p = ws(b, p + 1, end);
          if (p >= end) {
            return atEof ? fail(p, "unexpected end of input") : INCOMPLETE;
          }
          if (b[p] == ']') {
            sp--;
            p++;
          } else {
            continue;
          }
        }
        case 't' -> p = literal(b, p, end, TRUE);
        case 'f' -> p = literal(b, p, end, FALSE);
        case 'n' -> p = literal(b, p, end, NULL);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            p = scanNumber(b, p, end, atEof && sp == 0);
          } else {
            throw new JsonSyntaxError(p, "unexpected character '" + printable(c) + "'");
          }
        }
      }
      if (p < 0) {
        return atEof ? fail(end, "unexpected end of input") : INCOMPLETE;
      }
      // ---- after a value: close containers, or a separator
      while (true) {
        if (sp == 0) {
          return p;
        }
        p = ws(b, p, end);
        if (p >= end) {
          return atEof ? fail(p, "unexpected end of input") : INCOMPLETE;
        }
        c = b[p];
        byte top = stack[sp - 1];
        if (c == ',') {
          p = ws(b, p + 1, end);
          if (top == OBJ) {
            p = memberName(b, p, end, atEof);
            if (p < 0) {
              return INCOMPLETE;
            }
          }
          break;
        } else if (c == '}' && top == OBJ) {
          sp--;
          p++;
        } else if (c == ']' && top == ARR) {
          sp--;
          p++;
        } else {
          throw new JsonSyntaxError(p,
              top == OBJ ? "expected ',' or '}' but found '" + printable(c) + "'"
                  : "expected ',' or ']' but found '" + printable(c) + "'");
        }
      }
    }
  }

  /** Scans {@code "name" :} and white space; returns the index of the value, or INCOMPLETE. */
  private int memberName(byte[] b, int p, int end, boolean atEof) throws JsonSyntaxError {
    if (p >= end) {
      return atEof ? fail(p, "unexpected end of input") : INCOMPLETE;
    }
    if (b[p] != '"') {
      throw new JsonSyntaxError(p, "expected a member name but found '" + printable(b[p]) + "'");
    }
    p = scanString(b, p, end);
    if (p < 0) {
      return atEof ? fail(end, "unterminated string") : INCOMPLETE;
    }
    p = ws(b, p, end);
    if (p >= end) {
      return atEof ? fail(p, "unexpected end of input") : INCOMPLETE;
    }
    if (b[p] != ':') {
      throw new JsonSyntaxError(p, "expected ':' but found '" + printable(b[p]) + "'");
    }
    p = ws(b, p + 1, end);
    if (p >= end) {
      return atEof ? fail(p, "unexpected end of input") : INCOMPLETE;
    }
    return p;
  }

  /** A printable rendering of a byte for error messages. */
  public static String printable(int c) {
    c &= 0xFF;
    if (c >= 0x20 && c < 0x7F) {
      return String.valueOf((char) c);
    }
    return String.format("\\x%02x", c);
  }

  /**
   * The index after the value starting at {@code p} in bytes that were already validated: counts
   * brackets outside strings, no checks. Static, allocation-free and iterative.
   */
  public static int skipValidated(byte[] b, int p) {
    int depth = 0;
    while (true) {
      byte c = b[p];
      if (c == '"') {
        p = skipValidatedString(b, p);
      } else if (c == '{' || c == '[') {
        depth++;
        p++;
      } else if (c == '}' || c == ']') {
        depth--;
        p++;
      } else if (c == ',' || c == ':' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        if (depth == 0) {
          return p;
        }
        p++;
      } else {
        // number or literal
        p++;
        while (p < b.length && isScalarByte(b[p])) {
          p++;
        }
      }
      if (depth == 0) {
        return p;
      }
    }
  }

  private static boolean isScalarByte(byte c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.'
        || c == 'E';
  }

  /** The index after the validated string whose opening quote is at {@code p}. */
  public static int skipValidatedString(byte[] b, int p) {
    p++;
    while (true) {
      while (p + 8 <= b.length) {
        long w = (long) LONGS.get(b, p);
        long q = w ^ QUOTES;
        long s = w ^ BACKSLASHES;
        long hit = (((q - ONES) & ~q) | ((s - ONES) & ~s)) & HIGHS;
        if (hit == 0) {
          p += 8;
        } else {
          p += Long.numberOfTrailingZeros(hit) >>> 3;
          break;
        }
      }
      byte c = b[p];
      if (c == '"') {
        return p + 1;
      }
      p += c == '\\' ? 2 : 1;
    }
  }

  /**
   * {@link #skipValidatedString} for long strings: the index after the validated string whose
   * opening quote is at {@code p}, found by looking for quotes only, sixteen bytes at a time (a
   * quote preceded by an odd number of backslashes is escaped and skipped). Added for the WAF
   * header walk.
   */
  public static int skipValidatedStringByQuotes(byte[] b, int p) {
    int q = p + 1;
    while (true) {
      int hit;
      if (q + 16 <= b.length) {
        long x0 = (long) LONGS.get(b, q) ^ QUOTES;
        long x1 = (long) LONGS.get(b, q + 8) ^ QUOTES;
        long h0 = (x0 - ONES) & ~x0 & HIGHS; // the lowest hit is exact
        long h1 = (x1 - ONES) & ~x1 & HIGHS;
        if ((h0 | h1) == 0) {
          q += 16;
          continue;
        }
        hit = q + (h0 != 0 ? Long.numberOfTrailingZeros(h0) >>> 3 : 8 + (Long.numberOfTrailingZeros(h1) >>> 3));
      } else {
        hit = q;
        while (b[hit] != '"') {
          hit++;
        }
      }
      int bs = hit - 1;
      while (b[bs] == '\\') {
        bs--;
      }
      if (((hit - 1 - bs) & 1) == 0) {
        return hit + 1;
      }
      q = hit + 1;
    }
  }
}
