package io.cloudir.rules;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Dedup / suppression of a rule's findings: after a finding, further findings of the same rule
 * with the same values of the {@code by} fields (read from the record that made the finding) are
 * suppressed for {@code window} of event time, and counted in {@link SessionStats#suppressed()}.
 * With no {@code by} fields, every finding of the rule is one key.
 *
 * <p>Immutable and thread-safe.
 *
 * @param window how long after a finding the same key is suppressed
 * @param by field paths making the key
 */
public record Suppression(Duration window, List<String> by) {
  /** Checks and copies. */
  public Suppression {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a suppression window must be positive");
    }
    by = List.copyOf(by);
  }

  /** A suppression window keyed by fields. */
  public static Suppression of(Duration window, String... by) {
    return new Suppression(window, List.of(by));
  }
}
