package io.cloudir.rules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.cloudir.rules.BuiltinRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs {@link BrokenRulesFixture} and the built-in pack through a JUnit launcher. */
class RuleTestsExtensionTest {
  /** Display name of each finished test (not container) with its result. */
  private static Map<String, TestExecutionResult> run(DiscoverySelector s) {
    Map<String, TestExecutionResult> out = new LinkedHashMap<>();
    List<String> containerFailures = new ArrayList<>();
    Launcher l = LauncherFactory.create();
    l.execute(LauncherDiscoveryRequestBuilder.request().selectors(s).build(),
        new TestExecutionListener() {
          @Override
          public void executionFinished(TestIdentifier id, TestExecutionResult r) {
            if (id.isTest()) {
              out.put(id.getDisplayName(), r);
            } else if (r.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
              out.put("container " + id.getDisplayName(), r);
            }
          }
        });
    return out;
  }

  private static String message(TestExecutionResult r) {
    return r.getThrowable().map(Throwable::getMessage).orElse("");
  }

  @Test
  void eachEmbeddedTestIsReportedWithFileTestAndDifferingField() {
    Map<String, TestExecutionResult> r = run(selectMethod(BrokenRulesFixture.class, "broken",
        RuleCase.class.getName()));
    assertEquals(List.of("broken-stop-logging / a stop is found",
        "broken-stop-logging / wrong severity", "broken-stop-logging / a stop that is not expected",
        "broken-untested / a delete is found", "broken-untested / coverage"),
        List.copyOf(r.keySet()));
    assertEquals(TestExecutionResult.Status.SUCCESSFUL,
        r.get("broken-stop-logging / a stop is found").getStatus());
    assertEquals(TestExecutionResult.Status.SUCCESSFUL,
        r.get("broken-untested / a delete is found").getStatus());
    String severity = message(r.get("broken-stop-logging / wrong severity"));
    assertTrue(severity.startsWith("src/test/resources/io/cloudir/rules/junit/broken.yml:17: "
        + "rule broken-stop-logging, test 'wrong severity': finding field severity: expected "
        + "'low', got 'high'"), severity);
    String unexpected = message(r.get("broken-stop-logging / a stop that is not expected"));
    assertTrue(unexpected.contains("broken.yml:") && unexpected.contains(
        "test 'a stop that is not expected': expected 0 finding(s), got 1"), unexpected);
    String coverage = message(r.get("broken-untested / coverage"));
    assertTrue(coverage.contains("broken-untested lacks a negative test"), coverage);
    assertTrue(r.get("broken-untested / coverage").getThrowable().orElseThrow()
        instanceof AssertionError);
  }

  @Test
  void classPathFilesAndLoadErrors() {
    Map<String, TestExecutionResult> cp = run(selectMethod(BrokenRulesFixture.class,
        "fromTheClassPath"));
    assertEquals(5, cp.size(), cp.keySet().toString());
    assertEquals(3, cp.values().stream()
        .filter(x -> x.getStatus() == TestExecutionResult.Status.FAILED).count());
    Map<String, TestExecutionResult> missing = run(selectMethod(BrokenRulesFixture.class,
        "missing"));
    assertEquals(1, missing.size(), missing.toString());
    TestExecutionResult m = missing.values().iterator().next();
    assertEquals(TestExecutionResult.Status.FAILED, m.getStatus());
    assertTrue(m.getThrowable().orElseThrow().toString().contains("no-such-file.yml"),
        m.getThrowable().toString());
  }

  @Test
  void theBuiltinPackRunsOneTestPerEmbeddedTestAndAllPass() {
    Map<String, TestExecutionResult> r = run(selectClass(BuiltinPackTest.class));
    long embedded = BuiltinPackTest.testsIn(BuiltinRules.load());
    long fromFirstFive = BuiltinPackTest.testsIn(BuiltinRules.load().subList(0, 5));
    assertEquals(embedded + fromFirstFive, r.size());
    List<String> failed = new ArrayList<>();
    r.forEach((k, v) -> {
      if (v.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
        failed.add(k + ": " + message(v));
      }
    });
    assertTrue(failed.isEmpty(), String.join("\n", failed));
  }
}
