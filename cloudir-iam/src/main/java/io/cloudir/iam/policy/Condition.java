package io.cloudir.iam.policy;

import java.util.List;
import java.util.Objects;

/**
 * One condition test: an operator applied to one context key with one or more policy values, such
 * as {@code "StringEquals": {"aws:username": ["alice", "bob"]}} (two values: either may match).
 * Values are kept as written (JSON numbers and booleans as their text).
 *
 * @param operator the operator
 * @param key the context key as written (IAM compares keys ignoring case)
 * @param values the policy values, at least one
 *     <p>Immutable and thread-safe.
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {
  /** Validates and copies. */
  public Condition {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(key, "key");
    values = List.copyOf(values);
  }
}
