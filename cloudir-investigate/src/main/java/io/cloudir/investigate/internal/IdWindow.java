package io.cloudir.investigate.internal;

import java.util.Arrays;

/**
 * A first-in first-out set of 128-bit values (event ids parsed by {@link IdSet#parseUuid}), each
 * with a time: the ids of a sliding window. {@link #add} appends a value that is not a member;
 * {@link #removeOldest} and {@link #expireBefore} forget the oldest entries in constant time each.
 * {@link #mark} appends a marker, an entry that holds no value, to keep the place of an id that the
 * caller remembers elsewhere (the window then stays in one insertion order for both).
 *
 * <p>The entries live in a ring, in insertion order (the values in one array, their times in
 * another, so that forgetting the oldest entries reads eight bytes an entry), each with a sequence
 * number (its position in the stream of entries); the live entries are those of sequence numbers
 * {@code [first, first + count)}. The hash table (open addressing, linear probing) is split so
 * that a lookup reads one byte a slot: an array of control bytes (0 for empty, or full with a 7-bit
 * fingerprint of the value's hash and the high bit set) and, beside it, the low 16 bits of the
 * sequence number of each full slot's value, written when the value is added and read only when
 * the fingerprint matches (for a new value, about one lookup in a hundred). A match counts only
 * when a live entry whose sequence number has those low bits holds the same value in the ring (one
 * candidate unless the window holds more than 65 536 entries; markers never match): exact, no false
 * duplicates. Forgetting an entry touches no slot: its slot stays full but stale (its sequence
 * number is before {@code first}) until the table is rebuilt from the ring (sequentially), at at
 * least twice the number of members, when full slots reach three quarters of it. So the one place
 * an add reads at random is a byte of the control array, kept small (a window of 30 000 ids: 64
 * KB), since the loads that miss the processor's caches, not the stores, are what stall.
 *
 * <p>Memory: 24 bytes an entry in the ring (up to 2x when it grows) and 6 to 12 bytes of table a
 * member.
 *
 * <p>Not thread-safe.
 */
public final class IdWindow {
  /** The sequence bits a slot holds by default. */
  static final int SEQ_BITS = 16;

  /** Entries in insertion order: (high, low) of sequence number s at {@code 2 * (s & mask)}. */
  private long[] ring = new long[2 * 64];
  /** The time of the entry of sequence number s at {@code s & mask}. */
  private long[] times = new long[64];
  /** One bit per ring slot (64 a word: the ring holds 64 entries a word): whether the entry there is a marker. */
  private long[] markers = new long[1];
  /** The sequence number of the oldest entry (the ring's head). */
  private long first;
  /** Live entries (members and markers). */
  private int count;
  /** Live markers. */
  private int markerCount;
  /** Per slot: 0 (empty), or the fingerprint of its value (full: a member or stale). */
  private byte[] ctrl = new byte[64];
  /** Per full slot: the low {@link #seqBits} bits of its value's sequence number. */
  private char[] seqOf = new char[64];
  /** Slots that are full (members and stale values). */
  private int filled;
  /** Entries added since the table was last rebuilt. */
  private int added;
  /** The most entries added between two rebuilds (tests force rebuilds with small values). */
  private final int rebuildAfter;
  /** The sequence bits a slot holds (tests use few, so that many entries share them). */
  private final int seqBits;
  /** {@code 2^seqBits - 1}. */
  private final int seqMask;

  /** An empty set. */
  public IdWindow() {
    this(1 << 30, SEQ_BITS);
  }

  /**
   * An empty set rebuilding its table at least every {@code rebuildAfter} entries and keeping
   * {@code seqBits} (1 to 24) bits of sequence number a slot (tests).
   */
  IdWindow(int rebuildAfter, int seqBits) {
    if (rebuildAfter < 1 || rebuildAfter > 1 << 30) {
      throw new IllegalArgumentException("rebuildAfter out of range: " + rebuildAfter);
    }
    if (seqBits < 1 || seqBits > SEQ_BITS) {
      throw new IllegalArgumentException("seqBits out of range: " + seqBits);
    }
    this.rebuildAfter = rebuildAfter;
    this.seqBits = seqBits;
    this.seqMask = (1 << seqBits) - 1;
  }

  private static long mix(long hi, long lo) {
    long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 29;
    h *= 0xBF58476D1CE4E5B9L;
    return h ^ (h >>> 32);
  }

  /** The control byte of a full slot holding a value of hash {@code h}: high bit set, never 0. */
  private static byte fingerprint(long h) {
    return (byte) (0x80 | (h >>> 57));
  }

  private int capacity() {
    return times.length;
  }

  private boolean isMarker(long seq) {
    int r = (int) seq & (capacity() - 1);
    return (markers[r >>> 6] & (1L << r)) != 0;
  }

  /** Whether the value is a member. */
  public boolean contains(long hi, long lo) {
    return find(hi, lo, mix(hi, lo)) >= 0;
  }

  /**
   * The slot holding the value as a member, or -(1 + the empty slot that ends its probe run). A
   * slot matches when a live entry with its sequence number's low bits holds the value (a stale
   * slot may so lead to a live member's entry: then the value is a member all the same).
   */
  private int find(long hi, long lo, long h) {
    byte[] c = ctrl;
    int mask = c.length - 1;
    byte fp = fingerprint(h);
    for (int i = (int) h & mask; ; i = (i + 1) & mask) {
      byte x = c[i];
      if (x == fp) {
        long end = first + count;
        long step = 1L << seqBits;
        for (long s = first + ((seqOf[i] - (int) first) & seqMask); s < end; s += step) {
          int r = 2 * ((int) s & (capacity() - 1));
          if (ring[r] == hi && ring[r + 1] == lo && (markerCount == 0 || !isMarker(s))) {
            return i;
          }
        }
      } else if (x == 0) {
        return -1 - i;
      }
    }
  }

  /** Appends the value (with time 0) if it is not a member; true if it was not. */
  public boolean add(long hi, long lo) {
    return add(hi, lo, 0);
  }

  /** Appends the value with a time if it is not a member; true if it was not. */
  public boolean add(long hi, long lo, long time) {
    if (4 * (filled + 1) > 3 * ctrl.length || added >= rebuildAfter) {
      rebuild();
    }
    long h = mix(hi, lo);
    int at = find(hi, lo, h);
    if (at >= 0) {
      return false;
    }
    at = -1 - at;
    filled++;
    long seq = append(hi, lo, time);
    ctrl[at] = fingerprint(h);
    seqOf[at] = (char) (seq & seqMask);
    return true;
  }

  /**
   * Appends a marker with a time: an entry that holds no value, forgotten in turn like the
   * others. Returns its sequence number.
   */
  public long mark(long time) {
    if (added >= rebuildAfter) {
      rebuild(); // markers take no slot, but count in the entries added between rebuilds
    }
    long seq = append(0, 0, time);
    int r = (int) seq & (capacity() - 1);
    markers[r >>> 6] |= 1L << r;
    markerCount++;
    return seq;
  }

  private long append(long hi, long lo, long time) {
    if (count == capacity()) {
      growRing();
    }
    long seq = first + count;
    int r = (int) seq & (capacity() - 1);
    ring[2 * r] = hi;
    ring[2 * r + 1] = lo;
    times[r] = time;
    markers[r >>> 6] &= ~(1L << r);
    count++;
    added++;
    return seq;
  }

  /** Forgets the oldest entry (nothing if empty); true if it was a marker. */
  public boolean removeOldest() {
    if (count == 0) {
      return false;
    }
    boolean marker = markerCount > 0 && isMarker(first);
    if (marker) {
      markerCount--;
    }
    first++;
    count--;
    return marker;
  }

  /**
   * Forgets the oldest entries while their time is before {@code horizon} (stops at the first that
   * is not). Returns the number of markers forgotten.
   */
  public int expireBefore(long horizon) {
    long[] g = times;
    int mask = capacity() - 1;
    int forgotten = 0;
    while (count > 0 && g[(int) first & mask] < horizon) {
      if (removeOldest()) {
        forgotten++;
      }
    }
    return forgotten;
  }

  /** The number of members (markers not counted). */
  public int size() {
    return count - markerCount;
  }

  private void growRing() {
    long[] old = ring;
    long[] oldTimes = times;
    long[] oldMarkers = markers;
    int oldMask = capacity() - 1;
    ring = new long[old.length * 2];
    times = new long[oldTimes.length * 2];
    markers = new long[oldMarkers.length * 2];
    int mask = capacity() - 1;
    for (long s = first; s < first + count; s++) {
      int o = (int) s & oldMask;
      int n = (int) s & mask;
      ring[2 * n] = old[2 * o];
      ring[2 * n + 1] = old[2 * o + 1];
      times[n] = oldTimes[o];
      if ((oldMarkers[o >>> 6] & (1L << o)) != 0) {
        markers[n >>> 6] |= 1L << n;
      }
    }
  }

  /**
   * Rebuilds the table from the ring's members (stale slots dropped), at at least twice the number
   * of members (at least 64).
   */
  private void rebuild() {
    int members = size();
    int n = Math.max(64, Integer.highestOneBit(2 * (members + 1) - 1) << 1);
    if (n == ctrl.length) {
      Arrays.fill(ctrl, (byte) 0);
    } else {
      ctrl = new byte[n];
      seqOf = new char[n];
    }
    byte[] t = ctrl;
    int mask = n - 1;
    int rmask = capacity() - 1;
    for (long s = first; s < first + count; s++) {
      int r = (int) s & rmask;
      if (markerCount > 0 && (markers[r >>> 6] & (1L << r)) != 0) {
        continue;
      }
      long h = mix(ring[2 * r], ring[2 * r + 1]);
      int i = (int) h & mask;
      while (t[i] != 0) {
        i = (i + 1) & mask;
      }
      t[i] = fingerprint(h);
      seqOf[i] = (char) (s & seqMask);
    }
    filled = members;
    added = 0;
  }

  @Override
  public String toString() {
    return "IdWindow[size=" + size() + ", markers=" + markerCount + ", capacity=" + ctrl.length
        + "]";
  }
}
