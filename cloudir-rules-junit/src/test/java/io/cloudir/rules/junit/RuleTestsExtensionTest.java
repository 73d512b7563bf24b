package io.cloudir.rules.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * Drives {@link RuleTestExtension} the way JUnit does over {@link BrokenRulesFixture} (a
 * deliberately broken rule file) and checks what each invocation reports.
 */
class RuleTestsExtensionTest {
  private final RuleTestExtension ext = new RuleTestExtension();

  /** The parts of an {@link ExtensionContext} a template provider reads, for one method. */
  private static ExtensionContext context(String method, Class<?>... params) throws Exception {
    Method m = BrokenRulesFixture.class.getDeclaredMethod(method, params);
    return (ExtensionContext) Proxy.newProxyInstance(ExtensionContext.class.getClassLoader(),
        new Class<?>[] {ExtensionContext.class}, (proxy, called, args) -> switch (called.getName()) {
          case "getTestMethod" -> Optional.of(m);
          case "getRequiredTestMethod" -> m;
          case "getTestClass" -> Optional.of(BrokenRulesFixture.class);
          case "getRequiredTestClass" -> BrokenRulesFixture.class;
          default -> throw new UnsupportedOperationException(called.getName());
        });
  }

  /** Display name → the failure of running the invocation (null when it passed). */
  private Map<String, AssertionError> invoke(ExtensionContext ctx) throws Throwable {
    Map<String, AssertionError> out = new LinkedHashMap<>();
    List<TestTemplateInvocationContext> all = ext.provideTestTemplateInvocationContexts(ctx)
        .collect(Collectors.toList());
    for (int i = 0; i < all.size(); i++) {
      TestTemplateInvocationContext inv = all.get(i);
      List<Extension> extensions = inv.getAdditionalExtensions();
      ParameterResolver resolver = (ParameterResolver) extensions.get(0);
      InvocationInterceptor check = (InvocationInterceptor) extensions.get(1);
      List<Object> ran = new ArrayList<>();
      AssertionError failure = null;
      try {
        check.interceptTestTemplateMethod(new InvocationInterceptor.Invocation<Void>() {
          @Override
          public Void proceed() {
            ran.add("method");
            return null;
          }
        }, null, ctx);
      } catch (AssertionError e) {
        failure = e;
      }
      assertEquals(List.of("method"), ran, "the test method runs first");
      out.put(inv.getDisplayName(i + 1), failure);
      assertTrue(resolver.supportsParameter(parameter(RuleCase.class), ctx));
      assertFalse(resolver.supportsParameter(parameter(String.class), ctx));
      assertEquals(inv.getDisplayName(i + 1),
          ((RuleCase) resolver.resolveParameter(parameter(RuleCase.class), ctx)).displayName());
    }
    return out;
  }

  /** A parameter context for a parameter of type {@code t}. */
  private static org.junit.jupiter.api.extension.ParameterContext parameter(Class<?> t)
      throws Exception {
    Method holder = RuleTestsExtensionTest.class.getDeclaredMethod("holder", RuleCase.class,
        String.class);
    java.lang.reflect.Parameter p = holder.getParameters()[t == RuleCase.class ? 0 : 1];
    return (org.junit.jupiter.api.extension.ParameterContext) Proxy.newProxyInstance(
        ExtensionContext.class.getClassLoader(),
        new Class<?>[] {org.junit.jupiter.api.extension.ParameterContext.class},
        (proxy, called, args) -> switch (called.getName()) {
          case "getParameter" -> p;
          case "getIndex" -> t == RuleCase.class ? 0 : 1;
          default -> throw new UnsupportedOperationException(called.getName());
        });
  }

  @SuppressWarnings("unused")
  private static void holder(RuleCase c, String s) {}

  @Test
  void eachEmbeddedTestIsReportedWithFileTestAndDifferingField() throws Throwable {
    ExtensionContext ctx = context("broken", RuleCase.class);
    assertTrue(ext.supportsTestTemplate(ctx));
    Map<String, AssertionError> r = invoke(ctx);
    assertEquals(List.of("broken-stop-logging / a stop is found",
        "broken-stop-logging / wrong severity", "broken-stop-logging / a stop that is not expected",
        "broken-untested / a delete is found", "broken-untested / coverage"),
        List.copyOf(r.keySet()));
    assertEquals(null, r.get("broken-stop-logging / a stop is found"));
    assertEquals(null, r.get("broken-untested / a delete is found"));
    String severity = r.get("broken-stop-logging / wrong severity").getMessage();
    assertTrue(severity.startsWith("src/test/resources/io/cloudir/rules/junit/broken.yml:18: "
        + "rule broken-stop-logging, test 'wrong severity': finding field severity: expected "
        + "'low', got 'high'"), severity);
    String unexpected = r.get("broken-stop-logging / a stop that is not expected").getMessage();
    assertTrue(unexpected.contains("broken.yml:") && unexpected.contains(
        "test 'a stop that is not expected': expected 0 finding(s), got 1"), unexpected);
    String coverage = r.get("broken-untested / coverage").getMessage();
    assertTrue(coverage.contains("broken-untested lacks a negative test"), coverage);
  }

  @Test
  void classPathFilesLoadErrorsAndMisuse() throws Throwable {
    Map<String, AssertionError> cp = invoke(context("fromTheClassPath"));
    assertEquals(5, cp.size(), cp.keySet().toString());
    assertEquals(3, cp.values().stream().filter(e -> e != null).count());
    RuntimeException missing = assertThrows(RuntimeException.class, () -> invoke(
        context("missing")));
    assertTrue(missing.toString().contains("no-such-file.yml"), missing.toString());
    ExtensionConfigurationException none = assertThrows(ExtensionConfigurationException.class,
        () -> invoke(context("nothing")));
    assertTrue(none.getMessage().contains("names no rule"), none.getMessage());
    assertFalse(ext.supportsTestTemplate(context("notAnnotated")));
  }

  @Test
  void aRuleThatDoesNotCompileFailsEachOfItsTestsWithTheCompileError() {
    io.cloudir.rules.Rule bad = io.cloudir.rules.RuleLoader.parse("bad.yml",
        "id: bad\nlogsource: {type: cloudtrail}\ndetection: {s: {eventNmae: X}}\ntests:\n"
            + "- name: p\n  events: [{cloudtrail: {eventName: X}}]\n- name: n\n  expect: no-match\n"
            + "  events: [{cloudtrail: {eventName: Y}}]\n").get(0);
    List<RuleCase> cases = RuleCase.of(List.of(bad), true);
    assertEquals(2, cases.size());
    AssertionError e = assertThrows(AssertionError.class, () -> cases.get(0).assertPasses());
    assertTrue(e.getMessage().startsWith("bad.yml:5: rule bad, test 'p': the rule does not compile")
        && e.getMessage().contains("eventNmae"), e.getMessage());
    assertSame(bad, cases.get(1).rule());
  }
}
