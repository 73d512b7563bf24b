package io.cloudir.iam.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.LimitExceededException;

/**
 * Fuzz target for the policy parser: any input either parses (and then parses again to the same
 * statements) or is rejected with a {@link PolicyParseException} or {@link LimitExceededException};
 * nothing else escapes. Seeds under {@code PolicyFuzzTestInputs/parse/}.
 */
class PolicyFuzzTest {
  @FuzzTest
  void parse(FuzzedDataProvider data) {
    String json = data.consumeRemainingAsString();
    Policy p;
    try {
      p = Policy.parse(json, null);
    } catch (PolicyParseException | LimitExceededException e) {
      return;
    }
    assertEquals(p.statements(), Policy.parse(p.json(), null).statements());
  }
}
