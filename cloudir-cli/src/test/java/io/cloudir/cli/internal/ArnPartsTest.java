package io.cloudir.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The template split of {@link ArnParts}, against a brute-force reading of its rules. */
class ArnPartsTest {

  @Test
  void resourcePartIsAfterTheFifthColon() {
    assertEquals("${BucketName}/${ObjectName}",
        ArnParts.resourcePart("arn:${Partition}:s3:::${BucketName}/${ObjectName}"));
    assertEquals("function:${FunctionName}:${Alias}",
        ArnParts.resourcePart("arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}:${Alias}"));
    assertNull(ArnParts.resourcePart("arn:${Partition}:s3::"));
  }

  @Test
  void splitExamples() {
    assertArrayEquals(new String[] {"b", "k/x"}, ArnParts.split("${B}/${O}", "b/k/x"));
    assertArrayEquals(new String[] {"g", "*"}, ArnParts.split("log-group:${G}", "log-group:g:*"));
    assertArrayEquals(new String[] {"g", null}, ArnParts.split("log-group:${G}", "log-group:g"));
    // the id is the first variable even when a later literal follows it
    assertArrayEquals(new String[] {"t", "stream/s"},
        ArnParts.split("table/${T}/stream/${S}", "table/t/stream/s"));
    assertArrayEquals(new String[] {null, null}, ArnParts.split("root", "root"));
    assertNull(ArnParts.split("root", "rooty"));
    // a variable that does not end the template cannot contain ':'
    assertNull(ArnParts.split("${A}/${B}", "a:b/c"));
    assertNull(ArnParts.split(null, "x"));
  }

  /**
   * Random templates and strings over a tiny alphabet: the capture equals the first of all
   * assignments in order of (end of variable 0, end of variable 1, ...), found by enumerating every
   * assignment.
   */
  @Test
  void captureIsTheShortestFirstAssignment() {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    int matched = 0;
    for (int iter = 0; iter < 20_000; iter++) {
      List<String> lits = new ArrayList<>();
      int vars = rnd.nextInt(4);
      StringBuilder template = new StringBuilder();
      for (int v = 0; v <= vars; v++) {
        String lit = word(rnd, 0, 2);
        lits.add(lit);
        template.append(lit);
        if (v < vars) {
          template.append("${V").append(v).append('}');
        }
      }
      String s = word(rnd, 0, 8);
      ArnParts.Template t = ArnParts.Template.compile(template.toString());
      int[] got = t == null ? null : t.capture(s);
      int[] want = reference(lits, s);
      assertEquals(want == null, got == null, "seed " + seed + ": " + template + " on " + s);
      if (want != null) {
        assertArrayEquals(want, got, "seed " + seed + ": " + template + " on " + s);
        matched++;
      }
    }
    assertEquals(true, matched > 500, "enough matching cases: " + matched);
  }

  private static String word(SplittableRandom rnd, int min, int max) {
    String alphabet = "a/:";
    int n = min + rnd.nextInt(max - min + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  /** Enumerates assignments depth-first, shortest variable first; the first full match wins. */
  private static int @Nullable [] reference(List<String> lits, String s) {
    int vars = lits.size() - 1;
    if (!s.startsWith(lits.get(0))) {
      return null;
    }
    if (vars == 0) {
      return s.equals(lits.get(0)) ? new int[] {0} : null;
    }
    int[] out = new int[2 * vars];
    return search(lits, s, 0, lits.get(0).length(), out) ? out : null;
  }

  private static boolean search(List<String> lits, String s, int v, int p, int[] out) {
    int vars = lits.size() - 1;
    if (v == vars) {
      return p == s.length();
    }
    boolean last = v == vars - 1 && lits.get(vars).isEmpty();
    String after = lits.get(v + 1);
    for (int q = p + 1; q <= s.length(); q++) {
      String value = s.substring(p, q);
      if (!last && value.contains(":")) {
        return false;
      }
      if (s.startsWith(after, q)) {
        out[2 * v] = p;
        out[2 * v + 1] = q;
        if (search(lits, s, v + 1, q + after.length(), out)) {
          return true;
        }
      }
    }
    return false;
  }
}
