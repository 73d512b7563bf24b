package io.cloudir.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.MalformedInputException;

/**
 * Fuzz target for {@link JsonValue#parse(byte[])}. Seeds are in {@code
 * JsonValueFuzzTestInputs/fuzz/}; a plain test run replays them, {@code JAZZER_FUZZ=1} fuzzes.
 */
class JsonValueFuzzTest {

  @FuzzTest
  void fuzz(byte[] data) {
    JsonValue v;
    try {
      v = JsonValue.parse(data);
    } catch (MalformedInputException e) { // LimitExceededException included
      if (e.location().offset() < 0 || e.location().offset() > data.length) {
        throw new AssertionError("error offset outside the input: " + e.getMessage(), e);
      }
      return;
    }
    Object java = v.toJava(); // must not throw on anything parse accepted
    JsonValue again = JsonValue.parse(v.toJson());
    assertEquals(v, again);
    assertEquals(v.hashCode(), again.hashCode());
    assertEquals(java, again.toJava());
    // navigation over everything must not throw either
    walk(v, 0);
  }

  private static void walk(JsonValue v, int depth) {
    if (depth > 64) {
      return;
    }
    for (var e : v.entries()) {
      JsonValue byName = v.get(e.getKey());
      if (byName == null) {
        throw new AssertionError("member " + e.getKey() + " not found by get in " + v);
      }
      walk(e.getValue(), depth + 1);
    }
    int i = 0;
    for (JsonValue x : v.elements()) {
      assertEquals(x.toJson(), v.get(i++).toJson());
      walk(x, depth + 1);
    }
    if (v.isNumber()) {
      v.asBigDecimal();
      v.asDouble();
    } else if (v.isString()) {
      assertEquals(v.asString(), JsonValue.ofString(v.asString()).asString());
    }
  }
}
