package io.cloudir.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * An order-sensitive checksum of a fixed number of fields per record, for benchmarks whose
 * variants must compute the same answer: strings are mixed as the FNV-1a-64 hash of their UTF-8
 * bytes ({@link FieldChecksum#fnv1a64}), numbers as their value, absent values as {@link
 * FieldChecksum#ABSENT}.
 *
 * <p>Not thread-safe.
 */
public final class FieldSum {
  private static final long MIX = 0x9E3779B97F4A7C15L;

  private final int fieldsPerRecord;
  private long state = 17;
  private int fields;
  private long records;

  /**
   * A checksum of records with {@code fieldsPerRecord} fields each.
   *
   * @param fieldsPerRecord the fields each record must mix
   */
  public FieldSum(int fieldsPerRecord) {
    this.fieldsPerRecord = fieldsPerRecord;
  }

  /**
   * Mixes a value: a hash, a number, or {@link FieldChecksum#ABSENT}.
   *
   * @param v the value
   */
  public void mixLong(long v) {
    state = (Long.rotateLeft(state, 23) ^ v) * MIX;
    fields++;
  }

  /**
   * Mixes a string, or absent when null.
   *
   * @param s the string
   */
  public void mix(@Nullable CharSequence s) {
    mixLong(s == null ? FieldChecksum.ABSENT : FieldChecksum.fnv1a64(s));
  }

  /**
   * Mixes decoded UTF-8 bytes.
   *
   * @param b bytes
   * @param off first byte
   * @param len length
   */
  public void mix(byte[] b, int off, int len) {
    mixLong(FieldChecksum.fnv1a64(b, off, len));
  }

  /**
   * Closes a record.
   *
   * @throws IllegalStateException unless exactly the configured number of fields was mixed
   */
  public void endRecord() {
    if (fields != fieldsPerRecord) {
      throw new IllegalStateException("record " + records + " mixed " + fields + " fields");
    }
    fields = 0;
    records++;
  }

  /**
   * The number of records.
   *
   * @return records closed so far
   */
  public long records() {
    return records;
  }

  /**
   * The checksum.
   *
   * @return the state
   */
  public long value() {
    return state;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FieldSum f && f.state == state && f.records == records;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(state * 31 + records);
  }

  @Override
  public String toString() {
    return "FieldSum[records=" + records + ", value=" + Long.toHexString(state) + "]";
  }
}
