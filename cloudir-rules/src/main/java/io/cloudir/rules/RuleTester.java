package io.cloudir.rules;

import io.cloudir.investigate.enrich.DetailedIpEnricher;
import io.cloudir.investigate.enrich.IpDetails;
import io.cloudir.model.CloudirException;
import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Runs the tests embedded in rules: each test's records go through an engine holding only that
 * rule, in a fresh session, and the findings are checked against the test's expectations (count,
 * finding fields). Use it from any test framework:
 *
 * <pre>{@code
 * @Test
 * void myRulesPass() {
 *   RuleTester.assertAllPass(RuleLoader.load(Path.of("src/main/rules")));
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleTester {
  private RuleTester() {}

  /**
   * Runs every test of every rule.
   *
   * @throws RuleException if a rule does not compile
   */
  public static List<RuleTestResult> run(Collection<Rule> rules) {
    List<RuleTestResult> out = new ArrayList<>();
    for (Rule r : rules) {
      out.addAll(run(r));
    }
    return out;
  }

  /**
   * Runs every test of one rule.
   *
   * @throws RuleException if the rule does not compile
   */
  public static List<RuleTestResult> run(Rule rule) {
    Engine engine = Engine.compile(List.of(rule));
    List<RuleTestResult> out = new ArrayList<>();
    for (RuleTest t : rule.tests()) {
      out.add(run(t.geo().isEmpty() ? engine : Engine.compile(List.of(rule),
          EngineOptions.defaults().ipEnricher(table(t.geo()))), rule, t));
    }
    return out;
  }

  /**
   * Runs one test of a rule (in an engine holding only that rule, with the test's IP enricher
   * table if it has one).
   *
   * @throws RuleException if the rule does not compile
   */
  public static RuleTestResult run(Rule rule, RuleTest t) {
    EngineOptions o = EngineOptions.defaults();
    return run(Engine.compile(List.of(rule), t.geo().isEmpty() ? o
        : o.ipEnricher(table(t.geo()))), rule, t);
  }

  /** An enricher answering from a test's table. */
  private static DetailedIpEnricher table(Map<String, IpDetails> geo) {
    return ip -> geo.get(ip.toString());
  }

  private static RuleTestResult run(Engine engine, Rule rule, RuleTest t) {
    List<Finding> findings = new ArrayList<>();
    Session s = engine.newSession(findings::add);
    int i = 0;
    for (TestEvent e : t.events()) {
      LogRecord rec;
      try {
        rec = record(e, rule.id() + "/" + t.name(), i++);
      } catch (CloudirException | IllegalArgumentException ex) {
        return new RuleTestResult(rule.id(), t.name(), false, "event " + i + " is not a valid "
            + e.type() + " record: " + ex.getMessage(), List.of(),
            e.location() != null ? e.location() : t.location());
      }
      s.accept(rec);
    }
    s.flush();
    String problem = check(t, findings);
    return new RuleTestResult(rule.id(), t.name(), problem.isEmpty(), problem, findings,
        t.location());
  }

  private static String check(RuleTest t, List<Finding> findings) {
    int n = findings.size();
    if (t.expectedCount() == RuleTest.AT_LEAST_ONE && n == 0) {
      return "expected a finding, got none";
    }
    if (t.expectedCount() >= 0 && n != t.expectedCount()) {
      return "expected " + t.expectedCount() + " finding(s), got " + n
          + (n > 0 ? ": " + findings.get(0).toJson() : "");
    }
    for (Finding f : findings) {
      JsonValue j = JsonValue.parse(f.toJson());
      for (Map.Entry<String, String> e : t.expectedFields().entrySet()) {
        String k = e.getKey();
        JsonValue d = j.get("details");
        String got = k.startsWith("details.")
            ? text(d == null || !d.isObject() ? null : d.get(k.substring(8))) : text(j.get(k));
        if (!e.getValue().equals(got)) {
          return "finding field " + e.getKey() + ": expected '" + e.getValue() + "', got '" + got
              + "'";
        }
      }
    }
    return "";
  }

  private static String text(@Nullable JsonValue v) {
    if (v == null) {
      return "(absent)";
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      for (JsonValue e : v.elements()) {
        parts.add(text(e));
      }
      return String.join(",", parts);
    }
    String s = v.stringOrNull();
    return s != null ? s : v.toJson();
  }

  /**
   * Parses a test event into a record whose provenance names the rule and test.
   *
   * @throws CloudirException when the text is not a record of its type
   */
  public static LogRecord record(TestEvent e, String source, int index) {
    Provenance p = e.location() != null && e.location().source() != null
        ? Provenance.of(e.location().source(), index, Math.max(-1, e.location().line()))
        : Provenance.of(source, index, -1);
    SourceType t = e.type();
    String x = e.text();
    if (t.equals(SourceType.CLOUDTRAIL)) {
      return CloudTrailEvent.parse(x.getBytes(StandardCharsets.UTF_8), p);
    } else if (t.equals(SourceType.VPC_FLOW)) {
      return FlowLogRecord.parse(x.strip()).withProvenance(p);
    } else if (t.equals(SourceType.WAF)) {
      return WafLogRecord.parse(x.getBytes(StandardCharsets.UTF_8), p);
    } else if (t.equals(SourceType.ROUTE53_RESOLVER)) {
      return ResolverQueryLogRecord.parse(x.getBytes(StandardCharsets.UTF_8), p);
    } else if (t.equals(SourceType.ROUTE53_PUBLIC)) {
      return PublicDnsQueryLogRecord.parse(x.strip()).withProvenance(p);
    } else if (t.equals(SourceType.S3_ACCESS)) {
      return S3AccessLogRecord.parse(x.strip()).withProvenance(p);
    } else if (t.equals(SourceType.ALB)) {
      return LoadBalancerLogRecord.parse(x.strip()).withProvenance(p);
    }
    throw new IllegalArgumentException("record type " + t + " cannot be used in tests");
  }

  /**
   * Whether every rule has at least one positive and one negative test; the rules that do not,
   * with what they lack.
   */
  public static List<String> coverageProblems(Collection<Rule> rules) {
    List<String> out = new ArrayList<>();
    for (Rule r : rules) {
      boolean pos = r.tests().stream().anyMatch(RuleTest::isPositive);
      boolean neg = r.tests().stream().anyMatch(t -> !t.isPositive());
      if (!pos || !neg) {
        out.add(r.id() + " lacks a " + (!pos ? "positive" : "") + (!pos && !neg ? " and a " : "")
            + (!neg ? "negative" : "") + " test" + (r.location() == null ? ""
            : " (" + r.location() + ")"));
      }
    }
    return out;
  }

  /**
   * Runs every test and fails with one {@link AssertionError} listing every failing test (and,
   * when {@code requireBothKinds}, every rule without both a positive and a negative test).
   */
  public static void assertAllPass(Collection<Rule> rules, boolean requireBothKinds) {
    List<String> problems = new ArrayList<>();
    if (requireBothKinds) {
      problems.addAll(coverageProblems(rules));
    }
    for (RuleTestResult r : run(rules)) {
      if (!r.passed()) {
        problems.add(r.toString());
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(problems.size() + " rule test problem(s):\n  "
          + String.join("\n  ", problems));
    }
  }

  /** {@link #assertAllPass(Collection, boolean)} requiring both kinds of test. */
  public static void assertAllPass(Collection<Rule> rules) {
    assertAllPass(rules, true);
  }
}
