package io.cloudir.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The example rules of the test resources: they load, compile and pass their own tests. */
class ExampleRulesTest {
  static Path examplesDir() {
    try {
      return Path.of(Objects.requireNonNull(
          ExampleRulesTest.class.getResource("examples/cloudtrail-logging-stopped.yml")).toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyExampleRulePassesItsTests() {
    List<Rule> rules = RuleLoader.load(examplesDir());
    assertTrue(rules.size() >= 5, "examples: " + rules.size());
    RuleTester.assertAllPass(rules);
    List<RuleTestResult> results = RuleTester.run(rules);
    assertTrue(results.size() >= 2 * rules.size());
  }

  @Test
  void aBrokenExpectationFails() {
    Rule r = RuleLoader.load(examplesDir().resolve("cloudtrail-logging-stopped.yml")).get(0);
    RuleTest flipped = RuleTest.of("flipped", r.tests().get(0).events(), 0,
        java.util.Map.of(), null);
    RuleTest wrongField = r.tests().get(0).expectField("severity", "low");
    Rule broken = r.toBuilder().tests(flipped, wrongField).build();
    List<RuleTestResult> res = RuleTester.run(broken);
    assertEquals(5, res.size());
    assertFalse(res.get(3).passed());
    assertFalse(res.get(4).passed());
    assertTrue(res.get(4).message().contains("severity"), res.get(4).message());
    assertThrows(AssertionError.class, () -> RuleTester.assertAllPass(List.of(broken)));
  }

  @Test
  void coverageNeedsBothKindsOfTest() {
    Rule r = RuleLoader.load(examplesDir().resolve("cloudtrail-logging-stopped.yml")).get(0);
    Rule onlyPositive = Rule.builder("p").logSource(r.logSource()).condition(r.condition())
        .select(r.selections().get("selection")).select(r.selections().get("failed"))
        .tests(r.tests().get(0)).build();
    assertEquals(1, RuleTester.coverageProblems(List.of(onlyPositive)).size());
    assertTrue(RuleTester.coverageProblems(List.of(r)).isEmpty());
  }
}
