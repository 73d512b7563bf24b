package io.cloudir.ocsf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class EcsWriterTest {
  private static final EcsWriter W = EcsWriter.create();

  private static JsonValue ecs(LogRecord r) {
    JsonValue v = JsonValue.parse(W.write(r));
    List<String> problems = EcsFields.problems(v);
    assertTrue(problems.isEmpty(), () -> problems + " in " + v.toJson());
    return v;
  }

  private static String str(JsonValue v, String path) {
    JsonValue x = v.at(path);
    assertNotNull(x, path + " missing in " + v.toJson());
    return x.isString() ? x.asString() : x.toJson();
  }

  @Test
  void everySampleHasEcsFieldsOfTheRightTypes() {
    for (LogRecord r : Samples.all()) {
      JsonValue v = ecs(r);
      assertEquals(r.time().toString(), str(v, "@timestamp"));
      assertEquals("aws", str(v, "cloud.provider"));
    }
  }

  @Test
  void cloudTrailFields() {
    JsonValue v = ecs(Samples.cloudTrail("iam.amazonaws.com", "CreateUser",
        ",\"requestParameters\":{\"userName\":\"mallory\"}"));
    assertEquals("CreateUser", str(v, "event.action"));
    assertEquals("[\"iam\"]", str(v, "event.category"));
    assertEquals("[\"user\",\"creation\"]", str(v, "event.type"));
    assertEquals("success", str(v, "event.outcome"));
    assertEquals("mallory", str(v, "user.target.name"));
    assertEquals("alice", str(v, "user.name"));
    assertEquals("203.0.113.7", str(v, "source.ip"));
    assertEquals("111122223333", str(v, "cloud.account.id"));
    assertEquals("{\"userName\":\"mallory\"}", str(v, "aws.cloudtrail.request_parameters"));
    JsonValue login = ecs(Samples.consoleLogin(false));
    assertEquals("[\"authentication\"]", str(login, "event.category"));
    assertEquals("failure", str(login, "event.outcome"));
  }

  @Test
  void networkDnsAndHttpFields() {
    JsonValue flow = ecs(Samples.flow());
    assertEquals("10.0.1.5", str(flow, "source.ip"));
    assertEquals("443", str(flow, "destination.port"));
    assertEquals("6", str(flow, "network.iana_number"));
    assertEquals("3400", str(flow, "network.bytes"));
    assertEquals("failure", str(flow, "event.outcome"));
    JsonValue dns = ecs(Samples.resolver());
    assertEquals("example.com.", str(dns, "dns.question.name"));
    assertEquals("NOERROR", str(dns, "dns.response_code"));
    assertEquals("[\"93.184.216.34\"]", str(dns, "dns.resolved_ip"));
    JsonValue waf = ecs(Samples.waf("BLOCK"));
    assertEquals("POST", str(waf, "http.request.method"));
    assertEquals("/login", str(waf, "url.path"));
    assertEquals("next=%2F", str(waf, "url.query"));
    assertEquals("FR", str(waf, "source.geo.country_iso_code"));
    JsonValue alb = ecs(Samples.alb());
    assertEquals("200", str(alb, "http.response.status_code"));
    assertEquals("www.example.com", str(alb, "url.domain"));
    JsonValue s3 = ecs(Samples.s3());
    assertEquals("REST.GET.OBJECT", str(s3, "event.action"));
    assertEquals("amzn-s3-demo-bucket1", str(s3, "aws.s3access.bucket"));
  }

  @Test
  void findingIsAnAlert() {
    JsonValue v = JsonValue.parse(W.write(Samples.finding(Severity.HIGH)));
    assertTrue(EcsFields.problems(v).isEmpty(), () -> EcsFields.problems(v).toString());
    assertEquals("alert", str(v, "event.kind"));
    assertEquals("aws-console-login-without-mfa", str(v, "rule.id"));
    assertEquals("[\"T1078.004\",\"T1078\"]", str(v, "threat.technique.id"));
    assertEquals("4", str(v, "event.severity"));
  }

  @Test
  void theCheckerRejectsNonEcsFields() {
    String good = W.write(Samples.flow());
    assertFalse(EcsFields.problems(JsonValue.parse(good.replace("\"network\":", "\"netwrk\":")))
        .isEmpty());
    assertFalse(EcsFields.problems(JsonValue.parse(good.replace("\"port\":443", "\"port\":\"443\"")))
        .isEmpty());
  }
}
