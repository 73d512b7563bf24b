package io.cloudir.model.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cloudir.model.LimitExceededException;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.json.RandomJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Edge cases of the scanner with the exact offsets an error must name, streaming behaviour on every
 * cut of valid documents, the SWAR word boundaries and the limits.
 */
class JsonScannerTest {
  private static final long SEED = Long.getLong("cloudir.test.seed", 0x5CA9_0001L);

  /** Bytes of a string whose chars are all below 0x100 (each char is one byte). */
  static byte[] latin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        throw new IllegalArgumentException("not a byte: " + s);
      }
    }
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  static byte[] bytes(int... b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = (byte) b[i];
    }
    return r;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] r = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, r, o, p.length);
      o += p.length;
    }
    return r;
  }

  private static JsonScanner scanner() {
    return new JsonScanner(512, 1 << 20);
  }

  /** The whole buffer as one value at EOF: the end index, or the error. */
  private static int scanAll(byte[] b) throws JsonSyntaxError {
    return scanner().skipValue(b, 0, b.length, 0, true);
  }

  private static JsonSyntaxError error(byte[] b) {
    try {
      int e = scanAll(b);
      int t = JsonScanner.skipWs(b, e, b.length);
      if (t != b.length) {
        return new JsonSyntaxError(t, "trailing data (test harness)");
      }
      throw new AssertionError("accepted: " + show(b));
    } catch (JsonSyntaxError err) {
      return err;
    }
  }

  static String show(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      int c = x & 0xFF;
      sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return sb.toString();
  }

  private static void assertErrorAt(int offset, byte[] b) {
    JsonSyntaxError e = error(b);
    assertEquals(offset, e.offset(), () -> show(b) + ": " + e.reason());
    assertFalse(e.isLimit(), () -> show(b) + ": " + e.reason());
    // the public entry point reports the same offset
    MalformedInputException m = assertThrows(MalformedInputException.class, () -> JsonValue.parse(b));
    assertEquals(offset, m.location().offset(), m.getMessage());
    assertFalse(m instanceof LimitExceededException, m.getMessage());
  }

  // ---------------------------------------------------------------- strings and escapes

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        // escape | code of the character it stands for (RFC 8259 section 7)
        "\\\"|34", "\\\\|92", "\\/|47", "\\b|8", "\\f|12", "\\n|10", "\\r|13", "\\t|9",
      })
  void everyShortEscapeDecodesToItsCharacter(String escape, int code) throws JsonSyntaxError {
    String decoded = String.valueOf((char) code);
    byte[] b = latin1("\"x" + escape + "y\"");
    JsonScanner sc = scanner();
    assertEquals(b.length, sc.scanString(b, 0, b.length));
    assertTrue(sc.lastStringEscaped);
    assertFalse(sc.lastStringNonAscii);
    assertEquals("x" + decoded + "y", JsonStrings.decode(b, 1, b.length - 1));
  }

  @Test
  void unicodeEscapesDecodeIncludingSurrogatePairsAndBothCases() throws JsonSyntaxError {
    String[][] cases = {
      {"\\u0041", "A"}, {"\\u00e9", "\u00e9"}, {"\\u00E9", "\u00e9"}, {"\\u20AC", "\u20ac"},
      {"\\uD83D\\uDE00", new String(Character.toChars(0x1F600))},
      {"\\ud83d\\ude00", new String(Character.toChars(0x1F600))},
      {"\\uDBFF\\uDFFF", new String(Character.toChars(0x10FFFF))},
      {"\\u0000", "\0"}, {"\\uFFFF", "\uFFFF"},
      {"\\uD800", "\uD800"}, // a lone surrogate is syntactically allowed (RFC 8259 section 8.2)
    };
    for (String[] c : cases) {
      byte[] b = latin1("\"" + c[0] + "\"");
      JsonScanner sc = scanner();
      assertEquals(b.length, sc.scanString(b, 0, b.length), c[0]);
      assertTrue(sc.lastStringEscaped, c[0]);
      assertEquals(c[1], JsonStrings.decode(b, 1, b.length - 1), c[0]);
      assertEquals(c[1], JsonValue.parse(b).asString(), c[0]);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        // document | offset of the error
        "\"\\x\"|1", // unknown escape: at the backslash
        "\"ab\\'\"|3",
        "\"\\U0041\"|1",
        "\"\\ \"|1",
        "\"\\u12G4\"|5", // bad hex digit: at that digit
        "\"\\uZ\"|3",
        "\"\\u12\"|5", // too few digits before the quote: at the quote
        "[\"\\u004\"]|7",
        "\"\\u00 1\"|5",
      })
  void badEscapesAreReportedWhereTheyGoWrong(String doc, int offset) {
    assertErrorAt(offset, latin1(doc));
  }

  @Test
  void everyControlCharacterMustBeEscaped() {
    for (int c = 0; c < 0x20; c++) {
      assertErrorAt(3, concat(latin1("[\"a"), bytes(c), latin1("\"]")));
      assertErrorAt(1, concat(latin1("\""), bytes(c), latin1("\"")));
    }
    // DEL and everything above space are allowed raw
    assertEquals("\u007f ~", JsonValue.parse(latin1("\"\u007f ~\"")).asString());
  }

  // ---------------------------------------------------------------- UTF-8

  @Test
  void wellFormedUtf8AtEveryBoundaryIsAccepted() throws JsonSyntaxError {
    int[] codePoints = {
      0x80, 0x7FF, 0x800, 0xFFF, 0x1000, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x3FFFF,
      0x40000, 0xFFFFF, 0x100000, 0x10FFFF,
    };
    for (int cp : codePoints) {
      String s = new String(Character.toChars(cp));
      byte[] b = ("\"" + s + "\"").getBytes(StandardCharsets.UTF_8);
      JsonScanner sc = scanner();
      assertEquals(b.length, sc.scanString(b, 0, b.length), Integer.toHexString(cp));
      assertTrue(sc.lastStringNonAscii);
      assertFalse(sc.lastStringEscaped);
      assertEquals(s, JsonValue.parse(b).asString());
    }
  }

  @Test
  void eachClassOfInvalidUtf8IsRejectedAtTheRightByte() {
    // {sequence..., offset of the error relative to the sequence's first byte}
    int[][] cases = {
      {0x80, 0}, {0xBF, 0}, // continuation byte as lead
      {0xC0, 0x80, 0}, {0xC1, 0xBF, 0}, // lead bytes that only start overlong forms
      {0xF5, 0x80, 0x80, 0x80, 0}, {0xF8, 0x80, 0x80, 0x80, 0}, {0xFF, 0}, // leads above F4
      {0xE0, 0x80, 0x80, 0}, {0xE0, 0x9F, 0xBF, 0}, // overlong three-byte
      {0xF0, 0x80, 0x80, 0x80, 0}, {0xF0, 0x8F, 0xBF, 0xBF, 0}, // overlong four-byte
      {0xED, 0xA0, 0x80, 0}, {0xED, 0xBF, 0xBF, 0}, // encoded surrogates
      {0xF4, 0x90, 0x80, 0x80, 0}, // above U+10FFFF
      {0xC3, 0x41, 1}, {0xE2, 0x82, 0x41, 2}, {0xE2, 0x41, 0x82, 1}, // bad continuation
      {0xF0, 0x9F, 0x98, 0x41, 3},
      {0xC3, 0xC3, 0xA9, 1}, // a lead where a continuation belongs
    };
    for (int[] c : cases) {
      byte[] seq = bytes(Arrays.copyOf(c, c.length - 1));
      int rel = c[c.length - 1];
      assertErrorAt(3 + rel, concat(latin1("[\"a"), seq, latin1("b\"]")));
      assertErrorAt(3 + rel, concat(latin1("{\"a"), seq, latin1("\":1}"))); // in a member name
    }
  }

  @Test
  void truncatedSequencesAtTheEndOfTheBuffer() throws JsonSyntaxError {
    int[][] seqs = {{0xC3}, {0xE2}, {0xE2, 0x82}, {0xF0}, {0xF0, 0x9F}, {0xF0, 0x9F, 0x98}};
    for (int[] s : seqs) {
      byte[] b = concat(latin1("\"a"), bytes(s));
      // more may come: incomplete
      assertEquals(JsonScanner.INCOMPLETE, scanner().scanString(b, 0, b.length), show(b));
      assertEquals(JsonScanner.INCOMPLETE, scanner().skipValue(b, 0, b.length, 0, false), show(b));
      // nothing more comes: an error at the end
      JsonSyntaxError e = assertThrows(JsonSyntaxError.class,
          () -> scanner().skipValue(b, 0, b.length, 0, true));
      assertEquals(b.length, e.offset(), show(b));
      // the sequence then cut by the closing quote: error at the quote
      assertErrorAt(b.length, concat(b, latin1("\"")));
    }
  }

  // ---------------------------------------------------------------- numbers

  @ParameterizedTest
  @ValueSource(strings = {
    "0", "-0", "1", "-1", "10", "1234567890", "0.0", "-0.0", "0.5", "1.25", "1e5", "1E5", "1e+5",
    "1e-5", "1.5e007", "-0e0", "0E-0", "123456789012345678901234567890", "1e999999999",
    "1e-000000000000999999999", "9.999e+100"
  })
  void validNumbers(String n) throws JsonSyntaxError {
    byte[] b = latin1(n);
    assertEquals(b.length, JsonScanner.scanNumber(b, 0, b.length, true), n);
    assertEquals(JsonScanner.INCOMPLETE, JsonScanner.scanNumber(b, 0, b.length, false), n);
    byte[] inArray = latin1("[" + n + "]");
    assertEquals(inArray.length, scanAll(inArray), n);
    assertEquals(1 + b.length, JsonScanner.scanNumber(inArray, 1, inArray.length, false), n);
    assertEquals(0, new java.math.BigDecimal(n).compareTo(JsonValue.parse(b).asBigDecimal()), n);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "01|0", // leading zero: at the number's start
        "-01|0",
        "[00]|1",
        "-|1", // nothing after the sign
        "-x|1",
        "--1|1",
        "[-]|2",
        "1.|2", // no digit after the point
        "1.x|2",
        "1.e5|2",
        "[1.]|3",
        "1e|2", // no digit in the exponent
        "1e+|3",
        "1E-x|3",
        "[1e]|3",
        ".5|0",
        "+1|0",
        "1.5.|3", // trailing data after a complete number
        "0x10|1",
        "1 2|2",
        "Infinity|0",
        "NaN|0",
        "-Infinity|1",
      })
  void invalidNumbers(String doc, int offset) {
    assertErrorAt(offset, latin1(doc));
  }

  @Test
  void anExponentBigDecimalCannotHoldIsALimit() {
    // {document, offset of the exponent's first digit}
    Object[][] cases = {{"1e1000000000", 2}, {"1e-99999999999", 3}, {"[2.5E+12345678901]", 6},
      {"-0.1e00000012345678901", 5}};
    for (Object[] c : cases) {
      String n = (String) c[0];
      byte[] b = latin1(n);
      JsonSyntaxError e = assertThrows(JsonSyntaxError.class, () -> scanAll(b), n);
      assertTrue(e.isLimit(), n);
      assertEquals((int) c[1], e.offset(), n);
      assertThrows(LimitExceededException.class, () -> JsonValue.parse(b), n);
    }
  }

  // ---------------------------------------------------------------- literals and structure

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "tru|3", "nul|3", "fals|4", "t|1", // cut short at the end of input: at the end
        "trUe|2", "True|0", "nulL|3", "falsy|4", "nulll|4", "truefalse|4", "[true false]|6",
        "[1,]|3", "{\"a\":1,}|7", "{\"a\" 1}|5", "{a:1}|1", "{'a':1}|1", "[1 2]|3",
        "{\"a\":1]|6", "[1}|2", "{,}|1", "[,1]|1", "{\"a\":}|5", "{\"a\"|4", "{\"a\":|5",
        "{\"a\":1|6", "[|1", "[1,|3", "{\"a\":1,|7", "{} {}|3", "[]]|2", "\"a\" \"b\"|4", "]|0",
        "}|0", ":|0", "[1:2]|2", "{\"a\",1}|4", "{1:2}|1", "\"abc|4", "{\"a\":1}x|7", "1 x|2",
      })
  void malformedStructure(String doc, int offset) {
    assertErrorAt(offset, latin1(doc));
  }

  @Test
  void emptyInputAndWhiteSpaceOnly() {
    for (String s : new String[] {"", " ", " \t\r\n", "\n\n"}) {
      MalformedInputException e = assertThrows(MalformedInputException.class,
          () -> JsonValue.parse(latin1(s)));
      assertEquals(s.length(), e.location().offset());
    }
    // white space outside the four JSON ones is not white space
    for (int c : new int[] {0x0B, 0x0C, 0x00, 0xA0}) {
      assertErrorAt(0, concat(bytes(c), latin1("1")));
      assertErrorAt(2, concat(latin1("1 "), bytes(c)));
      assertErrorAt(1, concat(latin1("["), bytes(c), latin1("1]")));
    }
  }

  @Test
  void literalsAndWhiteSpaceInside() throws JsonSyntaxError {
    String[] docs = {"true", "false", "null", " [ true , false , null ] ", "{ \"a\" : [ ] }",
      "\t{\r\n\"a\"\n:\t1\r}\n", "[[[]],{},[{}]]", "\"\""};
    for (String d : docs) {
      byte[] b = latin1(d);
      int s = JsonScanner.skipWs(b, 0, b.length);
      int e = scanner().skipValue(b, s, b.length, 0, true);
      assertEquals(d.strip().length(), e - s, d);
      assertEquals(d.strip(), JsonValue.parse(b).toJson());
    }
  }

  // ---------------------------------------------------------------- streaming

  @Test
  void everyCutOfAValidDocumentIsIncompleteAndTheWholeIsExact() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    byte[] junk = latin1("\"]}\\0 x");
    int cuts = 0;
    for (int i = 0; i < 400; i++) {
      byte[] doc = new RandomJson(rnd, 1 + rnd.nextInt(4), rnd.nextBoolean()).next().bytes();
      int s = JsonScanner.skipWs(doc, 0, doc.length);
      int e = doc.length;
      while (e > s && JsonScanner.skipWs(doc, e - 1, e) == e) {
        e--;
      }
      byte[] b = Arrays.copyOfRange(doc, s, e);
      String ctx = "seed " + SEED + " doc " + i + ": " + show(b);
      JsonScanner sc = scanner();
      try {
        assertEquals(b.length, sc.skipValue(b, 0, b.length, 0, true), ctx);
        assertEquals(b.length, JsonScanner.skipValidated(b, 0), ctx);
        boolean topNumber = b[0] == '-' || (b[0] >= '0' && b[0] <= '9');
        assertEquals(topNumber ? JsonScanner.INCOMPLETE : b.length,
            sc.skipValue(b, 0, b.length, 0, false), ctx);
        for (int cut = 0; cut < b.length; cut++) {
          // the bytes past the cut are junk, so a scanner that peeks past end answers wrongly
          byte[] cutBuf = Arrays.copyOf(b, b.length + 8);
          for (int k = cut; k < cutBuf.length; k++) {
            cutBuf[k] = junk[(k + i) % junk.length];
          }
          assertEquals(JsonScanner.INCOMPLETE, sc.skipValue(cutBuf, 0, cut, 0, false),
              ctx + " cut at " + cut);
          // at EOF a cut is an error no later than the cut, or (a number) the cut itself
          try {
            int r = sc.skipValue(cutBuf, 0, cut, 0, true);
            assertTrue(topNumber && r == cut, ctx + " cut at " + cut + " returned " + r);
          } catch (JsonSyntaxError err) {
            assertTrue(err.offset() <= cut, ctx + " cut at " + cut + " error at " + err.offset());
            assertFalse(err.isLimit(), ctx);
          }
          cuts++;
        }
      } catch (JsonSyntaxError err) {
        fail(ctx + " error at " + err.offset() + ": " + err.reason(), err);
      }
    }
    assertTrue(cuts > 10_000, "cuts " + cuts);
  }

  @Test
  void resumingAfterIncompleteWithMoreBytesGivesTheSameEnd() throws JsonSyntaxError {
    // a streaming caller rescans from the value's start once more bytes arrived
    byte[] b = "{\"k\":[1,2.5e3,\"\u00e9\\u0041\",true,null,{\"x\":-0}]}".getBytes(StandardCharsets.UTF_8);
    JsonScanner sc = scanner();
    int end = 0;
    int rounds = 0;
    int r;
    do {
      end = Math.min(b.length, end + 3);
      r = sc.skipValue(b, 0, end, 0, end == b.length);
      rounds++;
    } while (r == JsonScanner.INCOMPLETE);
    assertEquals(b.length, r);
    assertTrue(rounds > 5);
  }

  // ---------------------------------------------------------------- SWAR word boundaries

  @Test
  void specialBytesAtEveryPositionOfTheEightByteWords() throws JsonSyntaxError {
    for (int lead = 0; lead < 8; lead++) { // where the string starts in the array
      for (int k = 0; k < 16; k++) { // where the special byte is in the body
        for (int tail = 0; tail < 18; tail += 17) {
          String pad = " ".repeat(lead);
          String before = "abcdefghijklmnopq".substring(0, k);
          String after = "rstuvwxyzRSTUVWXYZ".substring(0, tail);
          int at = lead + 1 + k;
          String ctx = "lead " + lead + " k " + k + " tail " + tail;
          // the closing quote
          byte[] q = latin1(pad + "\"" + before + "\"" + after);
          JsonScanner sc = scanner();
          assertEquals(at + 1, sc.scanString(q, lead, q.length), ctx);
          assertFalse(sc.lastStringEscaped, ctx);
          assertEquals(at + 1, JsonScanner.skipValidatedString(q, lead), ctx);
          // an escaped quote, then the closing quote after the tail
          byte[] e = latin1(pad + "\"" + before + "\\\"" + after + "\"");
          assertEquals(e.length, sc.scanString(e, lead, e.length), ctx);
          assertTrue(sc.lastStringEscaped, ctx);
          assertEquals(e.length, JsonScanner.skipValidatedString(e, lead), ctx);
          assertEquals(before + "\"" + after, JsonStrings.decode(e, lead + 1, e.length - 1), ctx);
          // an escaped backslash right before the closing quote
          byte[] bs = latin1(pad + "\"" + before + "\\\\\"" + after);
          assertEquals(at + 3, sc.scanString(bs, lead, bs.length), ctx);
          assertEquals(at + 3, JsonScanner.skipValidatedString(bs, lead), ctx);
          // control characters and invalid UTF-8 are found at their exact index
          for (int bad : new int[] {0x00, 0x01, 0x0A, 0x1F, 0x80, 0xC0, 0xFF}) {
            byte[] x = concat(latin1(pad + "\"" + before), bytes(bad), latin1(after + "\""));
            int from = lead;
            JsonSyntaxError err = assertThrows(JsonSyntaxError.class,
                () -> scanner().scanString(x, from, x.length), ctx);
            assertEquals(at, err.offset(), ctx + " byte " + bad);
          }
          // a valid two-byte character there is accepted and flagged
          byte[] u = concat(latin1(pad + "\"" + before), bytes(0xC3, 0xA9), latin1(after + "\""));
          assertEquals(u.length, sc.scanString(u, lead, u.length), ctx);
          assertTrue(sc.lastStringNonAscii, ctx);
          assertFalse(sc.lastStringEscaped, ctx);
          // bytes that differ from the specials in one bit are not special
          byte[] near = concat(latin1(pad + "\"" + before), bytes(0x23, 0x5D, 0x21, 0x7F, 0x20, 0x5C ^ 0x01),
              latin1(after + "\""));
          assertEquals(near.length, sc.scanString(near, lead, near.length), ctx);
          assertFalse(sc.lastStringNonAscii, ctx);
        }
      }
    }
  }

  @Test
  void plainStringsOfEveryLength() throws JsonSyntaxError {
    for (int n = 0; n < 40; n++) {
      byte[] b = latin1("\"" + "x".repeat(n) + "\"");
      JsonScanner sc = scanner();
      assertEquals(n + 2, sc.scanString(b, 0, b.length));
      assertFalse(sc.lastStringEscaped);
      assertFalse(sc.lastStringNonAscii);
      assertEquals(JsonScanner.INCOMPLETE, sc.scanString(b, 0, b.length - 1), "n " + n);
    }
  }

  // ---------------------------------------------------------------- limits

  @Test
  void deepNestingIsALimitErrorNotAStackOverflow() {
    byte[] open = new byte[100_000];
    Arrays.fill(open, (byte) '[');
    JsonSyntaxError e = assertThrows(JsonSyntaxError.class,
        () -> new JsonScanner(512, 100).skipValue(open, 0, open.length, 0, true));
    assertTrue(e.isLimit());
    assertEquals(512, e.offset()); // the 513th '['
    LimitExceededException l = assertThrows(LimitExceededException.class, () -> JsonValue.parse(open));
    assertEquals(JsonValue.DEFAULT_MAX_DEPTH, l.location().offset());
    byte[] objects = "{\"a\":".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
    assertThrows(LimitExceededException.class, () -> JsonValue.parse(objects));
  }

  @Test
  void deepNestingWithinTheLimitIsScannedIteratively() throws JsonSyntaxError {
    int depth = 100_000;
    byte[] b = new byte[2 * depth];
    Arrays.fill(b, 0, depth, (byte) '[');
    Arrays.fill(b, depth, 2 * depth, (byte) ']');
    JsonScanner sc = new JsonScanner(depth, 10);
    assertEquals(b.length, sc.skipValue(b, 0, b.length, 0, true));
    assertEquals(b.length, JsonScanner.skipValidated(b, 0));
    // one level more than allowed
    JsonSyntaxError e = assertThrows(JsonSyntaxError.class,
        () -> new JsonScanner(depth - 1, 10).skipValue(b, 0, b.length, 0, true));
    assertTrue(e.isLimit());
    assertEquals(depth - 1, e.offset());
  }

  @Test
  void theDepthArgumentCountsAgainstTheLimit() throws JsonSyntaxError {
    JsonScanner sc = new JsonScanner(3, 10);
    byte[] one = latin1("[1]");
    byte[] two = latin1("[{}]");
    assertEquals(3, sc.skipValue(one, 0, 3, 2, true));
    JsonSyntaxError e = assertThrows(JsonSyntaxError.class, () -> sc.skipValue(two, 0, 4, 2, true));
    assertTrue(e.isLimit());
    assertEquals(1, e.offset());
    assertEquals(4, sc.skipValue(two, 0, 4, 1, true));
    assertThrows(IllegalArgumentException.class, () -> new JsonScanner(0, 10));
    assertThrows(IllegalArgumentException.class, () -> new JsonScanner(1, -1));
  }

  @Test
  void maxStringBytesCountsRawBytesBetweenTheQuotes() throws JsonSyntaxError {
    JsonScanner sc = new JsonScanner(8, 6);
    for (String ok : new String[] {"\"\"", "\"abcdef\"", "\"\\n\\n\\n\"", "\"\u00e9\u00e9\u00e9\""}) {
      byte[] b = ok.getBytes(StandardCharsets.UTF_8);
      assertEquals(b.length, sc.scanString(b, 0, b.length), ok);
    }
    for (String tooLong : new String[] {"\"abcdefg\"", "\"\\n\\n\\nx\"", "\"\u00e9\u00e9\u00e9x\"",
        "\"\\u0041x\"", "\"abcdefghijklmnopqrstuvwxyz\""}) {
      byte[] b = concat(latin1("[1,"), tooLong.getBytes(StandardCharsets.UTF_8), latin1("]"));
      JsonSyntaxError e = assertThrows(JsonSyntaxError.class,
          () -> sc.skipValue(b, 0, b.length, 0, true), tooLong);
      assertTrue(e.isLimit(), tooLong);
      assertEquals(3, e.offset(), tooLong); // at the string's opening quote
    }
  }

  @Test
  void anOverlongStringIsALimitEvenBeforeItEnds() {
    // a streaming caller must not be told to read more of a string that is already too long
    JsonScanner sc = new JsonScanner(8, 16);
    byte[] b = latin1("[\"" + "x".repeat(40));
    JsonSyntaxError e = assertThrows(JsonSyntaxError.class,
        () -> sc.skipValue(b, 0, b.length, 0, false));
    assertTrue(e.isLimit());
    assertEquals(1, e.offset());
  }

  // ---------------------------------------------------------------- helpers

  @Test
  void smallHelpers() {
    String digits = "0123456789abcdefABCDEF";
    for (int c = 0; c < 256; c++) {
      int i = digits.indexOf(c);
      int expected = i < 0 ? -1 : i < 16 ? i : i - 6;
      assertEquals(expected, JsonScanner.hex(c), "char " + c);
    }
    assertEquals("a", JsonScanner.printable('a'));
    assertEquals("\\x0a", JsonScanner.printable('\n'));
    assertEquals("\\xff", JsonScanner.printable((byte) 0xFF));
    byte[] b = latin1(" \t\r\nx ");
    assertEquals(4, JsonScanner.skipWs(b, 0, b.length));
    assertEquals(2, JsonScanner.skipWs(b, 0, 2));
    assertEquals(6, JsonScanner.skipWs(b, 5, b.length));
  }
}
