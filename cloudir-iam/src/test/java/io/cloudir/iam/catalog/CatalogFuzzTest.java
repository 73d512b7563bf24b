package io.cloudir.iam.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Fuzz targets for the catalog's inputs that come from users and evidence: action patterns and
 * ARNs. In a plain test run the seeds under {@code CatalogFuzzTestInputs/} are replayed; with
 * {@code JAZZER_FUZZ=1} Jazzer explores.
 */
class CatalogFuzzTest {
  private static final ActionCatalog CATALOG = ActionCatalog.bundled();

  @FuzzTest
  void expand(FuzzedDataProvider data) {
    String pattern = data.consumeRemainingAsString();
    List<ActionInfo> got = CATALOG.expand(pattern);
    for (ActionInfo a : got) {
      assertTrue(ReferenceGlob.matches(pattern, a.fullName()), pattern + " gave " + a);
    }
    if (pattern.length() < 40 && pattern.indexOf(':') > 0
        && pattern.substring(0, pattern.indexOf(':')).chars().noneMatch(c -> c == '*' || c == '?')) {
      // within one service the brute-force reference is cheap: compare exactly
      long expected = CATALOG.actions().stream()
          .filter(a -> ReferenceGlob.matches(pattern, a.fullName())).count();
      assertEquals(expected, got.size(), pattern);
    }
  }

  @FuzzTest
  void resourceTypeOf(FuzzedDataProvider data) {
    String arn = data.consumeRemainingAsString();
    List<ResourceTypeInfo> all = CATALOG.resourceTypesOf(arn);
    for (ResourceTypeInfo t : all) {
      assertTrue(t.matches(arn), arn + " listed " + t);
    }
    assertEquals(all.isEmpty() ? null : all.get(0), CATALOG.resourceTypeOf(arn).orElse(null));
  }

  @FuzzTest
  void conditionKey(FuzzedDataProvider data) {
    String name = data.consumeRemainingAsString();
    CATALOG.conditionKey(name).ifPresent(k -> assertTrue(k.matches(name), name + " gave " + k));
  }
}
