package io.cloudir.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput counters of the flow log, WAF and Resolver parse benchmarks: {@code megabytes} is
 * MB/s and {@code records} is records/s as secondary results.
 *
 * <p>Not thread-safe: JMH state, one per benchmark thread.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ParseRates {
  /** Megabytes (10<sup>6</sup> bytes) read. */
  public double megabytes;

  /** Records read. */
  public long records;

  /** Zeroed counters. */
  public ParseRates() {}

  /** Zeroes the counters before each iteration. */
  @Setup(Level.Iteration)
  public void reset() {
    megabytes = 0;
    records = 0;
  }

  /** Counts one pass over an input of {@code bytes} bytes holding {@code count} records. */
  void add(long bytes, long count) {
    megabytes += bytes / 1e6;
    records += count;
  }
}
