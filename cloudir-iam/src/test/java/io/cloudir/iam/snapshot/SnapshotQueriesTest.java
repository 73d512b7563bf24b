package io.cloudir.iam.snapshot;

import static io.cloudir.iam.snapshot.SnapshotLoaderTest.A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.eval.Explanation;
import io.cloudir.iam.eval.Layer;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries over the example snapshot under examples/iam and small in-memory snapshots. */
class SnapshotQueriesTest {
  static Snapshot s;
  static final String P = "arn:aws:iam::" + A + ":";
  static final String OBJECT = "arn:aws:s3:::corp-data/reports/q1.csv";
  static final Map<String, List<String>> TLS_EU =
      Map.of("aws:SecureTransport", List.of("true"), "aws:RequestedRegion", List.of("eu-west-1"));

  @BeforeAll
  static void load() throws Exception {
    s = SnapshotLoaderTest.example();
  }

  private static Map<String, WhoCanEntry> byPrincipal(List<WhoCanEntry> l) {
    return l.stream().collect(Collectors.toMap(WhoCanEntry::principal, e -> e));
  }

  /**
   * IAM User Guide, "Policy evaluation for requests within a single account": an identity-based or
   * a resource-based allow suffices; "How IAM roles differ from resource-based policies" and
   * "AssumeRole": a principal reaches a role's permissions through the trust policy and its own
   * sts:AssumeRole permission; the MFA condition (aws:MultiFactorAuthPresent) and the SAML audience
   * make those paths conditional.
   */
  @Test
  void whoCanReadTheBucketDirectlyAndThroughRoles() {
    Map<String, WhoCanEntry> w = byPrincipal(s.whoCan("s3:GetObject", OBJECT, TLS_EU));
    assertEquals(
        List.of(P + "role/BreakGlass", P + "role/DataReader", P + "role/OktaReadOnly",
            P + "role/service/LambdaExecRole", P + "saml-provider/Okta", P + "user/alice",
            P + "user/bob"),
        s.whoCan("s3:GetObject", OBJECT, TLS_EU).stream().map(WhoCanEntry::principal).toList());
    assertEquals(Decision.ALLOWED, w.get(P + "user/alice").decision());
    assertEquals(List.of(), w.get(P + "user/alice").via());
    WhoCanEntry bob = w.get(P + "user/bob");
    assertEquals(Decision.CONDITIONAL, bob.decision());
    assertEquals(List.of(P + "role/DataReader"), bob.via());
    assertEquals(List.of("aws:MultiFactorAuthPresent"), bob.dependsOn());
    WhoCanEntry okta = w.get(P + "saml-provider/Okta");
    assertEquals(List.of(P + "role/OktaReadOnly"), okta.via());
    assertEquals(List.of("SAML:aud"), okta.dependsOn());
    assertFalse(w.containsKey(P + "user/helpdesk"));
    // without the context, the bucket policy's TLS deny and the SCP's region lock are unknown
    WhoCanEntry alice = byPrincipal(s.whoCan("s3:GetObject", OBJECT)).get(P + "user/alice");
    assertEquals(Decision.CONDITIONAL, alice.decision());
    assertTrue(alice.dependsOn().containsAll(List.of("aws:SecureTransport", "aws:RequestedRegion")),
        alice.dependsOn().toString());
  }

  @Test
  void whoCanAgreesWithCanDoOnTheExample() {
    List<WhoCanEntry> w = s.whoCan("s3:GetObject", OBJECT, TLS_EU);
    for (SnapshotPrincipal p : s.principals()) {
      var r = s.canDo(p.arn(), "s3:GetObject", OBJECT, TLS_EU);
      boolean direct = w.stream().anyMatch(e -> e.principal().equals(p.arn()) && e.via().isEmpty());
      assertEquals(r.possible().contains(Decision.ALLOWED), direct, p.arn() + " " + r.decision());
    }
  }

  /**
   * IAM User Guide, "Permissions boundaries for IAM entities": the effective permissions are the
   * intersection of the identity-based policies and the boundary; a Deny in the boundary wins.
   */
  @Test
  void boundaryDenyRemovesPolicyVersionRightsFromBob() {
    assertEquals(Decision.EXPLICIT_DENY, s.canDo(P + "user/bob", "iam:CreatePolicyVersion",
        P + "policy/DevReadWrite", Map.of()).decision());
    assertEquals(Layer.BOUNDARY, s.canDo(P + "user/bob", "iam:CreatePolicyVersion",
        P + "policy/DevReadWrite", Map.of()).decidedBy());
    assertEquals(List.of(), s.whatCan(P + "user/bob", "iam").stream()
        .filter(e -> e.action().contains("PolicyVersion")).toList());
    // BuildRunner has the same managed policy and no boundary
    assertEquals(Decision.ALLOWED, s.canDo(P + "role/BuildRunner", "iam:CreatePolicyVersion",
        P + "policy/DevReadWrite", Map.of()).decision());
  }

  @Test
  void whatCanExpandsThroughTheCatalogWithPatterns() {
    List<WhatCanEntry> lambda = s.whatCan(P + "user/bob", "lambda");
    assertTrue(lambda.size() > 5, lambda.toString());
    WhatCanEntry update = lambda.stream().filter(e -> e.action().equals("lambda:UpdateFunctionCode"))
        .findFirst().orElseThrow();
    assertEquals(List.of("arn:aws:lambda:*:" + A + ":function:dev-*"), update.resources());
    assertEquals("Write", update.accessLevel().name());
    // sorted by access level: List and Read before Write
    int firstWrite = lambda.indexOf(update);
    assertTrue(lambda.subList(0, firstWrite).stream().allMatch(e -> !e.accessLevel().name().equals("Write")));
    List<WhatCanEntry> reader = s.whatCan(P + "role/DataReader", "s3");
    assertEquals(List.of("s3:GetObject", "s3:ListBucket"), reader.stream().map(WhatCanEntry::action).sorted().toList());
    // the SCP's region lock (a Deny with a condition) makes them conditional
    assertTrue(reader.stream().allMatch(e -> e.decision() == Decision.CONDITIONAL
        && e.dependsOn().contains("aws:RequestedRegion")));
    assertThrows(IllegalArgumentException.class, () -> s.whatCan(P + "user/nobody", null));
  }

  @Test
  void escalationPaths() {
    List<EscalationPath> all = s.escalations();
    EscalationPath ci = all.stream().filter(e -> e.principal().equals(P + "user/ci-deployer")
        && e.technique() == EscalationTechnique.PASS_ROLE_LAMBDA).findFirst().orElseThrow();
    assertEquals(List.of(P + "role/service/LambdaExecRole"), ci.targets());
    // lambda calls fall under the SCP region lock; iam:PassRole does not
    assertEquals(List.of("aws:RequestedRegion"), ci.dependsOn());
    EscalationPath hd = all.stream().filter(e -> e.principal().equals(P + "user/helpdesk")
        && e.technique() == EscalationTechnique.CREATE_ACCESS_KEY).findFirst().orElseThrow();
    assertEquals(Decision.ALLOWED, hd.decision());
    assertEquals(List.of(P + "user/alice", P + "user/bob", P + "user/ci-deployer"), hd.targets());
    assertTrue(all.stream().anyMatch(e -> e.principal().equals(P + "role/BuildRunner")
        && e.technique() == EscalationTechnique.SET_DEFAULT_POLICY_VERSION));
    assertFalse(all.stream().anyMatch(e -> e.principal().equals(P + "user/bob")
        && e.technique() == EscalationTechnique.CREATE_POLICY_VERSION), "the boundary denies it");
    assertFalse(all.stream().anyMatch(e -> e.principal().equals(P + "role/DataReader")));
  }

  private static CloudTrailEvent event(String json) {
    return CloudTrailEvent.parse(json.replace('\'', '"'));
  }

  @Test
  void whichStatementAllowedACloudTrailEvent() {
    CloudTrailEvent e = event("{'eventVersion':'1.09','userIdentity':{'type':'AssumedRole',"
        + "'principalId':'AROADATAREADEREXAMPLE:alice','arn':'arn:aws:sts::" + A
        + ":assumed-role/DataReader/alice','accountId':'" + A + "','sessionContext':{'attributes':"
        + "{'creationDate':'2026-03-01T10:00:00Z','mfaAuthenticated':'true'}}},"
        + "'eventTime':'2026-03-01T10:05:00Z','eventSource':'s3.amazonaws.com','eventName':'GetObject',"
        + "'awsRegion':'eu-west-1','sourceIPAddress':'203.0.113.7','userAgent':'aws-cli/2',"
        + "'requestParameters':{'bucketName':'corp-data','key':'reports/q1.csv'},"
        + "'recipientAccountId':'" + A + "'}");
    List<EventAuthorization> as = s.authorize(e);
    assertEquals(1, as.size());
    EventAuthorization a = as.get(0);
    assertEquals("s3:GetObject", a.action());
    assertEquals(OBJECT, a.resource());
    assertEquals(List.of("203.0.113.7"), a.context().get("aws:SourceIp"));
    List<String> by = a.allowedBy().stream().map(Explanation::statement).toList();
    assertTrue(by.contains("ReadCorpData") && by.contains("AnalyticsRead"), by.toString());
    // CloudTrail does not show whether TLS was used: the bucket's TLS deny stays open
    assertEquals(Decision.CONDITIONAL, a.result().decision());
    assertEquals(List.of("aws:SecureTransport"), a.result().dependsOn());
  }

  private static final Instant T0 = Instant.parse("2026-03-10T00:00:00Z");

  private static String iamEvent(String time, String name, String params, String response) {
    return ("{'eventVersion':'1.09','userIdentity':{'type':'IAMUser','arn':'" + P + "user/alice',"
        + "'accountId':'" + A + "'},'eventTime':'" + time + "','eventSource':'iam.amazonaws.com',"
        + "'eventName':'" + name + "','awsRegion':'us-east-1','sourceIPAddress':'198.51.100.1',"
        + "'requestParameters':" + params + ",'responseElements':" + response
        + ",'recipientAccountId':'" + A + "'}").replace('\'', '"');
  }

  @Test
  void replayForwardsAppliesIamChanges() {
    CloudTrailEvent attach = CloudTrailEvent.parse(iamEvent("2026-03-11T09:00:00Z",
        "AttachUserPolicy", "{'userName':'helpdesk','policyArn':'arn:aws:iam::aws:policy/AdministratorAccess'}",
        "null"));
    CloudTrailEvent failed = CloudTrailEvent.parse(iamEvent("2026-03-11T09:30:00Z",
        "RemoveUserFromGroup", "{'userName':'alice','groupName':'Admins'}", "null")
        .replace("\"recipientAccountId\"", "\"errorCode\":\"AccessDenied\",\"recipientAccountId\""));
    Replay r = s.at(T0, Instant.parse("2026-03-12T00:00:00Z"), List.of(attach, failed));
    assertEquals(1, r.applied());
    assertEquals(1, r.skipped());
    assertEquals(Decision.ALLOWED, r.snapshot().canDo(P + "user/helpdesk", "iam:DeleteRole",
        P + "role/BreakGlass", Map.of()).decision());
    assertEquals(Decision.IMPLICIT_DENY, s.canDo(P + "user/helpdesk", "iam:DeleteRole",
        P + "role/BreakGlass", Map.of()).decision(), "the snapshot itself is unchanged");
    // a time before the attach: nothing to do
    assertEquals(0, s.at(T0, Instant.parse("2026-03-11T08:00:00Z"), List.of(attach)).applied());
  }

  @Test
  void replayBackwardsUndoesIamChanges() {
    String v2 = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
        + "\\\"Action\\\":\\\"iam:CreatePolicyVersion\\\",\\\"Resource\\\":\\\"*\\\"}]}";
    CloudTrailEvent create = CloudTrailEvent.parse(iamEvent("2026-03-05T09:00:00Z",
        "CreatePolicyVersion", "{'policyArn':'" + P + "policy/DevReadWrite','policyDocument':'" + v2
            + "','setAsDefault':true}", "{'policyVersion':{'versionId':'v2','isDefaultVersion':true}}"));
    CloudTrailEvent join = CloudTrailEvent.parse(iamEvent("2026-03-06T09:00:00Z",
        "AddUserToGroup", "{'userName':'alice','groupName':'Admins'}", "null"));
    Replay r = s.at(T0, Instant.parse("2026-03-01T00:00:00Z"), List.of(join, create));
    assertEquals(2, r.applied());
    Snapshot before = r.snapshot();
    assertEquals(List.of(), before.principal(P + "user/alice").orElseThrow().groups());
    assertEquals(Decision.IMPLICIT_DENY, before.canDo(P + "role/BuildRunner",
        "iam:CreatePolicyVersion", P + "policy/DevReadWrite", Map.of()).decision(),
        "before v2, DevReadWrite (v1) did not allow policy versions");
    assertEquals(1, r.warnings().size(), r.warnings().toString());
    assertTrue(r.warnings().get(0).contains("assumed v1"), r.warnings().toString());
  }

  /**
   * AWS Organizations User Guide, "Service control policies (SCPs)": SCPs do not affect users or
   * roles in the management account; "Resource control policies": nor its resources.
   */
  @Test
  void managementAccountIsNotAffectedBySCPs() {
    String deny = "{'Name':'DenyAll','Document':{'Version':'2012-10-17','Statement':[{'Effect':'Deny',"
        + "'Action':'*','Resource':'*'}]}}";
    String org = ("{'Organization':{'ManagementAccountId':'999988887777','Root':{'Id':'r-1',"
        + "'Scps':[" + deny + "],'Accounts':[{'Id':'999988887777'},{'Id':'" + A + "'}]}}}").replace('\'', '"');
    String admin = "'PolicyDocument':{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}";
    String users = ("{'UserDetailList':[{'UserName':'m','Arn':'arn:aws:iam::999988887777:user/m',"
        + "'UserPolicyList':[{'PolicyName':'a'," + admin + "}]},{'UserName':'u','Arn':'" + P + "user/u',"
        + "'UserPolicyList':[{'PolicyName':'a'," + admin + "}]}]}").replace('\'', '"');
    Snapshot o = Snapshot.builder().add("org.json", org.getBytes(StandardCharsets.UTF_8))
        .add("users.json", users.getBytes(StandardCharsets.UTF_8)).build();
    assertEquals(Decision.ALLOWED, o.canDo("arn:aws:iam::999988887777:user/m", "s3:ListAllMyBuckets",
        "*", Map.of()).decision());
    var member = o.canDo(P + "user/u", "s3:ListAllMyBuckets", "*", Map.of());
    assertEquals(Decision.EXPLICIT_DENY, member.decision());
    assertEquals(Layer.SCP, member.decidedBy());
  }

  /**
   * The organization file that {@code cloudir iam snapshot --organization} (cloudir-aws's
   * AccountSnapshots, format {@code cloudir-organization/1}, written here by hand from its
   * documented shape) loads too: SCPs at the root, an OU and an account are all levels; the
   * management account is exempt.
   */
  @Test
  void organizationAsCloudirAwsWritesItLoadsToo() {
    String full = "{'Id':'p-FullAWSAccess','Name':'FullAWSAccess','Arn':'arn:aws:organizations::aws:policy/"
        + "service_control_policy/p-FullAWSAccess','AwsManaged':true,'Content':{'Version':'2012-10-17',"
        + "'Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}}";
    String denyS3 = "{'Id':'p-nos3','Name':'NoS3','Arn':'arn:aws:organizations::999988887777:policy/o-1/"
        + "service_control_policy/p-nos3','AwsManaged':false,'Content':{'Version':'2012-10-17',"
        + "'Statement':[{'Effect':'Deny','Action':'s3:*','Resource':'*'}]}}";
    String org = ("{'Format':'cloudir-organization/1','Organization':{'Id':'o-1','Arn':'arn:aws:"
        + "organizations::999988887777:organization/o-1','FeatureSet':'ALL','MasterAccountId':"
        + "'999988887777','MasterAccountArn':'arn:aws:organizations::999988887777:account/o-1/999988887777'},"
        + "'Roots':[{'Type':'ROOT','Id':'r-1','Name':'Root','ServiceControlPolicies':[" + full + "],"
        + "'ResourceControlPolicies':[],'Children':["
        + "{'Type':'ORGANIZATIONAL_UNIT','Id':'ou-1-prod','Name':'Prod','ServiceControlPolicies':["
        + denyS3 + "," + full + "],'ResourceControlPolicies':[],'Children':["
        + "{'Type':'ACCOUNT','Id':'" + A + "','Name':'prod','Email':'a@example.com','Status':'ACTIVE',"
        + "'ServiceControlPolicies':[" + full + "],'ResourceControlPolicies':[],'Children':[]}]},"
        + "{'Type':'ACCOUNT','Id':'999988887777','Name':'mgmt','ServiceControlPolicies':[" + full
        + "],'ResourceControlPolicies':[],'Children':[]}]}]}").replace('\'', '"');
    String admin = "'PolicyDocument':{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}";
    String users = ("{'UserDetailList':[{'UserName':'u','Arn':'" + P + "user/u',"
        + "'UserPolicyList':[{'PolicyName':'a'," + admin + "}]}]}").replace('\'', '"');
    Snapshot o = Snapshot.builder().add("org.json", org.getBytes(StandardCharsets.UTF_8))
        .add("users.json", users.getBytes(StandardCharsets.UTF_8)).build();
    var s3 = o.canDo(P + "user/u", "s3:ListAllMyBuckets", "*", Map.of());
    assertEquals(Decision.EXPLICIT_DENY, s3.decision());
    assertEquals(Layer.SCP, s3.decidedBy());
    assertEquals(Decision.ALLOWED, o.canDo(P + "user/u", "ec2:DescribeInstances", "*", Map.of())
        .decision());
    // a wrong node type is an error naming its JSON path
    String bad = org.replace("\"ORGANIZATIONAL_UNIT\"", "\"FOLDER\"");
    var ex = assertThrows(RuntimeException.class, () -> Snapshot.builder()
        .add("bad.json", bad.getBytes(StandardCharsets.UTF_8)).build());
    assertTrue(String.valueOf(ex.getMessage()).contains("$.Roots[0].Children[0].Type"),
        ex.getMessage());
  }

  @Test
  void unknownPrincipalIsAnError() {
    assertThrows(IllegalArgumentException.class,
        () -> s.canDo(P + "user/nobody", "s3:GetObject", OBJECT, Map.of()));
  }
}
