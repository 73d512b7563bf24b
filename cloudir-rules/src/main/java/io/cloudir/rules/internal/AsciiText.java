package io.cloudir.rules.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Comparisons on the raw bytes of a JSON string that holds printable ASCII only and no escape
 * ({@link #plain}): its bytes are then its characters, so matchers can compare them with
 * pre-lowered ASCII needles without decoding a {@link String}. Folding ({@code fold}) lowers the
 * letters {@code A-Z} of the text and nothing else; the needles are lowered beforehand ({@link
 * #needle}). That is what {@link Glob} and {@link RegexLiterals} do on ASCII text: a letter equals
 * both of its cases, any other character only itself.
 *
 * <p>Stateless; {@link Needles} is immutable and thread-safe.
 */
final class AsciiText {
  private AsciiText() {}

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
          java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** Whether {@code [s, e)} is printable ASCII (0x20 to 0x7f) without a backslash. */
  static boolean plain(byte[] b, int s, int e) {
    int i = s;
    // eight bytes at a time: a byte is bad when its high bit is set (not ASCII), when it is
    // below 0x20 (x - 0x20 borrows into a clear high bit), or when it is '\' (x ^ 0x5c is 0)
    for (; i + 8 <= e; i += 8) {
      long x = (long) LONGS.get(b, i);
      long y = x ^ (0x5c * ONES);
      long bad = ((x - 0x20 * ONES) & ~x) | x | ((y - ONES) & ~y);
      if ((bad & HIGHS) != 0) {
        return false;
      }
    }
    for (; i < e; i++) {
      byte c = b[i];
      if (c < 0x20 || c == '\\') { // negative: not ASCII
        return false;
      }
    }
    return true;
  }

  /**
   * The bytes of an ASCII needle, letters lowered when {@code fold}; null when the text has a
   * character outside ASCII (it can then never occur in a plain ASCII text if compared exactly;
   * callers that fold must not use a byte form for it at all).
   */
  static byte @Nullable [] needle(String text, boolean fold) {
    byte[] out = new byte[text.length()];
    for (int i = 0; i < out.length; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        return null;
      }
      out[i] = (byte) (fold ? lower(c) : c);
    }
    return out;
  }

  /** ASCII with the letters lowered (indexed by a plain byte). */
  private static final byte[] LOWER = new byte[128];
  /** ASCII as is. */
  private static final byte[] SAME = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      SAME[c] = (byte) c;
      LOWER[c] = (byte) lower(c);
    }
  }

  private static int lower(int c) {
    return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
  }

  /** Whether the text at {@code at} starts with the needle ({@code at + needle.length <= e}). */
  static boolean regionMatches(byte[] b, int at, byte[] needle, boolean fold) {
    if (!fold) {
      return java.util.Arrays.equals(b, at, at + needle.length, needle, 0, needle.length);
    }
    for (int k = 0; k < needle.length; k++) {
      if (lower(b[at + k]) != needle[k]) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code [s, e)} equals the needle. */
  static boolean equalsNeedle(byte[] b, int s, int e, byte[] needle, boolean fold) {
    return e - s == needle.length && regionMatches(b, s, needle, fold);
  }

  /** Whether {@code [s, e)} starts with the needle. */
  static boolean startsWith(byte[] b, int s, int e, byte[] needle, boolean fold) {
    return e - s >= needle.length && regionMatches(b, s, needle, fold);
  }

  /** Whether {@code [s, e)} ends with the needle. */
  static boolean endsWith(byte[] b, int s, int e, byte[] needle, boolean fold) {
    return e - s >= needle.length && regionMatches(b, e - needle.length, needle, fold);
  }

  /** Whether {@code [s, e)} contains the needle. */
  static boolean contains(byte[] b, int s, int e, byte[] needle, boolean fold) {
    int n = needle.length;
    if (n == 0) {
      return true;
    }
    int first = needle[0];
    for (int i = s, last = e - n; i <= last; i++) {
      if ((fold ? lower(b[i]) : b[i]) == first && regionMatches(b, i, needle, fold)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A set of needles searched in one pass: a position is tried only when its first two
   * (folded) bytes begin some needle. Immutable and thread-safe.
   */
  static final class Needles {
    private final byte[][] needles;
    private final boolean fold;
    /** Bit (first byte << 7 | second byte) set when a needle of two or more bytes starts so. */
    private final long[] pairs = new long[256];
    /** Bit set for the byte of a needle of one byte. */
    private final boolean[] singles = new boolean[128];
    private final boolean empty;

    Needles(List<byte[]> list, boolean fold) {
      this.needles = list.toArray(new byte[0][]);
      this.fold = fold;
      boolean e = false;
      for (byte[] n : needles) {
        if (n.length == 0) {
          e = true;
        } else if (n.length == 1) {
          singles[n[0]] = true;
        } else {
          int pair = n[0] << 7 | n[1];
          pairs[pair >>> 6] |= 1L << pair;
        }
      }
      this.empty = e;
    }

    /** The byte forms of the ASCII strings (the others cannot occur in a plain ASCII text). */
    static Needles of(Iterable<String> strings, boolean fold) {
      List<byte[]> l = new ArrayList<>();
      for (String s : strings) {
        byte[] n = needle(s, fold);
        if (n != null) {
          l.add(n);
        }
      }
      return new Needles(l, fold);
    }

    /** Whether {@code [s, e)} (plain ASCII) contains one of the needles. */
    boolean containedIn(byte[] b, int s, int e) {
      if (empty) {
        return true;
      }
      if (e <= s) {
        return false;
      }
      byte[] map = fold ? LOWER : SAME;
      int c = map[b[s]];
      for (int i = s; i < e; i++) {
        if (singles[c]) {
          return true;
        }
        if (i + 1 == e) {
          return false;
        }
        int next = map[b[i + 1]];
        int pair = c << 7 | next;
        if ((pairs[pair >>> 6] & (1L << pair)) != 0 && tryAt(b, i, e)) {
          return true;
        }
        c = next;
      }
      return false;
    }

    /**
     * Whether the text contains one of the needles, its chars compared exactly with the needles'
     * bytes (no folding here: for needles made without {@code fold}, searched in a text folded
     * beforehand). A char outside ASCII is in no needle.
     */
    boolean containedInExactly(String t) {
      if (empty) {
        return true;
      }
      int n = t.length();
      for (int i = 0; i < n; i++) {
        int c = t.charAt(i);
        if (c >= 0x80) {
          continue;
        }
        if (singles[c]) {
          return true;
        }
        if (i + 1 == n) {
          return false;
        }
        int next = t.charAt(i + 1);
        if (next >= 0x80) {
          i++; // neither starts a needle here nor at i + 1
          continue;
        }
        int pair = c << 7 | next;
        if ((pairs[pair >>> 6] & (1L << pair)) != 0 && tryAt(t, i)) {
          return true;
        }
      }
      return false;
    }

    private boolean tryAt(String t, int i) {
      for (byte[] nd : needles) {
        if (nd.length >= 2 && i + nd.length <= t.length() && textMatches(t, i, nd)) {
          return true;
        }
      }
      return false;
    }

    private static boolean textMatches(String t, int at, byte[] needle) {
      for (int k = 0; k < needle.length; k++) {
        if (t.charAt(at + k) != needle[k]) {
          return false;
        }
      }
      return true;
    }

    private boolean tryAt(byte[] b, int i, int e) {
      for (byte[] n : needles) {
        if (n.length >= 2 && i + n.length <= e && regionMatches(b, i, n, fold)) {
          return true;
        }
      }
      return false;
    }
  }
}
