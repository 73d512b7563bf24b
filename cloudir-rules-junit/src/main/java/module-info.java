/**
 * cloudir-rules-junit: a JUnit 5 extension that reports every test embedded in cloudir rules as a
 * test of its own ({@link io.cloudir.rules.junit.RuleTests}). Kept out of cloudir-rules so that
 * JUnit is never on that module's runtime class path.
 */
module io.cloudir.rules.junit {
  requires static transitive org.jspecify;
  requires transitive io.cloudir.rules;
  requires transitive org.junit.jupiter.api;

  exports io.cloudir.rules.junit;
}
