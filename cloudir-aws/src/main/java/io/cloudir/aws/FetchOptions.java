package io.cloudir.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How S3 objects are fetched: how many at once, how much memory they may hold, how failures are
 * retried.
 *
 * <p>Objects are downloaded ahead of the reader on {@code concurrency} threads while at most
 * {@code maxInFlightObjects} objects and {@code maxBufferedBytes} bytes (their compressed size)
 * are held; decompression happens while parsing, so the decompressed content is never held whole.
 * An object larger than {@code maxBufferedBytes} is not buffered: it is streamed when its turn
 * comes. A failed read is retried up to {@code maxAttempts} times in all, with exponential
 * backoff from {@code initialBackoff} up to {@code maxBackoff}, resuming at the byte where it
 * broke (pinned to the version first read); then the object is reported as an {@link
 * ObjectFailure}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param concurrency download threads (and HTTP connections)
 * @param maxInFlightObjects objects downloaded ahead of the reader, at most
 * @param maxBufferedBytes bytes held by downloaded objects the reader has not consumed, at most
 * @param maxAttempts attempts per object in all (at least 1)
 * @param initialBackoff the first retry delay
 * @param maxBackoff the longest retry delay
 */
public record FetchOptions(
    int concurrency,
    int maxInFlightObjects,
    long maxBufferedBytes,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff) {

  /** Checks the ranges. */
  public FetchOptions {
    if (concurrency < 1 || maxInFlightObjects < 1 || maxBufferedBytes < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("fetch options must be positive");
    }
    Objects.requireNonNull(initialBackoff);
    Objects.requireNonNull(maxBackoff);
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("backoff must be non-negative and max >= initial");
    }
    if (maxBufferedBytes > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("maxBufferedBytes must fit in an array");
    }
  }

  /** 8 threads, 64 objects and 64 MiB ahead, 4 attempts, backoff 200 ms to 10 s. */
  public static FetchOptions defaults() {
    return new FetchOptions(8, 64, 64L << 20, 4, Duration.ofMillis(200), Duration.ofSeconds(10));
  }

  /** These options with another concurrency. */
  public FetchOptions withConcurrency(int n) {
    return new FetchOptions(n, maxInFlightObjects, maxBufferedBytes, maxAttempts, initialBackoff,
        maxBackoff);
  }

  /** These options with other memory bounds. */
  public FetchOptions withBounds(int objects, long bytes) {
    return new FetchOptions(concurrency, objects, bytes, maxAttempts, initialBackoff, maxBackoff);
  }

  /** These options with another retry policy. */
  public FetchOptions withRetries(int attempts, Duration initial, Duration max) {
    return new FetchOptions(concurrency, maxInFlightObjects, maxBufferedBytes, attempts, initial,
        max);
  }
}
