package io.cloudir.iam.snapshot;

import io.cloudir.iam.eval.Decision;
import java.util.List;
import java.util.Objects;

/**
 * One principal that can perform an action on a resource ({@link Snapshot#whoCan}).
 *
 * @param principal a user or role ARN, or the ARN (or name) of a SAML/OIDC identity provider whose
 *     users can assume a role on the way
 * @param decision {@link Decision#ALLOWED}, or {@link Decision#CONDITIONAL} when some step depends
 *     on request context the snapshot cannot know (MFA, source IP, external id…)
 * @param via the roles assumed on the way, in order (empty when the principal itself can)
 * @param dependsOn the context keys a conditional answer depends on (empty for an allow)
 *     <p>Immutable and thread-safe.
 */
public record WhoCanEntry(String principal, Decision decision, List<String> via, List<String> dependsOn) {
  /** Copies the lists. */
  public WhoCanEntry {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(decision, "decision");
    via = List.copyOf(via);
    dependsOn = List.copyOf(dependsOn);
  }
}
