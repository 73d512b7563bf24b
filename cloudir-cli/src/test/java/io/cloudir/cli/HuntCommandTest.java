package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudir hunt} over {@code examples/incident}: every step of the attack appears as a
 * finding, in time order, named by ATT&amp;CK technique and time window (not by rule id), so the
 * same assertions hold for the example's own rules and for the built-in pack.
 */
class HuntCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXAMPLE = Path.of("..", "examples", "incident").toString();
  private static final String RULES = Path.of("..", "examples", "incident", "rules").toString();
  private static final String BOB = "arn:aws:iam::111122223333:user/bob";
  private static final String SVC = "arn:aws:iam::111122223333:user/svc-backup";

  /** One step of the attack: acceptable techniques, the window of its finding, its principal. */
  record Step(String name, Set<String> techniques, String from, String to, String principal) {}

  static final List<Step> STEPS = List.of(
      new Step("console login without MFA", Set.of("T1078", "T1078.004"),
          "2026-03-14T09:12:03Z", "2026-03-14T09:12:03Z", BOB),
      new Step("reconnaissance", Set.of("T1580", "T1087", "T1087.004", "T1526", "T1069.003"),
          "2026-03-14T09:13:00Z", "2026-03-14T09:16:00Z", BOB),
      new Step("instance role given SSM access", Set.of("T1098", "T1098.003"),
          "2026-03-14T09:18:30Z", "2026-03-14T09:19:05Z", BOB),
      new Step("SSM session", Set.of("T1651", "T1021", "T1021.007"),
          "2026-03-14T09:22:40Z", "2026-03-14T09:22:40Z", BOB),
      new Step("admin user created", Set.of("T1136", "T1136.003"),
          "2026-03-14T09:25:02Z", "2026-03-14T09:25:31Z", BOB),
      new Step("access key for the new user", Set.of("T1098", "T1098.001"),
          "2026-03-14T09:26:04Z", "2026-03-14T09:26:04Z", BOB),
      new Step("security group opened on 22", Set.of("T1562.007", "T1562", "T1190"),
          "2026-03-14T09:28:15Z", "2026-03-14T09:28:15Z", BOB),
      new Step("SSH accepted from the attacker", Set.of("T1021.004", "T1021", "T1133"),
          "2026-03-14T09:29:40Z", "2026-03-14T09:30:40Z", null),
      new Step("large egress", Set.of("T1048", "T1041", "T1030", "T1537"),
          "2026-03-14T09:31:00Z", "2026-03-14T09:37:00Z", null),
      new Step("mining pool lookups", Set.of("T1496", "T1496.001"),
          "2026-03-14T09:33:12Z", "2026-03-14T09:33:13Z", null),
      new Step("GPU instances launched", Set.of("T1496", "T1578", "T1578.002", "T1535"),
          "2026-03-14T09:40:10Z", "2026-03-14T09:40:30Z", SVC),
      new Step("CloudTrail stopped", Set.of("T1562.008", "T1562", "T1685.002"),
          "2026-03-14T09:45:00Z", "2026-03-14T09:45:00Z", SVC));

  static List<JsonNode> findings(CliRun r) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : r.outLines()) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  static void assertEverySteps(CliRun r) throws Exception {
    assertEverySteps(r, false);
  }

  /**
   * Every step found in time order; {@code hygiene}: the full built-in pack may also report
   * low-severity hygiene findings on the benign background (a console password login instead of
   * SSO, a CI role deploying Lambda code directly), never medium or above.
   */
  static void assertEverySteps(CliRun r, boolean hygiene) throws Exception {
    assertEquals(0, r.code(), r.err());
    assertTrue(r.lastErrLine().matches(".*events=660 findings=\\d+"), r.lastErrLine());
    List<JsonNode> fs = findings(r);
    Instant prev = Instant.MIN;
    for (JsonNode f : fs) {
      for (String k : List.of("rule", "title", "severity", "time", "mitre", "principal",
          "sourceIp", "eventIds")) {
        assertTrue(f.has(k), k + " missing in " + f);
      }
      Instant t = Instant.parse(f.get("time").asText());
      assertFalse(t.isBefore(prev), "findings out of time order at " + f);
      prev = t;
    }
    for (Step s : STEPS) {
      JsonNode hit = null;
      for (JsonNode f : fs) {
        Instant t = Instant.parse(f.get("time").asText());
        boolean technique = false;
        for (JsonNode m : f.get("mitre")) {
          technique |= s.techniques().contains(m.asText());
        }
        if (technique && !t.isBefore(Instant.parse(s.from()))
            && !t.isAfter(Instant.parse(s.to()))
            && (s.principal() == null || s.principal().equals(f.get("principal").asText()))) {
          hit = f;
          break;
        }
      }
      assertNotNull(hit, "no finding for step '" + s.name() + "' in\n" + r.out());
    }
    // nothing fired on the benign background (alice, the CI role, the office address)
    for (JsonNode f : fs) {
      String p = f.get("principal").asText();
      boolean background = p.endsWith("user/alice") || p.contains("ci-deploy");
      String sev = f.get("severity").asText();
      assertFalse(background && !(hygiene && (sev.equals("low") || sev.equals("info"))),
          "false positive: " + f);
    }
  }

  @Test
  void huntShowsEveryStepOfTheExampleIncidentInTimeOrder() throws Exception {
    assertEverySteps(CliRun.run("hunt", "--rules", RULES, EXAMPLE));
  }

  @Test
  void builtinPackShowsEveryStepToo() throws Exception {
    assertEverySteps(CliRun.run("hunt", EXAMPLE), true);
  }

  @Test
  void tableHasAHeaderAndOneRowPerFinding() throws Exception {
    CliRun jsonl = CliRun.run("hunt", "--rules", RULES, EXAMPLE);
    CliRun table = CliRun.run("hunt", "--rules", RULES, "--format", "table", EXAMPLE);
    assertEquals(0, table.code(), table.err());
    List<String> rows = table.outLines();
    assertTrue(rows.get(0).startsWith("TIME"), rows.get(0));
    assertEquals(jsonl.outLines().size() + 1, rows.size());
    List<JsonNode> fs = findings(jsonl);
    for (int i = 0; i < fs.size(); i++) {
      String row = rows.get(i + 1);
      assertTrue(row.startsWith(fs.get(i).get("time").asText()), row);
      assertTrue(row.endsWith(fs.get(i).get("title").asText()), row);
    }
  }

  @Test
  void sinceAndUntilSelectTheRecords() throws Exception {
    CliRun r = CliRun.run("hunt", "--rules", RULES, "--since", "2026-03-14T09:40:00Z",
        "--until", "2026-03-14T09:45:00Z", EXAMPLE);
    assertEquals(0, r.code(), r.err());
    List<JsonNode> fs = findings(r);
    assertFalse(fs.isEmpty());
    for (JsonNode f : fs) {
      Instant t = Instant.parse(f.get("time").asText());
      assertTrue(!t.isBefore(Instant.parse("2026-03-14T09:40:00Z"))
          && t.isBefore(Instant.parse("2026-03-14T09:45:00Z")), f.toString());
    }
  }

  @Test
  void sigmaRulesAreRecognisedAndCarryTheirAuthor(@TempDir Path dir) throws Exception {
    Path rule = dir.resolve("stop.yml");
    Files.writeString(rule, """
        title: Trail stopped
        id: 5d7d3d9c-0000-4000-8000-000000000001
        author: A. Sigma Author
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventSource: cloudtrail.amazonaws.com
                eventName: StopLogging
            condition: selection
        level: high
        tags: [attack.t1562.008]
        """);
    CliRun r = CliRun.run("hunt", "--rules", rule.toString(), EXAMPLE);
    assertEquals(0, r.code(), r.err());
    List<JsonNode> fs = findings(r);
    assertEquals(1, fs.size(), r.out());
    assertEquals("A. Sigma Author", fs.get(0).get("author").asText());
    assertEquals(SVC, fs.get(0).get("principal").asText());
  }

  @Test
  void aBadRuleFileIsAUsageErrorNamingTheLine(@TempDir Path dir) throws Exception {
    Path rule = dir.resolve("bad.yml");
    Files.writeString(rule, "schemaVersion: 1\nid: bad\nlogsource: {type: cloudtrail}\n"
        + "detection:\n  s: {eventNmae: X}\n");
    CliRun r = CliRun.run("hunt", "--rules", rule.toString(), EXAMPLE);
    assertEquals(1, r.code());
    assertTrue(r.err().contains("bad.yml") && r.err().contains("eventNmae"), r.err());
    assertEquals("", r.out());
  }
}
