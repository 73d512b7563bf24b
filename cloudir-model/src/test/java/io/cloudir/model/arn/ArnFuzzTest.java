package io.cloudir.model.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.LimitExceededException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz targets: the ARN parser and the pattern parser/matcher never throw anything but their
 * documented exceptions, and agree with the references in {@link ArnPropertiesTest}. Seeds are in
 * {@code src/test/resources/io/cloudir/model/arn/ArnFuzzTestInputs/<method>/}; a plain {@code mvn
 * test} runs only the seeds, {@code JAZZER_FUZZ=1} fuzzes.
 */
class ArnFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void tryParse(byte[] data) {
    String s = new String(data, StandardCharsets.UTF_8);
    Optional<Arn> arn = Arn.tryParse(s);
    assertEquals(arn.isPresent(), Arn.isValid(s));
    if (arn.isPresent()) {
      Arn a = arn.get();
      assertEquals(s, a.toString());
      assertEquals(
          s,
          "arn:" + a.partition() + ":" + a.service() + ":" + a.region() + ":" + a.account() + ":"
              + a.resource());
      a.resourceType();
      a.resourceId();
      a.qualifier();
      a.path();
      a.bucket();
      a.key();
      assertTrue(ArnPattern.of(a).matches(a));
    } else {
      try {
        Arn.parse(s);
        throw new AssertionError("parse accepted what tryParse rejected: " + s);
      } catch (ArnParseException e) {
        assertTrue(e.position() >= 0 && e.position() <= s.length());
      }
    }
  }

  /** Input: pattern, a newline, then the string to match (and a second pattern after another newline). */
  @FuzzTest(maxDuration = "30s")
  void patternParseAndMatch(byte[] data) {
    String all = new String(data, StandardCharsets.UTF_8);
    int nl = all.indexOf('\n');
    String patternText = nl < 0 ? all : all.substring(0, nl);
    String rest = nl < 0 ? "" : all.substring(nl + 1);
    int nl2 = rest.indexOf('\n');
    String input = nl2 < 0 ? rest : rest.substring(0, nl2);
    String other = nl2 < 0 ? "*" : rest.substring(nl2 + 1);
    ArnPattern p;
    try {
      p = ArnPattern.parse(patternText);
    } catch (ArnPatternException e) {
      assertTrue(e.position() >= 0 && e.position() <= patternText.length());
      return;
    }
    boolean m = p.matches(input);
    Arn.tryParse(input).ifPresent(a -> assertEquals(m, p.matches(a)));
    List<ArnPattern> bound = p.bind(name -> List.of("v"));
    ArnPattern literal = ArnPattern.parseWithoutVariables(patternText);
    if (!p.hasVariables() && patternText.indexOf('$') < 0 && patternText.length() <= 8 && input.length() <= 10) {
      assertEquals(ArnPropertiesTest.ref(patternText, input), m, patternText + " vs " + input);
      assertEquals(m, literal.matches(input));
    }
    ArnPattern q = ArnPattern.parseWithoutVariables(other);
    try {
      Optional<String> w = p.intersects(q);
      w.ifPresent(s -> assertTrue(p.matches(s) && q.matches(s), "witness " + s));
      Optional<String> cex = p.uncoveredExample(q);
      cex.ifPresent(s -> assertTrue(q.matches(s) && !p.matches(s), "counterexample " + s));
      p.intersectsArn(q).ifPresent(a -> assertTrue(p.matches(a) && q.matches(a)));
      for (ArnPattern b : bound) {
        assertTrue(p.covers(p));
        b.matches(input);
      }
    } catch (LimitExceededException e) {
      // documented: the automaton searches are bounded
    }
  }
}
