package io.cloudir.aws.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter. Immutable and thread-safe. */
public record Backoff(int maxAttempts, Duration initial, Duration max) {

  /** The delay before attempt {@code attempt + 1} after {@code attempt} failures (1-based). */
  public long delayMillis(int attempt) {
    long base = initial.toMillis();
    long cap = max.toMillis();
    long d = base;
    for (int i = 1; i < attempt && d < cap; i++) {
      d *= 2;
    }
    d = Math.min(d, cap);
    // "equal jitter": half fixed, half random
    return d / 2 + (d > 1 ? ThreadLocalRandom.current().nextLong(d / 2 + 1) : 0);
  }

  /**
   * Waits before the next attempt.
   *
   * @return false if interrupted (the interrupt flag is set again)
   */
  public boolean pause(int attempt) {
    long ms = delayMillis(attempt);
    if (ms <= 0) {
      return true;
    }
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
