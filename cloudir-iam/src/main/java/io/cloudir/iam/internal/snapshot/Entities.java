package io.cloudir.iam.internal.snapshot;

import io.cloudir.iam.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The entities of a snapshot: immutable records, replaced (never modified) by the replay. */
public final class Entities {
  private Entities() {}

  /** A copy of {@code list} without {@code item}, then with it at the end if {@code present}. */
  private static List<String> toggled(List<String> list, String item, boolean present) {
    List<String> l = new ArrayList<>(list);
    l.remove(item);
    if (present) {
      l.add(item);
    }
    return l;
  }

  /** Principal kinds. */
  public enum Kind {
    /** An IAM user. */
    USER,
    /** An IAM role. */
    ROLE
  }

  /**
   * A managed policy with its versions.
   *
   * @param arn the policy ARN
   * @param name the policy name
   * @param path the path
   * @param defaultVersion the default version id ({@code v3}), or null when unknown
   * @param versions version id to document, in snapshot order
   */
  public record ManagedPolicy(
      String arn, String name, String path, @Nullable String defaultVersion,
      Map<String, Policy> versions) {
    /** Copies the map. */
    public ManagedPolicy {
      versions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(versions));
    }

    /** The default version's document, or null when the snapshot does not hold it. */
    public @Nullable Policy document() {
      return defaultVersion == null ? null : versions.get(defaultVersion);
    }

    /** Whether this is an AWS managed policy ({@code arn:aws:iam::aws:policy/...}). */
    public boolean awsManaged() {
      return arn.contains(":iam::aws:policy/");
    }
  }

  /**
   * A user, group or role.
   *
   * @param kind USER or ROLE; null for a group
   * @param arn the ARN
   * @param account the account id
   * @param name the name
   * @param path the path
   * @param id the unique id (AIDA…, AROA…, AGPA…), or null
   * @param inline inline policies by name
   * @param attached attached managed policy ARNs
   * @param boundary the permissions boundary policy ARN, or null
   * @param tags tags
   * @param groups for users: group names
   * @param trust for roles: the trust policy, or null
   * @param instanceProfiles for roles: instance profile ARNs
   */
  public record Entity(
      @Nullable Kind kind,
      String arn,
      String account,
      String name,
      String path,
      @Nullable String id,
      Map<String, Policy> inline,
      List<String> attached,
      @Nullable String boundary,
      Map<String, String> tags,
      List<String> groups,
      @Nullable Policy trust,
      List<String> instanceProfiles) {
    /** Copies the collections. */
    public Entity {
      Objects.requireNonNull(arn, "arn");
      inline = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inline));
      attached = List.copyOf(attached);
      tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
      groups = List.copyOf(groups);
      instanceProfiles = List.copyOf(instanceProfiles);
    }

    /** Whether this is a group. */
    public boolean isGroup() {
      return kind == null;
    }

    /** A copy with another inline policy map. */
    public Entity withInline(Map<String, Policy> m) {
      return new Entity(kind, arn, account, name, path, id, m, attached, boundary, tags, groups,
          trust, instanceProfiles);
    }

    /** A copy with another inline policy (null removes it). */
    public Entity withInline(String policyName, @Nullable Policy p) {
      Map<String, Policy> m = new LinkedHashMap<>(inline);
      if (p == null) {
        m.remove(policyName);
      } else {
        m.put(policyName, p);
      }
      return withInline(m);
    }

    /** A copy with another attached list. */
    public Entity withAttached(String policyArn, boolean attach) {
      return new Entity(kind, arn, account, name, path, id, inline,
          toggled(attached, policyArn, attach), boundary, tags, groups, trust, instanceProfiles);
    }

    /** A copy with another boundary. */
    public Entity withBoundary(@Nullable String b) {
      return new Entity(kind, arn, account, name, path, id, inline, attached, b, tags, groups,
          trust, instanceProfiles);
    }

    /** A copy with the user added to or removed from a group. */
    public Entity withGroup(String group, boolean member) {
      return new Entity(kind, arn, account, name, path, id, inline, attached, boundary, tags,
          toggled(groups, group, member), trust, instanceProfiles);
    }

    /** A copy with another trust policy. */
    public Entity withTrust(@Nullable Policy t) {
      return new Entity(kind, arn, account, name, path, id, inline, attached, boundary, tags,
          groups, t, instanceProfiles);
    }
  }

  /**
   * A policy with a name, as attached in an organization tree or to a resource.
   *
   * @param name the name
   * @param policy the document
   */
  public record Named(String name, Policy policy) {}

  /**
   * A node of the organization tree: the root, an OU or an account.
   *
   * @param id the id ({@code r-…}, {@code ou-…}, or the 12-digit account id)
   * @param name the name, or the id
   * @param scps SCPs attached here
   * @param rcps RCPs attached here
   * @param children OUs and accounts below (empty for an account)
   * @param account whether this node is an account
   */
  public record OrgNode(
      String id, String name, List<Named> scps, List<Named> rcps, List<OrgNode> children,
      boolean account) {
    /** Copies the lists. */
    public OrgNode {
      scps = List.copyOf(scps);
      rcps = List.copyOf(rcps);
      children = List.copyOf(children);
    }
  }

  /**
   * A resource-based policy.
   *
   * @param arn the resource ARN
   * @param account the resource's account, or null (then the ARN's)
   * @param policy the policy
   */
  public record ResourcePolicy(String arn, @Nullable String account, Policy policy) {}
}
