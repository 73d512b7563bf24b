package io.cloudir.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.vpcflow.FlowLogRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholds, new terms, sequences (with absence, across sources), suppression, bounds. */
class CorrelationTest {
  private static final long T0 = 1773478800L; // 2026-03-14T09:00:00Z

  /** A CloudTrail event at T0 + seconds. */
  static CloudTrailEvent ct(int seconds, String name, String user, String ip, String extra) {
    return CloudTrailEvent.parse(("{\"eventTime\":\"" + Instant.ofEpochSecond(T0 + seconds)
        + "\",\"eventSource\":\"x.amazonaws.com\",\"eventName\":\"" + name + "\","
        + "\"sourceIPAddress\":\"" + ip + "\",\"eventID\":\"e" + seconds + name + "\","
        + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/"
        + user + "\"}" + (extra.isEmpty() ? "" : "," + extra) + "}")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
        Provenance.of("ct.json", (seconds + 100_000L) * 10, -1));
  }

  /** An accepted flow record [T0 + start, T0 + end]. */
  static FlowLogRecord flow(int start, int end, String src, String dst, int port, long bytes) {
    return FlowLogRecord.parse("2 111122223333 eni-1 " + src + " " + dst + " 40000 " + port
        + " 6 10 " + bytes + " " + (T0 + start) + " " + (T0 + end) + " ACCEPT OK")
        .withProvenance(Provenance.of("flow.log", (start + 100_000L) * 10, -1));
  }

  static List<Finding> run(Rule rule, List<? extends LogRecord> records) {
    List<Finding> out = new ArrayList<>();
    Session s = Engine.compile(List.of(rule)).newSession(out::add);
    s.acceptAll(records);
    s.flush();
    return out;
  }

  private static Rule failedLogins(int count, Duration window) {
    return Rule.builder("brute").title("{sourceIPAddress} failed logins")
        .logSource(LogSource.cloudTrail())
        .when(Field.of("eventName").equalsAny("ConsoleLogin"), Field.of("errorMessage").exists())
        .correlation(Correlation.threshold().groupBy("sourceIPAddress").window(window).count(count)
            .build())
        .build();
  }

  private static List<CloudTrailEvent> failures(String ip, int n, int every) {
    List<CloudTrailEvent> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(ct(i * every, "ConsoleLogin", "alice", ip, "\"errorMessage\":\"Failed authentication\""));
    }
    return l;
  }

  @Test
  void thresholdCountsPerGroupWithinTheWindow() {
    Rule r = failedLogins(5, Duration.ofMinutes(5));
    List<Finding> f = run(r, failures("198.51.100.1", 5, 30));
    assertEquals(1, f.size());
    assertEquals(5, f.get(0).evidence().size());
    assertEquals(Instant.ofEpochSecond(T0 + 120), f.get(0).time());
    assertEquals("198.51.100.1 failed logins", f.get(0).title());
    assertTrue(run(r, failures("198.51.100.1", 4, 30)).isEmpty());
    // five failures, but never five within five minutes
    assertTrue(run(r, failures("198.51.100.1", 5, 90)).isEmpty());
    // five failures split over two addresses
    List<CloudTrailEvent> mixed = new ArrayList<>(failures("198.51.100.1", 3, 10));
    mixed.addAll(failures("198.51.100.2", 2, 11));
    assertTrue(run(r, mixed).isEmpty());
  }

  @Test
  void thresholdDistinctCount() {
    Rule r = Rule.builder("recon").logSource(LogSource.cloudTrail())
        .when(Field.of("eventName").startsWith("List", "Describe", "Get"))
        .correlation(Correlation.threshold().groupBy("actor.arn").window(Duration.ofMinutes(10))
            .distinct("eventName", 3).build()).build();
    List<CloudTrailEvent> same = List.of(ct(0, "ListUsers", "a", "1.1.1.1", ""),
        ct(10, "ListUsers", "a", "1.1.1.1", ""), ct(20, "ListUsers", "a", "1.1.1.1", ""));
    assertTrue(run(r, same).isEmpty());
    List<CloudTrailEvent> varied = List.of(ct(0, "ListUsers", "a", "1.1.1.1", ""),
        ct(10, "DescribeInstances", "a", "1.1.1.1", ""), ct(20, "GetCallerIdentity", "a", "1.1.1.1", ""));
    List<Finding> f = run(r, varied);
    assertEquals(1, f.size());
    assertEquals("arn:aws:iam::111122223333:user/a", f.get(0).principal());
  }

  @Test
  void thresholdSumOfFlowBytes() {
    Rule r = Rule.builder("egress").logSource(LogSource.of(SourceType.VPC_FLOW))
        .when(Field.of("action").equalsAny("ACCEPT"))
        .correlation(Correlation.threshold().groupBy("dstaddr").window(Duration.ofHours(1))
            .sum("bytes", new BigDecimal("1000000")).build()).build();
    List<FlowLogRecord> small = List.of(flow(0, 60, "10.0.1.5", "203.0.113.9", 443, 400_000),
        flow(60, 120, "10.0.1.5", "203.0.113.9", 443, 500_000));
    assertTrue(run(r, small).isEmpty());
    List<FlowLogRecord> big = new ArrayList<>(small);
    big.add(flow(120, 180, "10.0.1.5", "203.0.113.9", 443, 200_000));
    List<Finding> f = run(r, big);
    assertEquals(1, f.size());
    assertEquals(3, f.get(0).evidence().size());
  }

  @Test
  void newTermAfterTheLearningPeriod() {
    Rule r = Rule.builder("new-ip").title("{actor.arn} from new address {sourceIPAddress}")
        .logSource(LogSource.cloudTrail())
        .when(Field.of("eventName").equalsAny("*"))
        .correlation(Correlation.newTerm().groupBy("actor.arn").terms("sourceIPAddress")
            .learn(Duration.ofHours(1)).build()).build();
    List<CloudTrailEvent> events = List.of(
        ct(0, "ListUsers", "a", "1.1.1.1", ""),            // learning
        ct(600, "ListUsers", "a", "2.2.2.2", ""),          // learning
        ct(4000, "ListUsers", "a", "1.1.1.1", ""),         // known
        ct(4100, "ListUsers", "a", "3.3.3.3", ""),         // new: finding
        ct(4200, "ListUsers", "a", "3.3.3.3", ""),         // known now
        ct(4300, "ListUsers", "b", "1.1.1.1", ""));        // new for b: finding
    List<Finding> f = run(r, events);
    assertEquals(List.of("arn:aws:iam::111122223333:user/a from new address 3.3.3.3",
        "arn:aws:iam::111122223333:user/b from new address 1.1.1.1"),
        f.stream().map(Finding::title).toList());
  }

  static Rule sgThenFlow() {
    return Rule.builder("sg-then-ssh").title("{srcaddr} used the opening")
        .logSource(LogSource.of(SourceType.CLOUDTRAIL, SourceType.VPC_FLOW))
        .select("opened", Field.of("eventName").equalsAny("AuthorizeSecurityGroupIngress"))
        .select("ssh", Field.of("dstport").equalsAny(22L), Field.of("action").equalsAny("ACCEPT"))
        .correlation(Correlation.sequence().window(Duration.ofHours(1))
            .step("opened", "requestParameters.ipPermissions.items[*].ipRanges.items[*].cidrIp")
            .step("ssh", "srcaddr").build())
        .build();
  }

  static CloudTrailEvent open(int at, String cidr) {
    return ct(at, "AuthorizeSecurityGroupIngress", "mallory", "198.51.100.66",
        "\"requestParameters\":{\"groupId\":\"sg-1\",\"ipPermissions\":{\"items\":[{\"fromPort\":22,"
            + "\"toPort\":22,\"ipRanges\":{\"items\":[{\"cidrIp\":\"" + cidr + "\"}]}}]}}");
  }

  @Test
  void chainedSequenceAcrossSources() {
    Rule r = sgThenFlow();
    List<LogRecord> hit = List.of(open(0, "198.51.100.7/32"),
        flow(300, 360, "198.51.100.7", "10.0.1.5", 22, 5000));
    List<Finding> f = run(r, hit);
    assertEquals(1, f.size());
    assertEquals(2, f.get(0).evidence().size());
    assertEquals("arn:aws:iam::111122223333:user/mallory", f.get(0).principal());
    assertEquals("198.51.100.7 used the opening", f.get(0).title());
    // another address
    assertTrue(run(r, List.of(open(0, "198.51.100.7/32"),
        flow(300, 360, "198.51.100.8", "10.0.1.5", 22, 5000))).isEmpty());
    // too late
    assertTrue(run(r, List.of(open(0, "198.51.100.7/32"),
        flow(4000, 4060, "198.51.100.7", "10.0.1.5", 22, 5000))).isEmpty());
    // traffic only before the opening
    assertTrue(run(r, List.of(flow(-600, -540, "198.51.100.7", "10.0.1.5", 22, 5000),
        open(0, "198.51.100.7/32"))).isEmpty());
  }

  @Test
  void flowWindowsThatOverlapTheStepMatch() {
    // the flow record's window starts before the opening and ends after it: the connection
    // was accepted in the part of the window after the rule changed
    List<Finding> f = run(sgThenFlow(), List.of(flow(-30, 30, "198.51.100.7", "10.0.1.5", 22, 1),
        open(0, "198.51.100.7/32")));
    assertEquals(1, f.size());
  }

  static Rule createdNotDeleted() {
    return Rule.builder("kept-user").logSource(LogSource.cloudTrail())
        .select("created", Field.of("eventName").equalsAny("CreateUser"))
        .select("deleted", Field.of("eventName").equalsAny("DeleteUser"))
        .correlation(Correlation.sequence().window(Duration.ofHours(1))
            .step("created", "requestParameters.userName")
            .absent("deleted", "requestParameters.userName").build())
        .build();
  }

  @Test
  void sequenceWithATrailingAbsenceStep() {
    Rule r = createdNotDeleted();
    String bob = "\"requestParameters\":{\"userName\":\"bob\"}";
    assertEquals(1, run(r, List.of(ct(0, "CreateUser", "a", "1.1.1.1", bob))).size());
    assertTrue(run(r, List.of(ct(0, "CreateUser", "a", "1.1.1.1", bob),
        ct(600, "DeleteUser", "a", "1.1.1.1", bob))).isEmpty());
    // deleting another user does not count
    assertEquals(1, run(r, List.of(ct(0, "CreateUser", "a", "1.1.1.1", bob),
        ct(600, "DeleteUser", "a", "1.1.1.1", "\"requestParameters\":{\"userName\":\"eve\"}")))
        .size());
    // deletion after the span: the finding was due before it
    List<Finding> f = new ArrayList<>();
    Session s = Engine.compile(List.of(r)).newSession(f::add);
    s.accept(ct(0, "CreateUser", "a", "1.1.1.1", bob));
    s.accept(ct(3600 + 15 * 60 + 120, "DeleteUser", "a", "1.1.1.1", bob));
    assertEquals(1, f.size(), "emitted once the watermark passed the span");
    s.flush();
    assertEquals(1, f.size());
  }

  @Test
  void sequenceWithAnAbsenceStepInTheMiddle() {
    Rule r = Rule.builder("no-mfa-between").logSource(LogSource.cloudTrail())
        .select("login", Field.of("eventName").equalsAny("ConsoleLogin"))
        .select("mfa", Field.of("eventName").equalsAny("EnableMFADevice"))
        .select("key", Field.of("eventName").equalsAny("CreateAccessKey"))
        .correlation(Correlation.sequence().window(Duration.ofHours(1))
            .step("login", "userIdentity.arn").absent("mfa", "userIdentity.arn")
            .step("key", "userIdentity.arn").build())
        .build();
    assertEquals(1, run(r, List.of(ct(0, "ConsoleLogin", "a", "1.1.1.1", ""),
        ct(60, "CreateAccessKey", "a", "1.1.1.1", ""))).size());
    assertTrue(run(r, List.of(ct(0, "ConsoleLogin", "a", "1.1.1.1", ""),
        ct(30, "EnableMFADevice", "a", "1.1.1.1", ""),
        ct(60, "CreateAccessKey", "a", "1.1.1.1", ""))).isEmpty());
    // the steps must come in order
    assertTrue(run(r, List.of(ct(0, "CreateAccessKey", "a", "1.1.1.1", ""),
        ct(60, "ConsoleLogin", "a", "1.1.1.1", ""))).isEmpty());
  }

  @Test
  void suppressionWindow() {
    Rule r = Rule.builder("stop").logSource(LogSource.cloudTrail())
        .when(Field.of("eventName").equalsAny("StopLogging"))
        .suppress(Suppression.of(Duration.ofHours(1), "actor.arn")).build();
    List<Finding> f = new ArrayList<>();
    Session s = Engine.compile(List.of(r)).newSession(f::add);
    s.accept(ct(0, "StopLogging", "a", "1.1.1.1", ""));
    s.accept(ct(60, "StopLogging", "a", "1.1.1.1", ""));
    s.accept(ct(120, "StopLogging", "b", "1.1.1.1", ""));
    s.accept(ct(4000, "StopLogging", "a", "1.1.1.1", ""));
    s.flush();
    assertEquals(3, f.size());
    assertEquals(1, s.stats().suppressed());
  }

  @Test
  void stateIsBoundedAndEvictionsAreReported() {
    Rule r = Rule.builder("brute").logSource(LogSource.cloudTrail())
        .when(Field.of("eventName").equalsAny("ConsoleLogin"))
        .correlation(Correlation.threshold().groupBy("sourceIPAddress").count(2).maxKeys(10)
            .build()).build();
    List<CloudTrailEvent> flood = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      flood.add(ct(i, "ConsoleLogin", "a", "10.0.0." + i, ""));
    }
    List<Finding> f = new ArrayList<>();
    Session s = Engine.compile(List.of(r)).newSession(f::add);
    s.acceptAll(flood);
    s.flush();
    assertEquals(90, s.stats().evicted());
    assertTrue(f.isEmpty());
  }

  @Test
  void outOfOrderInputWithinTheLatenessGivesTheSameFindings() {
    Rule r = failedLogins(3, Duration.ofMinutes(5));
    List<CloudTrailEvent> sorted = failures("198.51.100.1", 6, 40);
    List<CloudTrailEvent> shuffled = List.of(sorted.get(2), sorted.get(0), sorted.get(1),
        sorted.get(5), sorted.get(3), sorted.get(4));
    List<String> a = run(r, sorted).stream().map(Finding::toJson).toList();
    List<String> b = run(r, shuffled).stream().map(Finding::toJson).toList();
    assertEquals(2, a.size());
    assertEquals(a, b);
  }

  @Test
  void lateRecordsAreCountedAndStillCorrelated() {
    Rule r = failedLogins(2, Duration.ofDays(1));
    Engine e = Engine.compile(List.of(r),
        EngineOptions.defaults().lateness(SourceType.CLOUDTRAIL, Duration.ZERO));
    List<Finding> f = new ArrayList<>();
    Session s = e.newSession(f::add);
    s.accept(failures("1.1.1.1", 1, 1).get(0));
    s.accept(ct(7200, "ListUsers", "a", "1.1.1.1", ""));
    s.accept(ct(10, "ConsoleLogin", "a", "1.1.1.1", "\"errorMessage\":\"x\""));
    s.flush();
    assertEquals(1, s.stats().late());
    assertEquals(1, f.size());
  }

  @Test
  void checkpointsRejectOtherEnginesAndGarbage() {
    Engine e1 = Engine.compile(List.of(failedLogins(3, Duration.ofMinutes(5))));
    Engine e2 = Engine.compile(List.of(failedLogins(4, Duration.ofMinutes(5))));
    Session s = e1.newSession(x -> { });
    s.accept(failures("1.1.1.1", 1, 1).get(0));
    byte[] cp = s.checkpoint();
    assertThrows(IllegalArgumentException.class, () -> e2.restore(cp, x -> { }));
    assertThrows(IllegalArgumentException.class, () -> e1.restore(new byte[] {1, 2, 3}, x -> { }));
    byte[] cut = java.util.Arrays.copyOf(cp, cp.length - 3);
    assertThrows(IllegalArgumentException.class, () -> e1.restore(cut, x -> { }));
    assertEquals(s.stats(), e1.restore(cp, x -> { }).stats());
  }
}
