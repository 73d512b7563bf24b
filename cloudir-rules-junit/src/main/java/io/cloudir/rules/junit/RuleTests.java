package io.cloudir.rules.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the tests embedded in rules, each as a JUnit test of its own named {@code rule-id / test
 * name}; a failure names the rule file and line, the test and what differed (the finding count or
 * the finding field, expected and actual). The annotated method is called once per rule test with
 * the {@link RuleCase} (it may take it as a parameter to add checks of its own); the rule test is
 * checked after the method returns.
 *
 * <pre>{@code
 * class MyRulesTest {
 *   @RuleTests("src/main/rules")
 *   void rules(RuleCase rule) {}
 * }
 * }</pre>
 *
 * <p>With {@link #requireBothKinds()} (the default), every rule without a positive and a negative
 * test also adds a failing {@code rule-id / coverage} test.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(RuleTestExtension.class)
public @interface RuleTests {
  /**
   * Rule files or directories (every {@code .yml}/{@code .yaml} file under them), relative to the
   * working directory, or {@code classpath:name} for a rule file on the test's class path.
   */
  String[] value() default {};

  /** Whether to run the tests of cloudir's built-in pack too. */
  boolean builtin() default false;

  /** Whether a rule lacking a positive or a negative test is a failure. */
  boolean requireBothKinds() default true;
}
