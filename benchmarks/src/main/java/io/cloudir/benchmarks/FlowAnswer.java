package io.cloudir.benchmarks;

import org.jspecify.annotations.Nullable;

/**
 * What every {@link FlowLogParseBenchmark} variant computes from each record: the count, the sum
 * of srcport, dstport, protocol, packets, bytes, start and end ({@code -} counting as -1), the
 * number of ACCEPTs, and an FNV-1a-64 hash chain of the srcaddr texts ({@code -} included).
 *
 * <p>Not thread-safe (a mutable accumulator).
 */
public final class FlowAnswer {
  /** Records seen. */
  public long records;
  /** Sum of the seven numeric fields. */
  public long numbers;
  /** ACCEPT records. */
  public long accepts;
  /** Hash chain of the source addresses. */
  public long addresses = 0xcbf29ce484222325L;

  /** A zero answer. */
  public FlowAnswer() {}

  /** Mixes one srcaddr given as bytes. */
  public void mixAddress(byte[] b, int s, int e) {
    long h = addresses;
    for (int i = s; i < e; i++) {
      h = (h ^ (b[i] & 0xFF)) * 0x100000001b3L;
    }
    addresses = (h ^ ' ') * 0x100000001b3L;
  }

  /** Mixes one srcaddr given as a String (ASCII). */
  public void mixAddress(String s) {
    long h = addresses;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    addresses = (h ^ ' ') * 0x100000001b3L;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FlowAnswer a && a.records == records && a.numbers == numbers && a.accepts == accepts
        && a.addresses == addresses;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(records ^ numbers ^ accepts ^ addresses);
  }

  @Override
  public String toString() {
    return "records=" + records + " numbers=" + numbers + " accepts=" + accepts + " addresses=" + addresses;
  }
}
