package io.cloudir.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.Provenance;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Recall of the built-in pack on Panther's CloudTrail rule tests ({@code
 * corpus/panther_rule_tests}): every {@code expected: true} log that does not depend on Panther
 * mocks is fed alone to the whole pack, and must produce at least one finding unless it is listed
 * in {@link #EXCLUDED} with the reason it should not. Recall over all of them must reach 90 %.
 * False positives on {@code expected: false} logs are printed for review (informational: many are
 * "other event" negatives of a Panther rule that another cloudir rule rightly flags).
 */
@Tag("corpus")
class PantherRecallCorpusTest {
  /** "RuleId :: test name" of positives the pack deliberately does not flag, with the reason. */
  static final Map<String, String> EXCLUDED = Map.ofEntries(
      Map.entry("AWS.CloudTrail.Created :: CloudTrail Was Created",
          "creating a trail adds logging; not an attack signal on its own"),
      Map.entry("AWS.ConfigService.Created :: Config Recorder Delivery Channel Created",
          "enabling AWS Config adds a control; not an attack signal"),
      Map.entry("AWS.CloudTrail.Password.Policy.Discovery :: Password Discovery ARN",
          "not a CloudTrail record: Panther-normalised lower-case keys (eventname, eventsource)"),
      Map.entry("AWS.IPSet.Modified :: CreateIPSet Event",
          "not a CloudTrail record: Panther-normalised lower-case keys (aws-guardduty-disabled "
              + "covers CreateIPSet in real records)"),
      Map.entry("AWS.IPSet.Modified :: UpdateIPSet",
          "not a CloudTrail record: Panther-normalised lower-case keys"),
      Map.entry("AWS.CloudTrail.PasswordSpraying :: Failed Console Login",
          "one failed login; spraying and brute force are thresholds "
              + "(aws-console-password-spraying, aws-console-brute-force)"),
      Map.entry("AWS.CloudTrail.UnauthorizedAPICall :: Unauthorized API Call from Within AWS (IP)",
          "a single AccessDenied is noise; denied bursts are thresholds "
              + "(aws-sts-assume-role-denied-burst)"),
      Map.entry("AWS.IAMUser.ReconAccessDenied :: Unauthorized API Call",
          "a single AccessDenied read is noise; enumeration is aws-discovery-burst"),
      Map.entry("AWS.CloudTrail.UserAccessKeyAuth :: Access Key Action Success",
          "GetCallerIdentity with a user's own key is ordinary use; tool user agents and new keys "
              + "being used are flagged instead"),
      Map.entry("AWS.Console.Sign-In :: Test-94439c",
          "Identity Center Authenticate event without identity or outcome: nothing to judge"),
      Map.entry("Sign-in.with.AWS.CLI.prompt :: Test-291327",
          "ListApplications in the access portal is what every Identity Center sign-in does"),
      Map.entry("Role.Assumed.by.AWS.Service :: Role Assumed by AWS Service",
          "Lambda assuming its execution role is routine service activity"),
      Map.entry("AWS.UnusedRegion :: Unauthorized region",
          "needs the account's region history or an allow-list; aws-new-region-used learns it "
              + "(new term), which one event cannot show"),
      Map.entry("AWS.Software.Discovery :: Discovery Event Names",
          "one Describe call; enumeration is the aws-discovery-burst threshold"),
      Map.entry("AWS.IAM.Group.Read.Only.Events :: Get Group",
          "one IAM read; enumeration is the aws-discovery-burst threshold"),
      Map.entry("AWS.IAM.Group.Read.Only.Events :: Get Group Policy",
          "one IAM read; enumeration is the aws-discovery-burst threshold"),
      Map.entry("AWS.IAM.Group.Read.Only.Events :: List Attached Group Policies",
          "one IAM read; enumeration is the aws-discovery-burst threshold"),
      Map.entry("AWS.IAM.Group.Read.Only.Events :: List Groups",
          "one IAM read; enumeration is the aws-discovery-burst threshold"),
      Map.entry("AWS.IAM.Group.Read.Only.Events :: List Groups for User",
          "one IAM read; enumeration is the aws-discovery-burst threshold"));

  private static Path dir() {
    return Path.of(System.getProperty("cloudir.shared", "../../shared"), "corpus",
        "panther_rule_tests");
  }

  /** The log without Panther's {@code p_*} enrichment fields, as JSON text. */
  static String stripPantherFields(JsonValue log) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, JsonValue> e : log.entries()) {
      if (e.getKey().startsWith("p_")) {
        continue;
      }
      if (b.length() > 1) {
        b.append(',');
      }
      b.append(JsonValue.ofString(e.getKey()).toJson()).append(':').append(e.getValue().toJson());
    }
    return b.append('}').toString();
  }

  @Test
  void strippingRemovesOnlyPantherFields() {
    JsonValue v = JsonValue.parse(
        "{\"p_log_type\":\"AWS.CloudTrail\",\"eventName\":\"X\",\"p_any_ip\":[1],\"a\":{\"p_x\":1}}");
    JsonValue s = JsonValue.parse(stripPantherFields(v));
    assertTrue(!s.has("p_log_type") && !s.has("p_any_ip"));
    assertTrue(s.has("eventName") && s.get("a").has("p_x"));
  }

  @Test
  void theBuiltinPackFindsPantherPositives() throws IOException {
    Engine engine = Engine.compile(BuiltinRules.load());
    JsonValue index = JsonValue.parse(Files.readAllBytes(dir().resolve("_index.json")));
    int positives = 0;
    int hits = 0;
    int negatives = 0;
    int mocked = 0;
    List<String> misses = new ArrayList<>();
    Set<String> excludedSeen = new HashSet<>();
    Map<String, Integer> fpByRule = new TreeMap<>();
    List<String> falsePositives = new ArrayList<>();
    for (JsonValue entry : index.elements()) {
      String ruleId = entry.getString("ruleId");
      Set<String> withMocks = new HashSet<>(entry.selectStrings("testsWithMocks[*]"));
      JsonValue tests = JsonValue.parse(Files.readAllBytes(dir().resolve(entry.getString("file"))));
      int n = 0;
      for (JsonValue t : tests.elements()) {
        String name = ruleId + " :: " + t.getString("name");
        if (withMocks.contains(t.getString("name"))) {
          mocked++;
          continue;
        }
        boolean expected = t.get("expected").asBoolean();
        Set<String> fired = run(engine, stripPantherFields(t.get("log")), ruleId + "#" + n++);
        if (expected) {
          positives++;
          if (!fired.isEmpty()) {
            hits++;
          } else if (EXCLUDED.containsKey(name)) {
            excludedSeen.add(name);
          } else {
            misses.add(name);
          }
        } else {
          negatives++;
          if (!fired.isEmpty()) {
            falsePositives.add(name + " -> " + fired);
            for (String r : fired) {
              fpByRule.merge(r, 1, Integer::sum);
            }
          }
        }
      }
    }
    double recall = 100.0 * hits / positives;
    System.out.printf("Panther CloudTrail positives: %d (mocked tests skipped: %d); found %d "
        + "(recall %.1f %%); documented exclusions %d; undocumented misses %d%n", positives,
        mocked, hits, recall, excludedSeen.size(), misses.size());
    System.out.printf("Negatives: %d, with a finding: %d (informational) by rule %s%n", negatives,
        falsePositives.size(), fpByRule);
    falsePositives.forEach(f -> System.out.println("  negative with finding: " + f));
    Set<String> stale = new TreeSet<>(EXCLUDED.keySet());
    stale.removeAll(excludedSeen);
    assertTrue(misses.isEmpty(), "positives without a finding and without a documented reason: "
        + misses);
    assertTrue(stale.isEmpty(), "exclusions that are not misses (any more): " + stale);
    assertTrue(recall >= 90.0, "recall " + recall);
  }

  private static Set<String> run(Engine engine, String json, String source) {
    Set<String> rules = new TreeSet<>();
    Session s = engine.newSession(f -> rules.add(f.ruleId()));
    s.accept(CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8), Provenance.of(source, 0, -1)));
    s.flush();
    return rules;
  }
}
