package io.cloudir.rules;

import java.util.Locale;

/**
 * How serious a finding is. Ordered from {@link #INFO} to {@link #CRITICAL}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Severity {
  /** Informational (Sigma {@code informational}). */
  INFO,
  /** Low. */
  LOW,
  /** Medium. */
  MEDIUM,
  /** High. */
  HIGH,
  /** Critical. */
  CRITICAL;

  /** The lower-case name used in rule files and finding JSON ({@code info}, {@code high}…). */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a severity name, case-insensitively; Sigma's {@code informational} is {@link #INFO}.
   *
   * @throws IllegalArgumentException for any other text
   */
  public static Severity parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("informational")) {
      return INFO;
    }
    for (Severity s : values()) {
      if (s.text().equals(t)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + text + "' (expected info, low, medium, high or critical)");
  }
}
