package io.cloudir.rules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.cloudir.rules.BuiltinRules;
import io.cloudir.rules.Rule;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The extension on cloudir's built-in pack: every embedded test is a JUnit test that passes. */
class BuiltinPackTest {
  @RuleTests(builtin = true)
  void builtin(RuleCase c) {
    assertNotNull(c.test(), "the built-in pack has both kinds of test for every rule");
    assertEquals(c.rule().id() + " / " + c.test().name(), c.displayName());
  }

  @TestFactory
  Stream<DynamicTest> firstFiveRulesAsDynamicTests() {
    return RuleCase.dynamicTests(BuiltinRules.load().stream().limit(5).toList());
  }

  static long testsIn(Iterable<Rule> rules) {
    long n = 0;
    for (Rule r : rules) {
      n += r.tests().size();
    }
    return n;
  }
}
