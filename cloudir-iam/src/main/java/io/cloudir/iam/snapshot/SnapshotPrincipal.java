package io.cloudir.iam.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A user or role of a snapshot, as loaded (or as replayed to another time).
 *
 * @param arn the ARN (with its path)
 * @param type user or role
 * @param account the account id
 * @param name the user or role name
 * @param path the path ({@code /} by default)
 * @param tags the tags
 * @param groups for a user: its groups' names; empty for a role
 * @param attachedPolicies the ARNs of the attached managed policies
 * @param inlinePolicies the names of the inline policies
 * @param permissionsBoundary the ARN of the permissions boundary policy, or null
 *     <p>Immutable and thread-safe.
 */
public record SnapshotPrincipal(
    String arn,
    Type type,
    String account,
    String name,
    String path,
    Map<String, String> tags,
    List<String> groups,
    List<String> attachedPolicies,
    List<String> inlinePolicies,
    @Nullable String permissionsBoundary) {

  /** The kinds of principal a snapshot holds. Immutable and thread-safe. */
  public enum Type {
    /** An IAM user. */
    USER,
    /** An IAM role. */
    ROLE
  }

  /** Copies the collections. */
  public SnapshotPrincipal {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(type, "type");
    tags = Map.copyOf(tags);
    groups = List.copyOf(groups);
    attachedPolicies = List.copyOf(attachedPolicies);
    inlinePolicies = List.copyOf(inlinePolicies);
  }
}
