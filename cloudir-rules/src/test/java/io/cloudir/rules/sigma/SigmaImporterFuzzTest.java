package io.cloudir.rules.sigma;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.rules.Engine;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleException;
import java.util.List;

/**
 * Fuzz target for the Sigma importer: whatever the bytes, importing gives rules or throws a
 * {@link RuleException} with the file name; compiling what was imported gives an engine or a
 * {@link RuleException} with a location. Seeds in {@code SigmaImporterFuzzTestInputs/load/}.
 */
class SigmaImporterFuzzTest {
  @FuzzTest
  void load(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    SigmaImporter.isSigma(text);
    List<Rule> rules;
    try {
      rules = SigmaImporter.create().parse("fuzz.yml", text);
    } catch (RuleException e) {
      if (!"fuzz.yml".equals(e.location().source())) {
        throw new AssertionError("error without the file: " + e, e);
      }
      return;
    }
    try {
      Engine.compile(rules);
    } catch (RuleException e) {
      if (e.location() == null) {
        throw new AssertionError("error without a location: " + e, e);
      }
    }
  }
}
