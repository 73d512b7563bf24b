package io.cloudir.iam.internal.snapshot;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.iam.internal.eval.JsonPaths;
import io.cloudir.iam.internal.snapshot.Entities.Entity;
import io.cloudir.iam.internal.snapshot.Entities.Kind;
import io.cloudir.iam.internal.snapshot.Entities.ManagedPolicy;
import io.cloudir.iam.internal.snapshot.Entities.Named;
import io.cloudir.iam.internal.snapshot.Entities.OrgNode;
import io.cloudir.iam.internal.snapshot.Entities.ResourcePolicy;
import io.cloudir.iam.policy.Policy;
import io.cloudir.iam.snapshot.SnapshotLoadException;
import io.cloudir.model.CloudirException;
import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.arn.Arn;
import io.cloudir.model.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads snapshot files into a {@link Model.Builder}. Three formats, told apart by their top-level
 * members:
 *
 * <ul>
 *   <li>the output of {@code aws iam get-account-authorization-details} ({@code UserDetailList},
 *       {@code GroupDetailList}, {@code RoleDetailList}, {@code Policies}, {@code IsTruncated},
 *       {@code Marker}); policy documents as JSON objects (as the AWS CLI prints them) or as
 *       strings, URL-encoded (as the API returns them) or plain JSON;
 *   <li>an organization tree: {@code {"Organization": {"ManagementAccountId"?, "Root": NODE}}}
 *       where {@code NODE} is {@code {"Id", "Name"?, "Scps"?: [P], "Rcps"?: [P],
 *       "OrganizationalUnits"?: [NODE], "Accounts"?: [{"Id", "Name"?, "Scps"?, "Rcps"?}]}} and
 *       {@code P} is {@code {"Name", "Document"}};
 *   <li>resource-based policies: {@code {"ResourcePolicies": [{"Arn", "Account"?, "Policy"}]}}.
 * </ul>
 *
 * <p>In the AWS format, members this reader does not use ({@code RoleLastUsed}, {@code
 * CreateDate}…) are ignored, since AWS adds members over time; the members it uses must have the
 * documented types. The two cloudir formats are strict: unknown members are errors. Duplicate
 * member names are errors in every format. Not thread-safe (one instance per load).
 */
public final class SnapshotReader {
  private static final Set<String> AUTH_TOP =
      Set.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies", "IsTruncated",
          "Marker");
  private static final Set<String> ORG_KEYS = Set.of("ManagementAccountId", "Root");
  private static final Set<String> NODE_KEYS =
      Set.of("Id", "Name", "Scps", "Rcps", "OrganizationalUnits", "Accounts");
  private static final Set<String> ACCOUNT_KEYS = Set.of("Id", "Name", "Scps", "Rcps");
  private static final Set<String> NAMED_KEYS = Set.of("Name", "Document");
  private static final Set<String> RP_KEYS = Set.of("Arn", "Account", "Policy");
  private static final int MAX_ORG_DEPTH = 8;

  private final String source;
  private final Model.Builder out;
  private final @Nullable ActionCatalog catalog;

  private SnapshotReader(String source, Model.Builder out, @Nullable ActionCatalog catalog) {
    this.source = source;
    this.out = out;
    this.catalog = catalog;
  }

  /**
   * Reads one file into the builder.
   *
   * @param source the file's name, for errors
   * @param utf8 its bytes
   * @param out the model to add to
   * @param catalog the catalog policies are checked against (warnings), or null
   * @throws SnapshotLoadException when the file is not a valid snapshot file
   */
  public static void read(
      String source, byte[] utf8, Model.Builder out, @Nullable ActionCatalog catalog) {
    JsonValue v;
    try {
      v = JsonValue.parse(utf8);
    } catch (MalformedInputException e) {
      throw new SnapshotLoadException(e.location().withSource(source).withJsonPath("$"),
          "not a JSON document: " + e.reason());
    }
    new SnapshotReader(source, out, catalog).document(v);
  }

  private SnapshotLoadException error(String path, String reason) {
    return new SnapshotLoadException(new Location(source, -1, -1, path), reason);
  }

  private void document(JsonValue v) {
    Map<String, JsonValue> top = object(v, "$", null, "a snapshot file");
    if (top.containsKey("Format")) {
      String f = string(top, "$", "Format");
      if (!f.equals(AWS_ORG_FORMAT)) {
        throw error("$.Format", "unknown format '" + f + "' (this version reads "
            + AWS_ORG_FORMAT + ", as cloudir iam snapshot --organization writes it)");
      }
      only(top, "$", Set.of("Format", "Organization", "Roots"), "an organization file");
      awsOrganization(top);
    } else if (top.containsKey("Organization")) {
      only(top, "$", Set.of("Organization"), "an organization file");
      organization(top.get("Organization"), "$.Organization");
    } else if (top.containsKey("ResourcePolicies")) {
      only(top, "$", Set.of("ResourcePolicies"), "a resource policy file");
      resourcePolicies(top.get("ResourcePolicies"), "$.ResourcePolicies");
    } else if (!top.isEmpty() && AUTH_TOP.containsAll(top.keySet())) {
      authorizationDetails(top);
    } else {
      throw error("$", "not a snapshot file: expected the output of aws iam"
          + " get-account-authorization-details (UserDetailList, GroupDetailList, RoleDetailList,"
          + " Policies), an Organization tree or ResourcePolicies");
    }
  }

  // ------------------------------------------------------------------ JSON helpers

  private Map<String, JsonValue> object(
      @Nullable JsonValue v, String path, @Nullable Set<String> allowed, String what) {
    if (v == null || !v.isObject()) {
      throw error(path, what + " must be a JSON object");
    }
    Map<String, JsonValue> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> e : v.entries()) {
      String p = child(path, e.getKey());
      if (m.put(e.getKey(), e.getValue()) != null) {
        throw error(p, "duplicate member \"" + e.getKey() + "\"");
      }
      if (allowed != null && !allowed.contains(e.getKey())) {
        throw error(p, "unknown member \"" + e.getKey() + "\" in " + what);
      }
    }
    return m;
  }

  private void only(Map<String, JsonValue> m, String path, Set<String> allowed, String what) {
    for (String k : m.keySet()) {
      if (!allowed.contains(k)) {
        throw error(child(path, k), "unknown member \"" + k + "\" in " + what);
      }
    }
  }

  private static String child(String path, String name) {
    return JsonPaths.child(path, name);
  }


  private List<JsonValue> array(@Nullable JsonValue v, String path, String what) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw error(path, what + " must be a JSON array");
    }
    return v.elements();
  }

  private String string(Map<String, JsonValue> m, String path, String name) {
    String s = optString(m, path, name);
    if (s == null) {
      throw error(child(path, name), "missing member \"" + name + "\"");
    }
    return s;
  }

  private @Nullable String optString(Map<String, JsonValue> m, String path, String name) {
    JsonValue v = member(m, path, name, JsonValue::isString, "a string");
    return v == null ? null : v.asString();
  }

  private boolean bool(Map<String, JsonValue> m, String path, String name) {
    JsonValue v = member(m, path, name, JsonValue::isBoolean, "true or false");
    return v != null && v.asBoolean();
  }

  /** Member {@code name} of {@code m}, null when it is missing or null, else of the type {@code is}. */
  private @Nullable JsonValue member(Map<String, JsonValue> m, String path, String name,
      Predicate<JsonValue> is, String what) {
    JsonValue v = m.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!is.test(v)) {
      throw error(child(path, name), name + " must be " + what);
    }
    return v;
  }

  private Arn arn(String text, String path) {
    Arn a = Arn.tryParse(text).orElse(null);
    if (a == null) {
      throw error(path, "not an ARN: \"" + text + "\"");
    }
    return a;
  }

  private String account(String text, String path) {
    if (text.length() != 12 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw error(path, "an account id is 12 digits, not \"" + text + "\"");
    }
    return text;
  }

  /**
   * A policy document: a JSON object, or a string holding JSON either plain or URL-encoded (RFC
   * 3986 percent-encoding, as IAM's API returns documents).
   */
  private Policy policy(@Nullable JsonValue v, String path) {
    if (v == null || v.isNull()) {
      throw error(path, "missing policy document");
    }
    try {
      if (v.isObject()) {
        return Policy.parse(v, catalog);
      }
      if (!v.isString()) {
        throw error(path, "a policy document is a JSON object or a string");
      }
      String s = v.asString().strip();
      if (!s.startsWith("{")) {
        s = percentDecode(s, path);
      }
      return Policy.parse(s, catalog);
    } catch (SnapshotLoadException e) {
      throw e;
    } catch (CloudirException e) {
      String inner = e.location().jsonPath();
      String p = inner == null ? path : path + (inner.startsWith("$") ? inner.substring(1) : inner);
      throw error(p, e.reason());
    }
  }

  private String percentDecode(String s, String path) {
    try {
      return percentDecode(s);
    } catch (IllegalArgumentException e) {
      throw error(path, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Decodes RFC 3986 percent-encoding (a {@code +} stays a {@code +}).
   *
   * @param s the text
   * @return the decoded text
   * @throws IllegalArgumentException for a malformed escape
   */
  static String percentDecode(String s) {
    ByteArrayOutputStream b = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
          throw new IllegalArgumentException("invalid percent-encoding at character " + i);
        }
        b.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 2;
      } else if (c < 0x80) {
        b.write(c);
      } else {
        int cp = s.codePointAt(i);
        byte[] u = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        b.write(u, 0, u.length);
        i += Character.charCount(cp) - 1;
      }
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return java.util.HexFormat.isHexDigit(c) ? java.util.HexFormat.fromHexDigit(c) : -1;
  }


  // ------------------------------------------------------------------ authorization details

  private void authorizationDetails(Map<String, JsonValue> top) {
    if (bool(top, "$", "IsTruncated")) {
      out.warnings.add(source + ": IsTruncated is true: the snapshot is incomplete (the AWS CLI"
          + " pages automatically; an API caller must follow Marker)");
    }
    List<JsonValue> users = array(top.get("UserDetailList"), "$.UserDetailList", "UserDetailList");
    for (int i = 0; i < users.size(); i++) {
      principal(users.get(i), "$.UserDetailList[" + i + "]", Kind.USER);
    }
    List<JsonValue> groups =
        array(top.get("GroupDetailList"), "$.GroupDetailList", "GroupDetailList");
    for (int i = 0; i < groups.size(); i++) {
      principal(groups.get(i), "$.GroupDetailList[" + i + "]", null);
    }
    List<JsonValue> roles = array(top.get("RoleDetailList"), "$.RoleDetailList", "RoleDetailList");
    for (int i = 0; i < roles.size(); i++) {
      principal(roles.get(i), "$.RoleDetailList[" + i + "]", Kind.ROLE);
    }
    List<JsonValue> policies = array(top.get("Policies"), "$.Policies", "Policies");
    for (int i = 0; i < policies.size(); i++) {
      managedPolicy(policies.get(i), "$.Policies[" + i + "]");
    }
  }

  private void principal(JsonValue v, String path, @Nullable Kind kind) {
    String what = kind == Kind.USER ? "a user" : kind == Kind.ROLE ? "a role" : "a group";
    String type = kind == Kind.USER ? "user" : kind == Kind.ROLE ? "role" : "group";
    String nameKey = kind == Kind.USER ? "UserName" : kind == Kind.ROLE ? "RoleName" : "GroupName";
    String idKey = kind == Kind.USER ? "UserId" : kind == Kind.ROLE ? "RoleId" : "GroupId";
    String inlineKey =
        kind == Kind.USER ? "UserPolicyList" : kind == Kind.ROLE ? "RolePolicyList" : "GroupPolicyList";
    Map<String, JsonValue> m = object(v, path, null, what);
    String name = string(m, path, nameKey);
    String arnText = string(m, path, "Arn");
    Arn arn = arn(arnText, child(path, "Arn"));
    if (!arn.service().equals("iam") || !arn.resource().startsWith(type + "/")
        || !arn.resource().endsWith("/" + name)) {
      throw error(child(path, "Arn"), "not the ARN of " + type + " " + name + ": " + arnText);
    }
    String account = account(arn.account(), child(path, "Arn"));
    String p = optString(m, path, "Path");
    String id = optString(m, path, idKey);
    Map<String, Policy> inline = new LinkedHashMap<>();
    List<JsonValue> ips = array(m.get(inlineKey), child(path, inlineKey), inlineKey);
    for (int i = 0; i < ips.size(); i++) {
      String ip = child(path, inlineKey) + "[" + i + "]";
      Map<String, JsonValue> im = object(ips.get(i), ip, null, "an inline policy");
      String pn = string(im, ip, "PolicyName");
      if (inline.put(pn, policy(im.get("PolicyDocument"), child(ip, "PolicyDocument"))) != null) {
        throw error(ip, "inline policy " + pn + " given twice");
      }
    }
    List<String> attached = new ArrayList<>();
    List<JsonValue> ams =
        array(m.get("AttachedManagedPolicies"), child(path, "AttachedManagedPolicies"),
            "AttachedManagedPolicies");
    for (int i = 0; i < ams.size(); i++) {
      String ap = child(path, "AttachedManagedPolicies") + "[" + i + "]";
      Map<String, JsonValue> am = object(ams.get(i), ap, null, "an attached policy");
      String pa = string(am, ap, "PolicyArn");
      arn(pa, child(ap, "PolicyArn"));
      if (!attached.contains(pa)) {
        attached.add(pa);
      }
    }
    String boundary = null;
    JsonValue pbv = m.get("PermissionsBoundary");
    if (pbv != null && !pbv.isNull() && kind != null) {
      String pbp = child(path, "PermissionsBoundary");
      Map<String, JsonValue> pb = object(pbv, pbp, null, "a permissions boundary");
      boundary = string(pb, pbp, "PermissionsBoundaryArn");
      arn(boundary, child(pbp, "PermissionsBoundaryArn"));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    List<JsonValue> tl = array(m.get("Tags"), child(path, "Tags"), "Tags");
    for (int i = 0; i < tl.size(); i++) {
      String tp = child(path, "Tags") + "[" + i + "]";
      Map<String, JsonValue> t = object(tl.get(i), tp, null, "a tag");
      tags.put(string(t, tp, "Key"), string(t, tp, "Value"));
    }
    List<String> groups = new ArrayList<>();
    Policy trust = null;
    List<String> profiles = new ArrayList<>();
    if (kind == Kind.USER) {
      List<JsonValue> gl = array(m.get("GroupList"), child(path, "GroupList"), "GroupList");
      for (int i = 0; i < gl.size(); i++) {
        JsonValue g = gl.get(i);
        if (!g.isString()) {
          throw error(child(path, "GroupList") + "[" + i + "]", "a group name is a string");
        }
        groups.add(g.asString());
      }
    } else if (kind == Kind.ROLE) {
      trust = policy(m.get("AssumeRolePolicyDocument"), child(path, "AssumeRolePolicyDocument"));
      List<JsonValue> pl =
          array(m.get("InstanceProfileList"), child(path, "InstanceProfileList"),
              "InstanceProfileList");
      for (int i = 0; i < pl.size(); i++) {
        String pp = child(path, "InstanceProfileList") + "[" + i + "]";
        Map<String, JsonValue> ipm = object(pl.get(i), pp, null, "an instance profile");
        String ia = string(ipm, pp, "Arn");
        arn(ia, child(pp, "Arn"));
        profiles.add(ia);
      }
    }
    Entity e = new Entity(kind, arnText, account, name, p == null ? "/" : p, id, inline, attached,
        boundary, tags, groups, trust, profiles);
    Map<String, Entity> target = kind == Kind.USER ? out.users : kind == Kind.ROLE ? out.roles : out.groups;
    if (target.put(arnText, e) != null) {
      throw error(child(path, "Arn"), type + " " + arnText + " is already in the snapshot");
    }
  }

  private void managedPolicy(JsonValue v, String path) {
    Map<String, JsonValue> m = object(v, path, null, "a managed policy");
    String arnText = string(m, path, "Arn");
    Arn arn = arn(arnText, child(path, "Arn"));
    if (!arn.service().equals("iam") || !arn.resource().startsWith("policy/")) {
      throw error(child(path, "Arn"), "not a managed policy ARN: " + arnText);
    }
    String name = string(m, path, "PolicyName");
    String p = optString(m, path, "Path");
    String defaultVersion = optString(m, path, "DefaultVersionId");
    Map<String, Policy> versions = new LinkedHashMap<>();
    List<JsonValue> vl =
        array(m.get("PolicyVersionList"), child(path, "PolicyVersionList"), "PolicyVersionList");
    Set<String> defaults = new HashSet<>();
    for (int i = 0; i < vl.size(); i++) {
      String vp = child(path, "PolicyVersionList") + "[" + i + "]";
      Map<String, JsonValue> vm = object(vl.get(i), vp, null, "a policy version");
      String vid = string(vm, vp, "VersionId");
      if (versions.put(vid, policy(vm.get("Document"), child(vp, "Document"))) != null) {
        throw error(child(vp, "VersionId"), "version " + vid + " given twice");
      }
      if (bool(vm, vp, "IsDefaultVersion")) {
        defaults.add(vid);
      }
    }
    if (defaults.size() > 1) {
      throw error(child(path, "PolicyVersionList"), "more than one default version: " + defaults);
    }
    if (defaultVersion == null && defaults.size() == 1) {
      defaultVersion = defaults.iterator().next();
    } else if (defaultVersion != null && defaults.size() == 1 && !defaults.contains(defaultVersion)) {
      throw error(child(path, "DefaultVersionId"), "DefaultVersionId " + defaultVersion
          + " but IsDefaultVersion is set on " + defaults.iterator().next());
    }
    if (defaultVersion != null && !versions.containsKey(defaultVersion)) {
      out.warnings.add(source + ": " + path + ": the default version " + defaultVersion + " of "
          + arnText + " is not in PolicyVersionList");
    }
    ManagedPolicy mp = new ManagedPolicy(arnText, name, p == null ? "/" : p, defaultVersion, versions);
    ManagedPolicy old = out.policies.putIfAbsent(arnText, mp);
    if (old != null && !mp.awsManaged()) {
      throw error(child(path, "Arn"), "policy " + arnText + " is already in the snapshot");
    }
  }

  // ------------------------------------------------------------------ organization

  private void organization(@Nullable JsonValue v, String path) {
    Map<String, JsonValue> m = object(v, path, ORG_KEYS, "Organization");
    if (out.orgRoot != null) {
      throw error(path, "a second organization tree (one is allowed)");
    }
    String mgmt = optString(m, path, "ManagementAccountId");
    if (mgmt != null) {
      account(mgmt, child(path, "ManagementAccountId"));
    }
    Set<String> seen = new HashSet<>();
    OrgNode root = node(m.get("Root"), child(path, "Root"), false, 0, seen);
    out.orgRoot = root;
    out.managementAccount = mgmt;
  }

  private OrgNode node(
      @Nullable JsonValue v, String path, boolean account, int depth, Set<String> seen) {
    Map<String, JsonValue> m = nodeObject(v, path, depth, account ? ACCOUNT_KEYS : NODE_KEYS,
        account ? "an account" : "an OU");
    return orgNode(m, path, false, account, depth, seen);
  }

  /** The members of a node after the depth check: checks {@code v} is an object of {@code keys}. */
  private Map<String, JsonValue> nodeObject(
      @Nullable JsonValue v, String path, int depth, Set<String> keys, String what) {
    if (depth > MAX_ORG_DEPTH) {
      throw error(path, "organizations nest at most " + MAX_ORG_DEPTH + " levels");
    }
    return object(v, path, keys, what);
  }

  /**
   * A node of either organization format once its members {@code m} are read and its kind is
   * known ({@code aws}: the format cloudir-aws writes; else the cloudir format): the id (12 digits
   * for an account, once in the whole tree), the name, the SCPs and RCPs, then the children.
   */
  private OrgNode orgNode(Map<String, JsonValue> m, String path, boolean aws, boolean account,
      int depth, Set<String> seen) {
    String id = string(m, path, "Id");
    if (account) {
      account(id, child(path, "Id"));
    }
    if (!seen.add(id)) {
      throw error(child(path, "Id"), id + " appears twice in the tree");
    }
    String name = optString(m, path, "Name");
    String scpKey = aws ? "ServiceControlPolicies" : "Scps";
    String rcpKey = aws ? "ResourceControlPolicies" : "Rcps";
    List<Named> scps = policies(m.get(scpKey), child(path, scpKey), aws);
    List<Named> rcps = policies(m.get(rcpKey), child(path, rcpKey), aws);
    List<OrgNode> children = new ArrayList<>();
    if (aws) {
      List<JsonValue> kids = array(m.get("Children"), child(path, "Children"), "Children");
      if (account && !kids.isEmpty()) {
        throw error(child(path, "Children"), "an account has no children");
      }
      for (int i = 0; i < kids.size(); i++) {
        children.add(awsNode(kids.get(i), child(path, "Children") + "[" + i + "]", depth + 1, seen));
      }
    } else if (!account) {
      List<JsonValue> ous = array(m.get("OrganizationalUnits"), child(path, "OrganizationalUnits"),
          "OrganizationalUnits");
      for (int i = 0; i < ous.size(); i++) {
        children.add(node(ous.get(i), child(path, "OrganizationalUnits") + "[" + i + "]", false,
            depth + 1, seen));
      }
      List<JsonValue> accs = array(m.get("Accounts"), child(path, "Accounts"), "Accounts");
      for (int i = 0; i < accs.size(); i++) {
        children.add(node(accs.get(i), child(path, "Accounts") + "[" + i + "]", true, depth + 1,
            seen));
      }
    }
    return new OrgNode(id, name == null ? id : name, scps, rcps, children, account);
  }

  /**
   * A list of policies attached to a node: {@code {"Name", "Document"}} in the cloudir format,
   * {@code {"Id", "Name"?, "Arn"?, "AwsManaged"?, "Content"}} in cloudir-aws's (named by the id
   * when the name is missing).
   */
  private List<Named> policies(@Nullable JsonValue v, String path, boolean aws) {
    List<JsonValue> l = array(v, path, "a policy list");
    String document = aws ? "Content" : "Document";
    List<Named> outList = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      String p = path + "[" + i + "]";
      Map<String, JsonValue> m = object(l.get(i), p, aws ? AWS_POLICY_KEYS : NAMED_KEYS, "a policy");
      String name = aws ? optString(m, p, "Name") : string(m, p, "Name");
      if (name == null) {
        name = string(m, p, "Id");
      }
      outList.add(new Named(name, policy(m.get(document), child(p, document))));
    }
    return outList;
  }

  // ------------------------------------------- organization as cloudir-aws writes it

  /** The organization format of {@code cloudir-aws}'s {@code AccountSnapshots}. */
  static final String AWS_ORG_FORMAT = "cloudir-organization/1";
  private static final Set<String> AWS_ORG_KEYS =
      Set.of("Id", "Arn", "FeatureSet", "MasterAccountId", "MasterAccountArn");
  private static final Set<String> AWS_NODE_KEYS = Set.of("Type", "Id", "Name", "Arn", "Email",
      "Status", "ServiceControlPolicies", "ResourceControlPolicies", "Children");
  private static final Set<String> AWS_POLICY_KEYS =
      Set.of("Id", "Name", "Arn", "AwsManaged", "Content");

  private void awsOrganization(Map<String, JsonValue> top) {
    if (out.orgRoot != null) {
      throw error("$", "a second organization tree (one is allowed)");
    }
    Map<String, JsonValue> org = object(top.get("Organization"), "$.Organization", AWS_ORG_KEYS,
        "Organization");
    String mgmt = optString(org, "$.Organization", "MasterAccountId");
    if (mgmt != null) {
      account(mgmt, "$.Organization.MasterAccountId");
    }
    List<JsonValue> roots = array(top.get("Roots"), "$.Roots", "Roots");
    if (roots.size() != 1) {
      throw error("$.Roots", "an organization has exactly one root, found " + roots.size());
    }
    OrgNode root = awsNode(roots.get(0), "$.Roots[0]", 0, new HashSet<>());
    if (root.account()) {
      throw error("$.Roots[0].Type", "the root of the tree is not an account");
    }
    out.orgRoot = root;
    out.managementAccount = mgmt;
  }

  private OrgNode awsNode(@Nullable JsonValue v, String path, int depth, Set<String> seen) {
    Map<String, JsonValue> m = nodeObject(v, path, depth, AWS_NODE_KEYS, "a node of the tree");
    String type = string(m, path, "Type");
    boolean account = switch (type) {
      case "ACCOUNT" -> true;
      case "ROOT", "ORGANIZATIONAL_UNIT" -> false;
      default -> throw error(child(path, "Type"), "unknown node type '" + type
          + "' (ROOT, ORGANIZATIONAL_UNIT or ACCOUNT)");
    };
    if ((depth == 0) != type.equals("ROOT")) {
      throw error(child(path, "Type"), depth == 0 ? "the top node must be the ROOT"
          : "a ROOT below the top of the tree");
    }
    return orgNode(m, path, true, account, depth, seen);
  }

  // ------------------------------------------------------------------ resource policies

  private void resourcePolicies(@Nullable JsonValue v, String path) {
    List<JsonValue> l = array(v, path, "ResourcePolicies");
    for (int i = 0; i < l.size(); i++) {
      String p = path + "[" + i + "]";
      Map<String, JsonValue> m = object(l.get(i), p, RP_KEYS, "a resource policy");
      String arnText = string(m, p, "Arn");
      arn(arnText, child(p, "Arn"));
      String acct = optString(m, p, "Account");
      if (acct != null) {
        account(acct, child(p, "Account"));
      }
      ResourcePolicy rp = new ResourcePolicy(arnText, acct, policy(m.get("Policy"), child(p, "Policy")));
      if (out.resourcePolicies.put(arnText, rp) != null) {
        throw error(child(p, "Arn"), "a second policy for " + arnText);
      }
    }
  }
}
