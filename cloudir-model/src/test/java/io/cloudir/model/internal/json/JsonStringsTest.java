package io.cloudir.model.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link JsonStrings}: quoting and decoding round-trip, and what quoting must escape. */
class JsonStringsTest {
  private static final long SEED = Long.getLong("cloudir.test.seed", 0x57_0001L);

  private static void roundTrip(String s) throws JsonSyntaxError {
    String q = JsonStrings.quote(s);
    // RFC 8259 section 7: quotation mark, reverse solidus and control characters must be escaped;
    // and the text must be encodable as UTF-8 (no unpaired surrogate left raw)
    for (int i = 1; i < q.length() - 1; i++) {
      char c = q.charAt(i);
      assertFalse(c < 0x20, () -> "raw control character in " + q);
      if (c == '"') {
        assertEquals('\\', q.charAt(i - 1), q);
      }
      if (Character.isHighSurrogate(c)) {
        assertTrue(Character.isLowSurrogate(q.charAt(i + 1)), q);
        i++;
      } else {
        assertFalse(Character.isSurrogate(c), q);
      }
    }
    byte[] b = q.getBytes(StandardCharsets.UTF_8);
    JsonScanner sc = new JsonScanner(4, Integer.MAX_VALUE);
    assertEquals(b.length, sc.scanString(b, 0, b.length), q);
    assertEquals(s, JsonStrings.decode(b, 1, b.length - 1), q);
    assertEquals(sc.lastStringEscaped, JsonStrings.hasEscape(b, 1, b.length - 1), q);
    StringBuilder into = new StringBuilder("x");
    assertEquals("x" + q, JsonStrings.quote(into, s).toString());
  }

  @Test
  void quoteThenDecodeIsIdentityForBasicLatin() {
    qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 40)).checkAssert(s -> {
      try {
        roundTrip(s);
      } catch (JsonSyntaxError e) {
        throw new AssertionError(s + ": " + e.reason(), e);
      }
    });
  }

  @Test
  void quoteThenDecodeIsIdentityForAnyUtf16() throws JsonSyntaxError {
    // every char value, unpaired surrogates included
    SplittableRandom rnd = new SplittableRandom(SEED);
    for (int i = 0; i < 5000; i++) {
      char[] cs = new char[rnd.nextInt(30)];
      for (int k = 0; k < cs.length; k++) {
        int kind = rnd.nextInt(4);
        cs[k] = (char) (kind == 0 ? rnd.nextInt(0x20) : kind == 1 ? 0xD800 + rnd.nextInt(0x800)
            : kind == 2 ? rnd.nextInt(0x80) : rnd.nextInt(0x10000));
      }
      roundTrip(new String(cs));
    }
    for (int c = 0; c < 0x10000; c++) {
      roundTrip(String.valueOf((char) c));
    }
  }

  @Test
  void decodeWithoutEscapesIsUtf8AndWithEscapesSplicesCorrectly() {
    byte[] b = "\u00e9\\u00e9\\n\u20ac\\\\\\/\\uD83D\\uDE00\u00e9".getBytes(StandardCharsets.UTF_8);
    assertEquals("\u00e9\u00e9\n\u20ac\\/" + new String(Character.toChars(0x1F600)) + "\u00e9",
        JsonStrings.decode(b, 0, b.length));
    byte[] plain = "x\u00e9\u20acy".getBytes(StandardCharsets.UTF_8);
    assertEquals("\u00e9\u20ac", JsonStrings.decode(plain, 1, plain.length - 1));
    assertFalse(JsonStrings.hasEscape(plain, 0, plain.length));
  }
}
