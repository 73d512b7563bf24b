package io.cloudir.model.arn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Byte-level helpers of {@link Arn}'s scanner: the characters of an ARN as one byte each (so that
 * eight of them can be tested at once as a {@code long}), the {@link ArnNames} key of a name read
 * in one or two loads, and the eight-at-a-time tests of the account and the resource.
 *
 * <p><b>The byte view.</b> {@link #of} maps the character at index {@code i} to the byte at index
 * {@code i}: a Latin-1 character ({@code <= 0xff}) to itself, any other character to {@code '?'}.
 * The view accepts and splits exactly like the characters: {@code '?'} and every character above
 * {@code 0xff} are allowed in the resource and nowhere else, neither is a separator ({@code :} or
 * {@code /}), and no {@link ArnNames} constant contains either.
 *
 * <p>Stateless; thread-safe.
 */
final class ArnBytes {
  private ArnBytes() {}

  private static final VarHandle LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
  /** Eight colons, eight slashes: patterns for {@link #indexOf} and {@link #lastIndexOf}. */
  static final long COLONS = ':' * ONES;

  static final long SLASHES = '/' * ONES;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long NIBBLES = 0xF0F0F0F0F0F0F0F0L;
  private static final long ZEROS = 0x3030303030303030L; // eight '0'

  /**
   * The characters of {@code s} as one byte each, at the same indices (see the class comment). A
   * string of Latin-1 characters is copied in one bulk copy.
   */
  static byte[] of(String s) {
    // ISO-8859-1 replaces each unmappable character (a surrogate pair counts as one) by '?': the
    // indices agree exactly when the length is kept, i.e. when there is no surrogate pair.
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    int n = s.length();
    if (b.length != n) {
      b = new byte[n];
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        b[i] = c <= 0xff ? (byte) c : (byte) '?';
      }
    }
    return b;
  }

  /** The eight bytes at {@code i}, the one at {@code i} in the low byte. */
  static long le(byte[] b, int i) {
    return (long) LE.get(b, i);
  }

  /**
   * The second word of the {@link ArnNames} key of {@code b[from, to)}, for {@code 1 <= to - from}
   * and {@code to >= 8}: the last (up to) eight bytes, big-endian, in one load.
   */
  static long key1(byte[] b, int from, int to) {
    long w = (long) BE.get(b, to - 8);
    int len = to - from;
    return len >= 8 ? w : w & ~(-1L << (len << 3));
  }

  /**
   * The first word of the {@link ArnNames} key of {@code b[from, to)}: the eight bytes before the
   * last eight (0 for a name of at most eight), for {@code to >= 16} when {@code to - from > 8}.
   */
  static long key0(byte[] b, int from, int to) {
    int len = to - from - 8;
    if (len <= 0) {
      return 0;
    }
    long w = (long) BE.get(b, to - 16);
    return len >= 8 ? w : w & ~(-1L << (len << 3));
  }

  /**
   * The eight bytes at {@code i}, the one at {@code i} in the low byte; when fewer than eight
   * remain before {@code n} (at least eight in all), the missing high bytes are zero. For {@code i <
   * n} only: at {@code n} the shift would be 64, which Java takes as 0.
   */
  static long word(byte[] b, int i, int n) {
    return i + 8 <= n ? le(b, i) : le(b, n - 8) >>> ((i - (n - 8)) << 3);
  }

  /**
   * A word with the high bit set in the lowest byte of {@code x} that equals the byte of {@code
   * pattern} (eight copies of one byte), and possibly in higher bytes: exact as to the lowest one.
   */
  private static long firstEqual(long x, long pattern) {
    long y = x ^ pattern;
    return (y - ONES) & ~y & HIGHS;
  }

  /** A word with the high bit set in exactly the bytes of {@code x} equal to those of {@code pattern}. */
  private static long equal(long x, long pattern) {
    long y = x ^ pattern;
    return ~(((y & LOW7) + LOW7) | y | LOW7);
  }

  /**
   * The colons of {@code word}, the eight bytes at some {@code i} from {@link #word}: a word with
   * the high bit set in exactly the bytes that are {@code :}, the one at {@code i} lowest. Its lowest
   * set bit is the first colon at or after {@code i}, and, since the mask is exact, clearing it
   * ({@code m & (m - 1)}) gives the next one.
   */
  static long colons(long word) {
    return equal(word, COLONS);
  }

  /**
   * The second word of the {@link ArnNames} key of the first {@code len} bytes of {@code word}
   * (from {@link #word}), for {@code 1 <= len <= 8}: what {@link #key1} reads from the array, without
   * a load (the first word of such a key is 0).
   */
  static long key1(long word, int len) {
    return Long.reverseBytes(word) >>> (64 - (len << 3));
  }

  /**
   * The index of the first byte of {@code b[from, n)} that is the byte of {@code pattern} (eight
   * copies of it), or -1; for {@code n >= 8}.
   */
  static int indexOf(byte[] b, int from, int n, long pattern) {
    for (int i = from; i < n; i += 8) {
      long m = firstEqual(word(b, i, n), pattern);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    return -1;
  }

  /**
   * The index of the first {@code /} or {@code :} in {@code b[from, n)}, or {@code n}; for {@code
   * n >= 8}.
   */
  static int separator(byte[] b, int from, int n) {
    for (int i = from; i < n; i += 8) {
      long x = word(b, i, n);
      long m = firstEqual(x, SLASHES) | firstEqual(x, COLONS);
      if (m != 0) {
        return i + (Long.numberOfTrailingZeros(m) >>> 3);
      }
    }
    return n;
  }

  /**
   * The index of the last byte of {@code b[from, n)} that is the byte of {@code pattern}, or -1;
   * for {@code from >= 8}.
   */
  static int lastIndexOf(byte[] b, int from, int n, long pattern) {
    for (int end = n; end > from; end -= 8) {
      int i = end - 8;
      long m = equal(le(b, i), pattern);
      if (i < from) {
        m &= -1L << ((from - i) << 3);
      }
      if (m != 0) {
        return i + ((63 - Long.numberOfLeadingZeros(m)) >>> 3);
      }
    }
    return -1;
  }

  /** Whether the eight bytes at {@code i} are all ASCII digits. */
  static boolean digits8(byte[] b, int i) {
    long x = le(b, i);
    // every high nibble 3 and, then without carries between bytes, no low nibble above 9
    return (((x & NIBBLES) ^ ZEROS) | (((x + 6 * ONES) & NIBBLES) ^ ZEROS)) == 0;
  }

  /**
   * Whether {@code b[from, n)} holds no ASCII control character (below {@code 0x20}, or {@code
   * 0x7f}), eight bytes at a time, for {@code n >= 8}. The last, partial word is read as the eight
   * bytes ending at {@code n}, with the ones before {@code from} (already tested, or header bytes)
   * replaced by {@code 0xff}, an allowed byte.
   */
  static boolean noControl(byte[] b, int from, int n) {
    long bad = 0;
    int i = from;
    for (; i <= n - 8; i += 8) {
      bad |= control(le(b, i));
    }
    if (i < n) {
      int seen = (i - (n - 8)) << 3; // 8 to 56 bits
      bad |= control((le(b, n - 8) >>> seen) | (-1L << (64 - seen)));
    }
    return bad == 0;
  }

  /**
   * Non-zero exactly when a byte of {@code x} is below {@code 0x20} or is {@code 0x7f} (the classic
   * "has a byte less than" and "has a zero byte" tests, both exact as to whether one exists).
   */
  private static long control(long x) {
    // per byte c, without carries or borrows between bytes: (c & 0x7f) + 1 wraps 0x7f to 0x80;
    // with the high bit set, subtracting 0x21 leaves it set exactly when (c & 0x7f) is in [0x20,
    // 0x7e]; or-ing c keeps every byte from 0x80 up (allowed) set
    return ~(((((x & LOW7) + ONES) | HIGHS) - 0x21 * ONES) | x) & HIGHS;
  }
}
