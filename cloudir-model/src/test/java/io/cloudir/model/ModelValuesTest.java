package io.cloudir.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.cloudtrail.EventCategory;
import io.cloudir.model.cloudtrail.EventType;
import io.cloudir.model.cloudtrail.IdentityType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Provenance, Location, SourceType, OpenEnum, RecordWarning. */
class ModelValuesTest {

  @Test
  void provenance() {
    Provenance p = Provenance.of("s3://b/k.json.gz", 120, -1);
    assertEquals("s3://b/k.json.gz:120", p.toString());
    assertEquals("f:3:line 2", Provenance.of("f", 3, 2).toString());
    assertEquals("<memory>", Provenance.inMemory().toString());
    assertEquals(new Location("s3://b/k.json.gz", 120, -1, null), p.toLocation());
    assertThrows(IllegalArgumentException.class, () -> Provenance.of("f", -2, 1));
    assertThrows(IllegalArgumentException.class, () -> Provenance.of("f", 1, -2));
    assertThrows(NullPointerException.class, () -> Provenance.of(null, 1, 1));
    List<Provenance> l = new ArrayList<>(List.of(Provenance.of("b", 1, -1), Provenance.of("a", 9, -1),
        Provenance.of("a", 2, -1)));
    Collections.sort(l);
    assertEquals(List.of(Provenance.of("a", 2, -1), Provenance.of("a", 9, -1), Provenance.of("b", 1, -1)), l);
    Provenance s3 = new Provenance("s3://b/k", 0, -1, "v1", "\"etag\"");
    assertEquals("v1", s3.versionId());
    assertNotEquals(s3, new Provenance("s3://b/k", 0, -1, "v2", "\"etag\""));
  }

  @Test
  void location() {
    assertEquals("unknown location", Location.UNKNOWN.toString());
    assertEquals("t.json.gz:offset 1234:line 7:$.Records[3]",
        new Location("t.json.gz", 1234, 7, "$.Records[3]").toString());
    assertEquals("offset 5", Location.of(null, 5).toString());
    assertEquals("$.a", Location.ofPath("$.a").toString());
    assertEquals(new Location("x", 5, -1, "$.b"), Location.of("x", 5).withJsonPath("$.b"));
    assertEquals(new Location("y", 5, -1, null), Location.of("x", 5).withSource("y"));
    assertThrows(IllegalArgumentException.class, () -> new Location(null, -5, -1, null));
    MalformedInputException e = new MalformedInputException(Location.of("f", 3), "bad");
    assertEquals("f:offset 3: bad", e.getMessage());
    assertEquals("bad", e.reason());
    assertTrue(new LimitExceededException(Location.UNKNOWN, "deep") instanceof MalformedInputException);
  }

  @Test
  void sourceType() {
    assertSame(SourceType.CLOUDTRAIL, SourceType.of("CloudTrail"));
    assertTrue(SourceType.of("cloudtrail").isKnown());
    SourceType custom = SourceType.of("My-Format");
    assertEquals("my-format", custom.name());
    assertFalse(custom.isKnown());
    assertEquals(custom, SourceType.of("my-format"));
    assertEquals(custom.hashCode(), SourceType.of("MY-FORMAT").hashCode());
    assertNotEquals(SourceType.WAF, SourceType.ALB);
    assertTrue(SourceType.ALB.compareTo(SourceType.WAF) < 0);
    assertEquals("vpcflow", SourceType.VPC_FLOW.toString());
  }

  @Test
  void openEnums() {
    assertSame(EventType.AWS_API_CALL, EventType.of("AwsApiCall"));
    assertTrue(EventType.AWS_API_CALL.isKnown());
    EventType x = EventType.of("Xyz");
    assertFalse(x.isKnown());
    assertEquals(x, EventType.of("Xyz"));
    assertEquals(x.hashCode(), EventType.of("Xyz").hashCode());
    assertEquals("Xyz", x.toString());
    assertNotEquals(EventType.of("Data"), EventCategory.DATA, "different enumerations are never equal");
    assertNotEquals(EventType.AWS_API_CALL, null);
    assertTrue(EventType.AWS_API_CALL.compareTo(EventType.AWS_SERVICE_EVENT) < 0);
    // the types the CloudTrail userIdentity documentation lists
    for (String t : List.of("Root", "IAMUser", "AssumedRole", "Role", "FederatedUser", "Directory", "AWSAccount",
        "AWSService", "IdentityCenterUser", "SAMLUser", "WebIdentityUser", "Unknown")) {
      assertTrue(IdentityType.of(t).isKnown(), t);
      assertTrue(IdentityType.knownValues().contains(IdentityType.of(t)), t);
    }
    assertThrows(UnsupportedOperationException.class, () -> EventType.knownValues().add(x));
    assertThrows(NullPointerException.class, () -> EventType.of(null));
  }

  @Test
  void recordWarning() {
    RecordWarning w = new RecordWarning("eventTime.missing", "none");
    assertEquals(new RecordWarning("eventTime.missing", "none"), w);
    assertThrows(NullPointerException.class, () -> new RecordWarning(null, "d"));
    assertThrows(NullPointerException.class, () -> new RecordWarning("c", null));
    assertNotEquals(new RecordWarning("eventTime.missing", "other"), w);
  }
}
