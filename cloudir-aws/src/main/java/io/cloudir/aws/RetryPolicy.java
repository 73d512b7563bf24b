package io.cloudir.aws;

import java.time.Duration;
import java.util.Objects;

/**
 * How API calls (LookupEvents, FilterLogEvents, IAM, Organizations, ListPublicKeys) are retried
 * when AWS throttles them or fails on its side: up to {@code maxAttempts} attempts per call, with
 * exponential backoff and jitter from {@code initialBackoff} up to {@code maxBackoff}. These
 * retries come on top of the SDK's own. A malformed response or an access error is not retried.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts attempts per call (at least 1)
 * @param initialBackoff the first delay
 * @param maxBackoff the longest delay
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  /** Checks the ranges. */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff);
    Objects.requireNonNull(maxBackoff);
    if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxAttempts >= 1, 0 <= initialBackoff <= maxBackoff");
    }
  }

  /** 8 attempts, 500 ms to 20 s (CloudTrail LookupEvents allows 2 calls per second). */
  public static RetryPolicy defaults() {
    return new RetryPolicy(8, Duration.ofMillis(500), Duration.ofSeconds(20));
  }
}
