package io.cloudir.rules;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz target for the YAML rule loader and the compiler behind it: whatever the bytes, loading
 * either gives rules or throws {@link RuleException} — never another exception, an
 * {@code OutOfMemoryError} or a {@code StackOverflowError}. Seeds in {@code
 * RuleLoaderFuzzTestInputs/load/}; {@code JAZZER_FUZZ=1} explores.
 */
class RuleLoaderFuzzTest {
  @FuzzTest(maxDuration = "60s")
  void load(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    List<Rule> rules;
    try {
      rules = RuleLoader.parse("fuzz.yml", text);
    } catch (RuleException e) {
      if (e.location().source() == null) {
        throw new AssertionError("error without a file: " + e);
      }
      return;
    }
    try {
      Engine.compile(rules);
      RuleTester.run(rules);
    } catch (RuleException e) {
      // a rule that does not compile: reported with a location, which is what we want
      if (e.location() == null) {
        throw new AssertionError("error without a location: " + e);
      }
    }
  }
}
