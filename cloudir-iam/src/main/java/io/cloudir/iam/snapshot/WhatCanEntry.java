package io.cloudir.iam.snapshot;

import io.cloudir.iam.catalog.AccessLevel;
import io.cloudir.iam.eval.Decision;
import java.util.List;
import java.util.Objects;

/**
 * One action a principal can perform ({@link Snapshot#whatCan}).
 *
 * @param action the action as the catalog spells it ({@code s3:GetObject})
 * @param service the service prefix
 * @param accessLevel the access level the catalog gives the action
 * @param resources the ARN patterns it is allowed on, with the principal's policy variables bound
 * @param except patterns within those that an unconditional Deny removes
 * @param decision {@link Decision#ALLOWED}, or {@link Decision#CONDITIONAL} when every allowing
 *     statement has conditions (or a conditional Deny may apply)
 * @param dependsOn the condition keys of a conditional answer
 *     <p>Immutable and thread-safe.
 */
public record WhatCanEntry(
    String action, String service, AccessLevel accessLevel, List<String> resources,
    List<String> except, Decision decision, List<String> dependsOn) {
  /** Copies the lists. */
  public WhatCanEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(accessLevel, "accessLevel");
    Objects.requireNonNull(decision, "decision");
    resources = List.copyOf(resources);
    except = List.copyOf(except);
    dependsOn = List.copyOf(dependsOn);
  }
}
