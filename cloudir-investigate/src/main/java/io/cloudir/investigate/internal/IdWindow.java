package io.cloudir.investigate.internal;

import java.util.Arrays;

/**
 * A first-in first-out set of 128-bit values (event ids parsed by {@link IdSet#parseUuid}): the
 * ids of a sliding window. {@link #add} appends a value that is not a member; {@link
 * #removeOldest} forgets the oldest member in constant time.
 *
 * <p>The values live in a ring, in insertion order. The hash table (open addressing, linear
 * probing) is split so that a lookup reads one byte a slot: an array of control bytes (empty,
 * deleted, or full with a 7-bit fingerprint of the value's hash) and, beside it, the sequence
 * number of each full slot's member, read only when the fingerprint matches (for a new value, about
 * one lookup in a hundred). The control bytes of a window of 30 000 ids fit in 128 KB, so the one
 * random place an id reads is mostly in the processor's cache, where a table holding the values or
 * wider slots (a megabyte) mostly is not. The ring also keeps each member's slot, so forgetting the
 * oldest member marks its control byte deleted without a lookup (or empty, with the deleted slots
 * before it, when the slot after it is empty: no probe run crosses it then); a new value takes the
 * first deleted slot of its probe run. The table is rebuilt from the ring (sequentially) when
 * full and deleted slots reach half of it, at four times the number of members.
 *
 * <p>Memory: 20 bytes a member in the ring (up to 2x when it grows) and 20 to 40 bytes of table.
 *
 * <p>Not thread-safe.
 */
public final class IdWindow {
  private static final byte EMPTY = 0;
  private static final byte DELETED = 1;

  /** Members in insertion order: (high, low) of sequence number s at {@code 2 * (s & mask)}. */
  private long[] ring = new long[2 * 16];
  /** The table slot of the member of sequence number s, at {@code s & mask}. */
  private int[] ringSlot = new int[16];
  /** The sequence number of the oldest member (the ring's head). */
  private long first;
  private int size;
  /** Per slot: {@link #EMPTY}, {@link #DELETED}, or 0x80 | a 7-bit fingerprint (full). */
  private byte[] ctrl = new byte[64];
  /** Per full slot: the low 32 bits of its member's sequence number. */
  private int[] seqOf = new int[64];
  /** Slots that are full or deleted. */
  private int filled;

  /** An empty set. */
  public IdWindow() {}

  private static long mix(long hi, long lo) {
    long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 32);
  }

  /** The control byte of a full slot holding a value of hash {@code h}: never EMPTY or DELETED. */
  private static byte fingerprint(long h) {
    return (byte) (0x80 | (h >>> 57));
  }

  /** Whether the value is a member. */
  public boolean contains(long hi, long lo) {
    return find(hi, lo, mix(hi, lo)) >= 0;
  }

  /** The slot holding the member, or -(1 + the first deleted or empty slot of its probe run). */
  private int find(long hi, long lo, long h) {
    byte[] c = ctrl;
    int mask = c.length - 1;
    byte fp = fingerprint(h);
    int rmask = ringSlot.length - 1;
    int free = -1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      byte x = c[i];
      if (x == fp) {
        int r = 2 * (seqOf[i] & rmask);
        if (ring[r] == hi && ring[r + 1] == lo) {
          return i;
        }
      } else if (x == EMPTY) {
        return -1 - (free < 0 ? i : free);
      } else if (x == DELETED && free < 0) {
        free = i;
      }
    }
  }

  /** Appends the value if it is not a member; true if it was not. */
  public boolean add(long hi, long lo) {
    if (2 * (filled + 1) > ctrl.length) {
      rebuild();
    }
    long h = mix(hi, lo);
    int at = find(hi, lo, h);
    if (at >= 0) {
      return false;
    }
    at = -1 - at;
    if (ctrl[at] == EMPTY) {
      filled++;
    }
    if (size == ringSlot.length) {
      growRing();
    }
    long seq = first + size;
    int s = (int) seq & (ringSlot.length - 1);
    ring[2 * s] = hi;
    ring[2 * s + 1] = lo;
    ringSlot[s] = at;
    ctrl[at] = fingerprint(h);
    seqOf[at] = (int) seq;
    size++;
    return true;
  }

  /** Forgets the oldest member (nothing if empty). */
  public void removeOldest() {
    if (size == 0) {
      return;
    }
    // a store only: the slot's cache line need not be read now
    ctrl[ringSlot[(int) first & (ringSlot.length - 1)]] = DELETED;
    first++;
    size--;
  }

  /** The number of members. */
  public int size() {
    return size;
  }

  private void growRing() {
    long[] old = ring;
    int[] oldSlot = ringSlot;
    int oldMask = oldSlot.length - 1;
    ring = new long[old.length * 2];
    ringSlot = new int[oldSlot.length * 2];
    int mask = ringSlot.length - 1;
    for (long s = first; s < first + size; s++) {
      int o = (int) s & oldMask;
      int n = (int) s & mask;
      ring[2 * n] = old[2 * o];
      ring[2 * n + 1] = old[2 * o + 1];
      ringSlot[n] = oldSlot[o];
    }
  }

  /** Rebuilds the table from the ring, at four times the number of members (at least 64). */
  private void rebuild() {
    int n = Math.max(64, Integer.highestOneBit(4 * (size + 1) - 1) << 1);
    if (n == ctrl.length) {
      Arrays.fill(ctrl, EMPTY);
    } else {
      ctrl = new byte[n];
      seqOf = new int[n];
    }
    byte[] c = ctrl;
    int mask = n - 1;
    int rmask = ringSlot.length - 1;
    for (long s = first; s < first + size; s++) {
      int r = (int) s & rmask;
      long h = mix(ring[2 * r], ring[2 * r + 1]);
      int i = (int) h & mask;
      while (c[i] != EMPTY) {
        i = (i + 1) & mask;
      }
      c[i] = fingerprint(h);
      seqOf[i] = (int) s;
      ringSlot[r] = i;
    }
    filled = size;
  }

  @Override
  public String toString() {
    return "IdWindow[size=" + size + ", capacity=" + ctrl.length + "]";
  }
}
