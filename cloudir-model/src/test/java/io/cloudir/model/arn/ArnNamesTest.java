package io.cloudir.model.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Canonical constants for common ARN parts: same values, shared instances. */
class ArnNamesTest {

  @Test
  void commonPartsAreSharedConstants() {
    Arn a = Arn.parse(new String("arn:aws:ec2:us-east-1:123456789012:instance/i-1".toCharArray()));
    Arn b = Arn.parse(new String("arn:aws:ec2:us-east-1:210987654321:instance/i-2".toCharArray()));
    assertSame(a.partition(), b.partition());
    assertSame(a.service(), b.service());
    assertSame(a.region(), b.region());
    assertSame(a.resourceType(), b.resourceType());
    assertEquals("aws", a.partition());
    assertEquals("ec2", a.service());
    assertEquals("us-east-1", a.region());
    assertEquals("instance", a.resourceType());
  }

  @Test
  void uncommonPartsAreCutOut() {
    Arn a = Arn.parse("arn:aws-zz:nosuchsvc:zz-north-9::thing/x");
    assertEquals("aws-zz", a.partition());
    assertEquals("nosuchsvc", a.service());
    assertEquals("zz-north-9", a.region());
    assertEquals("thing", a.resourceType());
    assertNotSame(a.service(), Arn.parse("arn:aws-zz:nosuchsvc:::x/y").service());
  }

  /** A constant found for a segment is trusted as valid only where the syntax allows it. */
  @Test
  void segmentRolesFollowTheSyntax() {
    String[][] cases = {
      // name, valid as service, valid as Region
      {"s3", "true", "false"}, {"execute-api", "true", "false"}, {"us-east-1", "true", "true"},
      {"eusc-de-east-1", "true", "true"}, {"stateMachine", "false", "false"},
      {"role", "true", "false"}, {"aws-us-gov", "true", "false"},
    };
    for (String[] c : cases) {
      int slot = ArnNames.find(c[0], 0, c[0].length());
      assertTrue(slot >= 0, c[0]);
      assertEquals(Boolean.parseBoolean(c[1]), ArnNames.validAs(slot, ArnNames.SERVICE), c[0]);
      assertEquals(Boolean.parseBoolean(c[2]), ArnNames.validAs(slot, ArnNames.REGION), c[0]);
    }
    assertFalse(ArnNames.validAs(-1, ArnNames.SERVICE));
    // the same through parse: a constant that is not a valid Region is rejected as a Region
    assertFalse(Arn.isValid("arn:aws:ec2:role:123456789012:instance/i-1"));
    assertFalse(Arn.isValid("arn:aws:stateMachine:us-east-1:123456789012:x"));
  }

  /**
   * A key holds the last 16 characters and the home slot ignores the length: names that share
   * those characters (other lengths, or other characters before them) are told apart by the probe.
   */
  @Test
  void namesSharingTheKeyedSuffixAreToldApart() {
    String known = "elasticloadbalancing"; // 20 characters, a constant
    int slot = ArnNames.find(known, 0, known.length());
    assertTrue(slot >= 0);
    assertSame(known, ArnNames.canonical("x" + known, 1, 1 + known.length()));
    for (String other :
        new String[] {"xlasticloadbalancing", "ticloadbalancing", "aticloadbalancing",
            "xelasticloadbalancing", "lasticloadbalancing"}) {
      assertEquals(-1, ArnNames.find(other, 0, other.length()), other);
      // the same through parse, whose keys are read from the byte view
      Arn a = Arn.parse("arn:aws:" + other + ":us-east-1:123456789012:x/y");
      assertEquals(other, a.service());
    }
    Arn a = Arn.parse(new String(("arn:aws:" + known + ":us-east-1:123456789012:x/y").toCharArray()));
    assertSame(ArnNames.name(slot), a.service());
  }

  @Test
  void lookupIsExactAndCaseSensitive() {
    assertSame("s3", ArnNames.canonical("xs3y", 1, 3));
    assertNull(ArnNames.canonical("S3", 0, 2));
    assertNull(ArnNames.canonical("s3x", 0, 3));
    assertEquals("", ArnNames.canonical("abc", 1, 1));
    assertEquals("us-east-", ArnNames.of("us-east-", 0, 8));
  }
}
