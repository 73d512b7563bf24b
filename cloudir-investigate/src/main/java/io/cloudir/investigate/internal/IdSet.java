package io.cloudir.investigate.internal;

/**
 * A set of 128-bit values (event ids in their canonical UUID form, packed into two longs) with
 * removal: open addressing, linear probing, deletion by backward shift. No allocation per
 * operation except when the table grows.
 *
 * <p>Not thread-safe.
 */
public final class IdSet {
  private long[] his = new long[64];
  private long[] los = new long[64];
  private boolean[] used = new boolean[64];
  private int size;

  /** An empty set. */
  public IdSet() {}

  /**
   * Parses a canonical lowercase UUID ({@code 8-4-4-4-12} hexadecimal digits {@code 0-9a-f}) at
   * {@code b[s, s + 36)} into {@code out[0]} (high 64 bits) and {@code out[1]} (low); false (and
   * {@code out} unspecified) when the bytes are not exactly that form.
   */
  public static boolean parseUuid(byte[] b, int s, long[] out) {
    if (s + 36 > b.length
        || b[s + 8] != '-' || b[s + 13] != '-' || b[s + 18] != '-' || b[s + 23] != '-') {
      return false;
    }
    long hi = 0;
    long lo = 0;
    int digits = 0;
    for (int i = s; i < s + 36; i++) {
      int c = b[i];
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'a' && c <= 'f') {
        v = c - 'a' + 10;
      } else if (c == '-' && (i - s == 8 || i - s == 13 || i - s == 18 || i - s == 23)) {
        continue;
      } else {
        return false;
      }
      if (digits < 16) {
        hi = (hi << 4) | v;
      } else {
        lo = (lo << 4) | v;
      }
      digits++;
    }
    out[0] = hi;
    out[1] = lo;
    return digits == 32;
  }

  private static int slot(long hi, long lo, int mask) {
    long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 32;
    return (int) h & mask;
  }

  /** Whether the value is in the set. */
  public boolean contains(long hi, long lo) {
    int mask = his.length - 1;
    for (int i = slot(hi, lo, mask); used[i]; i = (i + 1) & mask) {
      if (his[i] == hi && los[i] == lo) {
        return true;
      }
    }
    return false;
  }

  /** Adds the value; true if it was not there. */
  public boolean add(long hi, long lo) {
    if (2 * (size + 1) > his.length) {
      grow();
    }
    int mask = his.length - 1;
    int i = slot(hi, lo, mask);
    for (; used[i]; i = (i + 1) & mask) {
      if (his[i] == hi && los[i] == lo) {
        return false;
      }
    }
    used[i] = true;
    his[i] = hi;
    los[i] = lo;
    size++;
    return true;
  }

  /** Removes the value if present. */
  public void remove(long hi, long lo) {
    int mask = his.length - 1;
    int i = slot(hi, lo, mask);
    while (true) {
      if (!used[i]) {
        return;
      }
      if (his[i] == hi && los[i] == lo) {
        break;
      }
      i = (i + 1) & mask;
    }
    // backward shift: move later members of the probe run into the hole when their home allows
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      if (!used[j]) {
        break;
      }
      int home = slot(his[j], los[j], mask);
      // j may move to the hole unless its home lies cyclically in (hole, j]
      boolean stays = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
      if (!stays) {
        his[hole] = his[j];
        los[hole] = los[j];
        hole = j;
      }
    }
    used[hole] = false;
    size--;
  }

  /** The number of values. */
  public int size() {
    return size;
  }

  private void grow() {
    long[] oh = his;
    long[] ol = los;
    boolean[] ou = used;
    int n = oh.length * 2;
    his = new long[n];
    los = new long[n];
    used = new boolean[n];
    size = 0;
    for (int j = 0; j < oh.length; j++) {
      if (ou[j]) {
        add(oh[j], ol[j]);
      }
    }
  }

  @Override
  public String toString() {
    return "IdSet[size=" + size + ", capacity=" + his.length + "]";
  }
}
