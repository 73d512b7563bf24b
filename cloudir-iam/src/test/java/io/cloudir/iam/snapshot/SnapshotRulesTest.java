package io.cloudir.iam.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.eval.Layer;
import io.cloudir.iam.eval.Result;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One rule per test, on small in-memory snapshots, each with the AWS page that states it. */
class SnapshotRulesTest {
  static final String A = "111122223333";
  static final String B = "444455556666";
  static final String ALLOW_ALL =
      "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}";

  private static byte[] j(String s) {
    return s.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  private static String user(String acct, String name, String doc) {
    return "{'UserName':'" + name + "','Arn':'arn:aws:iam::" + acct + ":user/" + name
        + "','UserPolicyList':[{'PolicyName':'p','PolicyDocument':" + doc + "}]}";
  }

  private static String doc(String statements) {
    return "{'Version':'2012-10-17','Statement':[" + statements + "]}";
  }

  /**
   * IAM User Guide, "Cross-account policy evaluation logic": across accounts both the identity
   * policy of the caller and the resource-based policy must allow.
   */
  @Test
  void crossAccountNeedsBothSides() {
    String bucket = "{'ResourcePolicies':[{'Arn':'arn:aws:s3:::shared','Account':'" + A + "','Policy':"
        + doc("{'Effect':'Allow','Principal':{'AWS':'arn:aws:iam::" + B + ":root'},'Action':'s3:GetObject',"
            + "'Resource':'arn:aws:s3:::shared/*'}") + "}]}";
    String bUsers = "{'UserDetailList':[" + user(B, "reader", doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"))
        + "," + user(B, "nobody", doc("{'Effect':'Allow','Action':'ec2:Describe*','Resource':'*'}")) + "]}";
    Snapshot s = Snapshot.builder().add("b.json", j(bUsers)).add("rp.json", j(bucket)).build();
    assertEquals(Decision.ALLOWED, s.canDo("arn:aws:iam::" + B + ":user/reader", "s3:GetObject",
        "arn:aws:s3:::shared/x", Map.of()).decision());
    Result none = s.canDo("arn:aws:iam::" + B + ":user/nobody", "s3:GetObject", "arn:aws:s3:::shared/x", Map.of());
    assertEquals(Decision.IMPLICIT_DENY, none.decision());
    assertEquals(Layer.IDENTITY, none.decidedBy());
    // a bucket whose policy does not name account B
    assertEquals(Decision.IMPLICIT_DENY, s.canDo("arn:aws:iam::" + B + ":user/reader", "s3:GetObject",
        "arn:aws:s3:::private/x", Map.of("aws:ResourceAccount", List.of(A))).decision());
  }

  /**
   * IAM User Guide, "Access to an IAM role in another account": a role trusting another account
   * can be assumed by that account's principals whose own policies allow sts:AssumeRole.
   */
  @Test
  void whoCanFollowsCrossAccountRoleAssumption() {
    String aRoles = "{'RoleDetailList':[{'RoleName':'Audit','Arn':'arn:aws:iam::" + A + ":role/Audit',"
        + "'AssumeRolePolicyDocument':" + doc("{'Effect':'Allow','Principal':{'AWS':'" + B + "'},'Action':'sts:AssumeRole'}")
        + ",'RolePolicyList':[{'PolicyName':'p','PolicyDocument':" + doc("{'Effect':'Allow','Action':'s3:ListBucket','Resource':'*'}") + "}]}]}";
    String bUsers = "{'UserDetailList':[" + user(B, "auditor", doc("{'Effect':'Allow','Action':'sts:AssumeRole','Resource':'arn:aws:iam::" + A + ":role/*'}"))
        + "," + user(B, "dev", doc("{'Effect':'Allow','Action':'s3:PutObject','Resource':'*'}")) + "]}";
    Snapshot s = Snapshot.builder().add("a.json", j(aRoles)).add("b.json", j(bUsers)).build();
    List<WhoCanEntry> w = s.whoCan("s3:ListBucket", "arn:aws:s3:::logs", Map.of("aws:ResourceAccount", List.of(A)));
    assertEquals(List.of("arn:aws:iam::" + A + ":role/Audit", "arn:aws:iam::" + B + ":user/auditor"),
        w.stream().map(WhoCanEntry::principal).toList());
    assertEquals(List.of("arn:aws:iam::" + A + ":role/Audit"), w.get(1).via());
  }

  /**
   * AWS Organizations User Guide, "Service control policies (SCPs)": SCPs do not affect
   * service-linked roles.
   */
  @Test
  void serviceLinkedRolesAreNotAffectedBySCPs() {
    String org = "{'Organization':{'Root':{'Id':'r-1','Scps':[{'Name':'deny','Document':"
        + doc("{'Effect':'Deny','Action':'*','Resource':'*'}") + "}],'Accounts':[{'Id':'" + A + "'}]}}}";
    String roles = "{'RoleDetailList':[{'RoleName':'AWSServiceRoleForSupport','Path':'/aws-service-role/support.amazonaws.com/',"
        + "'Arn':'arn:aws:iam::" + A + ":role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport',"
        + "'AssumeRolePolicyDocument':" + doc("{'Effect':'Allow','Principal':{'Service':'support.amazonaws.com'},'Action':'sts:AssumeRole'}")
        + ",'RolePolicyList':[{'PolicyName':'p','PolicyDocument':" + ALLOW_ALL + "}]},"
        + "{'RoleName':'Ops','Arn':'arn:aws:iam::" + A + ":role/Ops','AssumeRolePolicyDocument':"
        + doc("{'Effect':'Allow','Principal':{'AWS':'" + A + "'},'Action':'sts:AssumeRole'}")
        + ",'RolePolicyList':[{'PolicyName':'p','PolicyDocument':" + ALLOW_ALL + "}]}]}";
    Snapshot s = Snapshot.builder().add("org.json", j(org)).add("a.json", j(roles)).build();
    assertEquals(Decision.ALLOWED, s.canDo("arn:aws:iam::" + A
        + ":role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport", "iam:ListRoles", "*",
        Map.of()).decision());
    Result ops = s.canDo("arn:aws:iam::" + A + ":role/Ops", "iam:ListRoles", "*", Map.of());
    assertEquals(Decision.EXPLICIT_DENY, ops.decision());
    assertEquals(Layer.SCP, ops.decidedBy());
  }

  /**
   * AWS Organizations User Guide, "Resource control policies (RCPs)": an RCP of the resource's
   * account restricts what anyone can do with its resources of the supported services (S3 here),
   * even an administrator of the account; it does not apply to services it does not support.
   */
  @Test
  void rcpsOfTheResourceAccountApply() {
    String org = "{'Organization':{'Root':{'Id':'r-1','Accounts':[{'Id':'" + A + "','Rcps':[{'Name':'no-delete',"
        + "'Document':" + doc("{'Effect':'Deny','Principal':'*','Action':['s3:DeleteObject','ec2:TerminateInstances'],'Resource':'*'}")
        + "}]}]}}}";
    String users = "{'UserDetailList':[" + user(A, "admin", ALLOW_ALL) + "]}";
    Snapshot s = Snapshot.builder().add("org.json", j(org)).add("a.json", j(users)).build();
    Result r = s.canDo("arn:aws:iam::" + A + ":user/admin", "s3:DeleteObject", "arn:aws:s3:::b/k", Map.of());
    assertEquals(Decision.EXPLICIT_DENY, r.decision());
    assertEquals(Layer.RCP, r.decidedBy());
    assertEquals(Decision.ALLOWED, s.canDo("arn:aws:iam::" + A + ":user/admin", "ec2:TerminateInstances",
        "arn:aws:ec2:us-east-1:" + A + ":instance/i-1", Map.of()).decision());
  }

  /**
   * IAM User Guide, "IAM tutorial: Define permissions to access AWS resources based on tags": the
   * principal's tags from the snapshot are the values of aws:PrincipalTag keys.
   */
  @Test
  void principalTagsComeFromTheSnapshot() {
    String tagged = "{'UserDetailList':[{'UserName':'t','Arn':'arn:aws:iam::" + A + ":user/t','Tags':[{'Key':'team','Value':'red'}],"
        + "'UserPolicyList':[{'PolicyName':'p','PolicyDocument':" + doc("{'Effect':'Allow','Action':'s3:GetObject',"
            + "'Resource':'arn:aws:s3:::${aws:PrincipalTag/team}/*'}") + "}]}]}";
    Snapshot s = Snapshot.builder().add("a.json", j(tagged)).build();
    assertEquals(Decision.ALLOWED, s.canDo("arn:aws:iam::" + A + ":user/t", "s3:GetObject",
        "arn:aws:s3:::red/k", Map.of()).decision());
    assertEquals(Decision.IMPLICIT_DENY, s.canDo("arn:aws:iam::" + A + ":user/t", "s3:GetObject",
        "arn:aws:s3:::blue/k", Map.of()).decision());
    assertEquals(List.of("arn:aws:s3:::red/*"), s.whatCan("arn:aws:iam::" + A + ":user/t", "s3").get(0).resources());
    assertTrue(s.whoCan("s3:GetObject", "arn:aws:s3:::blue/k").isEmpty());
  }
}
