package io.cloudir.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build-time gate of the built-in pack: every rule loads, the whole pack compiles into one
 * engine, every embedded test passes, every rule has a positive and a negative test, real ATT&CK
 * technique ids, the cloudir author and licence, and an AWS documentation reference.
 */
class BuiltinRulesTest {
  private static final List<Rule> RULES = BuiltinRules.load();

  @Test
  void thePackIsLargeAndCompilesAsOneEngine() {
    assertTrue(RULES.size() >= 80, "built-in rules: " + RULES.size());
    Engine e = Engine.compile(RULES);
    assertEquals(RULES.size(), e.rules().size());
  }

  @Test
  void everyRuleHasBothKindsOfTestAndAllTestsPass() {
    RuleTester.assertAllPass(RULES, true);
  }

  @Test
  void everyRuleCarriesValidMetadata() {
    List<String> problems = metadataProblems(RULES);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void theMetadataCheckCatchesABadRule() {
    String good = "id: aws-x\ntitle: X {eventName}\ndescription: d\nmitre: [T1562.008]\n"
        + "author: cloudir\nlicense: Apache-2.0\nreferences: [https://docs.aws.amazon.com/x]\n"
        + "logsource: {type: cloudtrail}\ndetection: {s: {eventName: X}}\n";
    assertTrue(metadataProblems(RuleLoader.parse("good.yml", good)).isEmpty());
    List<String> bad = List.of(good.replace("mitre: [T1562.008]\n", ""),
        good.replace("T1562.008", "T1562.999"), good.replace("author: cloudir", "author: x"),
        good.replace("https://docs.aws.amazon.com/x", "https://example.com/x"),
        good.replace("id: aws-x", "id: x"));
    for (String y : bad) {
      assertEquals(1, metadataProblems(RuleLoader.parse("bad.yml", y)).size(), y);
    }
  }

  /** What a built-in rule lacks: techniques, authorship, AWS references, title, description. */
  static List<String> metadataProblems(List<Rule> rules) {
    List<String> problems = new ArrayList<>();
    for (Rule r : rules) {
      if (r.mitre().isEmpty()) {
        problems.add(r.id() + ": no ATT&CK technique");
      }
      for (String t : r.mitre()) {
        if (!AttackTechniques.isKnown(t)) {
          problems.add(r.id() + ": unknown ATT&CK technique " + t);
        }
      }
      if (!"cloudir".equals(r.author()) || !"Apache-2.0".equals(r.license())) {
        problems.add(r.id() + ": author/licence " + r.author() + "/" + r.license());
      }
      if (r.references().isEmpty()
          || !r.references().stream().allMatch(u -> u.startsWith("https://docs.aws.amazon.com/"))) {
        problems.add(r.id() + ": references must be AWS documentation: " + r.references());
      }
      if (r.description().isBlank() || r.title().equals(r.id())) {
        problems.add(r.id() + ": title and description are required");
      }
      if (!r.id().startsWith("aws-")) {
        problems.add(r.id() + ": built-in ids start with aws-");
      }
    }
    return problems;
  }

  @Test
  void theIndexListsEveryRuleFileOfTheSourceTree() throws IOException {
    Path dir = Path.of("src/main/resources/io/cloudir/rules/builtin");
    Set<String> onDisk;
    try (Stream<Path> s = Files.list(dir)) {
      onDisk = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(onDisk, new TreeSet<>(BuiltinRules.files()));
    assertEquals(BuiltinRules.files().size(), new HashSet<>(BuiltinRules.files()).size());
  }

  @Test
  void theBuiltinTableListsEveryRule() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("BUILTIN.md"));
    List<String> problems = new ArrayList<>();
    for (Rule r : RULES) {
      String row = lines.stream().filter(l -> l.contains("| `" + r.id() + "` |")).findFirst()
          .orElse("");
      String expected = "| " + r.severity().name().toLowerCase(java.util.Locale.ROOT) + " | "
          + String.join(", ", r.mitre()) + " |";
      if (!row.contains(expected)) {
        problems.add(r.id() + ": BUILTIN.md row missing or stale (want " + expected + ")");
      }
    }
    long rows = lines.stream().filter(l -> l.startsWith("| ") && l.contains("| `aws-")).count();
    assertEquals(RULES.size(), rows, "BUILTIN.md rows");
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void theTechniqueCheckRejectsMadeUpIds() {
    assertTrue(AttackTechniques.isKnown("T1562.008"));
    assertTrue(!AttackTechniques.isKnown("T1562.999"));
    assertTrue(!AttackTechniques.isKnown("T9999"));
    assertTrue(!AttackTechniques.isKnown("1562"));
  }
}
