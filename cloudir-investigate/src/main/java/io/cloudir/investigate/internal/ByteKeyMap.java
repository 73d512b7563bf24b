package io.cloudir.investigate.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BiPredicate;
import org.jspecify.annotations.Nullable;

/**
 * A hash map from byte strings to values that is looked up with a slice of a larger array, so
 * that a key read in place from an event (an access key id between its quotes) is found without
 * creating a {@code String}. Open addressing with linear probing; keys are compared as bytes.
 *
 * <p>Keys of 1 to 20 bytes from {@code [0-9A-Za-z_]} (every access key id AWS issues) are packed
 * into two longs, six bits a byte, and kept in a table of their own: a lookup reads one cache line
 * of packed keys and one value reference, and follows no key object. Other keys are kept as
 * arrays.
 *
 * <p>Optionally ({@link #ByteKeyMap(int)}) a small two-way set-associative cache of the keys
 * found last sits in front of the table: the few keys a stream of events is using now stay in a
 * table that fits the processor's cache, however many keys the map holds. It holds keys of up to
 * {@link #RECENT_MAX} bytes without a backslash as three words of their bytes, so that {@link
 * #recent} compares a slice with three word loads and needs no packing; and since none of its keys
 * has a backslash, a slice it matches has none either: a JSON string's raw bytes may be looked up
 * there without checking for escapes.
 *
 * <p>Not thread-safe.
 *
 * @param <V> the value type
 */
public final class ByteKeyMap<V> {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Six-bit codes (1..63) of the bytes a packed key may hold; 0 for any other byte. */
  private static final byte[] CODE = new byte[256];
  /** The byte of each code. */
  private static final byte[] SYMBOL = new byte[64];
  private static final int PACKED_MAX = 20;

  static {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_";
    for (int i = 0; i < alphabet.length(); i++) {
      CODE[alphabet.charAt(i)] = (byte) (i + 1);
      SYMBOL[i + 1] = (byte) alphabet.charAt(i);
    }
  }

  /** Packed keys as (first ten bytes, last ten) pairs side by side; a first half of 0 = free. */
  private long[] packed = new long[32];
  private Object[] packedValues = new Object[16];
  private int packedSize;
  /** Scratch of {@link #pack}: the second half of the last packed key. */
  private long packedLo;

  private byte[][] keys = new byte[16][];
  private Object[] values = new Object[16];
  private int[] hashes = new int[16];
  private int size;

  /** The longest key the recent table holds. */
  static final int RECENT_MAX = 23;

  /**
   * Recently found keys: per set two ways of three words ({@link #words}; a length byte of 0 =
   * empty), the more recently found way first; or an empty array.
   */
  private final long[] recent;
  private final @Nullable Object[] recentValues;
  /** Scratch of {@link #words}: the words of the last key. */
  private long w0;
  private long w1;
  private long w2;

  /** An empty map. */
  public ByteKeyMap() {
    this(0);
  }

  /**
   * An empty map with a cache of {@code recentSlots} (0 or a power of two) recently found packed
   * keys in front of its table.
   */
  public ByteKeyMap(int recentSlots) {
    if (recentSlots < 0 || Integer.bitCount(recentSlots) > 1) {
      throw new IllegalArgumentException("recentSlots must be 0 or a power of two");
    }
    int slots = recentSlots == 1 ? 2 : recentSlots; // whole sets of two ways
    recent = new long[3 * slots];
    recentValues = new Object[slots];
  }

  /**
   * Reads {@code b[s, e)} into {@link #w0}, {@link #w1}, {@link #w2}: bytes 0-7, 8-15 and 16-22
   * (little-endian, zero past the end) and the length in the top byte of the third. False (words
   * unspecified) when the key is empty, longer than {@link #RECENT_MAX} or has a backslash.
   */
  private boolean words(byte[] b, int s, int e) {
    int n = e - s;
    if (n < 1 || n > RECENT_MAX) {
      return false;
    }
    long x0;
    long x1;
    long x2;
    if (s + 24 <= b.length) {
      // three loads, then the bytes past the key cleared
      x0 = (long) LONGS.get(b, s);
      x1 = (long) LONGS.get(b, s + 8);
      x2 = (long) LONGS.get(b, s + 16);
      x0 &= n >= 8 ? -1L : (1L << (8 * n)) - 1;
      x1 &= n >= 16 ? -1L : n <= 8 ? 0 : (1L << (8 * (n - 8))) - 1;
      x2 &= n <= 16 ? 0 : (1L << (8 * (n - 16))) - 1;
    } else {
      x0 = 0;
      x1 = 0;
      x2 = 0;
      for (int i = n - 1; i >= 0; i--) {
        long c = b[s + i] & 0xFF;
        if (i < 8) {
          x0 = (x0 << 8) | c;
        } else if (i < 16) {
          x1 = (x1 << 8) | c;
        } else {
          x2 = (x2 << 8) | c;
        }
      }
    }
    if (hasByte(x0, '\\') || hasByte(x1, '\\') || hasByte(x2, '\\')) {
      return false;
    }
    w0 = x0;
    w1 = x1;
    w2 = x2 | ((long) n << 56);
    return true;
  }

  /** Whether one of the eight bytes of {@code w} is {@code c} (exact: the SWAR zero-byte test). */
  private static boolean hasByte(long w, int c) {
    long x = w ^ (0x0101010101010101L * c);
    return ((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0;
  }

  /** The first way of the set of the words in {@link #w0}-{@link #w2}. */
  private int recentSet() {
    long h = (w0 * 0x9E3779B97F4A7C15L) ^ (w1 * 0xC2B2AE3D27D4EB4FL) ^ (w2 * 0x94D049BB133111EBL);
    h ^= h >>> 31;
    return 2 * ((int) (h ^ (h >>> 17)) & (recentValues.length / 2 - 1));
  }

  private boolean recentAt(int way) {
    return recent[3 * way] == w0 && recent[3 * way + 1] == w1 && recent[3 * way + 2] == w2;
  }

  /**
   * The value of the key {@code b[s, e)} if the recent table holds it, else null. Exact for any
   * slice: a slice whose bytes have a backslash is never found there (its keys have none).
   */
  @SuppressWarnings("unchecked")
  public @Nullable V recent(byte[] b, int s, int e) {
    if (recentValues.length == 0 || !words(b, s, e)) {
      return null;
    }
    int r = recentSet();
    if (recentAt(r)) {
      return (V) recentValues[r];
    }
    if (recentAt(r + 1)) {
      // the more recently found way first
      Object v = recentValues[r + 1];
      System.arraycopy(recent, 3 * r, recent, 3 * r + 3, 3);
      recentValues[r + 1] = recentValues[r];
      setRecent(r, v);
      return (V) v;
    }
    return null;
  }

  private void setRecent(int way, @Nullable Object v) {
    recent[3 * way] = w0;
    recent[3 * way + 1] = w1;
    recent[3 * way + 2] = w2;
    recentValues[way] = v;
  }

  /** Remembers a key of the table as the most recent of its set (evicting the other way). */
  private void rememberRecent(byte[] b, int s, int e, Object v) {
    if (recentValues.length == 0 || !words(b, s, e)) {
      return;
    }
    int r = recentSet();
    if (!recentAt(r)) {
      System.arraycopy(recent, 3 * r, recent, 3 * r + 3, 3);
      recentValues[r + 1] = recentValues[r];
    }
    setRecent(r, v);
  }

  /** Sets the value of the key {@code b[s, e)} in the recent table if it is there (null: forgets). */
  private void updateRecent(byte[] b, int s, int e, @Nullable Object v) {
    if (recentValues.length == 0 || !words(b, s, e)) {
      return;
    }
    int r = recentSet();
    for (int way = r; way < r + 2; way++) {
      if (recentAt(way)) {
        if (v == null) {
          recent[3 * way + 2] = 0; // the length byte: empty
        }
        recentValues[way] = v;
      }
    }
  }

  /** A hash of {@code b[s, e)}: eight bytes at a time, mixed. */
  static int hash(byte[] b, int s, int e) {
    long h = 0x9E3779B97F4A7C15L ^ (e - s);
    int p = s;
    for (; p + 8 <= e; p += 8) {
      h = (h ^ (long) LONGS.get(b, p)) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 29;
    }
    for (; p < e; p++) {
      h = (h ^ (b[p] & 0xFF)) * 0x94D049BB133111EBL;
    }
    h ^= h >>> 31;
    return (int) h ^ (int) (h >>> 32);
  }

  /**
   * The first half of {@code b[s, e)} packed (bytes 0-9, six bits each, the first in the highest
   * bits; never 0), its second half (bytes 10-19) left in {@link #packedLo}; or 0 when the key
   * cannot be packed (empty, longer than {@link #PACKED_MAX}, or another byte).
   */
  private long pack(byte[] b, int s, int e) {
    int n = e - s;
    if (n < 1 || n > PACKED_MAX) {
      return 0;
    }
    long hi = 0;
    long lo = 0;
    int bad = 0;
    for (int i = 0; i < PACKED_MAX / 2; i++) {
      int c = i < n ? CODE[b[s + i] & 0xFF] : 0;
      bad |= i < n && c == 0 ? 1 : 0;
      hi = (hi << 6) | c;
    }
    for (int i = PACKED_MAX / 2; i < PACKED_MAX; i++) {
      int c = i < n ? CODE[b[s + i] & 0xFF] : 0;
      bad |= i < n && c == 0 ? 1 : 0;
      lo = (lo << 6) | c;
    }
    packedLo = lo;
    return bad == 0 ? hi : 0;
  }

  private static int packedSlot(long hi, long lo, int mask) {
    long h = (hi * 0x9E3779B97F4A7C15L) ^ (lo * 0xC2B2AE3D27D4EB4FL);
    h ^= h >>> 29;
    return (int) h & mask;
  }

  /** The value for the key {@code b[s, e)}, or null. */
  public @Nullable V get(byte[] b, int s, int e) {
    V r = recent(b, s, e);
    return r != null ? r : getPastRecent(b, s, e);
  }

  /**
   * The value for the key {@code b[s, e)}, or null, looked up in the table only: for a caller
   * that found {@link #recent} without it (a key of the map is always in its table).
   */
  @SuppressWarnings("unchecked")
  public @Nullable V getPastRecent(byte[] b, int s, int e) {
    long hi = pack(b, s, e);
    if (hi != 0) {
      long lo = packedLo;
      long[] t = packed;
      int mask = packedValues.length - 1;
      for (int i = packedSlot(hi, lo, mask); ; i = (i + 1) & mask) {
        long k = t[2 * i];
        if (k == hi && t[2 * i + 1] == lo) {
          Object v = packedValues[i];
          rememberRecent(b, s, e, v);
          return (V) v;
        }
        if (k == 0) {
          return null;
        }
      }
    }
    int h = hash(b, s, e);
    int mask = keys.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      byte[] k = keys[i];
      if (k == null) {
        return null;
      }
      if (hashes[i] == h && Arrays.equals(k, 0, k.length, b, s, e)) {
        Object v = values[i];
        rememberRecent(b, s, e, v);
        return (V) v;
      }
    }
  }

  /** The value for a key given as text (its UTF-8 bytes), or null. */
  public @Nullable V get(String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    return get(k, 0, k.length);
  }

  /** Maps the key (its UTF-8 bytes) to {@code v}, replacing any previous value. */
  public void put(String key, V v) {
    put(key.getBytes(StandardCharsets.UTF_8), v);
  }

  /** Maps {@code key} (not copied: do not modify it afterwards) to {@code v}. */
  public void put(byte[] key, V v) {
    rememberRecent(key, 0, key.length, v); // a key just put is likely to be looked up next
    long hi = pack(key, 0, key.length);
    if (hi != 0) {
      putPacked(hi, packedLo, v);
      return;
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int h = hash(key, 0, key.length);
    int mask = keys.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      byte[] k = keys[i];
      if (k == null) {
        keys[i] = key;
        values[i] = v;
        hashes[i] = h;
        size++;
        return;
      }
      if (hashes[i] == h && Arrays.equals(k, key)) {
        values[i] = v;
        return;
      }
    }
  }

  private void putPacked(long hi, long lo, Object v) {
    if (2 * (packedSize + 1) > packedValues.length) {
      long[] ok = packed;
      Object[] ov = packedValues;
      packed = new long[ok.length * 2];
      packedValues = new Object[ov.length * 2];
      packedSize = 0;
      for (int j = 0; j < ov.length; j++) {
        if (ok[2 * j] != 0) {
          putPacked(ok[2 * j], ok[2 * j + 1], ov[j]);
        }
      }
    }
    long[] t = packed;
    int mask = packedValues.length - 1;
    for (int i = packedSlot(hi, lo, mask); ; i = (i + 1) & mask) {
      if (t[2 * i] == 0) {
        t[2 * i] = hi;
        t[2 * i + 1] = lo;
        packedValues[i] = v;
        packedSize++;
        return;
      }
      if (t[2 * i] == hi && t[2 * i + 1] == lo) {
        packedValues[i] = v;
        return;
      }
    }
  }

  /** Removes the key (its UTF-8 bytes) if present; returns its value, or null. */
  public @Nullable V remove(String key) {
    byte[] k = key.getBytes(StandardCharsets.UTF_8);
    return remove(k, 0, k.length);
  }

  /** Removes the key {@code b[s, e)} if present; returns its value, or null. */
  @SuppressWarnings("unchecked")
  public @Nullable V remove(byte[] b, int s, int e) {
    updateRecent(b, s, e, null);
    long hi = pack(b, s, e);
    if (hi != 0) {
      long lo = packedLo;
      long[] t = packed;
      int mask = packedValues.length - 1;
      int i = packedSlot(hi, lo, mask);
      while (t[2 * i] != hi || t[2 * i + 1] != lo) {
        if (t[2 * i] == 0) {
          return null;
        }
        i = (i + 1) & mask;
      }
      Object old = packedValues[i];
      // backward shift: later members of the probe run move into the hole when their home allows
      int hole = i;
      for (int j = (i + 1) & mask; t[2 * j] != 0; j = (j + 1) & mask) {
        if (movable(hole, j, packedSlot(t[2 * j], t[2 * j + 1], mask))) {
          t[2 * hole] = t[2 * j];
          t[2 * hole + 1] = t[2 * j + 1];
          packedValues[hole] = packedValues[j];
          hole = j;
        }
      }
      t[2 * hole] = 0;
      t[2 * hole + 1] = 0;
      packedValues[hole] = null;
      packedSize--;
      return (V) old;
    }
    int h = hash(b, s, e);
    int mask = keys.length - 1;
    int i = h & mask;
    while (true) {
      byte[] k = keys[i];
      if (k == null) {
        return null;
      }
      if (hashes[i] == h && Arrays.equals(k, 0, k.length, b, s, e)) {
        break;
      }
      i = (i + 1) & mask;
    }
    Object old = values[i];
    int hole = i;
    for (int j = (i + 1) & mask; keys[j] != null; j = (j + 1) & mask) {
      if (movable(hole, j, hashes[j] & mask)) {
        keys[hole] = keys[j];
        values[hole] = values[j];
        hashes[hole] = hashes[j];
        hole = j;
      }
    }
    keys[hole] = null;
    values[hole] = null;
    size--;
    return (V) old;
  }

  /**
   * Whether the member at slot {@code j}, whose home slot is {@code home}, may move back into the
   * hole at {@code hole} (linear probing): unless its home lies cyclically in {@code (hole, j]}.
   */
  static boolean movable(int hole, int j, int home) {
    return hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
  }

  /** The text of a packed key. */
  private static String unpack(long hi, long lo) {
    byte[] b = new byte[PACKED_MAX];
    int n = 0;
    for (int i = 0; i < PACKED_MAX; i++) {
      long half = i < PACKED_MAX / 2 ? hi : lo;
      int c = (int) (half >>> (6 * (PACKED_MAX / 2 - 1 - i % (PACKED_MAX / 2)))) & 0x3F;
      if (c == 0) {
        break;
      }
      b[n++] = SYMBOL[c];
    }
    return new String(b, 0, n, StandardCharsets.US_ASCII);
  }

  private void grow() {
    byte[][] ok = keys;
    Object[] ov = values;
    int[] oh = hashes;
    int n = ok.length * 2;
    keys = new byte[n][];
    values = new Object[n];
    hashes = new int[n];
    int mask = n - 1;
    for (int j = 0; j < ok.length; j++) {
      if (ok[j] != null) {
        int i = oh[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = ok[j];
        values[i] = ov[j];
        hashes[i] = oh[j];
      }
    }
  }

  /** The number of keys. */
  public int size() {
    return size + packedSize;
  }

  /** Removes every key. */
  public void clear() {
    if (packedSize > 0) {
      Arrays.fill(packed, 0);
      Arrays.fill(packedValues, null);
      packedSize = 0;
    }
    Arrays.fill(recent, 0);
    Arrays.fill(recentValues, null);
    if (size > 0) {
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
      size = 0;
    }
  }

  /** Removes the entries for which {@code drop} (key as text, value) is true. */
  @SuppressWarnings("unchecked")
  public void removeIf(BiPredicate<String, V> drop) {
    Arrays.fill(recent, 0);
    Arrays.fill(recentValues, null);
    if (packedSize > 0) {
      long[] ok = packed;
      Object[] ov = packedValues;
      packed = new long[ok.length];
      packedValues = new Object[ov.length];
      packedSize = 0;
      for (int j = 0; j < ov.length; j++) {
        if (ok[2 * j] != 0 && !drop.test(unpack(ok[2 * j], ok[2 * j + 1]), (V) ov[j])) {
          putPacked(ok[2 * j], ok[2 * j + 1], ov[j]);
        }
      }
    }
    if (size == 0) {
      return;
    }
    byte[][] ok = keys;
    Object[] ov = values;
    keys = new byte[ok.length][];
    values = new Object[ok.length];
    int[] oh = hashes;
    hashes = new int[ok.length];
    size = 0;
    for (int j = 0; j < ok.length; j++) {
      byte[] k = ok[j];
      if (k != null && !drop.test(new String(k, StandardCharsets.UTF_8), (V) ov[j])) {
        int mask = keys.length - 1;
        int i = oh[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = ov[j];
        hashes[i] = oh[j];
        size++;
      }
    }
  }
}
