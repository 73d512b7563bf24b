package io.cloudir.model.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A global, bounded, lock-free table of canonical String instances for low-cardinality values
 * (event sources and names, regions, error codes, identity types…), looked up by their raw UTF-8
 * bytes without allocating.
 *
 * <p>Values up to {@link #MAX_LENGTH} bytes of plain ASCII (no escapes) are canonicalised; the
 * table holds at most {@link #CAPACITY} values, after which new values are simply allocated. The
 * memory it can retain is therefore bounded (about {@code CAPACITY * MAX_LENGTH * 3} bytes).
 *
 * <p>Thread-safe: reads are lock-free, inserts use compare-and-set.
 */
public final class Canonical {
  /** The longest value canonicalised, in bytes. */
  public static final int MAX_LENGTH = 96;

  /** The most values the table keeps. */
  public static final int CAPACITY = 1 << 15;

  private static final int SLOTS = CAPACITY * 2;
  private static final AtomicReferenceArray<Entry> TABLE = new AtomicReferenceArray<>(SLOTS);
  private static final AtomicInteger COUNT = new AtomicInteger();

  private record Entry(byte[] key, String value, int hash) {}

  private Canonical() {}

  /** A hash of bytes {@code [s, e)} (FNV-1a, 32 bit). */
  public static int hash(byte[] b, int s, int e) {
    int h = 0x811C9DC5;
    for (int i = s; i < e; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return h;
  }

  /**
   * The canonical String for the ASCII bytes {@code [s, e)}. The caller guarantees the bytes are a
   * JSON string body without escapes; non-ASCII or long values are decoded without the table.
   */
  public static String of(byte[] b, int s, int e) {
    int len = e - s;
    if (len > MAX_LENGTH) {
      return new String(b, s, len, StandardCharsets.UTF_8);
    }
    int h = hash(b, s, e);
    int i = h & (SLOTS - 1);
    while (true) {
      Entry en = TABLE.get(i);
      if (en == null) {
        break;
      }
      if (en.hash == h && en.key.length == len && Arrays.equals(en.key, 0, len, b, s, e)) {
        return en.value;
      }
      i = (i + 1) & (SLOTS - 1);
    }
    String v = new String(b, s, len, StandardCharsets.UTF_8);
    if (COUNT.get() >= CAPACITY) {
      return v;
    }
    Entry fresh = new Entry(Arrays.copyOfRange(b, s, e), v, h);
    while (true) {
      if (TABLE.compareAndSet(i, null, fresh)) {
        COUNT.incrementAndGet();
        return v;
      }
      Entry en = TABLE.get(i);
      if (en != null && en.hash == h && Arrays.equals(en.key, fresh.key)) {
        return en.value;
      }
      i = (i + 1) & (SLOTS - 1);
    }
  }

  /** The canonical instance of a String (for values made without bytes, e.g. by builders). */
  public static String of(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return of(b, 0, b.length);
  }
}
