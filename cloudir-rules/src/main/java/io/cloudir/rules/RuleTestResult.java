package io.cloudir.rules;

import io.cloudir.model.Location;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one embedded test of one rule.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ruleId the rule
 * @param testName the test
 * @param passed whether the rule did what the test expects
 * @param message what went wrong (empty when passed)
 * @param findings the findings the rule made
 * @param location where the test was written, or null
 */
public record RuleTestResult(String ruleId, String testName, boolean passed, String message,
    List<Finding> findings, @Nullable Location location) {
  /** Checks and copies. */
  public RuleTestResult {
    Objects.requireNonNull(ruleId);
    Objects.requireNonNull(testName);
    Objects.requireNonNull(message);
    findings = List.copyOf(findings);
  }

  /** {@code PASS|FAIL rule / test: message (location)}. */
  @Override
  public String toString() {
    return (passed ? "PASS " : "FAIL ") + ruleId + " / " + testName
        + (message.isEmpty() ? "" : ": " + message) + (location == null ? "" : " (" + location + ")");
  }
}
