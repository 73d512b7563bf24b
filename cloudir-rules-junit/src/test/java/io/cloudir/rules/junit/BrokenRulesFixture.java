package io.cloudir.rules.junit;

/**
 * Not run by the build on its own (its name does not end in Test): {@link RuleTestsExtensionTest}
 * runs it through a JUnit launcher and expects its failures.
 */
class BrokenRulesFixture {
  @RuleTests("src/test/resources/io/cloudir/rules/junit/broken.yml")
  void broken(RuleCase c) {}

  @RuleTests("classpath:io/cloudir/rules/junit/broken.yml")
  void fromTheClassPath() {}

  @RuleTests("src/test/resources/io/cloudir/rules/junit/no-such-file.yml")
  void missing() {}
}
