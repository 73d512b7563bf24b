package io.cloudir.model.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.json.JsonValue;
import java.math.BigInteger;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** actingPrincipal, sessionName, roleArnOfSession, key helpers, mfaUsed, SessionContext/Issuer. */
class UserIdentityHelpersTest {

  static UserIdentity ui(String json) {
    return CloudTrailEvent.parse("{\"userIdentity\":" + json + "}").userIdentity();
  }

  // ---------------------------------------------------------------- actingPrincipal

  @Test
  void assumedRoleWithSessionIssuerUsesTheIssuerArnWithItsPath() {
    UserIdentity u = ui("{\"type\":\"AssumedRole\",\"principalId\":\"AROAX:alice\","
        + "\"arn\":\"arn:aws:sts::111122223333:assumed-role/Admin/alice\",\"accountId\":\"111122223333\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAX\","
        + "\"arn\":\"arn:aws:iam::111122223333:role/team/Admin\",\"accountId\":\"111122223333\",\"userName\":\"Admin\"},"
        + "\"attributes\":{\"creationDate\":\"2023-07-10T11:40:00Z\",\"mfaAuthenticated\":\"true\"}}}");
    assertEquals("arn:aws:iam::111122223333:role/team/Admin", u.actingPrincipal());
    assertEquals("alice", u.sessionName());
    SessionIssuer si = u.sessionContext().sessionIssuer();
    assertEquals("Role", si.type());
    assertEquals("AROAX", si.principalId());
    assertEquals("arn:aws:iam::111122223333:role/team/Admin", si.arn());
    assertEquals("111122223333", si.accountId());
    assertEquals("Admin", si.userName());
    assertEquals(Instant.parse("2023-07-10T11:40:00Z"), u.sessionContext().creationDate());
    assertEquals(Boolean.TRUE, u.mfaUsed());
  }

  @Test
  void assumedRoleWithoutIssuerDerivesTheRoleArn() {
    UserIdentity u = ui("{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/Admin/alice\"}");
    assertEquals("arn:aws:iam::111122223333:role/Admin", u.actingPrincipal());
    UserIdentity issuerNoArn = ui("{\"type\":\"AssumedRole\",\"arn\":\"arn:aws-cn:sts::111122223333:assumed-role/R/s\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\"}}}");
    assertEquals("arn:aws-cn:iam::111122223333:role/R", issuerNoArn.actingPrincipal());
    UserIdentity oddArn = ui("{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:iam::1:user/x\"}");
    assertEquals("arn:aws:iam::1:user/x", oddArn.actingPrincipal(), "an ARN that is not a session stays");
    UserIdentity noArn = ui("{\"type\":\"AssumedRole\",\"principalId\":\"AROAX:s\"}");
    assertEquals("AROAX:s", noArn.actingPrincipal());
  }

  @Test
  void otherIdentityTypes() {
    assertEquals("arn:aws:iam::111122223333:user/bob", ui("{\"type\":\"IAMUser\",\"principalId\":\"AIDAX\","
        + "\"arn\":\"arn:aws:iam::111122223333:user/bob\",\"userName\":\"bob\"}").actingPrincipal());
    assertEquals("arn:aws:iam::111122223333:root", ui("{\"type\":\"Root\",\"principalId\":\"111122223333\","
        + "\"arn\":\"arn:aws:iam::111122223333:root\"}").actingPrincipal());
    assertEquals("elasticloadbalancing.amazonaws.com",
        ui("{\"type\":\"AWSService\",\"invokedBy\":\"elasticloadbalancing.amazonaws.com\"}").actingPrincipal());
    UserIdentity fed = ui("{\"type\":\"FederatedUser\",\"principalId\":\"111122223333:carol\","
        + "\"arn\":\"arn:aws:sts::111122223333:federated-user/carol\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/svc\"}}}");
    assertEquals("arn:aws:sts::111122223333:federated-user/carol", fed.actingPrincipal());
    assertNull(fed.sessionName());
    assertEquals("AWSAccount-principal", ui("{\"type\":\"AWSAccount\",\"principalId\":\"AWSAccount-principal\"}")
        .actingPrincipal());
    assertNull(ui("{\"type\":\"AWSService\"}").actingPrincipal());
    assertNull(ui("{}").actingPrincipal());
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void sessionName() {
    assertEquals("i-0123456789abcdef0", ui("{\"arn\":\"arn:aws:sts::1:assumed-role/ec2-role/i-0123456789abcdef0\"}")
        .sessionName());
    assertEquals("a@b.c", ui("{\"arn\":\"arn:aws-us-gov:sts::1:assumed-role/R/a@b.c\"}").sessionName());
    assertNull(ui("{\"arn\":\"arn:aws:iam::1:user/u\"}").sessionName());
    assertNull(ui("{\"arn\":\"arn:aws:sts::1:assumed-role/RoleOnly\"}").sessionName());
    assertNull(ui("{\"type\":\"AssumedRole\"}").sessionName());
  }

  @Test
  void roleArnOfSessionInEveryPartition() {
    assertEquals("arn:aws:iam::111122223333:role/Admin",
        UserIdentity.roleArnOfSession("arn:aws:sts::111122223333:assumed-role/Admin/alice"));
    assertEquals("arn:aws-cn:iam::111122223333:role/Admin",
        UserIdentity.roleArnOfSession("arn:aws-cn:sts::111122223333:assumed-role/Admin/alice"));
    assertEquals("arn:aws-us-gov:iam::111122223333:role/Admin",
        UserIdentity.roleArnOfSession("arn:aws-us-gov:sts::111122223333:assumed-role/Admin/alice"));
    assertEquals("arn:aws:iam::111122223333:role/AWSReservedSSO_Admin_0123abcd",
        UserIdentity.roleArnOfSession("arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Admin_0123abcd/u@x.y"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "arn", "arn:", "not-an-arn", "arn:aws:sts", "arn:aws:sts::111122223333",
      "arn:aws:iam::111122223333:role/Admin", "arn:aws:sts::111122223333:federated-user/bob",
      "arn:aws:sts::111122223333:assumed-role/", "arn:aws:sts::111122223333:assumed-role//s",
      "arn:aws:sts:::assumed-role/Admin/s", "ARN:aws:sts::1:assumed-role/A/s",
      "arn:aws:sts::111122223333:assumedrole/Admin/s"})
  void roleArnOfSessionRejectsOtherText(String text) {
    assertNull(UserIdentity.roleArnOfSession(text));
  }

  // ---------------------------------------------------------------- keys

  @Test
  void keyKinds() {
    UserIdentity lt = ui("{\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\"}");
    assertTrue(lt.isLongTermKey());
    assertFalse(lt.isTemporaryKey());
    UserIdentity tmp = ui("{\"accessKeyId\":\"ASIAY34FZKBOKMUTVV7A\"}");
    assertFalse(tmp.isLongTermKey());
    assertTrue(tmp.isTemporaryKey());
    UserIdentity none = ui("{\"type\":\"Root\"}");
    assertFalse(none.isLongTermKey());
    assertFalse(none.isTemporaryKey());
    assertNull(none.keyAccountId());
    UserIdentity empty = ui("{\"accessKeyId\":\"\"}");
    assertFalse(empty.isLongTermKey());
    assertFalse(empty.isTemporaryKey());
    assertNull(empty.keyAccountId());
    assertTrue(AccessKeys.isLongTerm("AKIAIOSFODNN7EXAMPLE"));
    assertFalse(AccessKeys.isLongTerm("ASIAIOSFODNN7EXAMPLE"));
    assertTrue(AccessKeys.isTemporary("ASIAIOSFODNN7EXAMPLE"));
    assertFalse(AccessKeys.isTemporary("AKIAIOSFODNN7EXAMPLE"));
  }

  private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  /**
   * Reference decoding written from the published description: drop the 4-letter prefix, base32
   * decode (RFC 4648 alphabet) the next 16 characters into 10 bytes, take the first 6 bytes as a
   * big-endian number, keep bits masked by 0x7fffffffff80 and shift right by 7.
   */
  static @org.jspecify.annotations.Nullable String referenceAccount(String keyId) {
    BigInteger v = BigInteger.ZERO;
    for (int i = 4; i < 20; i++) {
      v = v.shiftLeft(5).or(BigInteger.valueOf(B32.indexOf(keyId.charAt(i))));
    }
    BigInteger first6 = v.shiftRight(80 - 48);
    long acc = first6.and(BigInteger.valueOf(0x7fffffffff80L)).shiftRight(7).longValueExact();
    // 40 bits can exceed the 12 decimal digits of an account id: such an id is not a real key
    return acc > 999_999_999_999L ? null : String.format("%012d", acc);
  }

  @Test
  void accountOfTheWellKnownExample() {
    String key = "ASIAY34FZKBOKMUTVV7A";
    assertEquals("609629065308", referenceAccount(key), "the reference decoder reproduces the published example");
    assertEquals(referenceAccount(key), AccessKeys.accountOf(key));
    assertEquals("609629065308", ui("{\"accessKeyId\":\"" + key + "\"}").keyAccountId());
  }

  @Test
  void accountOfRandomKeysAgreesWithTheReference() {
    long seed = System.nanoTime();
    SplittableRandom r = new SplittableRandom(seed);
    int nonNull = 0;
    for (int i = 0; i < 2000; i++) {
      StringBuilder k = new StringBuilder(r.nextBoolean() ? "AKIA" : "ASIA");
      for (int j = 0; j < 16; j++) {
        k.append(B32.charAt(r.nextInt(32)));
      }
      String key = k.toString();
      String expected = referenceAccount(key);
      assertEquals(expected, AccessKeys.accountOf(key), "seed " + seed + " key " + key);
      if (expected != null) {
        assertEquals(12, expected.length());
        nonNull++;
      }
    }
    assertTrue(nonNull > 1000, "most random keys decode (seed " + seed + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ASIA", "ASIAY34FZKB", "ASIAY34FZKBOKMU", "ASIAy34FZKBOKMUTVV7A",
      "ASIAY14FZKBOKMUTVV7A", "ASIAY84FZKBOKMUTVV7A", "ASIA-34FZKBOKMUTVV7A", "ASIAY34FZK0OKMUTVV7A",
      "ASIAY34FZKBOKMUTVV7!", "ASIAY34FZKBOKMUTVV71", "as1aY34FZKBOKMUTVV7A", "AS1AY34FZKBOKMUTVV7A"})
  void accountOfRejectsMalformedIds(String key) {
    assertNull(AccessKeys.accountOf(key));
  }

  // ---------------------------------------------------------------- mfa and session context

  @Test
  void mfaUsed() {
    assertEquals(Boolean.TRUE, ui("{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"true\"}}}").mfaUsed());
    assertEquals(Boolean.FALSE, ui("{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"false\"}}}").mfaUsed());
    assertEquals(Boolean.TRUE, ui("{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":true}}}").mfaUsed());
    assertEquals(Boolean.FALSE, ui("{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":false}}}").mfaUsed());
    assertNull(ui("{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":null}}}").mfaUsed());
    assertNull(ui("{\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"maybe\"}}}").mfaUsed());
    assertNull(ui("{\"sessionContext\":{\"attributes\":{\"creationDate\":\"2023-07-10T11:40:00Z\"}}}").mfaUsed());
    assertNull(ui("{\"sessionContext\":{}}").mfaUsed());
    assertNull(ui("{\"type\":\"IAMUser\"}").mfaUsed());
    assertNull(ui("{\"sessionContext\":{\"mfaAuthenticated\":\"true\"}}").mfaUsed(), "only under attributes");
  }

  @Test
  void sessionContextFields() {
    SessionContext sc = ui("{\"sessionContext\":{\"sourceIdentity\":\"alice@corp\",\"ec2RoleDelivery\":\"2.0\","
        + "\"assumedRoot\":\"true\",\"webIdFederationData\":{\"federatedProvider\":\"arn:aws:iam::1:oidc-provider/x\"},"
        + "\"attributes\":{\"creationDate\":\"2023-07-10T11:40:00.250+01:00\"}}}").sessionContext();
    assertEquals("alice@corp", sc.sourceIdentity());
    assertEquals("2.0", sc.ec2RoleDelivery());
    assertEquals("true", sc.assumedRoot());
    assertEquals("arn:aws:iam::1:oidc-provider/x", sc.webIdFederationData().getString("federatedProvider"));
    assertEquals(Instant.parse("2023-07-10T10:40:00.250Z"), sc.creationDate());
    assertNull(sc.sessionIssuer());

    SessionContext bare = SessionContext.of(JsonValue.parse("{\"attributes\":{\"creationDate\":\"yesterday\"},"
        + "\"webIdFederationData\":null,\"sessionIssuer\":\"x\"}"));
    assertNull(bare.creationDate());
    assertNull(bare.webIdFederationData());
    assertNull(bare.sessionIssuer());
    assertNull(bare.sourceIdentity());
    assertNull(bare.assumedRoot());
    assertEquals(bare, SessionContext.of(JsonValue.parse(bare.toString())));
  }
}
