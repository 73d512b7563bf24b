package io.cloudir.investigate.internal;

/**
 * A set of 128-bit values (event ids in their canonical UUID form, packed into two longs) with
 * removal: open addressing, linear probing, deletion by backward shift; the two halves of a
 * member lie side by side (one cache line per probe). No allocation per operation except when the
 * table grows.
 *
 * <p>Not thread-safe.
 */
public final class IdSet {
  /** Little-endian 8-byte and 4-byte reads of a byte array (one load instead of 8 or 4). */
  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private static final java.lang.invoke.VarHandle INTS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
          int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH = 0x8080808080808080L;

  /** Members as (high, low) pairs side by side, so one probe reads one cache line; (0, 0) = free. */
  private long[] slots = new long[128];
  /** Whether the value (0, 0), which marks free slots, is a member. */
  private boolean zero;
  private int size;

  /** An empty set. */
  public IdSet() {}

  /**
   * Parses a canonical lowercase UUID ({@code 8-4-4-4-12} hexadecimal digits {@code 0-9a-f}) at
   * {@code b[s, s + 36)} into {@code out[0]} (high 64 bits) and {@code out[1]} (low); false (and
   * {@code out} unspecified) when the bytes are not exactly that form.
   */
  public static boolean parseUuid(byte[] b, int s, long[] out) {
    if (s < 0 || s + 36 > b.length
        || b[s + 8] != '-' || b[s + 13] != '-' || b[s + 18] != '-' || b[s + 23] != '-') {
      return false;
    }
    long g1 = hex8((long) LONGS.get(b, s));
    long g23 = hex8(join(b, s + 9, s + 14));
    long g45 = hex8(join(b, s + 19, s + 24)); // the fourth group and the first 4 digits of the fifth
    long g5 = hex8((long) LONGS.get(b, s + 28));
    if ((g1 | g23 | g45 | g5) < 0) {
      return false;
    }
    out[0] = (g1 << 32) | g23;
    out[1] = (g45 << 32) | g5;
    return true;
  }

  /**
   * The value of the 8 hexadecimal digits {@code 0-9a-f} held in {@code w} (first digit in the
   * lowest byte), or -1 if a byte is not one: all 8 bytes are checked and converted at once.
   */
  static long hex8(long w) {
    // per byte c < 0x80 (checked below), c + k < 0x100 for every k used: no carry between bytes
    long digit = (w + 0x50 * ONES) & ~(w + 0x46 * ONES); // high bit: 0x30 <= c < 0x3A
    long letter = (w + 0x1F * ONES) & ~(w + 0x19 * ONES); // high bit: 0x61 <= c < 0x67
    if (((w & HIGH) | (~(digit | letter) & HIGH)) != 0) {
      return -1;
    }
    long v = (w & 0x0F * ONES) + ((letter & HIGH) >>> 7) * 9; // one nibble value per byte
    // gather: bytes (d0, d1) -> d0d1, then pairs of those, then the two halves
    v = ((v & 0x000F000F000F000FL) << 4) | ((v >>> 8) & 0x000F000F000F000FL);
    v = ((v & 0x000000FF000000FFL) << 8) | ((v >>> 16) & 0x000000FF000000FFL);
    return ((v & 0xFFFFL) << 16) | ((v >>> 32) & 0xFFFFL);
  }

  /** Two 4-byte groups read as one 8-byte word, {@code b[s, s + 4)} in the low half. */
  private static long join(byte[] b, int s, int t) {
    return ((int) INTS.get(b, s) & 0xFFFFFFFFL) | ((long) (int) INTS.get(b, t) << 32);
  }

  private static int slot(long hi, long lo, int mask) {
    long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 32;
    return (int) h & mask;
  }

  /** Whether the value is in the set. */
  public boolean contains(long hi, long lo) {
    if ((hi | lo) == 0) {
      return zero;
    }
    long[] t = slots;
    int mask = (t.length >> 1) - 1;
    for (int i = slot(hi, lo, mask); ; i = (i + 1) & mask) {
      long h = t[2 * i];
      long l = t[2 * i + 1];
      if (h == hi && l == lo) {
        return true;
      }
      if ((h | l) == 0) {
        return false;
      }
    }
  }

  /** Adds the value; true if it was not there. */
  public boolean add(long hi, long lo) {
    if ((hi | lo) == 0) {
      if (zero) {
        return false;
      }
      zero = true;
      size++;
      return true;
    }
    if (4 * (size + 1) > slots.length) {
      grow();
    }
    long[] t = slots;
    int mask = (t.length >> 1) - 1;
    int i = slot(hi, lo, mask);
    for (; (t[2 * i] | t[2 * i + 1]) != 0; i = (i + 1) & mask) {
      if (t[2 * i] == hi && t[2 * i + 1] == lo) {
        return false;
      }
    }
    t[2 * i] = hi;
    t[2 * i + 1] = lo;
    size++;
    return true;
  }

  /** Removes the value if present. */
  public void remove(long hi, long lo) {
    if ((hi | lo) == 0) {
      if (zero) {
        zero = false;
        size--;
      }
      return;
    }
    long[] t = slots;
    int mask = (t.length >> 1) - 1;
    int i = slot(hi, lo, mask);
    while (true) {
      if ((t[2 * i] | t[2 * i + 1]) == 0) {
        return;
      }
      if (t[2 * i] == hi && t[2 * i + 1] == lo) {
        break;
      }
      i = (i + 1) & mask;
    }
    // backward shift: move later members of the probe run into the hole when their home allows
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if ((t[2 * j] | t[2 * j + 1]) == 0) {
        break;
      }
      int home = slot(t[2 * j], t[2 * j + 1], mask);
      // j may move to the hole unless its home lies cyclically in (hole, j]
      boolean stays = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!stays) {
        t[2 * hole] = t[2 * j];
        t[2 * hole + 1] = t[2 * j + 1];
        hole = j;
      }
    }
    t[2 * hole] = 0;
    t[2 * hole + 1] = 0;
    size--;
  }

  /** The number of values. */
  public int size() {
    return size;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    size = zero ? 1 : 0;
    for (int j = 0; j < old.length; j += 2) {
      if ((old[j] | old[j + 1]) != 0) {
        add(old[j], old[j + 1]);
      }
    }
  }

  @Override
  public String toString() {
    return "IdSet[size=" + size + ", capacity=" + (slots.length >> 1) + "]";
  }
}
