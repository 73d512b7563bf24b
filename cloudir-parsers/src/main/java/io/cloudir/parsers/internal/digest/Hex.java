package io.cloudir.parsers.internal.digest;

import org.jspecify.annotations.Nullable;

/** Lower-case hexadecimal encoding and strict decoding. Stateless and thread-safe. */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();
  private static final int SNIPPET = 80;

  private Hex() {}

  /** The lower-case hex form of {@code b}. */
  public static String encode(byte[] b) {
    char[] out = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      out[2 * i] = DIGITS[(b[i] >> 4) & 0xf];
      out[2 * i + 1] = DIGITS[b[i] & 0xf];
    }
    return new String(out);
  }

  /** The bytes of an even-length hex string (either case), or {@code null} if it is not one. */
  public static byte @Nullable [] decode(String s) {
    if ((s.length() & 1) != 0) {
      return null;
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0 || s.charAt(2 * i) > 'f' || s.charAt(2 * i + 1) > 'f') {
        return null;
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return out;
  }

  /** {@code s} cut to a bounded length for messages. */
  public static String snippet(String s) {
    return s.length() <= SNIPPET ? s : s.substring(0, SNIPPET) + "…";
  }
}
