package io.cloudir.rules;

import static io.cloudir.rules.Fixtures.event;
import static io.cloudir.rules.Fixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.json.JsonValue;
import io.cloudir.parsers.PushReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The engine: routing, findings, errors of rules built in code, sharing between threads. */
class EngineTest {
  private static Rule stopLogging() {
    return Rule.builder("stop").title("{eventName} by {actor.arn}").severity(Severity.HIGH)
        .mitre("T1562.008").author("a").license("Apache-2.0").references("https://x/1")
        .logSource(LogSource.cloudTrail())
        .when(Field.of("eventName").equalsAny("StopLogging", "DeleteTrail")).build();
  }

  private static Rule anyEc2() {
    return Rule.builder("ec2").logSource(LogSource.cloudTrail())
        .when(Field.of("eventSource").equalsAny("ec2.amazonaws.com")).build();
  }

  @Test
  void findingCarriesRuleMetadataAttributionAndEvidence() {
    CloudTrailEvent stop = CloudTrailEvent.parse(event("").toJson().replace("RunInstances",
        "StopLogging"));
    List<Finding> f = run(stopLogging(), stop);
    assertEquals(1, f.size());
    JsonValue j = JsonValue.parse(f.get(0).toJson());
    assertEquals("stop", j.getString("rule"));
    assertEquals("StopLogging by arn:aws:iam::111122223333:user/alice", j.getString("title"));
    assertEquals("high", j.getString("severity"));
    assertEquals("2026-03-14T09:00:00Z", j.getString("time"));
    assertEquals("arn:aws:iam::111122223333:user/alice", j.getString("principal"));
    assertEquals("203.0.113.7", j.getString("sourceIp"));
    assertEquals(List.of("ev-1"), j.selectStrings("eventIds[*]"));
    assertEquals(List.of("T1562.008"), j.selectStrings("mitre[*]"));
    assertEquals("a", j.getString("author"));
    assertEquals("Apache-2.0", j.getString("license"));
    assertEquals("https://x/1", j.getString("link"));
    assertEquals(1, j.get("schemaVersion").asLong());
    assertEquals("<memory>", j.at("evidence[0].file").asString());
  }

  @Test
  void routingEvaluatesOnlyRulesThatCanFire() {
    Engine engine = Engine.compile(List.of(stopLogging(), anyEc2()));
    List<Finding> out = new ArrayList<>();
    Session s = engine.newSession(out::add);
    s.accept(event(""));                       // RunInstances: only the ec2 rule is evaluated
    assertEquals(1, s.evaluations());
    assertEquals(1, out.size());
    s.accept(CloudTrailEvent.parse(event("").toJson().replace("RunInstances", "stoplogging")));
    assertEquals(3, s.evaluations());          // the name index is case-insensitive
    assertEquals(3, out.size());
    assertEquals(List.of("ec2", "stop", "ec2"), out.stream().map(Finding::ruleId).toList());
  }

  @Test
  void logSourceRoutingByEventSource() {
    Rule r = Rule.builder("iam-only").logSource(LogSource.cloudTrail().eventSource("iam.amazonaws.com"))
        .when(Field.of("eventName").equalsAny("RunInstances")).build();
    assertTrue(run(r, event("")).isEmpty());
  }

  @Test
  void unknownFieldInCodeIsARuleExceptionNamingTheRule() {
    Rule r = Rule.builder("typo").logSource(LogSource.cloudTrail())
        .when(Field.of("userIdentity.arnn").equalsAny("x")).build();
    RuleException e = assertThrows(RuleException.class, () -> Engine.compile(List.of(r)));
    assertTrue(e.getMessage().contains("typo") && e.getMessage().contains("'arn'"),
        e.getMessage());
    Rule actor = Rule.builder("actor").logSource(LogSource.cloudTrail())
        .when(Field.of("actor.name").equalsAny("x")).build();
    assertThrows(RuleException.class, () -> Engine.compile(List.of(actor)));
    Rule flow = Rule.builder("flow").logSource(LogSource.of(io.cloudir.model.SourceType.VPC_FLOW))
        .when(Field.of("dstport.x").equalsAny("x")).build();
    assertThrows(RuleException.class, () -> Engine.compile(List.of(flow)));
  }

  @Test
  void duplicateIdsAndImpossibleRoutingAreErrors() {
    assertThrows(RuleException.class, () -> Engine.compile(List.of(stopLogging(), stopLogging())));
    Rule never = Rule.builder("never").logSource(LogSource.cloudTrail().eventName("DeleteTrail"))
        .when(Field.of("eventName").equalsAny("StopLogging")).build();
    assertThrows(RuleException.class, () -> Engine.compile(List.of(never)));
  }

  @Test
  void pushReaderFeedsASession() {
    List<Finding> out = new ArrayList<>();
    Session s = Engine.compile(List.of(stopLogging())).newSession(out::add);
    String body = "{\"Records\":[" + event("").toJson().replace("RunInstances", "StopLogging")
        + "," + event("").toJson() + "]}";
    try (PushReader p = PushReader.cloudTrail("push", io.cloudir.parsers.ReadLimits.defaults(), s,
        rej -> { })) {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      p.feed(ByteBuffer.wrap(b, 0, 10));
      p.feed(ByteBuffer.wrap(b, 10, b.length - 10));
    }
    s.flush();
    assertEquals(2, s.records());
    assertEquals(1, out.size());
    assertEquals("push", out.get(0).evidence().get(0).provenance().source());
    assertThrows(IllegalStateException.class, () -> s.accept(event("")));
  }

  @Test
  void oneEngineServesSessionsOnSeveralThreads() throws Exception {
    Engine engine = Engine.compile(List.of(stopLogging(), anyEc2()));
    CloudTrailEvent stop = CloudTrailEvent.parse(event("").toJson().replace("RunInstances",
        "StopLogging"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          List<Finding> out = new ArrayList<>();
          Session s = engine.newSession(out::add);
          for (int i = 0; i < 2000; i++) {
            s.accept(i % 2 == 0 ? stop : event(""));
          }
          return out.size();
        }));
      }
      for (Future<Integer> f : futures) {
        assertEquals(3000, f.get());            // StopLogging on ec2: both rules; RunInstances: one
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void titlesRenderAbsentFieldsAsDash() {
    Rule r = Rule.builder("t").title("{{literal}} {errorCode} {requestParameters.a[*]}")
        .logSource(LogSource.cloudTrail()).when(Field.of("eventName").equalsAny("*")).build();
    Finding f = run(r, event("\"requestParameters\":{\"a\":[1,2]}")).get(0);
    assertEquals("{literal} - 1,2", f.title());
  }

  @Test
  void selectionsSharedAcrossRulesOnlyWhenTheirTestsAreEqual() {
    // a and c have equal selections (evaluated once per record for both); b differs only by
    // the cased modifier and must not take their result
    Rule a = Rule.builder("a").logSource(LogSource.cloudTrail())
        .when(Field.of("sourceIPAddress").equalsAny("203.0.113.7")).build();
    Rule b = Rule.builder("b").logSource(LogSource.cloudTrail())
        .when(Field.of("userIdentity.userName").cased().equalsAny("ALICE")).build();
    Rule b2 = Rule.builder("b2").logSource(LogSource.cloudTrail())
        .when(Field.of("userIdentity.userName").equalsAny("ALICE")).build();
    Rule c = Rule.builder("c").logSource(LogSource.cloudTrail())
        .when(Field.of("sourceIPAddress").equalsAny("203.0.113.7")).build();
    Rule d = Rule.builder("d").logSource(LogSource.cloudTrail())
        .when(Field.of("sourceIPAddress").equalsAny("203.0.113.8")).build();
    List<Finding> out = new ArrayList<>();
    Session s = Engine.compile(List.of(a, b2, b, c, d)).newSession(out::add);
    s.accept(event(""));
    s.accept(CloudTrailEvent.parse(event("").toJson().replace("203.0.113.7", "203.0.113.8")));
    assertEquals(List.of("a", "b2", "c", "b2", "d"), out.stream().map(Finding::ruleId).toList());
  }

  @Test
  void thresholdRulesGroupedByOtherFieldsKeepTheirOwnKeys() {
    // both rules count the same records in a row; one groups by principal, one by address:
    // a group key shared by mistake would make the per-address rule fire
    Correlation byArn = Correlation.threshold().groupBy("userIdentity.arn")
        .window(java.time.Duration.ofHours(1)).count(2).build();
    Correlation byIp = Correlation.threshold().groupBy("sourceIPAddress")
        .window(java.time.Duration.ofHours(1)).count(2).build();
    Rule arn = Rule.builder("by-arn").logSource(LogSource.cloudTrail())
        .when(Field.of("eventSource").equalsAny("ec2.amazonaws.com")).correlation(byArn).build();
    Rule ip = Rule.builder("by-ip").logSource(LogSource.cloudTrail())
        .when(Field.of("eventSource").equalsAny("ec2.amazonaws.com")).correlation(byIp).build();
    List<Finding> out = new ArrayList<>();
    Session s = Engine.compile(List.of(arn, ip)).newSession(out::add);
    s.accept(event(""));
    s.accept(CloudTrailEvent.parse(event("").toJson().replace("203.0.113.7", "198.51.100.1")
        .replace("ev-1", "ev-2").replace("09:00:00Z", "09:01:00Z")));
    s.flush();
    assertEquals(List.of("by-arn"), out.stream().map(Finding::ruleId).toList());
  }
}
