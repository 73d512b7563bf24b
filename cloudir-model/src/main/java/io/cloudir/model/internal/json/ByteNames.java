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
  /**
   * Second table for {@link #matchQuoted}: keyed by a name's first eight bytes (all of a shorter
   * name, zero-padded), open addressing; {@code firstIds} is -1 in empty slots.
   */
  private final long[] firstKeys;
  private final int[] firstIds;
  private final int firstShift;
  /**
   * For {@link #matchQuoted}, per name (four entries each): bytes 8 to 31 of the name followed by
   * its closing quote, as three little-endian words (zero past the quote), then the name's shape
   * ({@link #SHORT}, {@link #MID} or {@link #LONG}); and in {@code restMasks} the masks of the
   * bytes of each word that belong to the name and its quote.
   */
  private final long[] restWords;
  private final long[] restMasks;

  /** Shape of a name shorter than eight bytes: its first eight bytes hold its closing quote. */
  private static final long SHORT = 1;
  /** Shape of a name of 8 to 30 bytes: confirmed by {@link #restWords}. */
  private static final long MID = 0;
  /** Shape of a longer name: confirmed with {@link #same}. */
  private static final long LONG = 2;
  /** The end of the bytes {@link #restWords} hold. */
  private static final int REST_END = 32;

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
    int bits = Integer.numberOfTrailingZeros(size);
    firstKeys = new long[size];
    firstIds = new int[size];
    firstShift = 64 - bits;
    Arrays.fill(firstIds, -1);
    for (int i = 0; i < names.length; i++) {
      long key = firstKey(byId[i]);
      int h = firstSlot(key);
      while (firstIds[h] >= 0) {
        h = (h + 1) & mask;
      }
      firstKeys[h] = key;
      firstIds[h] = i;
    }
    restWords = new long[4 * names.length];
    restMasks = new long[4 * names.length];
    for (int i = 0; i < names.length; i++) {
      byte[] k = byId[i];
      int n = k.length;
      restWords[4 * i + 3] = n < 8 ? SHORT : n + 1 <= REST_END ? MID : LONG;
      for (int j = 8; j <= n && j < REST_END; j++) {
        int word = 4 * i + (j >>> 3) - 1;
        int shift = (j & 7) << 3;
        restWords[word] |= (long) ((j < n ? k[j] : '"') & 0xFF) << shift;
        restMasks[word] |= 0xFFL << shift;
      }
    }
  }

  private static long firstKey(byte[] k) {
    long w = 0;
    for (int i = Math.min(8, k.length) - 1; i >= 0; i--) {
      w = (w << 8) | (k[i] & 0xFF);
    }
    return w;
  }

  private int firstSlot(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> firstShift);
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

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = 0x2222222222222222L;

  /**
   * The index of the name spelled exactly (no escapes) by the JSON string whose opening quote is
   * at {@code q}, or -1 when it is not such a name or cannot be decided within {@code limit}; then
   * the caller scans the string and uses {@link #lookup}. On a match the string is valid JSON and
   * ends at {@code q + name(id).length + 2}: no separate scan is needed.
   *
   * <p>Cost: one eight-byte load, a zero-byte test for the closing quote, one multiplicative hash
   * of those bytes, and three masked word comparisons of the rest (none of them branches on the
   * name's length).
   */
  public int matchQuoted(byte[] b, int q, int limit) {
    int s = q + 1;
    if (s + 8 > limit || s < 1) {
      return -1;
    }
    long w = (long) LONGS.get(b, s);
    long x = w ^ QUOTES;
    long t = (x - ONES) & ~x & HIGHS; // the lowest set bit marks the first quote exactly
    long key = t == 0 ? w : w & (((t & -t) >>> 7) - 1);
    int h = firstSlot(key);
    while (true) {
      int id = firstIds[h];
      if (id < 0) {
        return -1;
      }
      if (firstKeys[h] == key) {
        int r = id << 2;
        long shape = restWords[r + 3];
        if (shape != LONG && s + REST_END <= limit) {
          // No branch on the name's length (it varies from member to member): a short name needs
          // a quote among its first eight bytes (t != 0), a longer one none there and the rest of
          // the name and its closing quote in the next three words (masks are zero past them).
          long d = (((long) LONGS.get(b, s + 8) & restMasks[r]) ^ restWords[r])
              | (((long) LONGS.get(b, s + 16) & restMasks[r + 1]) ^ restWords[r + 1])
              | (((long) LONGS.get(b, s + 24) & restMasks[r + 2]) ^ restWords[r + 2])
              | (((t | -t) >>> 63) ^ shape);
          if (d == 0) {
            return id;
          }
        } else if (matchesNear(id, t != 0, b, s, limit)) {
          return id;
        }
      }
      h = (h + 1) & mask;
    }
  }

  /**
   * {@link #matchQuoted}'s confirmation of name {@code id} whose first eight bytes matched, near the
   * end of the input or for a long name: {@code quoteInFirst} tells whether a quote is among the
   * first eight bytes at {@code s}.
   */
  private boolean matchesNear(int id, boolean quoteInFirst, byte[] b, int s, int limit) {
    byte[] k = byId[id];
    int n = k.length;
    if (n < 8) {
      return quoteInFirst; // the key holds the whole name and its closing quote is the first quote
    }
    return !quoteInFirst && s + n < limit && b[s + n] == '"' && same(k, tailById[id], b, s, n);
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
