package io.cloudir.iam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.iam.policy.Policy;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Examples for every rule of the evaluator, each citing the AWS documentation page that decides it
 * (IAM User Guide unless said otherwise).
 */
class EvaluatorTest {
  static final String A = "111122223333";
  static final String B = "444455556666";
  static final String ALICE = "arn:aws:iam::" + A + ":user/alice";
  static final String ROLE = "arn:aws:iam::" + A + ":role/app/Dev";
  static final String SESSION = "arn:aws:sts::" + A + ":assumed-role/Dev/s1";
  static final String BOB = "arn:aws:iam::" + B + ":user/bob";

  static Policy p(String statements) {
    return Policy.parse("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.replace('\'', '"') + "]}", null);
  }

  static String allow(String action, String resource) {
    return "{'Effect':'Allow','Action':'" + action + "','Resource':'" + resource + "'}";
  }

  static String deny(String action, String resource) {
    return "{'Effect':'Deny','Action':'" + action + "','Resource':'" + resource + "'}";
  }

  static String allowTo(String principal, String action, String resource) {
    return "{'Effect':'Allow','Principal':{'AWS':'" + principal + "'},'Action':'" + action
        + "','Resource':'" + resource + "'}";
  }

  static Request req(String principal, String action, String resource) {
    return Request.builder().principal(principal).action(action).resource(resource).build();
  }

  static Result run(Evaluator e, Request r) {
    Result res = e.explain(r);
    assertEquals(res.decision(), e.decide(r), "decision path and explain path agree");
    return res;
  }

  // ---- reference_policies_evaluation-logic_policy-eval-denyallow.html

  @Test
  void explicitDenyAnywhereWins_denyallow() {
    Evaluator e = Evaluator.builder()
        .identityPolicy("admin", p(allow("*", "*")))
        .identityPolicy("guard", p(deny("s3:Delete*", "*")))
        .build();
    Result r = run(e, req(ALICE, "s3:DeleteObject", "arn:aws:s3:::b/k"));
    assertEquals(Decision.EXPLICIT_DENY, r.decision());
    assertEquals(Layer.IDENTITY, r.decidedBy());
    assertEquals(Decision.ALLOWED, run(e, req(ALICE, "s3:GetObject", "arn:aws:s3:::b/k")).decision());
    assertEquals(Decision.IMPLICIT_DENY,
        run(Evaluator.builder().build(), req(ALICE, "s3:GetObject", "arn:aws:s3:::b/k")).decision(),
        "by default every request is implicitly denied");
  }

  // ---- AWS Organizations User Guide: "SCP evaluation" (orgs_manage_policies_scps_evaluation.html)

  @Test
  void scpsMustAllowAtEveryLevel_scpEvaluation() {
    Evaluator e = Evaluator.builder()
        .identityPolicy("admin", p(allow("*", "*")))
        .scpLevel(List.of(p(allow("*", "*"))))
        .scpLevel(List.of(p(allow("ec2:*", "*"))))
        .scpLevel(List.of(p(allow("*", "*"))))
        .build();
    Result r = run(e, req(ALICE, "s3:GetObject", "arn:aws:s3:::b/k"));
    assertEquals(Decision.IMPLICIT_DENY, r.decision());
    assertEquals(Layer.SCP, r.decidedBy());
    assertEquals(1, r.level(), "the OU level without an allow decides");
    assertEquals(Decision.ALLOWED, run(e, req(ALICE, "ec2:StartInstances", "*")).decision());
  }

  @Test
  void scpsDoNotApplyToServiceLinkedRoles_scps() {
    // Organizations User Guide, "Service control policies (SCPs)": SCPs don't affect
    // service-linked roles.
    Evaluator e = Evaluator.builder()
        .identityPolicy("slr", p(allow("*", "*")))
        .scpLevel(List.of(p(deny("*", "*"))))
        .build();
    assertEquals(Decision.ALLOWED, run(e, req("arn:aws:sts::" + A
        + ":assumed-role/AWSServiceRoleForECS/ecs", "ec2:DescribeInstances", "*")).decision());
    assertEquals(Decision.EXPLICIT_DENY, run(e, req(ALICE, "ec2:DescribeInstances", "*")).decision());
  }

  // ---- Organizations User Guide: "Resource control policies (RCPs)"

  @Test
  void rcpsApplyToSupportedServicesWithImplicitFullAccess_rcps() {
    Evaluator e = Evaluator.builder()
        .resourcePolicy(p("{'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'}"))
        .rcpLevel(List.of())
        .rcpLevel(List.of(p("{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*',"
            + "'Condition':{'Bool':{'aws:SecureTransport':'false'}}}")))
        .build();
    Request plain = Request.builder().principal("anonymous").action("s3:GetObject")
        .resource("arn:aws:s3:::b/k").resourceAccount(A).context("aws:SecureTransport", "false").build();
    Result r = run(e, plain);
    assertEquals(Decision.EXPLICIT_DENY, r.decision(), "RCPs apply to anonymous requests too");
    assertEquals(Layer.RCP, r.decidedBy());
    assertEquals(1, r.level());
    Request tls = Request.builder().principal("anonymous").action("s3:GetObject")
        .resource("arn:aws:s3:::b/k").resourceAccount(A).context("aws:SecureTransport", "true").build();
    assertEquals(Decision.ALLOWED, run(e, tls).decision(),
        "RCPFullAWSAccess is implicit at every level, an empty level does not deny");
    Evaluator ec2 = Evaluator.builder().identityPolicy("i", p(allow("*", "*")))
        .rcpLevel(List.of(p("{'Effect':'Deny','Principal':'*','Action':'ec2:*','Resource':'*'}"))).build();
    assertEquals(Decision.ALLOWED, run(ec2, req(ALICE, "ec2:StartInstances", "*")).decision(),
        "EC2 does not support RCPs");
  }

  // ---- reference_policies_evaluation-logic_policy-eval-basics.html (single account)

  @Test
  void sameAccountEitherIdentityOrResourcePolicyAllows_evalBasics() {
    Evaluator byResource = Evaluator.builder()
        .resourcePolicy(p(allowTo(ALICE, "s3:GetObject", "arn:aws:s3:::b/*"))).build();
    Request r = Request.builder().principal(ALICE).action("s3:GetObject").resource("arn:aws:s3:::b/k").build();
    assertEquals(A, r.effectiveResourceAccount(), "an S3 ARN without account is in the principal's account");
    assertEquals(Decision.ALLOWED, run(byResource, r).decision());
    Evaluator byIdentity = Evaluator.builder().identityPolicy("i", p(allow("s3:GetObject", "*"))).build();
    assertEquals(Decision.ALLOWED, run(byIdentity, r).decision());
  }

  @Test
  void accountPrincipalDelegatesToIdentityPolicies_principalElement() {
    // reference_policies_elements_principal.html, "AWS account principals": naming the account
    // delegates to the account's administrators; identity-based policies must allow.
    Evaluator e = Evaluator.builder()
        .resourcePolicy(p(allowTo(A, "s3:GetObject", "*"))).build();
    Request r = req(ALICE, "s3:GetObject", "arn:aws:s3:::b/k");
    assertEquals(Decision.IMPLICIT_DENY, run(e, r).decision());
    Evaluator withId = Evaluator.builder().resourcePolicy(p(allowTo(A, "s3:GetObject", "*")))
        .identityPolicy("i", p(allow("s3:*", "*"))).build();
    assertEquals(Decision.ALLOWED, run(withId, r).decision());
  }

  // ---- reference_policies_evaluation-logic-cross-account.html

  @Test
  void crossAccountNeedsBothSides_crossAccount() {
    Request r = Request.builder().principal(BOB).action("s3:GetObject").resource("arn:aws:s3:::b/k")
        .resourceAccount(A).build();
    Evaluator onlyResource = Evaluator.builder()
        .resourcePolicy(p(allowTo("arn:aws:iam::" + B + ":root", "s3:GetObject", "*"))).build();
    assertEquals(Decision.IMPLICIT_DENY, run(onlyResource, r).decision());
    assertEquals(Layer.IDENTITY, run(onlyResource, r).decidedBy());
    Evaluator onlyIdentity = Evaluator.builder().identityPolicy("i", p(allow("s3:*", "*"))).build();
    assertEquals(Layer.RESOURCE, run(onlyIdentity, r).decidedBy());
    Evaluator both = Evaluator.builder().identityPolicy("i", p(allow("s3:*", "*")))
        .resourcePolicy(p(allowTo(B, "s3:GetObject", "*"))).build();
    assertEquals(Decision.ALLOWED, run(both, r).decision());
  }

  // ---- access_policies_boundaries.html and access_policies.html#policies_session

  @Test
  void resourcePolicyNamingUserOrSessionIgnoresBoundaryButRoleArnDoesNot_boundaries() {
    Policy boundary = p(allow("ec2:*", "*"));
    Request user = req(ALICE, "s3:GetObject", "arn:aws:s3:::b/k");
    Evaluator userGrant = Evaluator.builder().permissionBoundary("pb", boundary)
        .resourcePolicy(p(allowTo(ALICE, "s3:GetObject", "*"))).build();
    assertEquals(Decision.ALLOWED, run(userGrant, user).decision(),
        "same account: an allow naming the IAM user is not limited by the boundary");

    Request session = req(SESSION, "s3:GetObject", "arn:aws:s3:::b/k");
    Evaluator roleGrant = Evaluator.builder().permissionBoundary("pb", boundary)
        .resourcePolicy(p(allowTo(ROLE, "s3:GetObject", "*"))).build();
    Result r = run(roleGrant, session);
    assertEquals(Decision.IMPLICIT_DENY, r.decision(),
        "an allow naming the role ARN is limited by the boundary");
    assertEquals(Layer.BOUNDARY, r.decidedBy());
    Evaluator sessionGrant = Evaluator.builder().permissionBoundary("pb", boundary)
        .sessionPolicy(p(allow("ec2:*", "*")))
        .resourcePolicy(p(allowTo(SESSION, "s3:GetObject", "*"))).build();
    assertEquals(Decision.ALLOWED, run(sessionGrant, session).decision(),
        "an allow naming the session ARN is limited by neither boundary nor session policy");
  }

  @Test
  void sessionPolicyAndBoundaryIntersectIdentityPolicies_sessionPolicies() {
    Request session = req(SESSION, "s3:GetObject", "arn:aws:s3:::b/k");
    Evaluator e = Evaluator.builder().identityPolicy("i", p(allow("*", "*")))
        .sessionPolicy(p(allow("ec2:*", "*"))).build();
    Result r = run(e, session);
    assertEquals(Decision.IMPLICIT_DENY, r.decision());
    assertEquals(Layer.SESSION, r.decidedBy());
    Evaluator b = Evaluator.builder().identityPolicy("i", p(allow("*", "*")))
        .permissionBoundary("pb", p(allow("s3:Get*", "*"))).build();
    assertEquals(Decision.ALLOWED, run(b, session).decision());
    assertEquals(Layer.BOUNDARY, run(b, req(SESSION, "s3:PutObject", "arn:aws:s3:::b/k")).decidedBy());
  }

  // ---- KMS Developer Guide "Key policies in AWS KMS"; IAM "Cross account resource access" (trust)

  @Test
  void keyPoliciesAndTrustPoliciesMustAllow_kmsKeyPolicies() {
    String key = "arn:aws:kms:us-east-1:" + A + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    Evaluator noKeyPolicy = Evaluator.builder().identityPolicy("i", p(allow("kms:*", "*"))).build();
    Result r = run(noKeyPolicy, req(ALICE, "kms:Decrypt", key));
    assertEquals(Decision.IMPLICIT_DENY, r.decision());
    assertEquals(Layer.RESOURCE, r.decidedBy());
    Evaluator rootKeyPolicy = Evaluator.builder().identityPolicy("i", p(allow("kms:*", "*")))
        .resourcePolicy(p(allowTo("arn:aws:iam::" + A + ":root", "kms:*", "*"))).build();
    assertEquals(Decision.ALLOWED, run(rootKeyPolicy, req(ALICE, "kms:Decrypt", key)).decision());
    Evaluator rootOnly = Evaluator.builder()
        .resourcePolicy(p(allowTo("arn:aws:iam::" + A + ":root", "kms:*", "*"))).build();
    assertEquals(Decision.IMPLICIT_DENY, run(rootOnly, req(ALICE, "kms:Decrypt", key)).decision());

    String target = "arn:aws:iam::" + A + ":role/Target";
    Evaluator noTrust = Evaluator.builder().identityPolicy("i", p(allow("sts:AssumeRole", "*"))).build();
    assertEquals(Decision.IMPLICIT_DENY, run(noTrust, req(ALICE, "sts:AssumeRole", target)).decision());
    Evaluator trust = Evaluator.builder().resourcePolicy(Policy.parse(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
            + ALICE + "\"},\"Action\":\"sts:AssumeRole\"}]}", null)).build();
    assertEquals(Decision.ALLOWED, run(trust, req(ALICE, "sts:AssumeRole", target)).decision(),
        "a trust policy naming the user directly allows within the account");
  }

  @Test
  void getCallerIdentityNeedsNoPermission_stsApiReference() {
    // STS API Reference, GetCallerIdentity: no permissions are required, and an explicit deny
    // does not prevent it.
    Evaluator e = Evaluator.builder().identityPolicy("d", p(deny("*", "*"))).build();
    assertEquals(Decision.ALLOWED, run(e, req(ALICE, "sts:GetCallerIdentity", "*")).decision());
  }

  @Test
  void anonymousOnlyThroughResourcePolicyForEveryone_principalElement() {
    // reference_policies_elements_principal.html, "All principals" / anonymous users
    Request anon = Request.builder().principal("anonymous").action("s3:GetObject")
        .resource("arn:aws:s3:::b/k").resourceAccount(A).build();
    Evaluator star = Evaluator.builder()
        .resourcePolicy(p("{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'}")).build();
    assertEquals(Decision.ALLOWED, run(star, anon).decision());
    Evaluator acct = Evaluator.builder().resourcePolicy(p(allowTo(A, "s3:GetObject", "*")))
        .identityPolicy("i", p(allow("*", "*"))).build();
    assertEquals(Decision.IMPLICIT_DENY, run(acct, anon).decision());
    assertEquals("Anonymous", anon.effectiveContext().get("aws:PrincipalType").get(0));
  }

  @Test
  void vpcEndpointPolicyMustAllow_vpcEndpointsAccess() {
    // VPC User Guide (AWS PrivateLink), "Control access to VPC endpoints using endpoint policies"
    Evaluator e = Evaluator.builder().identityPolicy("i", p(allow("*", "*")))
        .vpcEndpointPolicy(p("{'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'}")).build();
    assertEquals(Decision.ALLOWED, run(e, req(ALICE, "s3:GetObject", "arn:aws:s3:::b/k")).decision());
    Result r = run(e, req(ALICE, "s3:PutObject", "arn:aws:s3:::b/k"));
    assertEquals(Layer.VPCE, r.decidedBy());
  }

  // ---- reference_policies_elements_condition_operators.html

  static Decision cond(String operator, String key, String policyValues, Request.Builder rb) {
    Evaluator e = Evaluator.builder().identityPolicy("i", p("{'Effect':'Allow','Action':'*','Resource':'*',"
        + "'Condition':{'" + operator + "':{'" + key + "':" + policyValues + "}}}")).build();
    return e.decide(rb.build());
  }

  static Request.Builder alice() {
    return Request.builder().principal(ALICE).action("s3:GetObject").resource("arn:aws:s3:::b/k");
  }

  @Test
  void stringOperatorsCompareValuesCaseSensitivelyAndKeysCaseInsensitively_conditionOperators() {
    assertEquals(Decision.ALLOWED, cond("StringEquals", "AWS:USERNAME", "'alice'", alice()),
        "keys ignore case; aws:username is derived from the user ARN");
    assertEquals(Decision.IMPLICIT_DENY, cond("StringEquals", "aws:username", "'Alice'", alice()));
    assertEquals(Decision.ALLOWED, cond("StringEqualsIgnoreCase", "aws:username", "'ALICE'", alice()));
    assertEquals(Decision.ALLOWED, cond("StringNotEquals", "aws:username", "['bob','carol']", alice()));
    assertEquals(Decision.ALLOWED, cond("StringLike", "aws:RequestTag/p", "'a*c?'", alice().context("aws:requesttag/p", "abcd")));
    assertEquals(Decision.IMPLICIT_DENY, cond("StringLike", "aws:RequestTag/p", "'a${*}'", alice().context("aws:RequestTag/p", "ab")),
        "${*} is a literal asterisk");
    assertEquals(Decision.ALLOWED, cond("StringLike", "aws:RequestTag/p", "'a${*}'", alice().context("aws:RequestTag/p", "a*")));
    assertEquals(Decision.IMPLICIT_DENY, cond("StringEquals", "aws:SourceVpce", "'v'", alice()),
        "a missing key does not match");
    assertEquals(Decision.ALLOWED, cond("StringNotEquals", "aws:SourceVpce", "'v'", alice()),
        "a negated operator on a missing key is true");
    assertEquals(Decision.ALLOWED, cond("StringEqualsIfExists", "aws:SourceVpce", "'v'", alice()),
        "…IfExists on a missing key is true");
  }

  @Test
  void numericDateBoolBinaryOperators_conditionOperators() {
    assertEquals(Decision.ALLOWED, cond("NumericLessThan", "aws:MultiFactorAuthAge", "3600", alice().context("aws:MultiFactorAuthAge", "30")));
    assertEquals(Decision.IMPLICIT_DENY, cond("NumericGreaterThanEquals", "aws:MultiFactorAuthAge", "'3600.5'", alice().context("aws:MultiFactorAuthAge", "3600")));
    assertEquals(Decision.ALLOWED, cond("DateLessThan", "aws:CurrentTime", "'2025-01-01T00:00:00Z'", alice().context("aws:CurrentTime", "2024-12-31T23:59:59Z")));
    assertEquals(Decision.ALLOWED, cond("DateGreaterThan", "aws:CurrentTime", "'1700000000'", alice().context("aws:CurrentTime", "2024-01-01T00:00:00Z")),
        "epoch seconds compare with ISO-8601 times");
    assertEquals(Decision.ALLOWED, cond("DateEquals", "aws:TokenIssueTime", "'2024-01-01'", alice().context("aws:TokenIssueTime", "1704067200")));
    assertEquals(Decision.ALLOWED, cond("Bool", "aws:SecureTransport", "true", alice().context("aws:SecureTransport", "TRUE")));
    assertEquals(Decision.IMPLICIT_DENY, cond("Bool", "aws:SecureTransport", "'true'", alice().context("aws:SecureTransport", "false")));
    assertEquals(Decision.ALLOWED, cond("BinaryEquals", "k:bin", "'QmluYXJ5VmFsdWU='", alice().context("k:bin", "QmluYXJ5VmFsdWU=")));
    assertEquals(Decision.IMPLICIT_DENY, cond("BinaryEquals", "k:bin", "'QmluYXJ5VmFsdWU='", alice().context("k:bin", "QmluYXJ5VmFsdWF=")));
  }

  @Test
  void ipAndArnAndNullOperators_conditionOperators() {
    assertEquals(Decision.ALLOWED, cond("IpAddress", "aws:SourceIp", "['203.0.113.0/24','2001:db8::/32']", alice().context("aws:SourceIp", "2001:db8:1::5")));
    assertEquals(Decision.ALLOWED, cond("IpAddress", "aws:SourceIp", "'203.0.113.0/24'", alice().context("aws:SourceIp", "203.0.113.9")));
    assertEquals(Decision.IMPLICIT_DENY, cond("IpAddress", "aws:SourceIp", "'203.0.113.0/24'", alice().context("aws:SourceIp", "203.0.114.9")));
    assertEquals(Decision.ALLOWED, cond("NotIpAddress", "aws:SourceIp", "'10.0.0.0/8'", alice().context("aws:SourceIp", "203.0.114.9")));
    assertEquals(Decision.ALLOWED, cond("ArnLike", "aws:SourceArn", "'arn:aws:sns:*:" + A + ":t*'", alice().context("aws:SourceArn", "arn:aws:sns:us-east-1:" + A + ":topic")));
    assertEquals(Decision.IMPLICIT_DENY, cond("ArnEquals", "aws:SourceArn", "'arn:aws:sns:*:" + A + ":t*'", alice().context("aws:SourceArn", "arn:aws:sns:us-east-1:" + B + ":topic")));
    assertEquals(Decision.ALLOWED, cond("ArnNotLike", "aws:SourceArn", "'arn:aws:sns:*:*:*'", alice().context("aws:SourceArn", "not-an-arn")),
        "a value that is not an ARN does not match, so ArnNotLike is true");
    assertEquals(Decision.ALLOWED, cond("Null", "aws:TokenIssueTime", "'true'", alice()));
    assertEquals(Decision.IMPLICIT_DENY, cond("Null", "aws:username", "'true'", alice()), "aws:username is derived, hence present");
    assertEquals(Decision.ALLOWED, cond("ArnEquals", "aws:PrincipalArn", "'arn:aws:iam::" + A + ":role/Dev'",
        Request.builder().principal(SESSION).action("s3:GetObject").resource("arn:aws:s3:::b/k")),
        "aws:PrincipalArn of a session is its role's ARN");
  }

  // ---- reference_policies_condition-single-vs-multi-valued-context-keys.html

  @Test
  void setOperatorsWithMissingAndEmptyKeys_multiValuedKeys() {
    assertEquals(Decision.ALLOWED, cond("ForAllValues:StringEquals", "aws:TagKeys", "['a','b']", alice().context("aws:TagKeys", List.of("a", "b"))));
    assertEquals(Decision.IMPLICIT_DENY, cond("ForAllValues:StringEquals", "aws:TagKeys", "['a','b']", alice().context("aws:TagKeys", List.of("a", "c"))));
    assertEquals(Decision.ALLOWED, cond("ForAllValues:StringEquals", "aws:TagKeys", "['a']", alice()),
        "ForAllValues is true when the key is missing");
    assertEquals(Decision.ALLOWED, cond("ForAllValues:StringEquals", "aws:TagKeys", "['a']", alice().context("aws:TagKeys", List.of())),
        "…and when it has no values");
    assertEquals(Decision.ALLOWED, cond("ForAnyValue:StringEquals", "aws:TagKeys", "['a']", alice().context("aws:TagKeys", List.of("z", "a"))));
    assertEquals(Decision.IMPLICIT_DENY, cond("ForAnyValue:StringEquals", "aws:TagKeys", "['a']", alice()),
        "ForAnyValue is false when the key is missing");
    assertEquals(Decision.IMPLICIT_DENY, cond("ForAnyValue:StringEqualsIfExists", "aws:TagKeys", "['a']", alice()),
        "…even with IfExists (re:Post, ForAnyValue:StringEqualsIfExists behaving unexpectedly)");
    assertEquals(Decision.ALLOWED, cond("ForAnyValue:StringNotEquals", "aws:TagKeys", "['a']", alice().context("aws:TagKeys", List.of("a", "b"))));
    assertEquals(Decision.IMPLICIT_DENY, cond("ForAllValues:StringNotEquals", "aws:TagKeys", "['a']", alice().context("aws:TagKeys", List.of("a", "b"))));
  }

  // ---- reference_policies_variables.html

  @Test
  void policyVariablesInResourcesAndConditions_variables() {
    Evaluator e = Evaluator.builder().identityPolicy("home", p(allow("s3:*", "arn:aws:s3:::b/home/${aws:username}/*"))).build();
    assertEquals(Decision.ALLOWED, run(e, req(ALICE, "s3:GetObject", "arn:aws:s3:::b/home/alice/x")).decision());
    assertEquals(Decision.IMPLICIT_DENY, run(e, req(ALICE, "s3:GetObject", "arn:aws:s3:::b/home/bob/x")).decision());
    assertEquals(Decision.IMPLICIT_DENY, run(e, req(SESSION, "s3:GetObject", "arn:aws:s3:::b/home/alice/x")).decision(),
        "a role session has no aws:username: the resource does not match");
    Evaluator dflt = Evaluator.builder().identityPolicy("home", Policy.parse("{\"Version\":\"2012-10-17\","
        + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
        + "\"Resource\":\"arn:aws:s3:::b/home/${aws:username, 'anon'}/*\"}]}", null)).build();
    assertEquals(Decision.ALLOWED, run(dflt, req(SESSION, "s3:GetObject", "arn:aws:s3:::b/home/anon/x")).decision());
    assertEquals(Decision.ALLOWED, cond("StringEquals", "aws:RequestTag/owner", "'${aws:PrincipalTag/team}-x'",
        alice().context("aws:PrincipalTag/team", "red").context("aws:RequestTag/owner", "red-x")));
    assertEquals(Decision.ALLOWED, cond("StringEquals", "s3:prefix", "'${$}{aws:username}'",
        alice().context("s3:prefix", "${aws:username}")), "${$} is a literal dollar");
  }

  @Test
  void version2008PoliciesHaveNoVariables_versionElement() {
    Evaluator e = Evaluator.builder().identityPolicy("old", Policy.parse("{\"Version\":\"2008-10-17\","
        + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b/${aws:username}\"}]}", null)).build();
    assertEquals(Decision.IMPLICIT_DENY, run(e, req(ALICE, "s3:GetObject", "arn:aws:s3:::b/alice")).decision());
    assertEquals(Decision.ALLOWED, run(e, req(ALICE, "s3:GetObject", "arn:aws:s3:::b/${aws:username}")).decision());
  }

  @Test
  void conditionalAnswerNamesTheKeysAndOutcomes() {
    Evaluator e = Evaluator.builder()
        .identityPolicy("i", p("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}}"))
        .identityPolicy("d", p("{'Effect':'Deny','Action':'s3:Delete*','Resource':'*','Condition':{'Bool':{'aws:MultiFactorAuthPresent':'false'}}}"))
        .build();
    Request unknown = Request.builder().principal(ALICE).action("s3:DeleteObject").resource("arn:aws:s3:::b/k")
        .missingKeysUnknown(true).build();
    Result r = run(e, unknown);
    assertEquals(Decision.CONDITIONAL, r.decision());
    assertEquals(Set.of("aws:SourceIp", "aws:MultiFactorAuthPresent"), Set.copyOf(r.dependsOn()));
    assertEquals(Set.of(Decision.ALLOWED, Decision.EXPLICIT_DENY, Decision.IMPLICIT_DENY), r.possible());
    Request known = Request.builder().principal(ALICE).action("s3:DeleteObject").resource("arn:aws:s3:::b/k")
        .context("aws:MultiFactorAuthPresent", "true").missingKeysUnknown(true).build();
    Result k = run(e, known);
    assertEquals(Set.of(Decision.ALLOWED, Decision.IMPLICIT_DENY), k.possible());
    assertEquals(List.of("aws:SourceIp"), k.dependsOn());
    Request strict = Request.builder().principal(ALICE).action("s3:DeleteObject").resource("arn:aws:s3:::b/k").build();
    assertEquals(Decision.IMPLICIT_DENY, run(e, strict).decision(), "missing keys are absent by default");
  }

  @Test
  void explanationNamesEachStatementAndWhy() {
    Evaluator e = Evaluator.builder().identityPolicy("pol", p(
        "{'Sid':'Reads','Effect':'Allow','Action':'s3:Get*','Resource':'*'},{'Effect':'Allow','Action':'ec2:*','Resource':'*'}")).build();
    Result r = run(e, req(ALICE, "s3:GetObject", "arn:aws:s3:::b/k"));
    assertEquals(2, r.explanation().size());
    assertEquals("Reads", r.explanation().get(0).statement());
    assertEquals("matched", r.explanation().get(0).outcome());
    assertEquals("$.Statement[1]", r.explanation().get(1).statement());
    assertTrue(r.explanation().get(1).reason().contains("action s3:GetObject not matched"));
  }
}
