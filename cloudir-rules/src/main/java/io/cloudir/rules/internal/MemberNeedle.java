package io.cloudir.rules.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A quick proof that a JSON value has no member of some name at any depth, from its bytes alone:
 * when the value holds no backslash (no escape anywhere, so every string's raw bytes are its
 * text) and the bytes {@code "name"} (the name between quotes) occur nowhere in it, no object in
 * it has a member of that name. A field path's walk down to a member of that name then reaches
 * nothing, and is not needed. When either is there, the answer is unknown (walk).
 *
 * <p>The search reads eight bytes at a time: a position is a candidate when it holds the name's
 * first byte and the name's last byte is where it would end, and only candidates are compared in
 * full. Immutable and thread-safe.
 */
final class MemberNeedle {
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
          java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
  private static final long BACKSLASHES = '\\' * ONES;

  /** {@code "name"} in UTF-8. */
  private final byte[] quoted;
  /** The name's first and last bytes, in every byte of a long. */
  private final long first;
  private final long last;

  private MemberNeedle(byte[] quoted) {
    this.quoted = quoted;
    this.first = (quoted[1] & 0xFFL) * ONES;
    this.last = (quoted[quoted.length - 2] & 0xFFL) * ONES;
  }

  /**
   * The needle of a member name, or null when the name cannot be searched for by its bytes (it
   * is empty, has a quote, a backslash, a control character or an unpaired surrogate: such names
   * are written escaped, or are not written at all).
   */
  static @Nullable MemberNeedle of(String name) {
    if (name.isEmpty()) {
      return null;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        return null;
      }
    }
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    byte[] q = new byte[utf8.length + 2];
    q[0] = '"';
    System.arraycopy(utf8, 0, q, 1, utf8.length);
    q[q.length - 1] = '"';
    return new MemberNeedle(q);
  }

  /** Exactly zero bytes of {@code v} get 0x80 in the result, every other byte 0. */
  private static long zeroBytes(long v) {
    return ~(((v & LOWS) + LOWS) | v | LOWS);
  }

  /**
   * Whether the JSON text {@code b[s, e)} surely has no member of the name (at any depth): it
   * has no backslash and no {@code "name"}. False means unknown.
   */
  boolean surelyAbsent(byte[] b, int s, int e) {
    byte[] q = quoted;
    int k = q.length;
    int lastOff = k - 3; // from the name's first byte to its last
    // p: where the name's first byte would be; the word at p + lastOff must fit in the span
    int p = s + 1;
    for (; p + lastOff + 8 <= e; p += 8) {
      long w = (long) LONGS.get(b, p);
      if (zeroBytes(w ^ BACKSLASHES) != 0) {
        return false;
      }
      long hits = zeroBytes((w ^ first) | ((long) LONGS.get(b, p + lastOff) ^ last));
      while (hits != 0) {
        int at = p + (Long.numberOfTrailingZeros(hits) >>> 3) - 1;
        if (at + k <= e && Arrays.equals(b, at, at + k, q, 0, k)) {
          return false;
        }
        hits &= hits - 1;
      }
    }
    for (int i = Math.max(s, p - 1); i < e; i++) { // the rest, byte by byte
      if (b[i] == '\\') {
        return false;
      }
    }
    // bytes before p - 1 were searched as words; a name starting at p - 1 or later
    for (int at = Math.max(s, p - 1); at + k <= e; at++) {
      if (b[at] == '"' && Arrays.equals(b, at, at + k, q, 0, k)) {
        return false;
      }
    }
    // the first byte of the span was never checked for a backslash by the words
    return s >= e || b[s] != '\\';
  }

  /** The straightforward form of {@link #surelyAbsent}, for tests. */
  boolean surelyAbsentSlow(byte[] b, int s, int e) {
    for (int i = s; i < e; i++) {
      if (b[i] == '\\') {
        return false;
      }
    }
    for (int at = s; at + quoted.length <= e; at++) {
      if (Arrays.equals(b, at, at + quoted.length, quoted, 0, quoted.length)) {
        return false;
      }
    }
    return true;
  }
}
