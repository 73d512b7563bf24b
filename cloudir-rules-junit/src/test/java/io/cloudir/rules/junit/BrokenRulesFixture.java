package io.cloudir.rules.junit;

/**
 * Not run by the build on its own (its name does not end in Test, and it has no test methods):
 * {@link RuleTestsExtensionTest} drives {@link RuleTestExtension} over its annotated methods and
 * expects the failures of the deliberately broken rule file.
 */
class BrokenRulesFixture {
  @RuleTests("src/test/resources/io/cloudir/rules/junit/broken.yml")
  void broken(RuleCase c) {}

  @RuleTests("classpath:io/cloudir/rules/junit/broken.yml")
  void fromTheClassPath() {}

  @RuleTests("src/test/resources/io/cloudir/rules/junit/no-such-file.yml")
  void missing() {}

  @RuleTests
  void nothing() {}

  void notAnnotated() {}
}
