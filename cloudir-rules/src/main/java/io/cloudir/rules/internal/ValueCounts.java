package io.cloudir.rules.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * How many times each distinct value occurs in a threshold group's window. Adding a value returns
 * its {@link Counter}, which the group keeps beside the hit; dropping the hit later decrements
 * that counter and, at zero, unlinks it by its stored hash and by identity — without reading the
 * value string or the old hit (both are rarely still in the processor's cache by then). Not
 * thread-safe (owned by a correlator).
 */
final class ValueCounts {
  /** The count of one value. */
  static final class Counter {
    final String value;
    final int hash;
    int n;
    @Nullable Counter next;

    Counter(String value, int hash) {
      this.value = value;
      this.hash = hash;
    }
  }

  private @Nullable Counter[] table = new Counter[8];
  private int size;

  private static int index(int hash, int length) {
    return (hash ^ (hash >>> 16)) & (length - 1);
  }

  /** The number of distinct values counted (each with a count of at least one). */
  int size() {
    return size;
  }

  /** Counts one more {@code value} (whose {@link String#hashCode()} is {@code hash}). */
  Counter add(String value, int hash) {
    int i = index(hash, table.length);
    for (Counter c = table[i]; c != null; c = c.next) {
      if (c.hash == hash && (c.value == value || c.value.equals(value))) {
        c.n++;
        return c;
      }
    }
    if (size >= table.length - (table.length >>> 2)) {
      grow();
      i = index(hash, table.length);
    }
    Counter c = new Counter(value, hash);
    c.n = 1;
    c.next = table[i];
    table[i] = c;
    size++;
    return c;
  }

  /** Counts one occurrence of a counter's value less (it came from {@link #add}). */
  void drop(Counter c) {
    if (--c.n > 0) {
      return;
    }
    int i = index(c.hash, table.length);
    Counter p = table[i];
    if (p == c) {
      table[i] = c.next;
    } else {
      while (p != null && p.next != c) {
        p = p.next;
      }
      if (p == null) {
        return; // not ours (already dropped): nothing to unlink
      }
      p.next = c.next;
    }
    c.next = null;
    size--;
  }

  /** Forgets every value. */
  void clear() {
    Arrays.fill(table, null);
    size = 0;
  }

  private void grow() {
    @Nullable Counter[] old = table;
    @Nullable Counter[] t = new Counter[old.length * 2];
    for (Counter b : old) {
      Counter c = b;
      while (c != null) {
        Counter next = c.next;
        int i = index(c.hash, t.length);
        c.next = t[i];
        t[i] = c;
        c = next;
      }
    }
    table = t;
  }
}
