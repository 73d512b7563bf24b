package io.cloudir.parsers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Detect#indexOf} (a word-at-a-time search for the needle's second byte) finds exactly what
 * the byte-by-byte search finds, for needles and haystacks made of few letters (so that partial
 * matches abound), at every start and end.
 */
class DetectIndexOfTest {
  private static final String ALPHABET = "\"mesagl\u00e9\n";

  private static String text(SplittableRandom r, int max) {
    StringBuilder sb = new StringBuilder();
    for (int n = r.nextInt(max + 1); n > 0; n--) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  @Test
  void agreesWithTheByteByByteSearch() {
    qt().withExamples(5000).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      byte[] b = text(r, 80).getBytes(StandardCharsets.UTF_8);
      byte[] needle = text(r, 5).getBytes(StandardCharsets.UTF_8);
      int len = b.length - r.nextInt(Math.min(b.length, 9) + 1);
      int from = r.nextInt(len + 1);
      int want = Detect.indexOfPlain(b, from, len, needle);
      assertEquals(want, Detect.indexOf(b, from, len, needle), "seed " + seed);
    });
  }

  @Test
  void findsTheNamesDetectionLooksFor() {
    byte[] needle = "\"logEvents\"".getBytes(StandardCharsets.US_ASCII);
    for (int pad = 0; pad < 40; pad++) {
      String head = "{\"a\":\"l\",\"logEvent\":1," + "x".repeat(pad) + "\"logEvents\":[]}";
      byte[] b = head.getBytes(StandardCharsets.US_ASCII);
      assertEquals(head.indexOf("\"logEvents\""), Detect.indexOf(b, 0, b.length, needle));
      // cut just before the end of the needle: not found
      assertEquals(-1, Detect.indexOf(b, 0, head.indexOf("\"logEvents\"") + needle.length - 1, needle));
    }
  }
}
