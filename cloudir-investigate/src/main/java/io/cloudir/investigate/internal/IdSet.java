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
  /** Hexadecimal digit values of the bytes {@code 0-9a-f}, -1 for any other byte. */
  private static final byte[] HEX = new byte[256];

  static {
    java.util.Arrays.fill(HEX, (byte) -1);
    for (int c = '0'; c <= '9'; c++) {
      HEX[c] = (byte) (c - '0');
    }
    for (int c = 'a'; c <= 'f'; c++) {
      HEX[c] = (byte) (c - 'a' + 10);
    }
  }

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
    long g1 = hex(b, s, 8);
    long g2 = hex(b, s + 9, 4);
    long g3 = hex(b, s + 14, 4);
    long g4 = hex(b, s + 19, 4);
    long g5 = hex(b, s + 24, 12);
    if ((g1 | g2 | g3 | g4 | g5) < 0) {
      return false;
    }
    out[0] = (g1 << 32) | (g2 << 16) | g3;
    out[1] = (g4 << 48) | g5;
    return true;
  }

  /** The value of {@code n} hexadecimal digits at {@code b[s, s + n)}, or -1 if one is not. */
  private static long hex(byte[] b, int s, int n) {
    long v = 0;
    int bad = 0;
    for (int i = s; i < s + n; i++) {
      int d = HEX[b[i] & 0xFF];
      bad |= d;
      v = (v << 4) | (d & 0xF);
    }
    return bad < 0 ? -1 : v;
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
