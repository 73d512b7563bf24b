package io.cloudir.aws;

import io.cloudir.aws.internal.ApiCalls;
import io.cloudir.aws.internal.Clients;
import io.cloudir.aws.internal.Json;
import io.cloudir.model.CloudirException;
import io.cloudir.model.Location;
import io.cloudir.model.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysRequest;
import software.amazon.awssdk.services.cloudtrail.model.ListPublicKeysResponse;
import software.amazon.awssdk.services.cloudtrail.model.PublicKey;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.UserDetail;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesForTargetResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Policy;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * Snapshots of a live account written as JSON files the offline tools read.
 *
 * <h2>IAM: {@link #authorizationDetailsJson()}</h2>
 *
 * <p>IAM {@code GetAccountAuthorizationDetails} with all pages merged, exactly in the shape {@code
 * aws iam get-account-authorization-details} prints: {@code UserDetailList}, {@code
 * GroupDetailList}, {@code RoleDetailList}, {@code Policies}, AWS member names, policy documents
 * URL-decoded into JSON objects, times as {@code 2026-03-14T09:00:00+00:00}; absent members
 * omitted, empty lists kept. {@code cloudir-iam} snapshots load this file.
 *
 * <h2>Organizations: {@link #organizationJson()}</h2>
 *
 * <p>The organization tree with the SCPs and RCPs attached to every root, OU and account, in this
 * format (version 1):
 *
 * <pre>{@code
 * {
 *     "Format": "cloudir-organization/1",
 *     "Organization": {"Id": "o-…", "Arn": "…", "FeatureSet": "ALL",
 *                      "MasterAccountId": "111122223333", "MasterAccountArn": "…"},
 *     "Roots": [ NODE ]
 * }
 * NODE = {
 *     "Type": "ROOT" | "ORGANIZATIONAL_UNIT" | "ACCOUNT",
 *     "Id": "r-…" | "ou-…" | "111122223333",
 *     "Name": "…", "Arn": "…",
 *     "Email": "…", "Status": "ACTIVE",              (accounts only)
 *     "ServiceControlPolicies": [ POLICY ],
 *     "ResourceControlPolicies": [ POLICY ],
 *     "Children": [ NODE ]                           (OUs, then accounts, each sorted by Id;
 *                                                     empty for accounts)
 * }
 * POLICY = {"Id": "p-…", "Name": "…", "Arn": "…", "AwsManaged": true|false,
 *           "Content": { the policy document }}
 * }</pre>
 *
 * <p>The policies attached at each level are those {@code ListPoliciesForTarget} returns for it
 * (directly attached, not inherited), so the levels that apply to an account are: the root's,
 * then each OU's on the path down, then the account's own. A policy type that is not enabled
 * gives empty lists.
 *
 * <h2>CloudTrail public keys: {@link #publicKeysJson(Instant, Instant)}</h2>
 *
 * <p>{@code ListPublicKeys} of the client's region, all pages merged, as {@code aws cloudtrail
 * list-public-keys} prints it: {@code {"PublicKeyList": [{"Value": base64 PKCS#1 DER,
 * "ValidityStartTime", "ValidityEndTime", "Fingerprint"}]}}. Digest verification reads it.
 *
 * <p>Thread-safe. Clients are built on first use; {@link #close()} closes the ones built here.
 */
public final class AccountSnapshots implements AutoCloseable {
  private final Supplier<IamClient> iam;
  private final Supplier<OrganizationsClient> org;
  private final Supplier<CloudTrailClient> trail;
  private final List<AutoCloseable> owned = new ArrayList<>();
  private final RetryPolicy retry;

  private AccountSnapshots(Supplier<IamClient> iam, Supplier<OrganizationsClient> org,
      Supplier<CloudTrailClient> trail, RetryPolicy retry) {
    this.iam = iam;
    this.org = org;
    this.trail = trail;
    this.retry = Objects.requireNonNull(retry);
  }

  /** Snapshots with clients built from a configuration when first needed. */
  public static AccountSnapshots create(AwsConfig config) {
    AccountSnapshots[] self = new AccountSnapshots[1];
    self[0] = new AccountSnapshots(
        lazy(() -> self[0].own(Clients.build(IamClient.builder(), config, Region.AWS_GLOBAL, 2, "iam"))),
        lazy(() -> self[0].own(Clients.build(OrganizationsClient.builder(), config, Region.US_EAST_1, 2,
            "organizations"))),
        lazy(() -> self[0].own(Clients.build(CloudTrailClient.builder(), config, null, 2, "cloudtrail"))),
        RetryPolicy.defaults());
    return self[0];
  }

  /** Snapshots through a caller's clients (none is closed by {@link #close()}). */
  public static AccountSnapshots of(IamClient iam, OrganizationsClient org, CloudTrailClient trail,
      RetryPolicy retry) {
    return new AccountSnapshots(() -> iam, () -> org, () -> trail, retry);
  }

  private synchronized <T extends AutoCloseable> T own(T c) {
    owned.add(c);
    return c;
  }

  private static <T> Supplier<T> lazy(Supplier<T> s) {
    return new Supplier<>() {
      private @Nullable T value;

      @Override
      public synchronized T get() {
        T v = value;
        if (v == null) {
          v = s.get();
          value = v;
        }
        return v;
      }
    };
  }

  // ------------------------------------------------------------------------------------ IAM

  /**
   * IAM {@code GetAccountAuthorizationDetails}, all pages, as the AWS CLI prints it.
   *
   * @throws AwsSourceException when a page cannot be fetched or a policy document is not JSON
   */
  public String authorizationDetailsJson() {
    ApiCalls calls = new ApiCalls(retry);
    IamClient c = iam.get();
    List<UserDetail> users = new ArrayList<>();
    List<GroupDetail> groups = new ArrayList<>();
    List<RoleDetail> roles = new ArrayList<>();
    List<ManagedPolicyDetail> policies = new ArrayList<>();
    String marker = null;
    do {
      GetAccountAuthorizationDetailsRequest.Builder b = GetAccountAuthorizationDetailsRequest.builder();
      if (marker != null) {
        b.marker(marker);
      }
      GetAccountAuthorizationDetailsRequest req = b.build();
      GetAccountAuthorizationDetailsResponse page =
          calls.call("iam:GetAccountAuthorizationDetails", () -> c.getAccountAuthorizationDetails(req));
      users.addAll(page.userDetailList());
      groups.addAll(page.groupDetailList());
      roles.addAll(page.roleDetailList());
      policies.addAll(page.policies());
      boolean more = Boolean.TRUE.equals(page.isTruncated());
      marker = more ? page.marker() : null;
      if (more && (marker == null || marker.isEmpty())) {
        throw new AwsSourceException("iam:GetAccountAuthorizationDetails",
            "malformed response: IsTruncated without a Marker", null);
      }
    } while (marker != null);

    Json j = new Json().beginObject();
    j.name("UserDetailList").beginArray();
    for (int i = 0; i < users.size(); i++) {
      UserDetail u = users.get(i);
      String at = "$.UserDetailList[" + i + "]";
      j.beginObject().field("Path", u.path()).field("UserName", u.userName())
          .field("UserId", u.userId()).field("Arn", u.arn()).timeField("CreateDate", u.createDate());
      policyDetails(j, "UserPolicyList", u.userPolicyList(), at);
      j.name("GroupList").beginArray();
      for (String g : u.groupList()) {
        j.value(g);
      }
      j.endArray();
      attached(j, u.attachedManagedPolicies());
      boundary(j, u.permissionsBoundary());
      tags(j, u.tags());
      j.endObject();
    }
    j.endArray();
    j.name("GroupDetailList").beginArray();
    for (int i = 0; i < groups.size(); i++) {
      GroupDetail g = groups.get(i);
      j.beginObject().field("Path", g.path()).field("GroupName", g.groupName())
          .field("GroupId", g.groupId()).field("Arn", g.arn()).timeField("CreateDate", g.createDate());
      policyDetails(j, "GroupPolicyList", g.groupPolicyList(), "$.GroupDetailList[" + i + "]");
      attached(j, g.attachedManagedPolicies());
      j.endObject();
    }
    j.endArray();
    j.name("RoleDetailList").beginArray();
    for (int i = 0; i < roles.size(); i++) {
      RoleDetail r = roles.get(i);
      String at = "$.RoleDetailList[" + i + "]";
      j.beginObject().field("Path", r.path()).field("RoleName", r.roleName())
          .field("RoleId", r.roleId()).field("Arn", r.arn()).timeField("CreateDate", r.createDate());
      document(j, "AssumeRolePolicyDocument", r.assumeRolePolicyDocument(), at + ".AssumeRolePolicyDocument");
      j.name("InstanceProfileList").beginArray();
      for (int p = 0; p < r.instanceProfileList().size(); p++) {
        instanceProfile(j, r.instanceProfileList().get(p), at + ".InstanceProfileList[" + p + "]");
      }
      j.endArray();
      policyDetails(j, "RolePolicyList", r.rolePolicyList(), at);
      attached(j, r.attachedManagedPolicies());
      boundary(j, r.permissionsBoundary());
      tags(j, r.tags());
      lastUsed(j, r.roleLastUsed());
      j.endObject();
    }
    j.endArray();
    j.name("Policies").beginArray();
    for (int i = 0; i < policies.size(); i++) {
      ManagedPolicyDetail p = policies.get(i);
      String at = "$.Policies[" + i + "]";
      j.beginObject().field("PolicyName", p.policyName()).field("PolicyId", p.policyId())
          .field("Arn", p.arn()).field("Path", p.path()).field("DefaultVersionId", p.defaultVersionId());
      if (p.attachmentCount() != null) {
        j.name("AttachmentCount").value(p.attachmentCount());
      }
      if (p.permissionsBoundaryUsageCount() != null) {
        j.name("PermissionsBoundaryUsageCount").value(p.permissionsBoundaryUsageCount());
      }
      if (p.isAttachable() != null) {
        j.name("IsAttachable").value(p.isAttachable());
      }
      j.field("Description", p.description()).timeField("CreateDate", p.createDate())
          .timeField("UpdateDate", p.updateDate());
      j.name("PolicyVersionList").beginArray();
      for (int v = 0; v < p.policyVersionList().size(); v++) {
        PolicyVersion pv = p.policyVersionList().get(v);
        j.beginObject();
        document(j, "Document", pv.document(), at + ".PolicyVersionList[" + v + "].Document");
        j.field("VersionId", pv.versionId());
        if (pv.isDefaultVersion() != null) {
          j.name("IsDefaultVersion").value(pv.isDefaultVersion());
        }
        j.timeField("CreateDate", pv.createDate()).endObject();
      }
      j.endArray().endObject();
    }
    j.endArray();
    return j.endObject().text();
  }

  private static void policyDetails(Json j, String name, List<PolicyDetail> list, String at) {
    j.name(name).beginArray();
    for (int i = 0; i < list.size(); i++) {
      PolicyDetail d = list.get(i);
      j.beginObject().field("PolicyName", d.policyName());
      document(j, "PolicyDocument", d.policyDocument(), at + "." + name + "[" + i + "].PolicyDocument");
      j.endObject();
    }
    j.endArray();
  }

  private static void attached(Json j, List<AttachedPolicy> list) {
    j.name("AttachedManagedPolicies").beginArray();
    for (AttachedPolicy p : list) {
      j.beginObject().field("PolicyName", p.policyName()).field("PolicyArn", p.policyArn()).endObject();
    }
    j.endArray();
  }

  private static void boundary(Json j, @Nullable AttachedPermissionsBoundary b) {
    if (b != null) {
      j.name("PermissionsBoundary").beginObject()
          .field("PermissionsBoundaryType", b.permissionsBoundaryTypeAsString())
          .field("PermissionsBoundaryArn", b.permissionsBoundaryArn()).endObject();
    }
  }

  private static void tags(Json j, List<Tag> tags) {
    j.name("Tags").beginArray();
    for (Tag t : tags) {
      j.beginObject().field("Key", t.key()).field("Value", t.value()).endObject();
    }
    j.endArray();
  }

  private static void lastUsed(Json j, @Nullable RoleLastUsed u) {
    if (u != null) {
      j.name("RoleLastUsed").beginObject().timeField("LastUsedDate", u.lastUsedDate())
          .field("Region", u.region()).endObject();
    }
  }

  private static void instanceProfile(Json j, InstanceProfile p, String at) {
    j.beginObject().field("Path", p.path()).field("InstanceProfileName", p.instanceProfileName())
        .field("InstanceProfileId", p.instanceProfileId()).field("Arn", p.arn())
        .timeField("CreateDate", p.createDate());
    j.name("Roles").beginArray();
    for (int i = 0; i < p.roles().size(); i++) {
      Role r = p.roles().get(i);
      j.beginObject().field("Path", r.path()).field("RoleName", r.roleName())
          .field("RoleId", r.roleId()).field("Arn", r.arn()).timeField("CreateDate", r.createDate());
      document(j, "AssumeRolePolicyDocument", r.assumeRolePolicyDocument(),
          at + ".Roles[" + i + "].AssumeRolePolicyDocument");
      j.field("Description", r.description());
      if (r.maxSessionDuration() != null) {
        j.name("MaxSessionDuration").value(r.maxSessionDuration());
      }
      boundary(j, r.permissionsBoundary());
      if (r.hasTags()) {
        tags(j, r.tags());
      }
      lastUsed(j, r.roleLastUsed());
      j.endObject();
    }
    j.endArray();
    if (p.hasTags()) {
      tags(j, p.tags());
    }
    j.endObject();
  }

  /** A URL-encoded policy document (as IAM returns it) written as a JSON value. */
  private static void document(Json j, String name, @Nullable String encoded, String at) {
    if (encoded == null) {
      return;
    }
    j.name(name).value(policyDocument(encoded, at, true));
  }

  /**
   * A policy document as JSON: URL-decoded first when {@code urlEncoded} (IAM returns documents
   * percent-encoded; {@code +} is a literal plus there).
   *
   * @throws AwsSourceException if it is not JSON
   */
  static JsonValue policyDocument(String text, String at, boolean urlEncoded) {
    String decoded = text;
    try {
      if (urlEncoded) {
        decoded = URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
      }
      return JsonValue.parse(decoded);
    } catch (IllegalArgumentException | CloudirException e) {
      throw new AwsSourceException(Location.ofPath(at), "policy document is not JSON: " + e.getMessage());
    }
  }

  /** Writes {@link #authorizationDetailsJson()} to a file. */
  public void writeAuthorizationDetails(Path file) {
    write(file, authorizationDetailsJson());
  }

  // -------------------------------------------------------------------------- Organizations

  /**
   * The organization tree with SCPs and RCPs per root, OU and account (format in the class
   * documentation).
   *
   * @throws AwsSourceException when a call fails (for example in an account that is not the
   *     management account or a delegated administrator) or a policy is not JSON
   */
  public String organizationJson() {
    ApiCalls calls = new ApiCalls(retry);
    OrganizationsClient c = org.get();
    Organization o = calls.call("organizations:DescribeOrganization", () -> c.describeOrganization()).organization();
    Map<String, Policy> policyCache = new HashMap<>();
    Json j = new Json().beginObject();
    j.name("Format").value("cloudir-organization/1");
    j.name("Organization").beginObject().field("Id", o.id()).field("Arn", o.arn())
        .field("FeatureSet", o.featureSetAsString()).field("MasterAccountId", o.masterAccountId())
        .field("MasterAccountArn", o.masterAccountArn()).endObject();
    j.name("Roots").beginArray();
    List<Root> roots = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListRootsResponse page = calls.call("organizations:ListRoots", () -> c.listRoots(r -> r.nextToken(t)));
      roots.addAll(page.roots());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    roots.sort(Comparator.comparing(Root::id));
    for (Root r : roots) {
      j.beginObject().name("Type").value("ROOT").field("Id", r.id()).field("Name", r.name())
          .field("Arn", r.arn());
      policies(j, calls, c, r.id(), policyCache);
      children(j, calls, c, r.id(), policyCache);
      j.endObject();
    }
    j.endArray();
    return j.endObject().text();
  }

  private void children(Json j, ApiCalls calls, OrganizationsClient c, String parent,
      Map<String, Policy> cache) {
    List<OrganizationalUnit> ous = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      ListOrganizationalUnitsForParentResponse page = calls.call(
          "organizations:ListOrganizationalUnitsForParent",
          () -> c.listOrganizationalUnitsForParent(r -> r.parentId(parent).nextToken(t)));
      ous.addAll(page.organizationalUnits());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    List<Account> accounts = new ArrayList<>();
    token = null;
    do {
      String t = token;
      ListAccountsForParentResponse page = calls.call("organizations:ListAccountsForParent",
          () -> c.listAccountsForParent(r -> r.parentId(parent).nextToken(t)));
      accounts.addAll(page.accounts());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    ous.sort(Comparator.comparing(OrganizationalUnit::id));
    accounts.sort(Comparator.comparing(Account::id));
    j.name("Children").beginArray();
    for (OrganizationalUnit ou : ous) {
      j.beginObject().name("Type").value("ORGANIZATIONAL_UNIT").field("Id", ou.id())
          .field("Name", ou.name()).field("Arn", ou.arn());
      policies(j, calls, c, ou.id(), cache);
      children(j, calls, c, ou.id(), cache);
      j.endObject();
    }
    for (Account a : accounts) {
      j.beginObject().name("Type").value("ACCOUNT").field("Id", a.id()).field("Name", a.name())
          .field("Arn", a.arn()).field("Email", a.email()).field("Status", a.statusAsString());
      policies(j, calls, c, a.id(), cache);
      j.name("Children").beginArray().endArray();
      j.endObject();
    }
    j.endArray();
  }

  private void policies(Json j, ApiCalls calls, OrganizationsClient c, String target,
      Map<String, Policy> cache) {
    for (String[] type : new String[][] {
        {"SERVICE_CONTROL_POLICY", "ServiceControlPolicies"},
        {"RESOURCE_CONTROL_POLICY", "ResourceControlPolicies"}}) {
      List<PolicySummary> list = new ArrayList<>();
      String token = null;
      try {
        do {
          String t = token;
          ListPoliciesForTargetResponse page = calls.call("organizations:ListPoliciesForTarget",
              () -> c.listPoliciesForTarget(r -> r.targetId(target).filter(type[0]).nextToken(t)));
          list.addAll(page.policies());
          token = page.nextToken();
        } while (token != null && !token.isEmpty());
      } catch (AwsSourceException e) {
        if (!(e.getCause() instanceof AwsServiceException s) || s.awsErrorDetails() == null
            || !"PolicyTypeNotEnabledException".equals(s.awsErrorDetails().errorCode())) {
          throw e;
        }
      }
      list.sort(Comparator.comparing(PolicySummary::id));
      j.name(type[1]).beginArray();
      for (PolicySummary p : list) {
        String id = p.id();
        Policy full = cache.get(id);
        if (full == null) {
          full = calls.call("organizations:DescribePolicy", () -> c.describePolicy(r -> r.policyId(id))).policy();
          cache.put(id, full);
        }
        j.beginObject().field("Id", id).field("Name", p.name()).field("Arn", p.arn());
        if (p.awsManaged() != null) {
          j.name("AwsManaged").value(p.awsManaged());
        }
        String content = full.content();
        if (content != null) {
          j.name("Content").value(policyDocument(content, "organizations:DescribePolicy(" + id + ").Content", false));
        }
        j.endObject();
      }
      j.endArray();
    }
  }

  /** Writes {@link #organizationJson()} to a file. */
  public void writeOrganization(Path file) {
    write(file, organizationJson());
  }

  // ------------------------------------------------------------------- CloudTrail public keys

  /**
   * CloudTrail {@code ListPublicKeys} of the client's region, all pages, as the AWS CLI prints it.
   *
   * @param start keys valid from this time (null: the API's default, the current key)
   * @param end keys valid until this time (null: now)
   * @throws AwsSourceException when a page cannot be fetched
   */
  public String publicKeysJson(@Nullable Instant start, @Nullable Instant end) {
    ApiCalls calls = new ApiCalls(retry);
    CloudTrailClient c = trail.get();
    List<PublicKey> keys = new ArrayList<>();
    String token = null;
    do {
      ListPublicKeysRequest.Builder b = ListPublicKeysRequest.builder();
      if (start != null) {
        b.startTime(start);
      }
      if (end != null) {
        b.endTime(end);
      }
      if (token != null) {
        b.nextToken(token);
      }
      ListPublicKeysRequest req = b.build();
      ListPublicKeysResponse page = calls.call("cloudtrail:ListPublicKeys", () -> c.listPublicKeys(req));
      keys.addAll(page.publicKeyList());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    Json j = new Json().beginObject().name("PublicKeyList").beginArray();
    for (PublicKey k : keys) {
      j.beginObject();
      if (k.value() != null) {
        j.name("Value").value(Base64.getEncoder().encodeToString(k.value().asByteArray()));
      }
      j.timeField("ValidityStartTime", k.validityStartTime())
          .timeField("ValidityEndTime", k.validityEndTime())
          .field("Fingerprint", k.fingerprint()).endObject();
    }
    return j.endArray().endObject().text();
  }

  /** Writes {@link #publicKeysJson} to a file. */
  public void writePublicKeys(Path file, @Nullable Instant start, @Nullable Instant end) {
    write(file, publicKeysJson(start, end));
  }

  private static void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Closes the clients built here. */
  @Override
  public synchronized void close() {
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing SDK clients does not fail in practice; nothing to report
      }
    }
    owned.clear();
  }
}
