package io.cloudir.investigate.internal;

import io.cloudir.model.json.JsonValue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Several members of a JSON object found in one pass over its bytes, where {@link JsonValue#get}
 * scans the whole object once per name. Works on validated JSON only (the spans of a parsed
 * event's fields): it does not check the syntax.
 *
 * <p>Names are compared as raw bytes, so an object with an escaped member name (whose raw bytes
 * are not its name) is not searched: {@link #find} says so and the caller looks its members up
 * with {@link JsonValue#get}, which decodes names.
 *
 * <p>Stateless and thread-safe.
 */
public final class Members {
  private Members() {}

  /** The UTF-8 bytes of member names, for {@link #find}. */
  public static byte[][] names(String... names) {
    byte[][] out = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      out[i] = names[i].getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  /**
   * Finds the members {@code names} of the object starting at {@code b[s]} (an opening brace of
   * validated JSON): sets {@code spans[i]} to the span of the value of the last member named
   * {@code names[i]} ({@code start << 32 | end}, end exclusive), or 0 if there is none. False
   * (spans unspecified) when the object has a member name written with an escape.
   */
  public static boolean find(byte[] b, int s, byte[][] names, long[] spans) {
    return scan(b, s, names, NONE, spans, 0) >= 0;
  }

  /**
   * {@link #find}, also searching in the same pass, when the value of member {@code names[i]} is
   * an object, its members {@code inner[i]} (none when {@code inner} is shorter or {@code
   * inner[i]} is empty): the object is read once instead of skipped then searched again. {@code
   * spans} holds the members' spans at {@code [0, names.length)}, then those of {@code inner[0]}'s
   * names, then {@code inner[1]}'s, and so on; an inner span is that of the last object met by
   * its member's name: use it only when the member's span {@link #isObject is an object}. False
   * (spans unspecified) when an object searched has a member name written with an escape.
   */
  public static boolean find(byte[] b, int s, byte[][] names, byte[][][] inner, long[] spans) {
    return scan(b, s, names, inner, spans, 0) >= 0;
  }

  private static final byte[][][] NONE = {};

  /**
   * {@link #find} with the spans at {@code spans[off...]}: returns the end (exclusive) of the
   * object, or -1 for an escaped name.
   */
  private static int scan(byte[] b, int s, byte[][] names, byte[][][] inner, long[] spans,
      int off) {
    int count = names.length;
    for (int i = 0; i < inner.length; i++) {
      count += inner[i].length;
    }
    for (int i = off; i < off + count; i++) {
      spans[i] = 0;
    }
    int p = ws(b, s + 1);
    if (b[p] == '}') {
      return p + 1;
    }
    while (true) {
      // p: the opening quote of a member name
      int ns = p + 1;
      int q = ns;
      while (b[q] != '"') {
        if (b[q] == '\\') {
          return -1;
        }
        q++;
      }
      int len = q - ns;
      p = ws(b, ws(b, q + 1) + 1); // past ':'
      int vs = p;
      int ve = -1;
      for (int i = 0; i < names.length; i++) {
        byte[] n = names[i];
        if (n.length == len && (len == 0 || n[0] == b[ns]) && same(b, ns, n)) {
          if (ve < 0 && i < inner.length && inner[i].length > 0 && b[vs] == '{') {
            int at = off + names.length;
            for (int j = 0; j < i; j++) {
              at += inner[j].length;
            }
            ve = scan(b, vs, inner[i], NONE, spans, at);
            if (ve < 0) {
              return -1;
            }
          }
          if (ve < 0) {
            ve = skip(b, vs);
          }
          spans[off + i] = ((long) vs << 32) | ve;
        }
      }
      if (ve < 0) {
        ve = skip(b, vs);
      }
      p = ws(b, ve);
      if (b[p] == '}') {
        return p + 1;
      }
      p = ws(b, p + 1); // past ','
    }
  }

  /** The value of a span found by {@link #find} as a {@link JsonValue}, or null for 0. */
  public static @Nullable JsonValue value(byte[] b, long span) {
    return span == 0 ? null : JsonValue.ofValidated(b, (int) (span >>> 32), (int) span);
  }

  /** The decoded text of a span found by {@link #find} if it is a string, else null. */
  public static @Nullable String string(byte[] b, long span) {
    return span == 0 || b[(int) (span >>> 32)] != '"' ? null
        : JsonValue.ofValidated(b, (int) (span >>> 32), (int) span).stringOrNull();
  }

  /** Whether the span found by {@link #find} is an object (0: no). */
  public static boolean isObject(byte[] b, long span) {
    return span != 0 && b[(int) (span >>> 32)] == '{';
  }

  /** The start of a span found by {@link #find}. */
  public static int start(long span) {
    return (int) (span >>> 32);
  }

  private static boolean same(byte[] b, int s, byte[] n) {
    for (int i = 0; i < n.length; i++) {
      if (b[s + i] != n[i]) {
        return false;
      }
    }
    return true;
  }

  private static int ws(byte[] b, int p) {
    while (b[p] == ' ' || b[p] == '\n' || b[p] == '\r' || b[p] == '\t') {
      p++;
    }
    return p;
  }

  /** The end (exclusive) of the validated JSON value starting at {@code b[p]}. */
  static int skip(byte[] b, int p) {
    byte c = b[p];
    if (c == '"') {
      return endOfString(b, p);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      while (true) {
        c = b[p];
        if (c == '"') {
          p = endOfString(b, p);
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return p + 1;
        }
        p++;
      }
    }
    // a number or literal: up to the next delimiter
    while (p < b.length) {
      c = b[p];
      if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        return p;
      }
      p++;
    }
    return p;
  }

  /** The index after the closing quote of the string whose opening quote is at {@code b[p]}. */
  private static int endOfString(byte[] b, int p) {
    int q = p + 1;
    while (true) {
      // eight bytes at a time up to the first quote or backslash
      while (q + 8 <= b.length) {
        long w = (long) LONGS.get(b, q);
        long m = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ BACKSLASHES);
        if (m != 0) {
          q += Long.numberOfTrailingZeros(m) >>> 3;
          break;
        }
        q += 8;
      }
      byte c = b[q];
      if (c == '"') {
        return q + 1;
      }
      q += c == '\\' ? 2 : 1;
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long QUOTES = 0x2222222222222222L;
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /**
   * The high bit of each zero byte of {@code x} (exact for the lowest zero byte, which is all
   * {@link #endOfString} uses).
   */
  private static long zeroBytes(long x) {
    return (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
  }
}
