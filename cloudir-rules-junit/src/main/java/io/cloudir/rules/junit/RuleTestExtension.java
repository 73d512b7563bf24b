package io.cloudir.rules.junit;

import io.cloudir.rules.BuiltinRules;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The extension behind {@link RuleTests}: loads the rules the annotation names and provides one
 * invocation per {@link RuleCase}, which resolves {@code RuleCase} parameters and checks the rule
 * test after the method ran. Rule files that do not load fail the template with the file and line
 * of the error.
 *
 * <p>Stateless and thread-safe.
 */
public final class RuleTestExtension implements TestTemplateInvocationContextProvider {
  /** Used by JUnit. */
  public RuleTestExtension() {}

  @Override
  public boolean supportsTestTemplate(ExtensionContext context) {
    return context.getTestMethod().map(m -> annotation(m) != null).orElse(false);
  }

  private static @Nullable RuleTests annotation(Method m) {
    return m.getAnnotation(RuleTests.class);
  }

  @Override
  public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(
      ExtensionContext context) {
    Method m = context.getRequiredTestMethod();
    RuleTests a = annotation(m);
    if (a == null) {
      throw new ExtensionConfigurationException("@RuleTests missing on " + m);
    }
    List<Rule> rules = new ArrayList<>();
    if (a.builtin()) {
      rules.addAll(BuiltinRules.load());
    }
    for (String p : a.value()) {
      rules.addAll(load(p, context.getRequiredTestClass()));
    }
    if (rules.isEmpty()) {
      throw new ExtensionConfigurationException("@RuleTests on " + m.getName()
          + " names no rule (give paths or builtin = true)");
    }
    return RuleCase.of(rules, a.requireBothKinds()).stream().map(CaseInvocation::new);
  }

  private static List<Rule> load(String p, Class<?> testClass) {
    if (!p.startsWith("classpath:")) {
      return RuleLoader.load(Path.of(p));
    }
    String name = p.substring("classpath:".length());
    String abs = name.startsWith("/") ? name : "/" + name;
    try (InputStream in = testClass.getResourceAsStream(abs)) {
      if (in == null) {
        throw new ExtensionConfigurationException("no rule file " + abs + " on the class path of "
            + testClass.getName());
      }
      return RuleLoader.load(name, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One rule test. */
  private static final class CaseInvocation implements TestTemplateInvocationContext {
    private final RuleCase c;

    CaseInvocation(RuleCase c) {
      this.c = c;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
      return c.displayName();
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
      return List.of(new Resolver(c), new Check(c));
    }
  }

  /** Gives the method its {@link RuleCase}. */
  private static final class Resolver implements ParameterResolver {
    private final RuleCase c;

    Resolver(RuleCase c) {
      this.c = c;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
      return p.getParameter().getType() == RuleCase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
      return c;
    }
  }

  /** Runs the rule test once the method returned. */
  private static final class Check implements InvocationInterceptor {
    private final RuleCase c;

    Check(RuleCase c) {
      this.c = c;
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
        ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
        throws Throwable {
      invocation.proceed();
      c.assertPasses();
    }
  }
}
