package io.cloudir.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML loading: the model it builds, errors with file:line, and unsafe YAML rejected. */
class RuleLoaderTest {
  private static final String GOOD = String.join("\n",
      "schemaVersion: 1",
      "id: r1",
      "title: 'Stopped {requestParameters.name}'",
      "severity: high",
      "mitre: [T1562.008]",
      "author: someone",
      "license: Apache-2.0",
      "link: https://example.com/r1",
      "logsource: {type: cloudtrail, eventSource: cloudtrail.amazonaws.com}",
      "detection:",
      "  selection:",
      "    eventName: [StopLogging, DeleteTrail]",
      "  filter:",
      "    errorCode|exists: true",
      "  condition: selection and not filter",
      "");

  private static RuleException error(String yaml) {
    return assertThrows(RuleException.class, () -> {
      List<Rule> rules = RuleLoader.parse("rules/x.yml", yaml);
      Engine.compile(rules);
    });
  }

  @Test
  void yamlAndFluentApiBuildTheSameModel() {
    Rule y = RuleLoader.parse("x.yml", GOOD).get(0);
    Rule j = Rule.builder("r1").title("Stopped {requestParameters.name}")
        .severity(Severity.HIGH).mitre("T1562.008").author("someone").license("Apache-2.0")
        .references("https://example.com/r1")
        .logSource(LogSource.cloudTrail().eventSource("cloudtrail.amazonaws.com"))
        .select("selection", Field.of("eventName").equalsAny("StopLogging", "DeleteTrail"))
        .select("filter", Field.of("errorCode").exists())
        .condition("selection and not filter").build();
    assertEquals(j.selections(), y.selections());
    assertEquals(j.condition().toString(), y.condition().toString());
    assertEquals(j.logSource(), y.logSource());
    assertEquals(j.title(), y.title());
    assertEquals(j.mitre(), y.mitre());
    assertEquals(j.references(), y.references());
    assertEquals(1, y.location().line());
    assertEquals("x.yml", y.location().source());
  }

  @Test
  void severalRulesPerFile() {
    List<Rule> rules = RuleLoader.parse("x.yml", GOOD + "---\n" + GOOD.replace("id: r1", "id: r2"));
    assertEquals(List.of("r1", "r2"), rules.stream().map(Rule::id).toList());
    assertEquals(17, rules.get(1).location().line());
  }

  @Test
  void unknownFieldIsACompileErrorWithFileAndLine() {
    RuleException e = error(GOOD.replace("    eventName: [", "    evntName: ["));
    assertEquals("rules/x.yml", e.location().source());
    assertEquals(12, e.location().line());
    assertTrue(e.getMessage().contains("evntName") && e.getMessage().contains("eventName"),
        e.getMessage());
    RuleException nested = error(GOOD.replace("    errorCode|exists: true",
        "    userIdentity.sessionContext.sesionIssuer.arn|exists: true"));
    assertEquals(14, nested.location().line());
    assertTrue(nested.getMessage().contains("sessionIssuer"), nested.getMessage());
  }

  @Test
  void freeFormJsonPartsAcceptAnyPath() {
    Engine.compile(RuleLoader.parse("x.yml", GOOD.replace("    errorCode|exists: true",
        "    requestParameters.anything.items[*].deep|exists: true")));
  }

  @Test
  void badModifierConditionAndSeverityNameTheirLine() {
    RuleException m = error(GOOD.replace("errorCode|exists", "errorCode|exist"));
    assertEquals(14, m.location().line());
    assertTrue(m.getMessage().contains("unknown modifier 'exist'"), m.getMessage());
    RuleException c = error(GOOD.replace("selection and not filter", "selection and and filter"));
    assertEquals(15, c.location().line());
    RuleException u = error(GOOD.replace("selection and not filter", "selection and not other"));
    assertTrue(u.getMessage().contains("unknown selection 'other'"), u.getMessage());
    RuleException s = error(GOOD.replace("severity: high", "severity: severe"));
    assertEquals(4, s.location().line());
    RuleException k = error(GOOD.replace("author: someone", "auther: someone"));
    assertEquals(6, k.location().line());
    RuleException t = error(GOOD.replace("title: 'Stopped {requestParameters.name}'",
        "title: 'Stopped {requestParameter.name}'"));
    assertTrue(t.getMessage().contains("title"), t.getMessage());
  }

  @Test
  void yamlSyntaxErrorsNameTheLine() {
    RuleException e = error("id: r1\nlogsource: {type: cloudtrail\ndetection: x\n");
    assertEquals("rules/x.yml", e.location().source());
    assertTrue(e.location().line() >= 2, e.toString());
  }

  @Test
  void duplicateKeysAreRejected() {
    RuleException e = error(GOOD.replace("    eventName: [StopLogging, DeleteTrail]",
        "    eventName: StopLogging\n    eventName: DeleteTrail"));
    assertTrue(e.getMessage().contains("duplicate key 'eventName'"), e.getMessage());
    assertEquals(13, e.location().line());
    assertTrue(error(GOOD + "id: again\n").getMessage().contains("duplicate key 'id'"));
  }

  @Test
  void tagsAreRejected() {
    RuleException global = error(GOOD.replace("author: someone",
        "author: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]"));
    assertEquals(6, global.location().line());
    RuleException local = error(GOOD.replace("author: someone", "author: !custom someone"));
    assertTrue(local.getMessage().contains("tag"), local.getMessage());
    RuleException py = error(GOOD.replace("author: someone", "author: !!python/object:os.system x"));
    assertTrue(py.getMessage().contains("tag") || py.getMessage().contains("YAML"),
        py.getMessage());
  }

  @Test
  void aliasBombsAreRejected() {
    StringBuilder sb = new StringBuilder("id: r1\nx-bomb:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      sb.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        sb.append(j > 0 ? ", " : "").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    RuleException e = error(sb.toString());
    assertTrue(e.getMessage().contains("alias") || e.getMessage().contains("too large")
        || e.getMessage().contains("YAML"), e.getMessage());
  }

  @Test
  void deepNestingIsRejected() {
    String deep = "id: r1\nx-deep: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    RuleException e = error(deep);
    assertTrue(e.getMessage().toLowerCase().contains("nest")
        || e.getMessage().toLowerCase().contains("depth"), e.getMessage());
  }

  @Test
  void mergeKeysAreRejected() {
    RuleException e = error("id: r1\nbase: &b {type: cloudtrail}\nlogsource:\n  <<: *b\n");
    assertTrue(e.getMessage().contains("merge") || e.getMessage().contains("unknown key"),
        e.getMessage());
    RuleException m = error(GOOD.replace("logsource: {type: cloudtrail, eventSource: cloudtrail.amazonaws.com}",
        "logsource:\n  <<: {type: cloudtrail}"));
    assertTrue(m.getMessage().contains("merge"), m.getMessage());
  }

  @Test
  void hugeDocumentsAreRejected() {
    String big = "id: r1\ndescription: '" + "x".repeat(5 << 20) + "'\n";
    RuleException e = error(big);
    assertTrue(e.getMessage().contains("larger"), e.getMessage());
  }

  @Test
  void plainYesNoStayStrings() {
    Rule r = RuleLoader.parse("x.yml", GOOD.replace("    errorCode|exists: true",
        "    additionalEventData.MFAUsed: No")).get(0);
    assertEquals(List.of("No"), r.selections().get("filter").alternatives().get(0).get(0).values());
  }

  @Test
  void nullMeansAbsent() {
    Rule r = RuleLoader.parse("x.yml", GOOD.replace("    errorCode|exists: true",
        "    errorCode: null")).get(0);
    FieldTest t = r.selections().get("filter").alternatives().get(0).get(0);
    assertEquals(List.of("exists"), t.modifiers());
    assertEquals(List.of(false), t.values());
  }

  @Test
  void testsAreReadWithTheirExpectations() {
    Rule r = RuleLoader.parse("x.yml", GOOD + String.join("\n",
        "tests:",
        "  - name: stops",
        "    expect: 2",
        "    finding: {severity: high}",
        "    events:",
        "      - cloudtrail: {eventName: StopLogging, eventTime: '2026-01-01T00:00:00Z', n: 1, b: true, z: null}",
        "      - cloudtrail: '{\"eventName\":\"DeleteTrail\"}'",
        "  - name: nothing",
        "    expect: no-match",
        "    events: [{vpcflow: '2 1 eni-1 1.2.3.4 5.6.7.8 1 2 6 1 1 1 2 ACCEPT OK'}]",
        "")).get(0);
    assertEquals(2, r.tests().size());
    RuleTest t = r.tests().get(0);
    assertEquals(2, t.expectedCount());
    assertEquals("high", t.expectedFields().get("severity"));
    assertEquals("{\"eventName\":\"StopLogging\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"n\":1,"
        + "\"b\":true,\"z\":null}", t.events().get(0).text());
    assertEquals(21, t.events().get(0).location().line());
    assertEquals(0, r.tests().get(1).expectedCount());
    RuleException bad = error(GOOD + "tests:\n  - events: [{cloudtrial: {}}]\n");
    assertTrue(bad.getMessage().contains("cloudtrial"), bad.getMessage());
    assertEquals(17, bad.location().line());
  }

  @Test
  void keywordListsAreRejected() {
    RuleException e = error(GOOD.replace("    eventName: [StopLogging, DeleteTrail]",
        "    - StopLogging"));
    assertTrue(e.getMessage().contains("keyword"), e.getMessage());
  }

  @Test
  void correlationsAndSuppressionAreRead() {
    Rule t = RuleLoader.parse("x.yml", GOOD + String.join("\n",
        "correlation: {type: threshold, groupBy: [sourceIPAddress], window: 5m, distinct: {field: eventName, count: 4}, maxKeys: 100}",
        "suppress: {window: 2h, by: [actor.arn]}", "")).get(0);
    Correlation c = t.correlation();
    assertEquals(Correlation.Kind.THRESHOLD, c.kind());
    assertEquals(java.time.Duration.ofMinutes(5), c.window());
    assertEquals(Correlation.Aggregate.DISTINCT, c.aggregate());
    assertEquals("eventName", c.field());
    assertEquals(0, c.limit().compareTo(java.math.BigDecimal.valueOf(4)));
    assertEquals(100, c.maxKeys());
    assertEquals(Suppression.of(java.time.Duration.ofHours(2), "actor.arn"), t.suppression());
    Rule s = RuleLoader.parse("x.yml", GOOD + String.join("\n",
        "correlation:",
        "  type: sequence",
        "  within: PT30M",
        "  steps:",
        "    - {selection: selection, key: userIdentity.arn}",
        "    - {absent: filter, key: userIdentity.arn}", "")).get(0);
    assertEquals(List.of(new Correlation.Step("selection", "userIdentity.arn", false),
        new Correlation.Step("filter", "userIdentity.arn", true)), s.correlation().steps());
    Engine.compile(List.of(t));
    Engine.compile(List.of(s));
  }

  @Test
  void correlationErrorsNameTheirLine() {
    RuleException kind = error(GOOD + "correlation: {type: sometimes}\n");
    assertEquals(16, kind.location().line());
    RuleException dur = error(GOOD + "correlation:\n  type: threshold\n  window: soon\n");
    assertEquals(18, dur.location().line());
    RuleException wrong = error(GOOD + "correlation:\n  type: new-term\n  count: 3\n");
    assertEquals(18, wrong.location().line());
    assertTrue(wrong.getMessage().contains("threshold"), wrong.getMessage());
    RuleException step = error(GOOD + "correlation:\n  type: sequence\n  steps:\n"
        + "    - {selection: nope, key: eventName}\n    - {selection: filter, key: eventName}\n");
    assertTrue(step.getMessage().contains("nope"), step.getMessage());
    RuleException field = error(GOOD + "correlation: {type: threshold, groupBy: [sourceIpAddress]}\n");
    assertTrue(field.getMessage().contains("sourceIPAddress"), field.getMessage());
  }
}
