package io.cloudir.rules.junit;

import io.cloudir.model.Location;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleException;
import io.cloudir.rules.RuleTest;
import io.cloudir.rules.RuleTestResult;
import io.cloudir.rules.RuleTester;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.jspecify.annotations.Nullable;

/**
 * One test embedded in one rule (or, for a rule lacking a positive or a negative test, its
 * coverage check), as JUnit sees it: {@link #displayName()} {@code rule-id / test name}, and
 * {@link #assertPasses()} failing with the rule file and line, the test and what differed.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleCase {
  private final Rule rule;
  private final @Nullable RuleTest test;

  private RuleCase(Rule rule, @Nullable RuleTest test) {
    this.rule = Objects.requireNonNull(rule);
    this.test = test;
  }

  /**
   * The cases of some rules: each embedded test, then (with {@code requireBothKinds}) a coverage
   * case for every rule without a positive and a negative test.
   */
  public static List<RuleCase> of(Collection<Rule> rules, boolean requireBothKinds) {
    List<RuleCase> out = new ArrayList<>();
    for (Rule r : rules) {
      for (RuleTest t : r.tests()) {
        out.add(new RuleCase(r, t));
      }
      if (requireBothKinds && !RuleTester.coverageProblems(List.of(r)).isEmpty()) {
        out.add(new RuleCase(r, null));
      }
    }
    return out;
  }

  /**
   * The cases of some rules as dynamic tests, for a {@code @TestFactory}:
   *
   * <pre>{@code
   * @TestFactory
   * Stream<DynamicTest> rules() {
   *   return RuleCase.dynamicTests(RuleLoader.load(Path.of("src/main/rules")));
   * }
   * }</pre>
   */
  public static Stream<DynamicTest> dynamicTests(Collection<Rule> rules) {
    return of(rules, true).stream()
        .map(c -> DynamicTest.dynamicTest(c.displayName(), c::assertPasses));
  }

  /** The rule. */
  public Rule rule() {
    return rule;
  }

  /** The embedded test, or null for the coverage case. */
  public @Nullable RuleTest test() {
    return test;
  }

  /** {@code rule-id / test name} ({@code rule-id / coverage} for the coverage case). */
  public String displayName() {
    return rule.id() + " / " + (test == null ? "coverage" : test.name());
  }

  /** Where the test (else the rule) was written, as {@code file:line}, or the rule id. */
  public String where() {
    Location l = test != null && test.location() != null ? test.location() : rule.location();
    if (l == null || l.source() == null) {
      return "rule " + rule.id();
    }
    return l.source() + (l.line() > 0 ? ":" + l.line() : "");
  }

  /**
   * Runs the test; the result says what differed. A rule that does not compile fails every one of
   * its tests with the compile error.
   */
  public RuleTestResult run() {
    RuleTest t = test;
    if (t == null) {
      List<String> p = RuleTester.coverageProblems(List.of(rule));
      return new RuleTestResult(rule.id(), "coverage", p.isEmpty(), String.join("; ", p),
          List.of(), rule.location());
    }
    try {
      return RuleTester.run(rule, t);
    } catch (RuleException e) {
      return new RuleTestResult(rule.id(), t.name(), false, "the rule does not compile: "
          + e.getMessage(), List.of(), e.location());
    }
  }

  /**
   * Runs the test and throws an {@link AssertionError} when it fails: {@code file:line: rule id,
   * test 'name': what differed}.
   */
  public void assertPasses() {
    RuleTestResult r = run();
    if (!r.passed()) {
      throw new AssertionError(where() + ": rule " + rule.id() + ", test '"
          + (test == null ? "coverage" : test.name()) + "': " + r.message());
    }
  }

  @Override
  public String toString() {
    return displayName();
  }
}
