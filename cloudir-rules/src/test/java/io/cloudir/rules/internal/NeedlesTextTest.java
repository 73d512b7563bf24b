package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link AsciiText.Needles#containedInExactly} answers as one {@code contains} per needle, on
 * random texts (ASCII and not) and random needle sets (empty needles and single chars included).
 */
class NeedlesTextTest {
  @Test
  void agreesWithOneContainsPerNeedle() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    String alphabet = "abc_- A\u00e9\u212a\u0131";
    for (int i = 0; i < 5000; i++) {
      List<String> needles = new ArrayList<>();
      int n = 1 + rnd.nextInt(5);
      for (int k = 0; k < n; k++) {
        needles.add(text(rnd, "abc_- A", rnd.nextInt(k == 0 ? 4 : 5) + (rnd.nextInt(20) == 0 ? 0 : 1)));
      }
      AsciiText.Needles set = AsciiText.Needles.of(needles, false);
      for (int j = 0; j < 20; j++) {
        String t = text(rnd, alphabet, rnd.nextInt(16));
        boolean expected = needles.stream().anyMatch(t::contains);
        assertEquals(expected, set.containedInExactly(t), "seed " + seed + ": " + needles + " in '"
            + t + "'");
      }
    }
  }

  private static String text(SplittableRandom rnd, String alphabet, int len) {
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < len; k++) {
      sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
