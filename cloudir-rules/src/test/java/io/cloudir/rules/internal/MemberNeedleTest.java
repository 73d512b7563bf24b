package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MemberNeedle} is never wrong when it says "absent": on random JSON documents (names
 * written plainly or escaped, names hidden in string values, nested objects and arrays) a
 * member it declares absent is absent at every depth according to the model's JSON parser (which decodes the names), and its word-at-a-time
 * search answers as the byte-by-byte one on random bytes and every sub-range.
 */
class MemberNeedleTest {
  private static final List<String> NAMES = List.of("ec2RoleDelivery", "key", "a", "ab",
      "bucketName", "policyDocument", "k\u00e9y", "x-y");

  @Test
  void absentMeansNoMemberAtAnyDepth() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    int absentSeen = 0;
    int presentSeen = 0;
    for (int i = 0; i < 4000; i++) {
      StringBuilder sb = new StringBuilder();
      object(rnd, sb, 0);
      byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
      Set<String> names = new HashSet<>();
      collect(JsonValue.parse(sb.toString()), names);
      for (String n : NAMES) {
        MemberNeedle needle = MemberNeedle.of(n);
        assertNotNull(needle, n);
        boolean absent = needle.surelyAbsent(b, 0, b.length);
        assertEquals(needle.surelyAbsentSlow(b, 0, b.length), absent, "seed " + seed + ": " + sb);
        if (absent) {
          absentSeen++;
          assertFalse(names.contains(n), "seed " + seed + ": '" + n + "' in " + sb);
        }
        if (names.contains(n)) {
          presentSeen++;
        }
      }
    }
    assertTrue(absentSeen > 1000 && presentSeen > 1000, "seed " + seed + ": generator too narrow");
  }

  @Test
  void wordSearchAgreesWithByteSearchOnEveryRange() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    byte[] alphabet = "\"\\abkeyc2RolDivr{}:, ".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 3000; i++) {
      byte[] b = new byte[rnd.nextInt(60)];
      for (int k = 0; k < b.length; k++) {
        b[k] = alphabet[rnd.nextInt(alphabet.length)];
      }
      if (b.length > 20 && rnd.nextBoolean()) { // plant a needle somewhere
        byte[] q = ("\"" + NAMES.get(rnd.nextInt(4)) + "\"").getBytes(StandardCharsets.UTF_8);
        int at = rnd.nextInt(b.length - q.length + 1);
        System.arraycopy(q, 0, b, at, q.length);
      }
      for (String n : NAMES) {
        MemberNeedle needle = MemberNeedle.of(n);
        for (int s = 0; s <= b.length; s++) {
          for (int e = s; e <= b.length; e += 1 + rnd.nextInt(3)) {
            assertEquals(needle.surelyAbsentSlow(b, s, e), needle.surelyAbsent(b, s, e),
                "seed " + seed + ": " + n + " in [" + s + ", " + e + ") of "
                + new String(b, StandardCharsets.ISO_8859_1));
          }
        }
      }
    }
  }

  @Test
  void namesWrittenOnlyEscapedHaveNoNeedle() {
    assertNull(MemberNeedle.of(""));
    assertNull(MemberNeedle.of("a\"b"));
    assertNull(MemberNeedle.of("a\\b"));
    assertNull(MemberNeedle.of("a\tb"));
    assertNull(MemberNeedle.of("\ud800"));
    byte[] b = "{\"x\":\"\\\"key\\\"\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(MemberNeedle.of("key").surelyAbsent(b, 0, b.length)); // a backslash: unknown
  }

  private static void object(SplittableRandom rnd, StringBuilder sb, int depth) {
    sb.append('{');
    int n = rnd.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      name(rnd, sb);
      sb.append(':');
      value(rnd, sb, depth + 1);
    }
    sb.append('}');
  }

  private static void name(SplittableRandom rnd, StringBuilder sb) {
    String n = rnd.nextInt(3) == 0 ? "other" + rnd.nextInt(5) : NAMES.get(rnd.nextInt(NAMES.size()));
    sb.append('"');
    if (rnd.nextInt(6) == 0) { // escaped: the raw bytes are not the name
      sb.append(String.format("\\u%04x", (int) n.charAt(0))).append(n, 1, n.length());
    } else {
      sb.append(n);
    }
    sb.append('"');
  }

  private static void value(SplittableRandom rnd, StringBuilder sb, int depth) {
    switch (depth > 3 ? rnd.nextInt(3) : rnd.nextInt(6)) {
      case 0 -> sb.append(rnd.nextInt(1000));
      case 1 -> sb.append("\"v").append(rnd.nextBoolean() ? NAMES.get(rnd.nextInt(NAMES.size())) : "")
          .append('"'); // a name inside a value, not as a member
      case 2 -> sb.append(rnd.nextBoolean() ? "true" : "null");
      case 3, 4 -> object(rnd, sb, depth);
      default -> {
        sb.append('[');
        int n = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',');
          }
          value(rnd, sb, depth + 1);
        }
        sb.append(']');
      }
    }
  }

  private static void collect(JsonValue v, Set<String> names) {
    if (v.isObject()) {
      for (java.util.Map.Entry<String, JsonValue> e : v.entries()) {
        names.add(e.getKey());
        collect(e.getValue(), names);
      }
    } else if (v.isArray()) {
      for (JsonValue e : v.elements()) {
        collect(e, names);
      }
    }
  }
}
