package io.cloudir.iam.internal.snapshot;

import io.cloudir.iam.internal.snapshot.Entities.Entity;
import io.cloudir.iam.internal.snapshot.Entities.ManagedPolicy;
import io.cloudir.iam.internal.snapshot.Entities.Named;
import io.cloudir.iam.internal.snapshot.Entities.OrgNode;
import io.cloudir.iam.internal.snapshot.Entities.ResourcePolicy;
import io.cloudir.model.arn.Arn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The data of a snapshot: users, groups and roles of every account by ARN, managed policies by ARN,
 * the organization tree, resource-based policies. Immutable and thread-safe; {@link #toBuilder()}
 * gives a mutable copy (the replay works on one).
 */
public final class Model {
  final Map<String, Entity> users;
  final Map<String, Entity> groups;
  final Map<String, Entity> roles;
  final Map<String, ManagedPolicy> policies;
  final @Nullable OrgNode orgRoot;
  final @Nullable String managementAccount;
  final Map<String, ResourcePolicy> resourcePolicies;
  final List<String> warnings;
  private final Map<String, Entity> byName = new HashMap<>();

  Model(Builder b) {
    users = Collections.unmodifiableMap(new LinkedHashMap<>(b.users));
    groups = Collections.unmodifiableMap(new LinkedHashMap<>(b.groups));
    roles = Collections.unmodifiableMap(new LinkedHashMap<>(b.roles));
    policies = Collections.unmodifiableMap(new LinkedHashMap<>(b.policies));
    orgRoot = b.orgRoot;
    managementAccount = b.managementAccount;
    resourcePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(b.resourcePolicies));
    warnings = List.copyOf(b.warnings);
    for (Entity e : users.values()) {
      byName.put(key("user", e.account(), e.name()), e);
    }
    for (Entity e : groups.values()) {
      byName.put(key("group", e.account(), e.name()), e);
    }
    for (Entity e : roles.values()) {
      byName.put(key("role", e.account(), e.name()), e);
    }
  }

  private static String key(String type, String account, String name) {
    return type + ':' + account + ':' + name;
  }

  /** A mutable copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.users.putAll(users);
    b.groups.putAll(groups);
    b.roles.putAll(roles);
    b.policies.putAll(policies);
    b.orgRoot = orgRoot;
    b.managementAccount = managementAccount;
    b.resourcePolicies.putAll(resourcePolicies);
    b.warnings.addAll(warnings);
    return b;
  }

  /** Users by ARN. */
  public Map<String, Entity> users() {
    return users;
  }

  /** Groups by ARN. */
  public Map<String, Entity> groups() {
    return groups;
  }

  /** Roles by ARN. */
  public Map<String, Entity> roles() {
    return roles;
  }

  /** Managed policies by ARN. */
  public Map<String, ManagedPolicy> policies() {
    return policies;
  }

  /** Resource policies by ARN. */
  public Map<String, ResourcePolicy> resourcePolicies() {
    return resourcePolicies;
  }

  /** Warnings from loading. */
  public List<String> warnings() {
    return warnings;
  }

  /** The management account, or null. */
  public @Nullable String managementAccount() {
    return managementAccount;
  }

  /** Every account the snapshot knows (principals and organization), sorted. */
  public List<String> accounts() {
    TreeSet<String> s = new TreeSet<>();
    for (Entity e : users.values()) {
      s.add(e.account());
    }
    for (Entity e : roles.values()) {
      s.add(e.account());
    }
    for (Entity e : groups.values()) {
      s.add(e.account());
    }
    OrgNode r = orgRoot;
    if (r != null) {
      collectAccounts(r, s);
    }
    return List.copyOf(s);
  }

  private static void collectAccounts(OrgNode n, TreeSet<String> out) {
    if (n.account()) {
      out.add(n.id());
    }
    for (OrgNode c : n.children()) {
      collectAccounts(c, out);
    }
  }

  /** A user by account and name. */
  public @Nullable Entity user(String account, String name) {
    return byName.get(key("user", account, name));
  }

  /** A group by account and name. */
  public @Nullable Entity group(String account, String name) {
    return byName.get(key("group", account, name));
  }

  /** A role by account and name. */
  public @Nullable Entity role(String account, String name) {
    return byName.get(key("role", account, name));
  }

  /**
   * The user or role a principal ARN denotes: a user ARN, a role ARN (any path) or a role session
   * ARN ({@code arn:aws:sts::…:assumed-role/Role/session}).
   */
  public @Nullable Entity principal(String arn) {
    Arn a = Arn.tryParse(arn).orElse(null);
    if (a == null) {
      return null;
    }
    String res = a.resource();
    if (a.service().equals("iam") && res.startsWith("user/")) {
      return user(a.account(), res.substring(res.lastIndexOf('/') + 1));
    }
    if (a.service().equals("iam") && res.startsWith("role/")) {
      return role(a.account(), res.substring(res.lastIndexOf('/') + 1));
    }
    if (a.service().equals("sts") && res.startsWith("assumed-role/")) {
      String rest = res.substring("assumed-role/".length());
      int slash = rest.indexOf('/');
      return role(a.account(), slash < 0 ? rest : rest.substring(0, slash));
    }
    return null;
  }

  /**
   * The SCP levels that apply to principals of an account (root first, then each OU, then the
   * account), or an empty list when the account is not in the organization tree or is the
   * management account (SCPs do not affect it).
   */
  public List<List<Named>> scpLevels(String account) {
    return levels(account, true);
  }

  /**
   * The RCP levels that apply to resources of an account, or an empty list (not in the tree, or
   * the management account, whose resources RCPs do not affect).
   */
  public List<List<Named>> rcpLevels(String account) {
    return levels(account, false);
  }

  private List<List<Named>> levels(String account, boolean scp) {
    OrgNode r = orgRoot;
    if (r == null || account.equals(managementAccount) || (scp && !anyScp(r))) {
      return List.of();
    }
    List<OrgNode> path = new ArrayList<>();
    if (!pathTo(r, account, path)) {
      return List.of();
    }
    List<List<Named>> out = new ArrayList<>();
    for (OrgNode n : path) {
      out.add(scp ? n.scps() : n.rcps());
    }
    return out;
  }

  /** Whether the tree has an SCP anywhere (else the SCP policy type is taken as not enabled). */
  private static boolean anyScp(OrgNode n) {
    if (!n.scps().isEmpty()) {
      return true;
    }
    for (OrgNode c : n.children()) {
      if (anyScp(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean pathTo(OrgNode n, String account, List<OrgNode> path) {
    path.add(n);
    if (n.account() && n.id().equals(account)) {
      return true;
    }
    for (OrgNode c : n.children()) {
      if (pathTo(c, account, path)) {
        return true;
      }
    }
    path.remove(path.size() - 1);
    return false;
  }

  /**
   * The resource-based policy of a resource: the one registered for the ARN, else for an S3 object
   * the bucket's policy.
   */
  public @Nullable ResourcePolicy resourcePolicy(String arn) {
    ResourcePolicy p = resourcePolicies.get(arn);
    if (p == null && arn.startsWith("arn:") && arn.contains(":s3:::")) {
      int at = arn.indexOf(":s3:::") + 6;
      int slash = arn.indexOf('/', at);
      if (slash > 0) {
        p = resourcePolicies.get(arn.substring(0, slash));
      }
    }
    return p;
  }

  /** A mutable model. Not thread-safe. */
  public static final class Builder {
    final Map<String, Entity> users = new LinkedHashMap<>();
    final Map<String, Entity> groups = new LinkedHashMap<>();
    final Map<String, Entity> roles = new LinkedHashMap<>();
    final Map<String, ManagedPolicy> policies = new LinkedHashMap<>();
    @Nullable OrgNode orgRoot;
    @Nullable String managementAccount;
    final Map<String, ResourcePolicy> resourcePolicies = new LinkedHashMap<>();
    final List<String> warnings = new ArrayList<>();

    /** An empty builder. */
    public Builder() {}

    /** The users, groups or roles map ({@code User}, {@code Group}, {@code Role}). */
    Map<String, Entity> map(String type) {
      return type.equals("User") ? users : type.equals("Role") ? roles : groups;
    }

    /** The immutable model. */
    public Model build() {
      return new Model(this);
    }
  }
}
