package io.cloudir.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The routed engine (index on eventName/eventSource, inferred from conditions) finds exactly
 * what the reference path finds — every rule of the record's type evaluated on every record —
 * for random rules (equality, wildcards, case, regular expressions, negations, {@code 1 of} /
 * {@code all of}, declared logsource names) plus the built-in pack, over random CloudTrail events.
 */
class RoutingPropertyTest {
  private static final String[] NAMES = {"GetObject", "PutObject", "ListBuckets", "AssumeRole",
      "ConsoleLogin", "StopLogging", "DeleteTrail", "CreateUser", "RunInstances",
      "DescribeInstances", "GetSecretValue", "PutBucketPolicy"};
  private static final String[] SOURCES = {"s3.amazonaws.com", "sts.amazonaws.com",
      "signin.amazonaws.com", "cloudtrail.amazonaws.com", "iam.amazonaws.com",
      "ec2.amazonaws.com", "secretsmanager.amazonaws.com"};
  private static final String[] TYPES = {"IAMUser", "AssumedRole", "Root", "AWSService"};

  @Test
  void routedEqualsEveryRuleOnEveryRecord() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 20; round++) {
      List<Rule> rules = new ArrayList<>();
      if (round % 4 == 0) {
        rules.addAll(BuiltinRules.load());
      }
      for (int i = 0; i < 40; i++) {
        Rule r = randomRule(rnd, "r" + i);
        try {
          Engine.compile(List.of(r));
          rules.add(r);
        } catch (RuleException e) {
          // a logsource and a condition that cannot overlap: not a rule
        }
      }
      List<LogRecord> events = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        events.add(randomEvent(rnd, i));
      }
      Engine routed = Engine.compile(rules);
      Engine reference = Engine.compileUnrouted(rules, EngineOptions.defaults());
      List<String> a = run(routed, events);
      List<String> b = run(reference, events);
      assertEquals(b, a, "seed " + seed + ", round " + round);
      assertTrue(round % 4 != 0 || !a.isEmpty(), "seed " + seed + ": nothing fired");
    }
  }

  @Test
  void eventSourcesBeyondOneWordOfTheRoutesBitSetsAreAdmittedExactly() {
    // 150 rules, each for one event source (more sources than a 64-bit word holds), all for the
    // same event name: an event fires exactly the rule of its source
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      rules.add(Rule.builder("s" + i).title("{eventSource}").severity(Severity.LOW)
          .select(Selection.of("sel", Field.of("eventName").equalsAny("GetObject")))
          .condition("sel").logSource(LogSource.cloudTrail().eventSource("svc" + i + ".amazonaws.com"))
          .build());
    }
    Engine routed = Engine.compile(rules);
    Engine reference = Engine.compileUnrouted(rules, EngineOptions.defaults());
    List<LogRecord> events = new ArrayList<>();
    for (int i = 0; i < 160; i += 7) {
      events.add(CloudTrailEvent.parse("{\"eventVersion\":\"1.09\",\"eventTime\":"
          + "\"2026-03-14T09:00:00Z\",\"eventSource\":\"SVC" + i + ".amazonaws.com\","
          + "\"eventName\":\"GetObject\",\"eventID\":\"ev-" + i + "\"}"));
    }
    List<String> a = run(routed, events);
    assertEquals(run(reference, events), a);
    List<String> fired = new ArrayList<>();
    for (String f : a) {
      fired.add(f.substring(f.indexOf("\"rule\":\"") + 8, f.indexOf("\",\"title\"")));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 150; i += 7) {
      expected.add("s" + i);
    }
    assertEquals(expected, fired);
  }

  private static List<String> run(Engine e, List<LogRecord> events) {
    List<String> out = new ArrayList<>();
    Session s = e.newSession(f -> out.add(f.toJson()));
    events.forEach(s::accept);
    s.flush();
    return out;
  }

  private static String pick(SplittableRandom rnd, String[] from) {
    return from[rnd.nextInt(from.length)];
  }

  private static String variant(SplittableRandom rnd, String s) {
    return switch (rnd.nextInt(4)) {
      case 0 -> s.toLowerCase(Locale.ROOT);
      case 1 -> s.toUpperCase(Locale.ROOT);
      default -> s;
    };
  }

  private static FieldTest randomTest(SplittableRandom rnd) {
    int k = rnd.nextInt(10);
    String field = k < 4 ? "eventName" : k < 7 ? "eventSource" : "userIdentity.type";
    String[] pool = field.equals("eventName") ? NAMES : field.equals("eventSource") ? SOURCES
        : TYPES;
    Field f = Field.of(field);
    return switch (rnd.nextInt(8)) {
      case 0 -> f.cased().equalsAny(pick(rnd, pool));
      case 1 -> f.equalsAny(pick(rnd, pool).substring(0, 3) + "*");
      case 2 -> f.contains(pick(rnd, pool).substring(1, 4));
      case 3 -> f.matches("^" + pick(rnd, pool).substring(0, 3));
      case 4 -> f.equalsAny(variant(rnd, pick(rnd, pool)), variant(rnd, pick(rnd, pool)));
      default -> f.equalsAny(variant(rnd, pick(rnd, pool)));
    };
  }

  private static Rule randomRule(SplittableRandom rnd, String id) {
    Rule.Builder b = Rule.builder(id).title("{eventName} by {userIdentity.type}")
        .severity(Severity.LOW);
    int sels = 1 + rnd.nextInt(3);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < sels; i++) {
      String n = (i == 0 ? "sel" : "filter") + i;
      names.add(n);
      List<List<FieldTest>> groups = new ArrayList<>();
      for (int g = 0, ng = 1 + rnd.nextInt(2); g < ng; g++) {
        List<FieldTest> tests = new ArrayList<>();
        for (int t = 0, nt = 1 + rnd.nextInt(2); t < nt; t++) {
          tests.add(randomTest(rnd));
        }
        groups.add(tests);
      }
      b.select(Selection.anyOf(n, groups));
    }
    String cond = switch (rnd.nextInt(5)) {
      case 0 -> "1 of them";
      case 1 -> "all of them";
      case 2 -> names.size() > 1 ? names.get(0) + " and not " + names.get(1) : names.get(0);
      case 3 -> names.size() > 1 ? names.get(0) + " or " + names.get(1) : "not " + names.get(0);
      default -> names.get(0);
    };
    b.condition(cond);
    LogSource ls = LogSource.cloudTrail();
    if (rnd.nextInt(4) == 0) {
      ls = ls.eventName(variant(rnd, pick(rnd, NAMES)), pick(rnd, NAMES));
    }
    if (rnd.nextInt(5) == 0) {
      ls = ls.eventSource(pick(rnd, SOURCES));
    }
    return b.logSource(ls).build();
  }

  private static CloudTrailEvent randomEvent(SplittableRandom rnd, int i) {
    String json = "{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-03-14T09:"
        + String.format(Locale.ROOT, "%02d:%02dZ", i / 60 % 60, i % 60) + "\","
        + "\"eventSource\":\"" + variant(rnd, pick(rnd, SOURCES)) + "\",\"eventName\":\""
        + variant(rnd, pick(rnd, NAMES)) + "\",\"awsRegion\":\"us-east-1\","
        + "\"sourceIPAddress\":\"203.0.113." + rnd.nextInt(4) + "\","
        + "\"userIdentity\":{\"type\":\"" + pick(rnd, TYPES) + "\",\"arn\":"
        + "\"arn:aws:iam::111122223333:user/u" + rnd.nextInt(3) + "\",\"accountId\":"
        + "\"111122223333\",\"accessKeyId\":\"AKIAEXAMPLE00000000" + rnd.nextInt(3) + "\"},"
        + (rnd.nextInt(6) == 0 ? "\"errorCode\":\"AccessDenied\"," : "")
        + "\"eventID\":\"ev-" + i + "\",\"recipientAccountId\":\"111122223333\"}";
    return CloudTrailEvent.parse(json);
  }
}
