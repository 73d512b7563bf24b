package io.cloudir.iam.snapshot;

import io.cloudir.iam.eval.Decision;
import java.util.List;
import java.util.Objects;

/**
 * A principal that can escalate its privileges with a technique ({@link Snapshot#escalations}).
 *
 * @param principal the user or role ARN
 * @param technique the technique
 * @param targets what it acts on (policy, group, user or role ARNs; the principal itself for
 *     techniques on self), sorted
 * @param decision {@link Decision#ALLOWED}, or {@link Decision#CONDITIONAL} when a needed
 *     permission depends on request context
 * @param dependsOn the context keys of a conditional answer
 *     <p>Immutable and thread-safe.
 */
public record EscalationPath(
    String principal, EscalationTechnique technique, List<String> targets, Decision decision,
    List<String> dependsOn) {
  /** Copies the lists. */
  public EscalationPath {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(technique, "technique");
    Objects.requireNonNull(decision, "decision");
    targets = List.copyOf(targets);
    dependsOn = List.copyOf(dependsOn);
  }
}
