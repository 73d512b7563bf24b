package io.cloudir.iam.internal.snapshot;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.iam.internal.snapshot.Entities.Entity;
import io.cloudir.iam.internal.snapshot.Entities.Kind;
import io.cloudir.iam.internal.snapshot.Entities.ManagedPolicy;
import io.cloudir.iam.policy.Policy;
import io.cloudir.model.CloudirException;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.UserIdentity;
import io.cloudir.model.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Replays IAM changes recorded in CloudTrail onto a snapshot, forwards (the snapshot was taken
 * before the time asked for: apply the changes in between, oldest first) or backwards (the
 * snapshot is newer: undo the changes in between, newest first).
 *
 * <p>Forwards every supported change is exact: the events carry the new documents. Backwards, the
 * event says what the state became, not what it was: the earlier state of an overwritten or
 * deleted document is taken from an earlier event of the same window when there is one, and is
 * otherwise unknown — then the undo removes what the event added and a warning names what could
 * not be restored. Failed calls (with an {@code errorCode}) changed nothing and are skipped, as are
 * events of other services.
 *
 * <p>Supported (IAM API names): CreateUser, DeleteUser, CreateRole, DeleteRole, CreateGroup,
 * DeleteGroup, AddUserToGroup, RemoveUserFromGroup, Put/DeleteUserPolicy, Put/DeleteGroupPolicy,
 * Put/DeleteRolePolicy, Attach/DetachUserPolicy, Attach/DetachGroupPolicy, Attach/DetachRolePolicy,
 * CreatePolicy, DeletePolicy, CreatePolicyVersion, DeletePolicyVersion, SetDefaultPolicyVersion,
 * UpdateAssumeRolePolicy, Put/DeleteUserPermissionsBoundary, Put/DeleteRolePermissionsBoundary.
 * Other IAM events (access keys, login profiles, tags…) do not change permissions as modelled here
 * and are counted as skipped. Not thread-safe (one instance per replay).
 */
public final class Replayer {
  /** The IAM event names that change what a snapshot models. */
  public static final Set<String> SUPPORTED = Set.of(
      "CreateUser", "DeleteUser", "CreateRole", "DeleteRole", "CreateGroup", "DeleteGroup",
      "AddUserToGroup", "RemoveUserFromGroup", "PutUserPolicy", "DeleteUserPolicy",
      "PutGroupPolicy", "DeleteGroupPolicy", "PutRolePolicy", "DeleteRolePolicy",
      "AttachUserPolicy", "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy",
      "AttachRolePolicy", "DetachRolePolicy", "CreatePolicy", "DeletePolicy",
      "CreatePolicyVersion", "DeletePolicyVersion", "SetDefaultPolicyVersion",
      "UpdateAssumeRolePolicy", "PutUserPermissionsBoundary", "DeleteUserPermissionsBoundary",
      "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary");

  private final Model.Builder b;
  private final @Nullable ActionCatalog catalog;
  private final List<String> warnings = new ArrayList<>();
  private int applied;
  private int skipped;

  private Replayer(Model.Builder b, @Nullable ActionCatalog catalog) {
    this.b = b;
    this.catalog = catalog;
  }

  /**
   * The outcome of a replay.
   *
   * @param model the state at the time asked for
   * @param applied events applied (or undone)
   * @param skipped events in the window that change nothing modelled (failed calls, other
   *     services, other IAM events)
   * @param warnings what could not be reconstructed exactly
   */
  public record Outcome(Model model, int applied, int skipped, List<String> warnings) {}

  /**
   * Replays.
   *
   * @param model the snapshot's data
   * @param snapshotTime when the snapshot was taken
   * @param time the time asked for
   * @param events CloudTrail events (any order; those outside the window are ignored)
   * @param catalog the catalog for policy warnings, or null
   * @return the state at {@code time}
   */
  public static Outcome replay(
      Model model, Instant snapshotTime, Instant time, Iterable<CloudTrailEvent> events,
      @Nullable ActionCatalog catalog) {
    boolean forward = time.isAfter(snapshotTime);
    Instant lo = forward ? snapshotTime : time;
    Instant hi = forward ? time : snapshotTime;
    List<CloudTrailEvent> window = new ArrayList<>();
    for (CloudTrailEvent e : events) {
      Instant t = e.eventTime();
      if (t != null && t.isAfter(lo) && !t.isAfter(hi)) {
        window.add(e);
      }
    }
    window.sort(Comparator.comparing(e -> java.util.Objects.requireNonNull(e.eventTime())));
    Replayer r = new Replayer(model.toBuilder(), catalog);
    if (forward) {
      for (CloudTrailEvent e : window) {
        r.one(e, true, List.of());
      }
    } else {
      for (int i = window.size() - 1; i >= 0; i--) {
        r.one(window.get(i), false, window.subList(0, i));
      }
    }
    return new Outcome(SnapshotChecks.check(r.b), r.applied, r.skipped, List.copyOf(r.warnings));
  }

  private static @Nullable String param(CloudTrailEvent e, String name) {
    JsonValue rp = e.requestParameters();
    return rp == null ? null : rp.getString(name);
  }

  private static @Nullable String response(CloudTrailEvent e, String object, String name) {
    JsonValue re = e.responseElements();
    JsonValue o = re == null ? null : re.get(object);
    return o == null ? null : o.getString(name);
  }

  private static String account(CloudTrailEvent e) {
    String a = e.recipientAccountId();
    UserIdentity ui = e.userIdentity();
    if (a == null && ui != null) {
      a = ui.accountId();
    }
    return a == null ? "" : a;
  }

  private static String partition(CloudTrailEvent e) {
    UserIdentity ui = e.userIdentity();
    String arn = ui == null ? null : ui.arn();
    if (arn != null && arn.startsWith("arn:")) {
      int c = arn.indexOf(':', 4);
      if (c > 4) {
        return arn.substring(4, c);
      }
    }
    return "aws";
  }

  private @Nullable Policy document(CloudTrailEvent e, String name) {
    String d = param(e, name);
    if (d == null) {
      return null;
    }
    try {
      String s = d.strip();
      return Policy.parse(s.startsWith("{") ? s : SnapshotReader.percentDecode(s), catalog);
    } catch (CloudirException | IllegalArgumentException ex) {
      warnings.add(where(e) + ": " + name + " is not a valid policy: " + ex.getMessage());
      return null;
    }
  }

  private static String where(CloudTrailEvent e) {
    return e.eventName() + " " + e.eventTime() + (e.eventID() == null ? "" : " " + e.eventID());
  }

  private void one(CloudTrailEvent e, boolean forward, List<CloudTrailEvent> earlier) {
    String name = e.eventName();
    if (!"iam.amazonaws.com".equals(e.eventSource()) || e.errorCode() != null || name == null
        || !SUPPORTED.contains(name)) {
      skipped++;
      return;
    }
    String acct = account(e);
    String part = partition(e);
    boolean done = switch (name) {
      case "CreateUser", "CreateRole", "CreateGroup" -> create(e, name, acct, part, forward);
      case "DeleteUser", "DeleteRole", "DeleteGroup" -> delete(e, name, acct, forward, earlier);
      case "AddUserToGroup", "RemoveUserFromGroup" -> membership(e, acct,
          name.equals("AddUserToGroup") == forward);
      case "PutUserPolicy", "PutGroupPolicy", "PutRolePolicy", "DeleteUserPolicy",
          "DeleteGroupPolicy", "DeleteRolePolicy" -> inline(e, name, acct, forward, earlier);
      case "AttachUserPolicy", "AttachGroupPolicy", "AttachRolePolicy", "DetachUserPolicy",
          "DetachGroupPolicy", "DetachRolePolicy" -> attach(e, name, acct, forward);
      case "CreatePolicy", "DeletePolicy" -> policy(e, name, forward, earlier);
      case "CreatePolicyVersion", "DeletePolicyVersion", "SetDefaultPolicyVersion" ->
          version(e, name, forward, earlier);
      case "UpdateAssumeRolePolicy" -> trust(e, acct, forward, earlier);
      default -> boundary(e, name, acct, forward, earlier);
    };
    if (done) {
      applied++;
    } else {
      skipped++;
    }
  }

  private @Nullable Entity find(String type, String acct, @Nullable String name) {
    if (name == null) {
      return null;
    }
    Map<String, Entity> m = map(type);
    for (Entity x : m.values()) {
      if (x.account().equals(acct) && x.name().equals(name)) {
        return x;
      }
    }
    return null;
  }

  private Map<String, Entity> map(String type) {
    return type.equals("User") ? b.users : type.equals("Role") ? b.roles : b.groups;
  }

  private static String type(String eventName) {
    return eventName.contains("User") && !eventName.contains("Group") ? "User"
        : eventName.contains("Group") ? "Group" : "Role";
  }

  private boolean create(CloudTrailEvent e, String name, String acct, String part, boolean forward) {
    String type = type(name);
    String lower = type.toLowerCase(java.util.Locale.ROOT);
    String n = param(e, lower + "Name");
    if (n == null) {
      warnings.add(where(e) + ": no " + lower + "Name");
      return false;
    }
    Entity old = find(type, acct, n);
    if (!forward) {
      if (old != null) {
        map(type).remove(old.arn());
      }
      return true;
    }
    String path = param(e, "path");
    String arn = response(e, lower, "arn");
    if (arn == null) {
      arn = "arn:" + part + ":iam::" + acct + ":" + lower + (path == null ? "/" : path) + n;
    }
    Policy trust = type.equals("Role") ? document(e, "assumeRolePolicyDocument") : null;
    String boundaryArn = param(e, "permissionsBoundary");
    Entity created = new Entity(type.equals("User") ? Kind.USER : type.equals("Role") ? Kind.ROLE : null,
        arn, acct, n, path == null ? "/" : path, response(e, lower, lower + "Id"), Map.of(), List.of(),
        boundaryArn, Map.of(), List.of(), trust, List.of());
    if (old != null) {
      map(type).remove(old.arn());
    }
    map(type).put(arn, created);
    return true;
  }

  private boolean delete(
      CloudTrailEvent e, String name, String acct, boolean forward, List<CloudTrailEvent> earlier) {
    String type = type(name);
    String lower = type.toLowerCase(java.util.Locale.ROOT);
    String n = param(e, lower + "Name");
    Entity old = find(type, acct, n);
    if (forward) {
      if (old != null) {
        map(type).remove(old.arn());
      }
      return old != null;
    }
    if (n == null || old != null) {
      return false;
    }
    // undo a delete: the entity existed; its policies are what earlier events say, else unknown
    CloudTrailEvent creation = last(earlier, "Create" + type, lower + "Name", n);
    Policy trust = null;
    String arn = "arn:" + partition(e) + ":iam::" + acct + ":" + lower + "/" + n;
    if (creation != null) {
      String ra = response(creation, lower, "arn");
      arn = ra != null ? ra : arn;
      trust = type.equals("Role") ? document(creation, "assumeRolePolicyDocument") : null;
    }
    warnings.add(where(e) + ": " + lower + " " + n + " restored without the policies it had"
        + " before it was deleted (CloudTrail does not record them)");
    map(type).put(arn, new Entity(type.equals("User") ? Kind.USER : type.equals("Role") ? Kind.ROLE : null,
        arn, acct, n, "/", null, Map.of(), List.of(), null, Map.of(), List.of(), trust, List.of()));
    return true;
  }

  private static @Nullable CloudTrailEvent last(
      List<CloudTrailEvent> earlier, String eventName, String param, String value) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      CloudTrailEvent x = earlier.get(i);
      if (eventName.equals(x.eventName()) && x.errorCode() == null && value.equals(param(x, param))) {
        return x;
      }
    }
    return null;
  }

  private boolean membership(CloudTrailEvent e, String acct, boolean add) {
    Entity u = find("User", acct, param(e, "userName"));
    String g = param(e, "groupName");
    if (u == null || g == null) {
      warnings.add(where(e) + ": user or group not in the snapshot");
      return false;
    }
    b.users.put(u.arn(), u.withGroup(g, add));
    return true;
  }

  private boolean inline(
      CloudTrailEvent e, String name, String acct, boolean forward, List<CloudTrailEvent> earlier) {
    String type = type(name);
    Entity x = find(type, acct, param(e, type.toLowerCase(java.util.Locale.ROOT) + "Name"));
    String pn = param(e, "policyName");
    if (x == null || pn == null) {
      warnings.add(where(e) + ": " + type.toLowerCase(java.util.Locale.ROOT) + " not in the snapshot");
      return false;
    }
    boolean put = name.startsWith("Put");
    Policy next;
    if (forward) {
      next = put ? document(e, "policyDocument") : null;
    } else {
      // the document before this event: the last earlier Put of the same policy, else unknown
      CloudTrailEvent prev = null;
      for (int i = earlier.size() - 1; i >= 0 && prev == null; i--) {
        CloudTrailEvent c = earlier.get(i);
        if (("Put" + type + "Policy").equals(c.eventName()) && c.errorCode() == null
            && pn.equals(param(c, "policyName")) && x.name().equals(
                param(c, type.toLowerCase(java.util.Locale.ROOT) + "Name"))) {
          prev = c;
        }
      }
      next = prev == null ? null : document(prev, "policyDocument");
      if (prev == null) {
        warnings.add(where(e) + ": the inline policy " + pn + " of " + x.arn() + " before this"
            + (put ? " change is unknown: removed" : " deletion is unknown: left out"));
      }
    }
    b.map(type).put(x.arn(), x.withInline(pn, next));
    return true;
  }

  private boolean attach(CloudTrailEvent e, String name, String acct, boolean forward) {
    String type = type(name);
    Entity x = find(type, acct, param(e, type.toLowerCase(java.util.Locale.ROOT) + "Name"));
    String pa = param(e, "policyArn");
    if (x == null || pa == null) {
      warnings.add(where(e) + ": " + type.toLowerCase(java.util.Locale.ROOT) + " not in the snapshot");
      return false;
    }
    b.map(type).put(x.arn(), x.withAttached(pa, name.startsWith("Attach") == forward));
    return true;
  }

  private boolean policy(CloudTrailEvent e, String name, boolean forward, List<CloudTrailEvent> earlier) {
    String arn = name.equals("CreatePolicy") ? response(e, "policy", "arn") : param(e, "policyArn");
    if (arn == null) {
      warnings.add(where(e) + ": no policy ARN");
      return false;
    }
    boolean create = name.equals("CreatePolicy");
    if (create == forward) {
      // (re)create: forward from the event, backward (undo of a delete) from its creation if seen
      CloudTrailEvent src = create ? e : null;
      for (int i = earlier.size() - 1; i >= 0 && src == null; i--) {
        CloudTrailEvent c = earlier.get(i);
        if ("CreatePolicy".equals(c.eventName()) && c.errorCode() == null
            && arn.equals(response(c, "policy", "arn"))) {
          src = c;
        }
      }
      Policy d = src == null ? null : document(src, "policyDocument");
      if (src == null || d == null) {
        warnings.add(where(e) + ": the document of " + arn + " is unknown");
        return false;
      }
      String pn = param(src, "policyName");
      b.policies.put(arn, new ManagedPolicy(arn, pn == null ? arn.substring(arn.lastIndexOf('/') + 1) : pn,
          "/", "v1", Map.of("v1", d)));
    } else {
      b.policies.remove(arn);
    }
    return true;
  }

  private boolean version(
      CloudTrailEvent e, String name, boolean forward, List<CloudTrailEvent> earlier) {
    String arn = param(e, "policyArn");
    ManagedPolicy mp = arn == null ? null : b.policies.get(arn);
    if (arn == null || mp == null) {
      warnings.add(where(e) + ": policy " + arn + " not in the snapshot");
      return false;
    }
    Map<String, Policy> versions = new LinkedHashMap<>(mp.versions());
    String def = mp.defaultVersion();
    switch (name) {
      case "CreatePolicyVersion" -> {
        String vid = response(e, "policyVersion", "versionId");
        boolean setDefault = "true".equals(jsonText(e, "setAsDefault"));
        if (vid == null) {
          warnings.add(where(e) + ": no versionId in responseElements");
          return false;
        }
        if (forward) {
          Policy d = document(e, "policyDocument");
          if (d == null) {
            return false;
          }
          versions.put(vid, d);
          def = setDefault ? vid : def;
        } else {
          versions.remove(vid);
          if (vid.equals(def)) {
            def = previousDefault(e, arn, earlier, versions);
          }
        }
      }
      case "SetDefaultPolicyVersion" -> {
        String vid = param(e, "versionId");
        if (vid == null) {
          return false;
        }
        def = forward ? vid : previousDefault(e, arn, earlier, versions);
      }
      default -> {
        String vid = param(e, "versionId");
        if (vid == null) {
          return false;
        }
        if (forward) {
          versions.remove(vid);
        } else {
          warnings.add(where(e) + ": the document of deleted version " + vid + " of " + arn
              + " is unknown");
        }
      }
    }
    b.policies.put(arn, new ManagedPolicy(arn, mp.name(), mp.path(), def, versions));
    return true;
  }

  private static @Nullable String jsonText(CloudTrailEvent e, String name) {
    JsonValue rp = e.requestParameters();
    JsonValue v = rp == null ? null : rp.get(name);
    return v == null ? null : v.isString() ? v.asString() : v.toJson();
  }

  /** The default version before {@code e}: from an earlier event, else the newest remaining. */
  private @Nullable String previousDefault(
      CloudTrailEvent e, String arn, List<CloudTrailEvent> earlier, Map<String, Policy> versions) {
    for (int i = earlier.size() - 1; i >= 0; i--) {
      CloudTrailEvent c = earlier.get(i);
      if (c.errorCode() != null || !arn.equals(param(c, "policyArn"))) {
        continue;
      }
      if ("SetDefaultPolicyVersion".equals(c.eventName())) {
        return param(c, "versionId");
      }
      if ("CreatePolicyVersion".equals(c.eventName()) && "true".equals(jsonText(c, "setAsDefault"))) {
        return response(c, "policyVersion", "versionId");
      }
    }
    String newest = null;
    for (String v : versions.keySet()) {
      if (newest == null || versionNumber(v) > versionNumber(newest)) {
        newest = v;
      }
    }
    warnings.add(where(e) + ": the default version of " + arn + " before this event is unknown;"
        + " assumed " + newest);
    return newest;
  }

  private static int versionNumber(String v) {
    try {
      return Integer.parseInt(v.startsWith("v") ? v.substring(1) : v);
    } catch (NumberFormatException ex) {
      return -1;
    }
  }

  private boolean trust(CloudTrailEvent e, String acct, boolean forward, List<CloudTrailEvent> earlier) {
    Entity r = find("Role", acct, param(e, "roleName"));
    if (r == null) {
      warnings.add(where(e) + ": role not in the snapshot");
      return false;
    }
    Policy next;
    if (forward) {
      next = document(e, "policyDocument");
    } else {
      CloudTrailEvent prev = null;
      for (int i = earlier.size() - 1; i >= 0 && prev == null; i--) {
        CloudTrailEvent c = earlier.get(i);
        if (c.errorCode() == null && r.name().equals(param(c, "roleName"))
            && ("UpdateAssumeRolePolicy".equals(c.eventName()) || "CreateRole".equals(c.eventName()))) {
          prev = c;
        }
      }
      next = prev == null ? null : document(prev, "UpdateAssumeRolePolicy".equals(prev.eventName())
          ? "policyDocument" : "assumeRolePolicyDocument");
      if (prev == null) {
        warnings.add(where(e) + ": the trust policy of " + r.arn() + " before this change is"
            + " unknown: kept as it is after it");
        return false;
      }
    }
    if (next == null) {
      return false;
    }
    b.roles.put(r.arn(), r.withTrust(next));
    return true;
  }

  private boolean boundary(
      CloudTrailEvent e, String name, String acct, boolean forward, List<CloudTrailEvent> earlier) {
    String type = name.contains("User") ? "User" : "Role";
    String lower = type.toLowerCase(java.util.Locale.ROOT);
    Entity x = find(type, acct, param(e, lower + "Name"));
    if (x == null) {
      warnings.add(where(e) + ": " + lower + " not in the snapshot");
      return false;
    }
    boolean put = name.startsWith("Put");
    String next;
    if (forward) {
      next = put ? param(e, "permissionsBoundary") : null;
    } else {
      CloudTrailEvent prev = null;
      for (int i = earlier.size() - 1; i >= 0 && prev == null; i--) {
        CloudTrailEvent c = earlier.get(i);
        if (c.errorCode() == null && x.name().equals(param(c, lower + "Name"))
            && (("Put" + type + "PermissionsBoundary").equals(c.eventName())
                || ("Create" + type).equals(c.eventName()))) {
          prev = c;
        }
      }
      next = prev == null ? null : param(prev, "permissionsBoundary");
      if (prev == null && !put) {
        warnings.add(where(e) + ": the boundary of " + x.arn() + " before its deletion is unknown");
      }
    }
    map(type).put(x.arn(), x.withBoundary(next));
    return true;
  }
}
