package io.cloudir.investigate.internal;

/**
 * A set of 128-bit values (event ids parsed by {@link IdSet#parseUuid}) remembered for a window:
 * each member is added with a stamp (increasing), and {@link #forget} forgets every member stamped
 * up to a given stamp at once, in constant time. Forgotten members stay in the table until their
 * slot is reused or the table is rebuilt, so forgetting reads no slot: a stream that remembers
 * the last N ids touches one slot of the table per id instead of two (the new one and the
 * forgotten one).
 *
 * <p>Open addressing with linear probing over triples (high, low, stamp) side by side; a stamp of
 * 0 marks a slot never used. The table is rebuilt (with only the members, at four times their
 * number) when used slots reach half of it.
 *
 * <p>Not thread-safe.
 */
public final class IdWindow {
  /** (high, low, stamp) triples; stamp 0 = never used, stamp ≤ {@link #forgotten} = free. */
  private long[] slots = new long[3 * 64];
  /** Slots with a stamp (members and forgotten members). */
  private int used;
  private int size;
  /** Every member stamped up to this is forgotten. */
  private long forgotten;
  private long lastStamp;

  /** An empty set. */
  public IdWindow() {}

  private static int slot(long hi, long lo, int mask) {
    long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 32;
    return (int) h & mask;
  }

  /** Whether the value is a member (added and not forgotten). */
  public boolean contains(long hi, long lo) {
    long[] t = slots;
    int mask = t.length / 3 - 1;
    for (int i = slot(hi, lo, mask); ; i = (i + 1) & mask) {
      long st = t[3 * i + 2];
      if (st == 0) {
        return false;
      }
      if (t[3 * i] == hi && t[3 * i + 1] == lo && st > forgotten) {
        return true;
      }
    }
  }

  /**
   * Adds the value with a stamp greater than every stamp given before; true if it was not a
   * member (if it was, nothing changes and its stamp stays the old one).
   *
   * @throws IllegalArgumentException if the stamp is not greater than the last one
   */
  public boolean add(long hi, long lo, long stamp) {
    if (stamp <= lastStamp) {
      throw new IllegalArgumentException("stamps must increase: " + stamp + " after " + lastStamp);
    }
    if (2 * (used + 1) > slots.length / 3) {
      rebuild();
    }
    long[] t = slots;
    int mask = t.length / 3 - 1;
    int free = -1;
    int i = slot(hi, lo, mask);
    for (; ; i = (i + 1) & mask) {
      long st = t[3 * i + 2];
      if (st == 0) {
        break;
      }
      if (st > forgotten) {
        if (t[3 * i] == hi && t[3 * i + 1] == lo) {
          return false;
        }
      } else if (free < 0) {
        free = i;
      }
    }
    if (free < 0) {
      free = i;
      used++;
    }
    t[3 * free] = hi;
    t[3 * free + 1] = lo;
    t[3 * free + 2] = stamp;
    lastStamp = stamp;
    size++;
    return true;
  }

  /**
   * Forgets the member added with {@code stamp} and every member added before it; {@code count}
   * is how many members that forgets (the caller knows: it gave the stamps).
   */
  public void forget(long stamp, int count) {
    if (stamp > forgotten) {
      forgotten = stamp;
      size -= count;
    }
  }

  /** The number of members. */
  public int size() {
    return size;
  }

  /** Rebuilds the table with only the members, at four times their number (at least 64). */
  private void rebuild() {
    long[] old = slots;
    int n = Math.max(64, Integer.highestOneBit(Math.max(1, 4 * (size + 1)) - 1) << 1);
    long[] t = new long[3 * n];
    int mask = n - 1;
    for (int j = 0; j < old.length; j += 3) {
      long st = old[j + 2];
      if (st > forgotten) {
        int i = slot(old[j], old[j + 1], mask);
        while (t[3 * i + 2] != 0) {
          i = (i + 1) & mask;
        }
        t[3 * i] = old[j];
        t[3 * i + 1] = old[j + 1];
        t[3 * i + 2] = st;
      }
    }
    slots = t;
    used = size;
  }

  @Override
  public String toString() {
    return "IdWindow[size=" + size + ", capacity=" + slots.length / 3 + "]";
  }
}
