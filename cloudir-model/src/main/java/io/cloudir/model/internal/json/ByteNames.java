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
  /** Per slot: the key's bytes after its last whole eight, packed little-endian (0 if none). */
  private final long[] tails;
  /** The names by index, and their tails as in {@link #tails}. */
  private final byte[][] byId;
  private final long[] tailById;

  /** A table of the given names; {@link #lookup} returns the index into {@code names}. */
  public ByteNames(String... names) {
    int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
    keys = new byte[size][];
    ids = new int[size];
    tails = new long[size];
    byId = new byte[names.length][];
    tailById = new long[names.length];
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
      tails[h] = tail(k);
      byId[i] = k;
      tailById[i] = tails[h];
    }
  }

  private static long tail(byte[] k) {
    long w = 0;
    for (int i = k.length - 1; i >= (k.length & ~7); i--) {
      w = (w << 8) | (k[i] & 0xFF);
    }
    return w;
  }

  /** The UTF-8 bytes of name {@code id} (do not modify). */
  public byte[] name(int id) {
    return byId[id];
  }

  /**
   * Whether bytes {@code b[s, s + len)} equal name {@code id}, where {@code len} is that name's
   * length (the caller checked {@code s + len <= b.length}).
   */
  public boolean matchesAt(int id, byte[] b, int s) {
    return same(byId[id], tailById[id], b, s, byId[id].length);
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
      if (k.length == len && same(k, tails[h], b, s, len)) {
        return ids[h];
      }
      h = (h + 1) & mask;
    }
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /**
   * Whether {@code k} equals {@code b[s, s + len)}, eight bytes at a time; {@code tail} is {@code
   * k}'s bytes after its last whole eight, packed little-endian.
   */
  private static boolean same(byte[] k, long tail, byte[] b, int s, int len) {
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      if ((long) LONGS.get(k, i) != (long) LONGS.get(b, s + i)) {
        return false;
      }
    }
    if (i == len) {
      return true;
    }
    if (s + i + 8 <= b.length) {
      long m = (1L << ((len - i) << 3)) - 1;
      return ((long) LONGS.get(b, s + i) & m) == tail;
    }
    for (; i < len; i++) {
      if (k[i] != b[s + i]) {
        return false;
      }
    }
    return true;
  }

}
