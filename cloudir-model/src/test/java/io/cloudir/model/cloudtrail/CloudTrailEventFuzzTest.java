package io.cloudir.model.cloudtrail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.json.JsonValue;
import java.util.Map;

/**
 * Fuzzes {@link CloudTrailEvent#parse(byte[], Provenance)}: only {@link MalformedInputException}
 * may escape, and an accepted event answers every accessor without throwing and consistently.
 * Seeds: {@code CloudTrailEventFuzzTestInputs/fuzz/}. Real fuzzing: {@code JAZZER_FUZZ=1}.
 */
class CloudTrailEventFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void fuzz(byte[] data) {
    CloudTrailEvent e;
    try {
      e = CloudTrailEvent.parse(data, Provenance.inMemory());
    } catch (MalformedInputException expected) {
      if (expected.location().offset() < 0 || expected.location().offset() > data.length) {
        throw new IllegalStateException("offset out of range: " + expected.getMessage(), expected);
      }
      return;
    }
    touch(e);
    CloudTrailEvent again = CloudTrailEvent.parse(e.toJson());
    check(again.equals(e), "re-parsing toJson gives an equal event");
    check(again.warnings().equals(e.warnings()), "same warnings after a round trip");
    CloudTrailEvent rebuilt = e.toBuilder().build();
    check(rebuilt.equals(e), "toBuilder().build() equals the event");
    touch(rebuilt);
    touch(e.detach());
  }

  /** Round trip of an address through its text. */
  private static final class IpAddressRoundTrip {
    static boolean ok(io.cloudir.model.net.IpAddress ip) {
      return io.cloudir.model.net.IpAddress.parse(ip.toString()).equals(ip);
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  static void touch(CloudTrailEvent e) {
    e.eventVersion();
    e.eventTime();
    e.time();
    e.eventTimeNanos();
    e.eventTimeMillis();
    e.eventTimeText();
    e.eventSource();
    e.eventName();
    e.awsRegion();
    e.sourceIPAddress();
    SourceAddress a = e.sourceAddress();
    if (a != null) {
      a.isIp();
      a.isServiceName();
      a.isAwsInternal();
      if (a.ip() != null) {
        check(IpAddressRoundTrip.ok(a.ip()), "an accepted address prints and re-parses to itself");
      }
    }
    e.userAgent();
    e.errorCode();
    e.errorMessage();
    e.requestParameters();
    e.responseElements();
    e.additionalEventData();
    e.requestID();
    e.eventID();
    e.readOnly();
    for (TrailResource r : e.resources()) {
      r.arn();
    }
    e.eventType();
    e.apiVersion();
    e.managementEvent();
    e.recipientAccountId();
    e.serviceEventDetails();
    e.sharedEventID();
    e.vpcEndpointId();
    e.vpcEndpointAccountId();
    e.eventCategory();
    e.addendum();
    e.sessionCredentialFromConsole();
    e.edgeDeviceDetails();
    e.tlsDetails();
    e.insightDetails();
    e.identityType();
    e.provenance();
    e.source();
    check(e.hashCode() == CloudTrailEvent.parse(e.toJson()).hashCode(), "hashCode is stable");
    check(e.hasWarnings() == !e.warnings().isEmpty(), "hasWarnings agrees with warnings()");
    for (RecordWarning w : e.warnings()) {
      check(!w.code().isEmpty(), "warning code");
    }
    for (Map.Entry<String, JsonValue> u : e.unknownFields().entrySet()) {
      u.getValue().toJava();
    }
    e.json().toJava();
    e.toJson();
    for (CloudTrailField f : CloudTrailField.values()) {
      e.has(f);
      e.string(f);
      e.field(f);
      e.valueHash(f);
      e.valueEquals(f, "x");
      int s = e.valueStart(f);
      int end = e.valueEnd(f);
      check((s < 0) == (end < 0) && s <= end, "value span");
    }
    for (UserIdentityField f : UserIdentityField.values()) {
      e.userIdentityString(f);
      e.valueHash(f);
      e.valueEquals(f, "x");
      e.valueStart(f);
      e.valueEnd(f);
    }
    UserIdentity u = e.userIdentity();
    if (u != null) {
      u.type();
      u.principalId();
      u.arn();
      u.accountId();
      u.accessKeyId();
      u.userName();
      u.invokedBy();
      u.identityProvider();
      u.credentialId();
      u.onBehalfOf();
      u.inScopeOf();
      u.actingPrincipal();
      u.sessionName();
      u.isLongTermKey();
      u.isTemporaryKey();
      u.keyAccountId();
      u.mfaUsed();
      u.json();
      check(u.hashCode() == UserIdentity.of(u.json()).hashCode(), "identity hashCode");
      String arn = u.arn();
      if (arn != null) {
        UserIdentity.roleArnOfSession(arn);
      }
      SessionContext sc = u.sessionContext();
      if (sc != null) {
        sc.creationDate();
        sc.mfaAuthenticated();
        sc.webIdFederationData();
        sc.sourceIdentity();
        sc.ec2RoleDelivery();
        sc.assumedRoot();
        SessionIssuer si = sc.sessionIssuer();
        if (si != null) {
          si.type();
          si.principalId();
          si.arn();
          si.accountId();
          si.userName();
        }
      }
      check(UserIdentity.of(u.json()).equals(u), "UserIdentity.of(json()) equals the identity");
      check(java.util.Objects.equals(u.type(), e.identityType()), "identityType() agrees with userIdentity().type()");
      UserIdentity rebuilt = UserIdentity.of(u.json().detach());
      check(java.util.Objects.equals(rebuilt.arn(), u.arn())
          && java.util.Objects.equals(rebuilt.type(), u.type())
          && java.util.Objects.equals(rebuilt.accessKeyId(), u.accessKeyId()),
          "UserIdentity.of reads the same fields as the event index");
    }
  }
}
