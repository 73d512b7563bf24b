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
 * <p>Not thread-safe.
 *
 * @param <V> the value type
 */
public final class ByteKeyMap<V> {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private byte[][] keys = new byte[16][];
  private Object[] values = new Object[16];
  private int[] hashes = new int[16];
  private int size;

  /** An empty map. */
  public ByteKeyMap() {}

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

  /** The value for the key {@code b[s, e)}, or null. */
  @SuppressWarnings("unchecked")
  public @Nullable V get(byte[] b, int s, int e) {
    int h = hash(b, s, e);
    int mask = keys.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      byte[] k = keys[i];
      if (k == null) {
        return null;
      }
      if (hashes[i] == h && Arrays.equals(k, 0, k.length, b, s, e)) {
        return (V) values[i];
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
    return size;
  }

  /** Removes every key. */
  public void clear() {
    if (size > 0) {
      Arrays.fill(keys, null);
      Arrays.fill(values, null);
      size = 0;
    }
  }

  /** Removes the entries for which {@code drop} (key as text, value) is true. */
  @SuppressWarnings("unchecked")
  public void removeIf(BiPredicate<String, V> drop) {
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
