package io.cloudir.ocsf;

import io.cloudir.ocsf.testing.OcsfSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.rules.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcsfWriterTest {
  private static final OcsfWriter W = OcsfWriter.create();

  private static JsonValue ocsf(LogRecord r) {
    JsonValue v = JsonValue.parse(W.write(r));
    List<String> problems = OcsfSchema.problems(v);
    assertTrue(problems.isEmpty(), () -> problems + " in " + v.toJson());
    return v;
  }

  private static long num(JsonValue v, String path) {
    JsonValue x = v.at(path);
    assertNotNull(x, path + " missing in " + v.toJson());
    return x.asLong();
  }

  private static String str(JsonValue v, String path) {
    JsonValue x = v.at(path);
    assertNotNull(x, path + " missing in " + v.toJson());
    return x.asString();
  }

  @Test
  void everySampleConformsToTheExtract() {
    for (LogRecord r : Samples.all()) {
      JsonValue v = ocsf(r);
      assertEquals(OcsfSchema.version(), str(v, "metadata.version"));
      assertEquals(OcsfWriter.schemaVersion(), str(v, "metadata.version"));
      assertEquals("AWS", str(v, "cloud.provider"));
      assertEquals(r.time().toEpochMilli(), num(v, "time"), r.toJson());
    }
  }

  @Test
  void managementEventIsApiActivity() {
    JsonValue v = ocsf(Samples.cloudTrail("ec2.amazonaws.com", "RunInstances", ""));
    assertEquals(6003, num(v, "class_uid"));
    assertEquals(1, num(v, "activity_id")); // Run… creates
    assertEquals(600301, num(v, "type_uid"));
    assertEquals("RunInstances", str(v, "api.operation"));
    assertEquals("ec2.amazonaws.com", str(v, "api.service.name"));
    assertEquals("req-1", str(v, "api.request.uid"));
    assertEquals("203.0.113.7", str(v, "src_endpoint.ip"));
    assertEquals("111122223333", str(v, "cloud.account.uid"));
    assertEquals("eu-west-1", str(v, "cloud.region"));
    assertEquals("arn:aws:iam::111122223333:user/alice", str(v, "actor.user.uid"));
    assertEquals("AKIAEXAMPLE", str(v, "actor.user.credential_uid"));
    assertEquals("ev-1", str(v, "metadata.uid"));
    assertEquals(1, num(v, "status_id"));
  }

  @Test
  void dataEventIsApiActivityRead() {
    JsonValue v = ocsf(Samples.all().get(1));
    assertEquals(6003, num(v, "class_uid"));
    assertEquals(2, num(v, "activity_id"));
    assertEquals("Data", str(v, "metadata.product.feature.name"));
    assertEquals("arn:aws:s3:::b/k", str(v, "resources[0].uid"));
  }

  @Test
  void iamUserChangesAreAccountChange() {
    JsonValue create = ocsf(Samples.all().get(2));
    assertEquals(3001, num(create, "class_uid"));
    assertEquals(1, num(create, "activity_id"));
    assertEquals("mallory", str(create, "user.name"));
    JsonValue key = ocsf(Samples.all().get(3));
    assertEquals(3001, num(key, "class_uid"));
    assertEquals(99, num(key, "activity_id"));
    assertEquals(2, num(key, "status_id"));
    assertEquals("AccessDenied", str(key, "api.response.error"));
    assertEquals("203.0.113.7", str(key, "unmapped.src_endpoint.ip")); // not a 1.1.0 attribute
    JsonValue mfa = ocsf(Samples.cloudTrail("iam.amazonaws.com", "EnableMFADevice",
        ",\"requestParameters\":{\"userName\":\"bob\"}"));
    assertEquals(10, num(mfa, "activity_id")); // MFA Factor Enable
    assertEquals(300110, num(mfa, "type_uid"));
    JsonValue noMfa = ocsf(Samples.cloudTrail("iam.amazonaws.com", "DeactivateMFADevice", ""));
    assertEquals(11, num(noMfa, "activity_id")); // MFA Factor Disable
  }

  @Test
  void consoleLoginIsAuthenticationWithOutcome() {
    JsonValue ok = ocsf(Samples.consoleLogin(true));
    assertEquals(3002, num(ok, "class_uid"));
    assertEquals(300201, num(ok, "type_uid"));
    assertEquals(1, num(ok, "status_id"));
    assertEquals("bob", str(ok, "user.name"));
    assertFalse(ok.at("is_mfa").asBoolean());
    JsonValue bad = ocsf(Samples.consoleLogin(false));
    assertEquals(2, num(bad, "status_id"));
    assertEquals("Failed authentication", str(bad, "status_detail"));
  }

  @Test
  void flowIsNetworkActivity() {
    JsonValue v = ocsf(Samples.flow());
    assertEquals(4001, num(v, "class_uid"));
    assertEquals(400106, num(v, "type_uid"));
    assertEquals("10.0.1.5", str(v, "src_endpoint.ip"));
    assertEquals(49152, num(v, "src_endpoint.port"));
    assertEquals("198.51.100.20", str(v, "dst_endpoint.ip"));
    assertEquals(443, num(v, "dst_endpoint.port"));
    assertEquals(6, num(v, "connection_info.protocol_num"));
    assertEquals(3400, num(v, "traffic.bytes"));
    assertEquals(12, num(v, "traffic.packets"));
    assertEquals(2, num(v, "action_id"));
    assertEquals(2, num(v, "disposition_id"));
    assertEquals("eni-0a1b2c3d", str(v, "src_endpoint.interface_uid"));
    assertEquals(Instant.ofEpochSecond(1773478800).toEpochMilli(), num(v, "start_time"));
  }

  @Test
  void resolverIsDnsActivity() {
    JsonValue v = ocsf(Samples.resolver());
    assertEquals(4003, num(v, "class_uid"));
    assertEquals("example.com.", str(v, "query.hostname"));
    assertEquals("A", str(v, "query.type"));
    assertEquals(0, num(v, "rcode_id"));
    assertEquals("93.184.216.34", str(v, "answers[0].rdata"));
    assertEquals("10.0.1.5", str(v, "src_endpoint.ip"));
    assertEquals("vpc-0abc", str(v, "src_endpoint.vpc_uid"));
  }

  @Test
  void publicDnsIsDnsActivity() {
    JsonValue v = ocsf(Samples.publicDns());
    assertEquals(4003, num(v, "class_uid"));
    assertEquals("example.com", str(v, "query.hostname"));
    assertEquals("192.0.2.44", str(v, "src_endpoint.ip"));
    assertEquals("Z123456ABCDEFG", str(v, "unmapped.hosted_zone_id"));
  }

  @Test
  void wafIsHttpActivityWithDisposition() {
    JsonValue blocked = ocsf(Samples.waf("BLOCK"));
    assertEquals(4002, num(blocked, "class_uid"));
    assertEquals(6, num(blocked, "activity_id")); // POST
    assertEquals(2, num(blocked, "action_id"));
    assertEquals("/login", str(blocked, "http_request.url.path"));
    assertEquals("curl/8", str(blocked, "http_request.user_agent"));
    assertEquals("203.0.113.50", str(blocked, "src_endpoint.ip"));
    assertEquals("111122223333", str(blocked, "cloud.account.uid"));
    assertEquals("eu-west-1", str(blocked, "cloud.region"));
    JsonValue counted = ocsf(Samples.waf("COUNT"));
    assertEquals(1, num(counted, "action_id"));
    assertEquals(99, num(counted, "disposition_id"));
  }

  @Test
  void s3AccessIsApiActivity() {
    JsonValue v = ocsf(Samples.s3());
    assertEquals(6003, num(v, "class_uid"));
    assertEquals(2, num(v, "activity_id"));
    assertEquals("REST.GET.OBJECT", str(v, "api.operation"));
    assertEquals("3E57427F3EXAMPLE", str(v, "api.request.uid"));
    assertEquals("arn:aws:iam::111122223333:user/alice", str(v, "actor.user.uid"));
    assertEquals("arn:aws:s3:::amzn-s3-demo-bucket1/photos/cat.jpg", str(v, "resources[0].uid"));
    assertEquals(200, num(v, "unmapped.http_status")); // API Activity 1.1.0 has no http_response
    assertNull(v.get("http_response"));
    assertEquals("TLSV1.2", str(v, "unmapped.tls_version"));
    assertEquals("x=1", str(v, "http_request.url.query_string"));
  }

  @Test
  void albIsHttpActivityAndNlbIsNetworkActivity() {
    JsonValue alb = ocsf(Samples.alb());
    assertEquals(4002, num(alb, "class_uid"));
    assertEquals(3, num(alb, "activity_id")); // GET
    assertEquals("www.example.com", str(alb, "http_request.url.hostname"));
    assertEquals(443, num(alb, "http_request.url.port"));
    assertEquals("/index.html", str(alb, "http_request.url.path"));
    assertEquals("192.168.131.39", str(alb, "src_endpoint.ip"));
    assertEquals(2817, num(alb, "src_endpoint.port"));
    JsonValue nlb = ocsf(Samples.nlb());
    assertEquals(4001, num(nlb, "class_uid"));
    assertEquals("72.21.218.154", str(nlb, "src_endpoint.ip"));
  }

  @Test
  void findingIsDetectionFinding() {
    Severity[] all = Severity.values();
    long[] expected = {1, 2, 3, 4, 5};
    for (int i = 0; i < all.length; i++) {
      JsonValue v = JsonValue.parse(W.write(Samples.finding(all[i])));
      List<String> problems = OcsfSchema.problems(v);
      assertTrue(problems.isEmpty(), problems::toString);
      assertEquals(2004, num(v, "class_uid"));
      assertEquals(200401, num(v, "type_uid"));
      assertEquals(expected[i], num(v, "severity_id"));
      assertEquals("Console login without MFA by bob", str(v, "finding_info.title"));
      assertEquals("aws-console-login-without-mfa", str(v, "finding_info.analytic.uid"));
      assertEquals("T1078.004", str(v, "finding_info.attacks[0].technique.uid"));
      assertEquals("ev-login", str(v, "evidences[0].data.event_uid"));
      assertEquals("111122223333", str(v, "cloud.account.uid"));
    }
    assertEquals(W.write(Samples.finding(Severity.LOW)).length() > 0, true);
    String a = str(JsonValue.parse(W.write(Samples.finding(Severity.LOW))), "finding_info.uid");
    String b = str(JsonValue.parse(W.write(Samples.finding(Severity.HIGH))), "finding_info.uid");
    assertEquals(a, b); // the id names the detection, not its severity
  }

  /** Asserts that {@code event} with {@code from} replaced by {@code to} fails the check. */
  private static void rejects(String event, String from, String to) {
    assertTrue(event.contains(from), from);
    assertFalse(OcsfSchema.problems(JsonValue.parse(event.replace(from, to))).isEmpty(), to);
  }

  @Test
  void theValidatorRejectsBrokenEvents() {
    String good = W.write(Samples.flow());
    assertTrue(OcsfSchema.problems(JsonValue.parse(good)).isEmpty());
    rejects(good, "\"type_uid\":400106", "\"type_uid\":400107");
    rejects(good, "\"severity_id\":1", "\"severity_id\":7");
    rejects(good, "\"provider\":\"AWS\"", "\"provider\":1");
    rejects(good, "\"ip\":\"10.0.1.5\"", "\"ip\":\"10.0.1\"");
    String api = W.write(Samples.s3());
    rejects(api, "\"operation\":", "\"op\":");
    // an attribute the class does not define, at the top and inside an object
    rejects(api, "\"api\":{", "\"tls\":{\"version\":\"1.2\"},\"api\":{");
    rejects(api, "\"operation\":", "\"opcode\":\"x\",\"operation\":");
    // a nested type, an array element type, an object enum
    rejects(api, "\"uid\":\"3E57427F3EXAMPLE\"", "\"uid\":7");
    rejects(good, "\"profiles\":[\"cloud\"", "\"profiles\":[1,\"cloud\"");
    rejects(good, "\"direction_id\":0", "\"direction_id\":4");
    // a profile attribute without its profile declared
    String waf = W.write(Samples.waf("BLOCK"));
    assertTrue(OcsfSchema.problems(JsonValue.parse(waf)).isEmpty());
    rejects(waf, ",\"security_control\"", "");
    assertNull(JsonValue.parse(good).get("nothing"));
  }
}
