package io.cloudir.investigate.internal;

/**
 * A first-in first-out set of 128-bit values (event ids parsed by {@link IdSet#parseUuid}): the
 * ids of a sliding window. {@link #add} appends a value that is not a member; {@link
 * #removeOldest} forgets the oldest member in constant time without touching the hash table, so a
 * stream that remembers its last N ids reads one random place per id, not two (the new id's and
 * the forgotten id's).
 *
 * <p>The values live in a ring, in insertion order. The hash table (open addressing, linear
 * probing) holds one long per slot: a 16-bit fingerprint of the value and the value's sequence
 * number + 1 (0 marks a slot never used); the value itself is read from the ring only when a
 * fingerprint matches. A slot whose sequence number is older than the ring's head is free for
 * reuse. The table is rebuilt from the ring (sequentially) when used slots reach half of it, at
 * four times the number of members.
 *
 * <p>Memory: 16 bytes a member in the ring (up to 2x when it grows) and 32 to 64 bytes of table.
 *
 * <p>Not thread-safe.
 */
public final class IdWindow {
  private static final long SEQ = (1L << 48) - 1;

  /** Members in insertion order: (high, low) of sequence number s at {@code 2 * (s & mask)}. */
  private long[] ring = new long[2 * 16];
  /** The sequence number of the oldest member (the ring's head). */
  private long first;
  private int size;
  /** Slots: fingerprint in the top 16 bits, sequence number + 1 in the low 48 (0 = never used). */
  private long[] table = new long[64];
  /** Slots with a sequence number (members and forgotten members). */
  private int used;

  /** An empty set. */
  public IdWindow() {}

  private static long mix(long hi, long lo) {
    long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 32);
  }

  /** Whether the value is a member. */
  public boolean contains(long hi, long lo) {
    return find(hi, lo, mix(hi, lo)) >= 0;
  }

  /** The slot holding the member, or -(1 + the first free slot of its probe run). */
  private int find(long hi, long lo, long h) {
    long[] t = table;
    int mask = t.length - 1;
    long fp = h & ~SEQ;
    long live = first; // live iff sequence number + 1 > first
    int free = -1;
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      long e = t[i];
      long st = e & SEQ;
      if (st == 0) {
        return -1 - (free < 0 ? i : free);
      }
      if (st > live) {
        if ((e & ~SEQ) == fp) {
          int r = 2 * (int) ((st - 1) & (ring.length / 2 - 1));
          if (ring[r] == hi && ring[r + 1] == lo) {
            return i;
          }
        }
      } else if (free < 0) {
        free = i;
      }
    }
  }

  /** Appends the value if it is not a member; true if it was not. */
  public boolean add(long hi, long lo) {
    if (2 * (used + 1) > table.length) {
      rebuild();
    }
    long h = mix(hi, lo);
    int at = find(hi, lo, h);
    if (at >= 0) {
      return false;
    }
    at = -1 - at;
    if (table[at] == 0) {
      used++;
    }
    if (size == ring.length / 2) {
      growRing();
    }
    long seq = first + size;
    int r = 2 * (int) (seq & (ring.length / 2 - 1));
    ring[r] = hi;
    ring[r + 1] = lo;
    table[at] = (h & ~SEQ) | (seq + 1);
    size++;
    return true;
  }

  /** Forgets the oldest member (nothing if empty). */
  public void removeOldest() {
    if (size > 0) {
      first++;
      size--;
    }
  }

  /** The number of members. */
  public int size() {
    return size;
  }

  private void growRing() {
    long[] old = ring;
    int oldMask = old.length / 2 - 1;
    ring = new long[old.length * 2];
    int mask = ring.length / 2 - 1;
    for (long s = first; s < first + size; s++) {
      int o = 2 * (int) (s & oldMask);
      int n = 2 * (int) (s & mask);
      ring[n] = old[o];
      ring[n + 1] = old[o + 1];
    }
  }

  /** Rebuilds the table from the ring, at four times the number of members (at least 64). */
  private void rebuild() {
    int n = Math.max(64, Integer.highestOneBit(4 * (size + 1) - 1) << 1);
    long[] t = new long[n];
    int mask = n - 1;
    int rmask = ring.length / 2 - 1;
    for (long s = first; s < first + size; s++) {
      int r = 2 * (int) (s & rmask);
      long h = mix(ring[r], ring[r + 1]);
      int i = (int) h & mask;
      while (t[i] != 0) {
        i = (i + 1) & mask;
      }
      t[i] = (h & ~SEQ) | (s + 1);
    }
    table = t;
    used = size;
  }

  @Override
  public String toString() {
    return "IdWindow[size=" + size + ", capacity=" + table.length + "]";
  }
}
