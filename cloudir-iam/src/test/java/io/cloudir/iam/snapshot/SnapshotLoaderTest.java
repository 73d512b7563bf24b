package io.cloudir.iam.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loading {@code aws iam get-account-authorization-details} output (IAM API Reference,
 * "GetAccountAuthorizationDetails": UserDetailList, GroupDetailList, RoleDetailList, Policies with
 * PolicyVersionList; documents URL-encoded per RFC 3986) and the two cloudir formats.
 */
class SnapshotLoaderTest {
  static final String A = "111122223333";
  static final Path EXAMPLES = Path.of("..", "examples", "iam");

  static Snapshot example() throws Exception {
    return Snapshot.load(List.of(EXAMPLES.resolve("account-111122223333.json"),
        EXAMPLES.resolve("organization.json"), EXAMPLES.resolve("resource-policies.json")));
  }

  private static Snapshot load(String json) {
    return Snapshot.builder().add("mem.json", json.getBytes(StandardCharsets.UTF_8)).build();
  }

  private static SnapshotLoadException fails(String json) {
    return assertThrows(SnapshotLoadException.class, () -> load(json));
  }

  private static final String DOC =
      "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}";

  @Test
  void examplePrincipalsGroupsPoliciesAndWarnings() throws Exception {
    Snapshot s = example();
    assertEquals(List.of(A, "999988887777"), s.accounts());
    assertEquals(9, s.principals().size());
    SnapshotPrincipal bob = s.principal("arn:aws:iam::" + A + ":user/bob").orElseThrow();
    assertEquals(List.of("Developers"), bob.groups());
    assertEquals("arn:aws:iam::" + A + ":policy/DeveloperBoundary", bob.permissionsBoundary());
    assertEquals("data", bob.tags().get("team"));
    // a role session ARN denotes its role; the role's path is not in the session ARN
    SnapshotPrincipal exec =
        s.principal("arn:aws:sts::" + A + ":assumed-role/LambdaExecRole/fn").orElseThrow();
    assertEquals("/service/", exec.path());
    assertEquals(List.of(), s.warnings());
  }

  @Test
  void urlEncodedAndPlainStringDocumentsAreAccepted() {
    String enc = URLEncoder.encode(DOC, StandardCharsets.UTF_8).replace("+", "%20");
    for (String d : List.of("\"" + enc + "\"", "\"" + DOC.replace("\"", "\\\"") + "\"", DOC)) {
      Snapshot s = load("{\"UserDetailList\":[{\"UserName\":\"u\",\"Arn\":\"arn:aws:iam::" + A
          + ":user/u\",\"UserPolicyList\":[{\"PolicyName\":\"p\",\"PolicyDocument\":" + d + "}]}]}");
      assertEquals("ALLOWED", s.canDo("arn:aws:iam::" + A + ":user/u", "s3:GetObject",
          "arn:aws:s3:::b/k", java.util.Map.of()).decision().name(), d);
    }
  }

  @Test
  void errorsNameFileAndJsonPath() {
    SnapshotLoadException e = fails("{\"RoleDetailList\":[{\"RoleName\":\"r\",\"Arn\":\"arn:aws:iam::"
        + A + ":role/r\",\"AssumeRolePolicyDocument\":{\"Statement\":[{\"Effect\":\"Allow\"}]}}]}");
    assertEquals("mem.json", e.location().source());
    assertTrue(e.location().jsonPath().startsWith("$.RoleDetailList[0].AssumeRolePolicyDocument"),
        e.getMessage());
    e = fails("{\"UserDetailList\":[{\"UserName\":\"u\",\"Arn\":\"arn:aws:iam::" + A + ":user/v\"}]}");
    assertEquals("$.UserDetailList[0].Arn", e.location().jsonPath());
    e = fails("{\"UserDetailList\":[{\"UserName\":\"u\",\"UserName\":\"u\"}]}");
    assertTrue(e.reason().contains("duplicate"), e.getMessage());
    e = fails("{\"UserDetailList\":{}}");
    assertEquals("$.UserDetailList", e.location().jsonPath());
    e = fails("{\"Users\":[]}");
    assertEquals("$", e.location().jsonPath());
    e = fails("{\"Organization\":{\"Root\":{\"Id\":\"r-1\",\"Accounts\":[{\"Id\":\"12\"}]}}}");
    assertEquals("$.Organization.Root.Accounts[0].Id", e.location().jsonPath());
    e = fails("{\"ResourcePolicies\":[{\"Arn\":\"arn:aws:s3:::b\",\"Policy\":" + DOC + ",\"X\":1}]}");
    assertEquals("$.ResourcePolicies[0].X", e.location().jsonPath());
    e = fails("{\"Policies\":[{\"PolicyName\":\"p\",\"Arn\":\"arn:aws:iam::" + A + ":policy/p\","
        + "\"PolicyVersionList\":[{\"VersionId\":\"v1\",\"Document\":\"%7B%ZZ\"}]}]}");
    assertEquals("$.Policies[0].PolicyVersionList[0].Document", e.location().jsonPath());
    e = fails("not json");
    assertEquals("mem.json", e.location().source());
  }

  @Test
  void danglingReferencesAreWarnings() {
    Snapshot s = load("{\"UserDetailList\":[{\"UserName\":\"u\",\"Arn\":\"arn:aws:iam::" + A
        + ":user/u\",\"GroupList\":[\"g\"],\"AttachedManagedPolicies\":[{\"PolicyName\":\"x\","
        + "\"PolicyArn\":\"arn:aws:iam::aws:policy/X\"}]}],\"IsTruncated\":true}");
    assertEquals(3, s.warnings().size(), s.warnings().toString());
  }
}
