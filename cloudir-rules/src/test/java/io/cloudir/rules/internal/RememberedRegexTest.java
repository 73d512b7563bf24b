package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** {@link Matchers.RememberedRegex} answers exactly what a fresh search answers, every time. */
class RememberedRegexTest {
  private static final List<String> REGEXES = List.of(":role/(.*/)?[^/]*(admin|root)[^/]*$",
      "^a+b?$", "(?i)ab{2,3}", "b$", "^$");

  @Test
  void agreesWithSearchingAgainOnRepeatedAndFreshTexts() {
    qt().withExamples(100).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      Pattern p = Pattern.compile(REGEXES.get(r.nextInt(REGEXES.size())));
      Matchers.RememberedRegex m = new Matchers.RememberedRegex(p);
      String[] pool = new String[1 + r.nextInt(Matchers.RememberedRegex.MAX + 200)];
      for (int i = 0; i < pool.length; i++) {
        StringBuilder sb = new StringBuilder(r.nextInt(8) == 0 ? ":role/x/" : "");
        int len = r.nextInt(10) == 0 ? Matchers.RememberedRegex.MAX_TEXT + r.nextInt(3) : r.nextInt(12);
        for (int k = 0; k < len; k++) {
          sb.append("abAB/:".charAt(r.nextInt(6)));
        }
        if (r.nextBoolean()) {
          sb.append(r.nextBoolean() ? "admin" : "root");
        }
        pool[i] = sb.toString();
      }
      for (int i = 0; i < 3 * pool.length; i++) {
        String t = pool[r.nextInt(pool.length)];
        assertEquals(p.matcher(t).find(), m.find(t), "seed " + seed + " text " + t);
      }
    });
  }
}
