package io.cloudir.model.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A fixed set of names matched as raw bytes: an open-addressing table keyed by a hash of the
 * length and a few bytes, confirmed by a byte comparison. No allocation per lookup.
 *
 * <p>Immutable and thread-safe after construction.
 */
public final class ByteNames {
  private final byte[][] keys;
  private final int[] ids;
  private final int mask;

  /** A table of the given names; {@link #lookup} returns the index into {@code names}. */
  public ByteNames(String... names) {
    int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
    keys = new byte[size][];
    ids = new int[size];
    mask = size - 1;
    for (int i = 0; i < names.length; i++) {
      byte[] k = names[i].getBytes(StandardCharsets.UTF_8);
      int h = hash(k, 0, k.length) & mask;
      while (keys[h] != null) {
        if (Arrays.equals(keys[h], k)) {
          throw new IllegalArgumentException("duplicate name " + names[i]);
        }
        h = (h + 1) & mask;
      }
      keys[h] = k;
      ids[h] = i;
    }
  }

  private static int hash(byte[] b, int s, int len) {
    if (len == 0) {
      return 0;
    }
    int h = len * 0x9E3779B1;
    h ^= b[s] * 31 + b[s + len - 1] * 131 + b[s + (len >>> 1)] * 1009;
    return h ^ (h >>> 15);
  }

  /** The index of the name equal to bytes {@code [s, e)}, or -1. */
  public int lookup(byte[] b, int s, int e) {
    int len = e - s;
    int h = hash(b, s, len) & mask;
    while (true) {
      byte[] k = keys[h];
      if (k == null) {
        return -1;
      }
      if (k.length == len && same(k, b, s, len)) {
        return ids[h];
      }
      h = (h + 1) & mask;
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * Whether {@code b} holds the bytes of {@code k} at {@code s} (the caller checked that {@code
   * s + k.length <= b.length}).
   */
  public static boolean equalsAt(byte[] k, byte[] b, int s) {
    int n = k.length;
    if (n >= 8) {
      // first and last eight bytes (overlapping for n < 16), then the middle
      if ((long) LONGS.get(k, 0) != (long) LONGS.get(b, s)
          || (long) LONGS.get(k, n - 8) != (long) LONGS.get(b, s + n - 8)) {
        return false;
      }
      for (int i = 8; i < n - 8; i += 8) {
        if ((long) LONGS.get(k, i) != (long) LONGS.get(b, s + i)) {
          return false;
        }
      }
      return true;
    }
    if (s + 8 <= b.length) {
      long mask = (1L << (n << 3)) - 1;
      return ((long) LONGS.get(b, s) & mask) == (packed(k) & mask);
    }
    return same(k, b, s, n);
  }

  private static long packed(byte[] k) {
    long w = 0;
    for (int i = k.length - 1; i >= 0; i--) {
      w = (w << 8) | (k[i] & 0xFF);
    }
    return w;
  }

  /** Whether {@code k} equals {@code b[s, s + len)}; compares eight bytes at a time (short names). */
  private static boolean same(byte[] k, byte[] b, int s, int len) {
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      if ((long) LONGS.get(k, i) != (long) LONGS.get(b, s + i)) {
        return false;
      }
    }
    for (; i < len; i++) {
      if (k[i] != b[s + i]) {
        return false;
      }
    }
    return true;
  }
}
