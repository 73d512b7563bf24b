package io.cloudir.model.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CloudTrailEvent.Builder, toBuilder, detach, withProvenance, equality; UserIdentity.Builder. */
class CloudTrailBuilderTest {

  private static final String ODD = "q\"b\\ \u00e9\n\uD83D\uDE00";

  @Test
  void everySetterRoundTrips() {
    UserIdentity ui = UserIdentity.builder().type(IdentityType.IAM_USER).userName("alice").build();
    Instant t = Instant.parse("2024-02-29T12:34:56.123456789Z");
    CloudTrailEvent e = CloudTrailEvent.builder()
        .eventVersion("1.10")
        .userIdentity(ui)
        .eventTime(t)
        .eventSource("s3.amazonaws.com")
        .eventName("GetObject")
        .awsRegion("us-east-2")
        .sourceIPAddress("192.0.2.44")
        .userAgent(ODD)
        .errorCode("NoSuchKey")
        .errorMessage(ODD + "!")
        .requestParameters("{\"bucketName\":\"b\"}")
        .responseElements("{\"x\":[1,2]}")
        .additionalEventData("{\"bytes\":5}")
        .requestID("RID")
        .eventID("EID")
        .readOnly(true)
        .eventType(EventType.AWS_API_CALL)
        .managementEvent(false)
        .recipientAccountId("123456789012")
        .sharedEventID("SID")
        .vpcEndpointId("vpce-1")
        .eventCategory(EventCategory.DATA)
        .raw("newField", "[1, {\"a\":null}]")
        .field("serviceEventDetails", JsonValue.parse("{\"k\":\"v\"}"))
        .build();
    assertEquals("1.10", e.eventVersion());
    assertEquals(ui, e.userIdentity());
    assertEquals("alice", e.userIdentity().userName());
    assertSame(IdentityType.IAM_USER, e.identityType());
    assertEquals(t, e.eventTime());
    assertEquals("s3.amazonaws.com", e.eventSource());
    assertEquals("GetObject", e.eventName());
    assertEquals("us-east-2", e.awsRegion());
    assertEquals("192.0.2.44", e.sourceIPAddress());
    assertTrue(e.sourceAddress().isIp());
    assertEquals(ODD, e.userAgent());
    assertEquals("NoSuchKey", e.errorCode());
    assertEquals(ODD + "!", e.errorMessage());
    assertEquals(JsonValue.parse("{\"bucketName\":\"b\"}"), e.requestParameters());
    assertEquals(JsonValue.parse("{\"x\":[1,2]}"), e.responseElements());
    assertEquals(JsonValue.parse("{\"bytes\":5}"), e.additionalEventData());
    assertEquals("RID", e.requestID());
    assertEquals("EID", e.eventID());
    assertEquals(Boolean.TRUE, e.readOnly());
    assertSame(EventType.AWS_API_CALL, e.eventType());
    assertEquals(Boolean.FALSE, e.managementEvent());
    assertEquals("123456789012", e.recipientAccountId());
    assertEquals("SID", e.sharedEventID());
    assertEquals("vpce-1", e.vpcEndpointId());
    assertSame(EventCategory.DATA, e.eventCategory());
    assertEquals(JsonValue.parse("{\"k\":\"v\"}"), e.serviceEventDetails());
    assertEquals(List.of("newField"), List.copyOf(e.unknownFields().keySet()));
    assertEquals(JsonValue.parse("[1, {\"a\":null}]"), e.unknownFields().get("newField"));
    assertEquals(List.of(), e.warnings());
    assertEquals(Provenance.inMemory(), e.provenance());
  }

  @Test
  void membersAreWrittenInTheOrderSetAndNullRemoves() {
    CloudTrailEvent e = CloudTrailEvent.builder().eventName("A").awsRegion("r").eventName(null)
        .eventTime(Instant.parse("2020-01-01T00:00:00Z")).readOnly(null).eventSource("s").build();
    assertNull(e.eventName());
    assertFalse(e.has(CloudTrailField.EVENT_NAME));
    assertEquals("{\"awsRegion\":\"r\",\"eventTime\":\"2020-01-01T00:00:00Z\",\"eventSource\":\"s\"}", e.toJson());
    assertEquals("{}", CloudTrailEvent.builder().build().toJson());
    assertEquals(List.of("eventTime.missing"),
        CloudTrailEvent.builder().build().warnings().stream().map(w -> w.code()).toList());
  }

  @Test
  void rawRejectsInvalidJson() {
    CloudTrailEvent.Builder b = CloudTrailEvent.builder();
    assertThrows(MalformedInputException.class, () -> b.raw("x", "{"));
    assertThrows(MalformedInputException.class, () -> b.requestParameters("{\"a\":}"));
    assertThrows(MalformedInputException.class, () -> b.raw("x", ""));
    assertEquals("{}", b.build().toJson(), "a rejected member is not kept");
  }

  @Test
  void buildTwiceAndProvenance() {
    Provenance p = Provenance.of("s3://bucket/key.json.gz", 17, -1);
    CloudTrailEvent.Builder b = CloudTrailEvent.builder().eventName("X").provenance(p);
    CloudTrailEvent one = b.build();
    CloudTrailEvent two = b.build();
    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());
    assertEquals(p, one.provenance());
    assertNotEquals(one, b.eventName("Y").build());
  }

  @Test
  void toBuilderRebuildsAnEqualEvent() {
    String text = "{ \"eventVersion\":\"1.08\", \"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::1:assumed-role/R/s\","
        + "\"sessionContext\":{\"attributes\":{\"mfaAuthenticated\":\"true\"}}},\"eventTime\":\"2023-07-10T11:45:00.5Z\","
        + "\"eventName\":\"RunInstances\",\"readOnly\":\"false\",\"zz\":[1.50,{\"a\":\"\\u00e9\"}],"
        + "\"resources\":[{\"ARN\":\"arn:aws:ec2:us-east-1:1:instance/i-1\"}],\"requestParameters\":null }";
    CloudTrailEvent e = CloudTrailEvent.parse(text);
    CloudTrailEvent rebuilt = e.toBuilder().build();
    assertEquals(e, rebuilt);
    assertEquals(e.hashCode(), rebuilt.hashCode());
    assertEquals(e.json(), rebuilt.json());
    assertEquals(e.eventTime(), rebuilt.eventTime());
    assertEquals(e.userIdentity(), rebuilt.userIdentity());
    assertEquals(e.unknownFields(), rebuilt.unknownFields());
    assertEquals(e.resources(), rebuilt.resources());
    assertEquals(e.readOnly(), rebuilt.readOnly());
    assertEquals(e.provenance(), rebuilt.provenance());

    CloudTrailEvent changed = e.toBuilder().eventName("StopInstances").build();
    assertEquals("StopInstances", changed.eventName());
    assertNotEquals(e, changed);
    assertEquals(e.userIdentity(), changed.userIdentity());
    assertEquals(e.unknownFields(), changed.unknownFields());
  }

  @Test
  void equalityIsSemantic() {
    CloudTrailEvent a = CloudTrailEvent.parse("{\"eventName\":\"X\",\"n\":1.0,\"o\":{\"p\":1,\"q\":2}}");
    CloudTrailEvent b = CloudTrailEvent.parse("{ \"o\":{\"q\":2,\"p\":1}, \"n\":1, \"event\\u004eame\":\"X\"}");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, CloudTrailEvent.parse("{\"eventName\":\"X\",\"n\":1.0,\"o\":{\"p\":1,\"q\":3}}"));
    assertNotEquals(a, null);
    assertNotEquals(a, "x");
  }

  @Test
  void detachAndWithProvenance() {
    CloudTrailEvent e = CloudTrailEvent.parse("{\"eventName\":\"X\",\"userIdentity\":{\"arn\":\"a\"},\"u\":1}");
    assertSame(e, e.detach(), "a parsed event already holds only its bytes");
    Provenance p = Provenance.of("file", 5, 2);
    CloudTrailEvent q = e.withProvenance(p);
    assertEquals(p, q.provenance());
    assertEquals(e, q);
    assertEquals(e.toJson(), q.toJson());
    assertEquals("a", q.userIdentity().arn());
    assertEquals(Map.of("u", JsonValue.parse("1")), q.unknownFields());
  }

  @Test
  void userIdentityBuilder() {
    UserIdentity u = UserIdentity.builder()
        .type(IdentityType.ASSUMED_ROLE)
        .principalId("AROAEXAMPLE:" + ODD)
        .arn("arn:aws:sts::123456789012:assumed-role/Admin/alice")
        .accountId("123456789012")
        .accessKeyId("ASIAEXAMPLEEXAMPLE12")
        .userName("alice")
        .invokedBy("lambda.amazonaws.com")
        .sessionContext("{\"attributes\":{\"mfaAuthenticated\":\"false\"},\"sessionIssuer\":{\"arn\":\"arn:aws:iam::123456789012:role/p/Admin\"}}")
        .raw("identityProvider", "\"accounts.google.com\"")
        .raw("credentialId", "\"cred\"")
        .raw("futureField", "[true]")
        .build();
    assertSame(IdentityType.ASSUMED_ROLE, u.type());
    assertEquals("AROAEXAMPLE:" + ODD, u.principalId());
    assertEquals("arn:aws:sts::123456789012:assumed-role/Admin/alice", u.arn());
    assertEquals("123456789012", u.accountId());
    assertEquals("ASIAEXAMPLEEXAMPLE12", u.accessKeyId());
    assertEquals("alice", u.userName());
    assertEquals("lambda.amazonaws.com", u.invokedBy());
    assertEquals("accounts.google.com", u.identityProvider());
    assertEquals("cred", u.credentialId());
    assertEquals(Boolean.FALSE, u.mfaUsed());
    assertEquals("arn:aws:iam::123456789012:role/p/Admin", u.actingPrincipal());
    assertEquals(JsonValue.parse("[true]"), u.json().get("futureField"));
    // the builder's identity inside an event reads the same
    UserIdentity viaEvent = CloudTrailEvent.builder().userIdentity(u).build().userIdentity();
    assertEquals(u, viaEvent);
    assertEquals(u.principalId(), viaEvent.principalId());
    assertEquals(u.toString(), viaEvent.toString());
    // null removes
    assertNull(UserIdentity.builder().arn("x").arn(null).build().arn());
    assertEquals("{}", UserIdentity.builder().sessionContext("{}").sessionContext(null).build().toString());
  }

  @Test
  void userIdentityOf() {
    UserIdentity u = UserIdentity.of(JsonValue.parse("{ \"t\\u0079pe\" : \"Root\" , \"arn\":\"arn:aws:iam::1:root\", \"x\":{\"arn\":\"no\"}}"));
    assertSame(IdentityType.ROOT, u.type());
    assertEquals("arn:aws:iam::1:root", u.arn());
    assertEquals("arn:aws:iam::1:root", u.actingPrincipal());
    assertThrows(IllegalArgumentException.class, () -> UserIdentity.of(JsonValue.parse("[1]")));
    assertThrows(IllegalArgumentException.class, () -> UserIdentity.of(JsonValue.parse("\"Root\"")));
    UserIdentity empty = UserIdentity.of(JsonValue.parse("{}"));
    assertNull(empty.type());
    assertNull(empty.actingPrincipal());
  }
}
