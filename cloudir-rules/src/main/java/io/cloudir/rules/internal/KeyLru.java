package io.cloudir.rules.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A hash map from string keys to values in least-recently-used order — what a {@code
 * LinkedHashMap} in access order gives — whose callers pass each key's hash with the key. A key
 * is a string, or a pair (key, term) that stands for the string {@code key + U+0000 + term}
 * without building it (two pairs are equal when those strings are; {@link #hash(int, String)}
 * gives that string's hash from the parts' hashes). A
 * correlation hit carries the hash of its group key, taken when the hit was made (when the key
 * was hot in the cache), so that a lookup reads neither the hit's key lists nor the key string:
 * a bucket holds entries with their hash and a key found by identity (the usual case: group keys
 * are shared strings) is never read. Iteration and {@link #eldest()} go from the least to the most
 * recently used entry. Not thread-safe (owned by a correlator).
 *
 * @param <V> the values
 */
final class KeyLru<V> {
  /** One entry: in its bucket's chain and in the use order. */
  static final class Entry<V> {
    final String key;
    final @Nullable String term;
    final int hash;
    V value;
    @Nullable Entry<V> next;
    @Nullable Entry<V> before;
    @Nullable Entry<V> after;

    Entry(String key, @Nullable String term, int hash, V value) {
      this.key = key;
      this.term = term;
      this.hash = hash;
      this.value = value;
    }

    /** The key as one string: the key, or key + U+0000 + term for a pair. */
    String key() {
      String t = term;
      return t == null ? key : key + '\u0000' + t;
    }

    /** The value. */
    V value() {
      return value;
    }

    /** The next more recently used entry, or null. */
    @Nullable Entry<V> after() {
      return after;
    }
  }

  private @Nullable Entry<?>[] table = new Entry<?>[16];
  private int size;
  private @Nullable Entry<V> head;
  private @Nullable Entry<V> tail;

  /** The hash to pass for {@code key}: {@link String#hashCode()}. */
  static int hash(String key) {
    return key.hashCode();
  }

  /**
   * The hash of a pair (key, {@code term}): {@link String#hashCode()} of {@code key + U+0000 +
   * term}, from {@code keyHash} (the key's hash) and the term.
   */
  static int hash(int keyHash, String term) {
    // s.hashCode() is the sum of s[i] * 31^(n-1-i): the key's part is shifted by the length of
    // U+0000 + term (the U+0000 adds nothing)
    int p = 31;
    int e = term.length() + 1;
    int pow = 1;
    while (e != 0) {
      if ((e & 1) != 0) {
        pow *= p;
      }
      p *= p;
      e >>>= 1;
    }
    return keyHash * pow + term.hashCode();
  }

  /** Whether an entry's key is ({@code key}, {@code term}). */
  private static boolean same(Entry<?> e, String key, @Nullable String term) {
    String et = e.term;
    if (term == null || et == null) {
      return term == et && (e.key == key || e.key.equals(key));
    }
    if (e.key.length() == key.length()) {
      return (e.key == key || e.key.equals(key)) && (et == term || et.equals(term));
    }
    // the strings can still be equal when a part holds U+0000: compare them
    return e.key().equals(key + '\u0000' + term);
  }

  private static int index(int hash, int length) {
    return (hash ^ (hash >>> 16)) & (length - 1);
  }

  /** The number of entries. */
  int size() {
    return size;
  }

  /** The least recently used entry, or null when empty (iterate with {@link Entry#after()}). */
  @Nullable Entry<V> eldest() {
    return head;
  }

  @SuppressWarnings("unchecked")
  private @Nullable Entry<V> find(String key, @Nullable String term, int hash) {
    Entry<V> e = (Entry<V>) table[index(hash, table.length)];
    while (e != null) {
      if (e.hash == hash && same(e, key, term)) {
        return e;
      }
      e = e.next;
    }
    return null;
  }

  /** The value of {@code key} (whose hash is {@code hash}), made the most recently used. */
  @Nullable V get(String key, int hash) {
    return get(key, null, hash);
  }

  /** The value of the pair ({@code key}, {@code term}), made the most recently used. */
  @Nullable V get(String key, @Nullable String term, int hash) {
    Entry<V> e = find(key, term, hash);
    if (e == null) {
      return null;
    }
    toTail(e);
    return e.value;
  }

  /** Sets the value of {@code key}, which becomes the most recently used. */
  void put(String key, int hash, V value) {
    put(key, null, hash, value);
  }

  /** Sets the value of the pair ({@code key}, {@code term}), which becomes the most recent. */
  void put(String key, @Nullable String term, int hash, V value) {
    Entry<V> e = find(key, term, hash);
    if (e != null) {
      e.value = value;
      toTail(e);
      return;
    }
    if (size >= table.length - (table.length >>> 2)) {
      grow();
    }
    e = new Entry<>(key, term, hash, value);
    int i = index(hash, table.length);
    @SuppressWarnings("unchecked")
    Entry<V> first = (Entry<V>) table[i];
    e.next = first;
    table[i] = e;
    Entry<V> t = tail;
    e.before = t;
    if (t == null) {
      head = e;
    } else {
      t.after = e;
    }
    tail = e;
    size++;
  }

  /** Removes {@code key}; returns its value or null. */
  @Nullable V remove(String key, int hash) {
    Entry<V> e = find(key, null, hash);
    if (e == null) {
      return null;
    }
    unlink(e);
    return e.value;
  }

  /** Removes the least recently used entry (the map is not empty). */
  void removeEldest() {
    Entry<V> e = head;
    if (e != null) {
      unlink(e);
    }
  }

  /** Removes every entry. */
  void clear() {
    Arrays.fill(table, null);
    size = 0;
    head = null;
    tail = null;
  }

  private void unlink(Entry<V> e) {
    int i = index(e.hash, table.length);
    @SuppressWarnings("unchecked")
    Entry<V> p = (Entry<V>) table[i];
    if (p == e) {
      table[i] = e.next;
    } else {
      while (p != null && p.next != e) {
        p = p.next;
      }
      if (p != null) {
        p.next = e.next;
      }
    }
    e.next = null;
    unlinkOrder(e);
    e.before = null;
    e.after = null;
    size--;
  }

  /** Takes {@code e} out of the access order (its own links are left as they were). */
  private void unlinkOrder(Entry<V> e) {
    Entry<V> b = e.before;
    Entry<V> a = e.after;
    if (b == null) {
      head = a;
    } else {
      b.after = a;
    }
    if (a == null) {
      tail = b;
    } else {
      a.before = b;
    }
  }

  private void toTail(Entry<V> e) {
    if (tail == e) {
      return;
    }
    unlinkOrder(e); // e is not the tail, so the tail stays
    Entry<V> t = tail;
    e.before = t;
    e.after = null;
    if (t != null) {
      t.after = e;
    }
    tail = e;
  }

  @SuppressWarnings("unchecked")
  private void grow() {
    @Nullable Entry<?>[] old = table;
    @Nullable Entry<?>[] t = new Entry<?>[old.length * 2];
    for (Entry<?> b : old) {
      Entry<V> e = (Entry<V>) b;
      while (e != null) {
        Entry<V> next = e.next;
        int i = index(e.hash, t.length);
        e.next = (Entry<V>) t[i];
        t[i] = e;
        e = next;
      }
    }
    table = t;
  }
}
