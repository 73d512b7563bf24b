package io.cloudir.rules;

import static io.cloudir.rules.CorrelationTest.ct;
import static io.cloudir.rules.CorrelationTest.flow;
import static io.cloudir.rules.CorrelationTest.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.cloudir.model.LogRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * Properties of correlating sessions: checkpoint/restore at any point gives the same findings as
 * an uninterrupted session, and so does any chunking of the input.
 */
class CheckpointPropertyTest {
  private static final Engine ENGINE = Engine.compile(List.of(
      CorrelationTest.sgThenFlow(),
      CorrelationTest.createdNotDeleted(),
      Rule.builder("brute").logSource(LogSource.cloudTrail())
          .when(Field.of("eventName").equalsAny("ConsoleLogin"))
          .correlation(Correlation.threshold().groupBy("sourceIPAddress")
              .window(Duration.ofMinutes(10)).count(3).build())
          .suppress(Suppression.of(Duration.ofMinutes(30), "sourceIPAddress")).build(),
      Rule.builder("new-ip").logSource(LogSource.cloudTrail())
          .when(Field.of("eventName").equalsAny("ListUsers"))
          .correlation(Correlation.newTerm().groupBy("actor.arn").terms("sourceIPAddress")
              .maxKeys(5).build()).build(),
      // hits made while it learns wait in the buffer though no finding can name them
      Rule.builder("new-ip-learning").logSource(LogSource.cloudTrail())
          .when(Field.of("eventName").equalsAny("ConsoleLogin", "ListUsers"))
          .correlation(Correlation.newTerm().groupBy("actor.arn").terms("sourceIPAddress")
              .learn(Duration.ofMinutes(40)).build()).build(),
      Rule.builder("busy").logSource(LogSource.cloudTrail())
          .when(Field.of("eventName").equalsAny("*User*", "StopLogging"))
          .correlation(Correlation.threshold().groupBy("actor.arn").window(Duration.ofMinutes(20))
              .distinct("eventName", 3).maxKeys(2).build()).build(),
      Rule.builder("simple").logSource(LogSource.cloudTrail())
          .when(Field.of("eventName").equalsAny("StopLogging")).build()));

  /** A random, roughly time-ordered stream of events of every kind the rules above read. */
  static List<LogRecord> stream(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<LogRecord> out = new ArrayList<>();
    int t = 0;
    int n = 20 + r.nextInt(60);
    for (int i = 0; i < n; i++) {
      t += r.nextInt(400);
      int jitter = t - r.nextInt(200); // out of order, within the lateness
      String ip = "198.51.100." + r.nextInt(4);
      String user = "u" + r.nextInt(3);
      String bob = "\"requestParameters\":{\"userName\":\"user" + r.nextInt(3) + "\"}";
      out.add(switch (r.nextInt(7)) {
        case 0 -> open(jitter, ip + "/32");
        case 1 -> flow(jitter - 30, jitter + 30, ip, "10.0.1.5", 22, 100);
        case 2 -> ct(jitter, "ConsoleLogin", user, ip, "");
        case 3 -> ct(jitter, "CreateUser", user, ip, bob);
        case 4 -> ct(jitter, "DeleteUser", user, ip, bob);
        case 5 -> ct(jitter, "ListUsers", user, ip, "");
        default -> ct(jitter, "StopLogging", user, ip, "");
      });
    }
    return out;
  }

  static List<String> uninterrupted(List<LogRecord> records) {
    List<String> out = new ArrayList<>();
    Session s = ENGINE.newSession(f -> out.add(f.toJson()));
    s.acceptAll(records);
    s.flush();
    return out;
  }

  @Test
  void checkpointAndRestoreMidStreamGiveTheSameFindings() {
    qt().withExamples(200).forAll(SourceDSL.longs().all(), SourceDSL.integers().between(0, 100))
        .check((seed, cutPercent) -> {
          List<LogRecord> records = stream(seed);
          List<String> expected = uninterrupted(records);
          int cut = records.size() * cutPercent / 100;
          List<String> got = new ArrayList<>();
          Session first = ENGINE.newSession(f -> got.add(f.toJson()));
          first.acceptAll(records.subList(0, cut));
          byte[] cp = first.checkpoint();
          Session second = ENGINE.restore(cp, f -> got.add(f.toJson()));
          second.acceptAll(records.subList(cut, records.size()));
          second.flush();
          return got.equals(expected);
        });
  }

  @Test
  void correlatedOutputDoesNotDependOnChunking() {
    qt().withExamples(100).forAll(SourceDSL.longs().all()).check(seed -> {
      List<LogRecord> records = stream(seed);
      List<String> expected = uninterrupted(records);
      SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
      List<String> got = new ArrayList<>();
      Session s = ENGINE.newSession(f -> got.add(f.toJson()));
      int i = 0;
      while (i < records.size()) {
        int n = 1 + r.nextInt(9);
        s.acceptAll(records.subList(i, Math.min(records.size(), i + n)));
        i += n;
      }
      s.flush();
      return got.equals(expected);
    });
  }

  @Test
  void theGeneratedStreamsExerciseEveryRule() {
    List<String> rules = new ArrayList<>();
    for (long seed = 0; seed < 40; seed++) {
      for (String f : uninterrupted(stream(seed))) {
        String id = io.cloudir.model.json.JsonValue.parse(f).getString("rule");
        if (!rules.contains(id)) {
          rules.add(id);
        }
      }
    }
    assertTrue(rules.containsAll(List.of("sg-then-ssh", "kept-user", "brute", "new-ip",
        "new-ip-learning", "busy", "simple")), "rules that fired: " + rules);
    assertEquals(7, rules.size());
  }
}
