package io.cloudir.model.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.bigDecimals;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudir.model.MalformedInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Navigation, typed getters, equality and the path syntax of {@link JsonValue}. */
class JsonValueTest {

  private static JsonValue json(String s) {
    return JsonValue.parse(s);
  }

  private static @Nullable String text(@Nullable JsonValue v) {
    return v == null ? null : v.toJson();
  }

  private static List<String> texts(List<JsonValue> vs) {
    List<String> out = new ArrayList<>();
    for (JsonValue v : vs) {
      out.add(v.toJson());
    }
    return out;
  }

  // ---------------------------------------------------------------- member names

  @Test
  void getMatchesDecodedMemberNames() {
    JsonValue o = json("{\"a\\u0062\":1, \"\\n\":2, \"q\\\"q\":3, \"\\u00e9t\\u00C9\":4,"
        + " \"\u00e9t\u00e9\":5, \"s\\/\":6, \"\\uD83D\\uDE00\":7, \"\\\\\":8}");
    assertEquals("1", text(o.get("ab")));
    assertEquals("2", text(o.get("\n")));
    assertEquals("3", text(o.get("q\"q")));
    assertEquals("4", text(o.get("\u00e9t\u00c9")));
    assertEquals("5", text(o.get("\u00e9t\u00e9")));
    assertEquals("6", text(o.get("s/")));
    assertEquals("7", text(o.get(new String(Character.toChars(0x1F600)))));
    assertEquals("8", text(o.get("\\")));
    assertNull(o.get("a"));
    assertNull(o.get("abc"));
  }

  /**
   * Member lookup by name against a reference: objects whose names share lengths and first bytes
   * (some written with escapes, some repeated) are searched for every name of a small alphabet;
   * the value found must be the last member whose decoded name equals it.
   */
  @Test
  void getFindsTheLastMemberOfEqualNameAmongSimilarNames() {
    String[] alphabet = {"a", "b", "ab", "ba", "aa", "bb", "abc", "abd", "bbc", "", "\u00e9", "\n"};
    qt().forAll(longs().all()).checkAssert(seed -> {
      java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
      int n = rnd.nextInt(8);
      List<String> names = new ArrayList<>();
      StringBuilder doc = new StringBuilder("{");
      for (int i = 0; i < n; i++) {
        StringBuilder name = new StringBuilder();
        StringBuilder raw = new StringBuilder();
        int parts = rnd.nextInt(3);
        for (int j = 0; j < parts; j++) {
          char c = "abcn\u00e9".charAt(rnd.nextInt(5));
          name.append(c == 'n' ? '\n' : c);
          raw.append(c == 'n' ? "\\n" : rnd.nextInt(4) == 0
              ? String.format(java.util.Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        names.add(name.toString());
        doc.append(i == 0 ? "" : ",").append('"').append(raw).append("\":").append(i);
      }
      JsonValue o = json(doc.append('}').toString());
      List<String> queries = new ArrayList<>(names);
      queries.addAll(List.of(alphabet));
      for (String q : queries) {
        int last = names.lastIndexOf(q);
        String want = last < 0 ? null : Integer.toString(last);
        assertEquals(want, text(o.get(q)), () -> "get(" + q + ") in " + o.toJson());
        assertEquals(want, text(o.get(JsonValue.Name.of(q))), () -> "get(Name " + q + ")");
      }
    });
  }

  @Test
  void theRawTextOfAnEscapedNameIsNotItsName() {
    // the member is named "A" (written with an escape); its raw bytes are backslash-u-0-0-4-1
    JsonValue o = json("{\"\\u0041\":1, \"\\n\":2, \"\\\\\":3}");
    assertNull(o.get("\\u0041"));
    assertNull(o.get("\\n"));
    assertNull(o.get("\\\\"));
    assertEquals("1", text(o.get("A")));
    assertEquals("3", text(o.get("\\")));
  }

  @Test
  void lookupByNameAgreesWithTheDecodedNamesWhateverTheEscapes() {
    // names over a small alphabet, each character written plainly or escaped at random; get(name)
    // must find the last member whose decoded name equals the query, however long its raw text
    String[] plain = {"a", "b", null, null, "\u00e9", "\uD83D\uDE00"};
    String[] decoded = {"a", "b", "\\", "\n", "\u00e9", "\uD83D\uDE00"};
    java.util.SplittableRandom seeds = new java.util.SplittableRandom();
    long seed = seeds.nextLong();
    java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder json = new StringBuilder("{");
      List<String> names = new ArrayList<>();
      int members = 1 + r.nextInt(5);
      for (int m = 0; m < members; m++) {
        StringBuilder raw = new StringBuilder();
        StringBuilder name = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
          int c = r.nextInt(decoded.length);
          String unescaped = plain[c];
          boolean escape = unescaped == null || r.nextBoolean();
          raw.append(escape ? escaped(decoded[c], r) : unescaped);
          name.append(decoded[c]);
        }
        json.append(m == 0 ? "" : ",").append('"').append(raw).append("\":").append(m);
        names.add(name.toString());
      }
      JsonValue o = json(json.append('}').toString());
      for (int q = 0; q < 6; q++) {
        String query = q < names.size() ? names.get(q) : names.get(r.nextInt(names.size()))
            + decoded[r.nextInt(decoded.length)];
        int expected = names.lastIndexOf(query);
        JsonValue got = o.get(query);
        String where = "seed " + seed + " json " + json + " query " + query;
        if (expected < 0) {
          assertNull(got, where);
        } else {
          assertEquals(Integer.toString(expected), text(got), where);
        }
      }
    }
  }

  /** A JSON escape of every char of {@code s}: the short form where there is one, at random. */
  private static String escaped(String s, java.util.SplittableRandom r) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String shortForm = c == '\\' ? "\\\\" : c == '\n' ? "\\n" : null;
      b.append(shortForm != null && r.nextBoolean() ? shortForm
          : String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
    }
    return b.toString();
  }

  @Test
  void namesWithUnpairedSurrogates() {
    // such a name has no UTF-8 form; it can only be written escaped, and must not match "?"
    JsonValue o = json("{\"\\uD800\":1, \"?\":2, \"x\\uDC00y\":3}");
    assertEquals("1", text(o.get("\uD800")));
    assertEquals("2", text(o.get("?")));
    assertEquals("3", text(o.get("x\uDC00y")));
    assertNull(o.get("x?y"));
    assertEquals(List.of("\uD800", "?", "x\uDC00y"), o.entries().stream().map(Map.Entry::getKey).toList());
  }

  @Test
  void repeatedNamesLastWinsAndEntriesKeepsAll() {
    JsonValue o = json("{\"a\":1, \"b\":2, \"a\":3, \"\\u0061\":4, \"c\":5}");
    assertEquals("4", text(o.get("a")));
    assertEquals(List.of("a", "b", "a", "a", "c"),
        o.entries().stream().map(Map.Entry::getKey).toList());
    assertEquals(List.of("1", "2", "3", "4", "5"),
        o.entries().stream().map(e -> e.getValue().toJson()).toList());
    Map<String, JsonValue> members = o.members();
    assertEquals(3, members.size());
    assertEquals("4", members.get("a").toJson());
    assertEquals(Map.of("a", new BigDecimal("4"), "b", new BigDecimal("2"), "c", new BigDecimal("5")),
        o.toJava());
    assertEquals(json("{\"b\":2,\"c\":5,\"a\":4}"), o);
    assertEquals(json("{\"b\":2,\"c\":5,\"a\":4}").hashCode(), o.hashCode());
    assertEquals(List.of("1", "3", "4"), texts(json("[" + o.toJson() + "]").select("[0]").get(0)
        .entries().stream().filter(e -> e.getKey().equals("a")).map(Map.Entry::getValue).toList()));
  }

  @Test
  void getOnEmptyAndNonObjects() {
    assertNull(json("{}").get("a"));
    assertNull(json("{ \n }").get(""));
    assertNull(json("[1]").get("0"));
    assertNull(json("\"a\"").get("a"));
    assertNull(json("{\"a\":1}").get(0));
    assertNull(json("[]").get(0));
    assertEquals("[]", text(json("{\"\":[]}").get("")));
    assertTrue(json("{ }").entries().isEmpty());
    assertTrue(json("[ ]").elements().isEmpty());
    assertEquals(0, json("{}").size());
    assertEquals(0, json("42").size());
    assertEquals(3, json("[1,[2,3],{\"a\":[4]}]").size());
  }

  @Test
  void valuesOfEveryKindInsideObjectsAndArrays() {
    String doc = "{ \"s\" : \"x,]}\\\"\" , \"n\":-1.5e+3,\"t\":true ,\"f\":false,\"z\":null,"
        + "\"o\":{\"k\":[{}]},\"a\":[ 1 , \"]\" , [ ] ] }";
    JsonValue o = json(doc);
    assertEquals("\"x,]}\\\"\"", text(o.get("s")));
    assertEquals("x,]}\"", o.getString("s"));
    assertEquals("-1.5e+3", text(o.get("n")));
    assertEquals("true", text(o.get("t")));
    assertEquals("false", text(o.get("f")));
    assertEquals("null", text(o.get("z")));
    assertEquals("{\"k\":[{}]}", text(o.get("o")));
    assertEquals("[ 1 , \"]\" , [ ] ]", text(o.get("a")));
    assertEquals(List.of("1", "\"]\"", "[ ]"), texts(o.get("a").elements()));
    assertNull(o.getString("n"));
    assertNull(o.getString("missing"));
    assertTrue(o.has("z"));
    assertFalse(o.has("Z"));
  }

  // ---------------------------------------------------------------- select

  private static final JsonValue DOC = json("{\"items\":[{\"id\":1,\"tags\":[\"x\",\"y\"]},"
      + "{\"id\":2,\"tags\":[]},{\"id\":3}], \"a.b\":{\"c\":\"dot\"}, \"*\":\"star\","
      + " \"\":\"empty\", \"$x\":\"dollar\", \"it's\":\"quote\", \"m\":{\"p\":1,\"q\":[2]}}");

  @Test
  void selectPaths() {
    assertEquals(List.of("1", "2", "3"), texts(DOC.select("items[*].id")));
    assertEquals(List.of("1", "2", "3"), texts(DOC.select("$.items[*].id")));
    assertEquals(List.of("1", "2", "3"), texts(DOC.select("$items[*].id")));
    assertEquals(List.of("\"x\"", "\"y\""), texts(DOC.select("items[*].tags[*]")));
    assertEquals(List.of("\"y\""), texts(DOC.select("items[0].tags[1]")));
    assertEquals(List.of("\"y\""), texts(DOC.select("items[0]tags[1]")));
    assertEquals(List.of("2"), texts(DOC.select("$['items'][1]['id']")));
    assertEquals(List.of("\"dot\""), texts(DOC.select("['a.b'].c")));
    assertEquals(List.of("\"dot\""), texts(DOC.select("$['a.b']['c']")));
    assertEquals(List.of("\"star\""), texts(DOC.select("['*']")));
    assertEquals(List.of("\"empty\""), texts(DOC.select("['']")));
    assertEquals(List.of("\"dollar\""), texts(DOC.select("['$x']")));
    assertEquals(List.of("\"quote\""), texts(DOC.select("['it's']")));
    assertEquals(List.of("1", "[2]"), texts(DOC.select("m.*")));
    assertEquals(List.of("1", "[2]"), texts(DOC.select("$.m.*")));
    assertEquals(7, DOC.select("*").size());
    assertEquals(List.of("2"), texts(DOC.select("m.*[0]")));
    assertEquals(List.of(DOC.toJson()), texts(DOC.select("$")));
    assertEquals(List.of(DOC.toJson()), texts(DOC.select("")));
    assertEquals(List.of("x", "y"), DOC.selectStrings("items[*].tags[*]"));
    assertEquals(List.of(), DOC.selectStrings("items[*].id"));
    // nothing selected
    assertEquals(List.of(), DOC.select("items[3]"));
    assertEquals(List.of(), DOC.select("items[-1]"));
    assertEquals(List.of(), DOC.select("items.id"));
    assertEquals(List.of(), DOC.select("missing[*]"));
    assertEquals(List.of(), DOC.select("m.p.q"));
    assertEquals(List.of(), DOC.select("m[*]"));
    assertEquals(List.of(), DOC.select("items.*"));
    assertEquals("1", text(DOC.at("items[*].id")));
    assertNull(DOC.at("items[*].nope"));
    assertEquals(List.of("1"), texts(json("[[1]]").select("$[0][0]")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "a[", "a[x]", "a[]", "a[ 1]", "a..b", ".a", "a.", "$.", "a[0].",
    "[1.5]", "['a'", "['a]", "[99999999999]", "a.[0]x."})
  void malformedPathsAreRejected(String path) {
    assertThrows(IllegalArgumentException.class, () -> DOC.select(path), path);
  }

  // ---------------------------------------------------------------- numbers

  @Test
  void asLongEdgeCases() {
    assertEquals(Long.MAX_VALUE, json("9223372036854775807").asLong());
    assertEquals(Long.MIN_VALUE, json("-9223372036854775808").asLong());
    assertEquals(999_999_999_999_999_999L, json("999999999999999999").asLong());
    assertEquals(-999_999_999_999_999_999L, json("-999999999999999999").asLong());
    assertEquals(0, json("-0").asLong());
    assertEquals(0, json("0.000").asLong());
    assertEquals(1000, json("1e3").asLong());
    assertEquals(100, json("1E+2").asLong());
    assertEquals(1, json("100e-2").asLong());
    assertEquals(1, json("1.0").asLong());
    assertEquals(-25, json("-2.5e1").asLong());
    assertThrows(ArithmeticException.class, () -> json("9223372036854775808").asLong());
    assertThrows(ArithmeticException.class, () -> json("-9223372036854775809").asLong());
    assertThrows(ArithmeticException.class, () -> json("1.5").asLong());
    assertThrows(ArithmeticException.class, () -> json("1e-1").asLong());
    assertThrows(ArithmeticException.class, () -> json("1e19").asLong());
    assertThrows(ArithmeticException.class, () -> json("1e999999999").asLong());
    assertThrows(IllegalStateException.class, () -> json("\"1\"").asLong());
    assertThrows(IllegalStateException.class, () -> json("null").asLong());
  }

  @Test
  void asLongAgreesWithBigDecimalOnRandomNumbers() {
    qt().forAll(longs().all()).checkAssert(x -> {
      assertEquals(x, json(Long.toString(x)).asLong());
      assertEquals(x, json(x + ".000").asLong());
      assertEquals(x, json(new BigDecimal(x).scaleByPowerOfTen(-3).toString() + "e3").asLong());
    });
    qt().forAll(bigDecimals().ofBytes(12).withScale(2)).checkAssert(d -> {
      JsonValue v = json(d.toString());
      long expected;
      try {
        expected = d.longValueExact();
      } catch (ArithmeticException e) {
        assertThrows(ArithmeticException.class, v::asLong, d.toString());
        return;
      }
      assertEquals(expected, v.asLong(), d.toString());
    });
  }

  @Test
  void otherNumericGetters() {
    assertEquals(new BigDecimal("0.10"), json("0.10").asBigDecimal()); // exact, scale kept
    assertEquals(new BigDecimal("-1.5E+300"), json("-1.5e300").asBigDecimal());
    assertEquals(0.1, json("0.1").asDouble());
    assertEquals(Double.POSITIVE_INFINITY, json("1e400").asDouble());
    assertEquals(new BigInteger("12000"), json("12e3").asBigInteger());
    assertEquals(BigInteger.valueOf(15), json("1.50e1").asBigInteger());
    assertEquals(BigInteger.ZERO, json("0.000").asBigInteger());
    assertEquals(new BigInteger("123456789012345678901234567890"),
        json("123456789012345678901234567890").asBigInteger());
    assertThrows(ArithmeticException.class, () -> json("1.5").asBigInteger());
    assertThrows(ArithmeticException.class, () -> json("-0.5").asBigInteger());
    // would need 10^999999999 (hours of arithmetic) before the fix; now refused at once
    assertThrows(ArithmeticException.class, () -> json("1e999999999").asBigInteger());
    assertThrows(ArithmeticException.class, () -> json("7e-999999999").asBigInteger());
    assertEquals(BigInteger.TEN.pow(1000), json("1e1000").asBigInteger());
    assertThrows(IllegalStateException.class, () -> json("true").asBigDecimal());
    assertThrows(IllegalStateException.class, () -> json("[]").asDouble());
  }

  // ---------------------------------------------------------------- types and text

  @Test
  void typesAndTypedGetters() {
    Object[][] cases = {
      {"{}", JsonType.OBJECT}, {"[]", JsonType.ARRAY}, {"\"\"", JsonType.STRING},
      {"-1", JsonType.NUMBER}, {"0", JsonType.NUMBER}, {"true", JsonType.BOOLEAN},
      {"false", JsonType.BOOLEAN}, {"null", JsonType.NULL},
    };
    for (Object[] c : cases) {
      JsonValue v = json((String) c[0]);
      JsonType t = (JsonType) c[1];
      assertEquals(t, v.type(), (String) c[0]);
      assertEquals(t == JsonType.OBJECT, v.isObject());
      assertEquals(t == JsonType.ARRAY, v.isArray());
      assertEquals(t == JsonType.STRING, v.isString());
      assertEquals(t == JsonType.NUMBER, v.isNumber());
      assertEquals(t == JsonType.BOOLEAN, v.isBoolean());
      assertEquals(t == JsonType.NULL, v.isNull());
      if (t != JsonType.STRING) {
        assertThrows(IllegalStateException.class, v::asString);
        assertNull(v.stringOrNull());
      }
      if (t != JsonType.BOOLEAN) {
        assertThrows(IllegalStateException.class, v::asBoolean);
      }
    }
    assertTrue(json("true").asBoolean());
    assertFalse(json("false").asBoolean());
    assertEquals("a\tb", json("\"a\\tb\"").asText());
    assertEquals("-1.50", json("-1.50").asText());
    assertEquals("true", json("true").asText());
    assertNull(json("null").asText());
    assertEquals("{ \"a\" : [1] }", json(" { \"a\" : [1] } ").asText());
  }

  @Test
  void bytesAreCopiedAndKeptAsWritten() {
    byte[] in = "  {\"a\" : \"\\u0041\"}\n".getBytes(StandardCharsets.UTF_8);
    JsonValue v = JsonValue.parse(in);
    in[4] = 'X'; // the caller changes its array afterwards
    assertEquals("{\"a\" : \"\\u0041\"}", v.toJson());
    assertEquals(v.toJson(), v.toString());
    assertEquals(v.toJson().length(), v.rawLength());
    byte[] raw = v.rawBytes();
    assertArrayEquals(v.toJson().getBytes(StandardCharsets.UTF_8), raw);
    raw[0] = '[';
    assertEquals('{', v.rawBytes()[0]);
    JsonValue inner = v.get("a");
    assertNotNull(inner);
    JsonValue detached = inner.detach();
    assertEquals("\"\\u0041\"", detached.toJson());
    assertEquals(inner, detached);
    assertEquals("A", detached.asString());
  }

  @Test
  void ofValidatedIsAWindow() {
    byte[] buf = "xx[1,{\"k\":true}]yy".getBytes(StandardCharsets.US_ASCII);
    JsonValue v = JsonValue.ofValidated(buf, 2, 16);
    assertEquals("[1,{\"k\":true}]", v.toJson());
    assertEquals("true", text(v.select("[1].k").get(0)));
    assertThrows(IndexOutOfBoundsException.class, () -> JsonValue.ofValidated(buf, 2, 40));
  }

  @Test
  void ofStringRoundTripsAnyString() {
    String[] samples = {"", "plain", "q\"b\\s/", "\u0000\u0001\u001f\u007f", "\t\n\r\b\f",
      "\u00e9\u20ac", new String(Character.toChars(0x1F600)), "\uD800", "a\uDC00b", "\uDC00\uD800"};
    for (String s : samples) {
      JsonValue v = JsonValue.ofString(s);
      assertTrue(v.isString());
      assertEquals(s, v.asString());
    }
  }

  @Test
  void parseFromStringAndErrors() {
    assertEquals("[1]", JsonValue.parse(" [1] ").toJson());
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> JsonValue.parse("[1,]"));
    assertEquals(3, e.location().offset());
    assertTrue(e.getMessage().contains("offset 3"), e.getMessage());
  }

  // ---------------------------------------------------------------- equality

  @Test
  void equalityIsSemantic() {
    String[][] equal = {
      {"1", "1.0"}, {"1e2", "100"}, {"100", "1.00E+2"}, {"-0", "0"}, {"0.0", "0"}, {"-0.0e5", "0"},
      {"{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}"}, {"[ 1 , 2 ]", "[1,2]"},
      {"\"\\u0041\\n\"", "\"A\\n\""}, {"\"\\/\"", "\"/\""}, {"{\"a\":1,\"a\":2}", "{\"a\":2}"},
      {"{\"x\":[{\"y\":1.50}]}", "{\"x\":[{\"y\":1.5}]}"}, {"null", "null"},
    };
    for (String[] p : equal) {
      JsonValue a = json(p[0]);
      JsonValue b = json(p[1]);
      assertEquals(a, b, p[0] + " = " + p[1]);
      assertEquals(b, a, p[1] + " = " + p[0]);
      assertEquals(a.hashCode(), b.hashCode(), p[0] + " hash " + p[1]);
    }
    String[][] different = {
      {"1", "\"1\""}, {"[1,2]", "[2,1]"}, {"null", "false"}, {"0", "false"}, {"{}", "[]"},
      {"{\"a\":1}", "{\"a\":1,\"b\":1}"}, {"{\"a\":1}", "{\"A\":1}"}, {"1", "1.0000000001"},
      {"\"a\"", "\"a \""}, {"[]", "[null]"}, {"{\"a\":null}", "{}"},
    };
    for (String[] p : different) {
      assertNotEquals(json(p[0]), json(p[1]), p[0] + " != " + p[1]);
      assertNotEquals(json(p[1]), json(p[0]), p[1] + " != " + p[0]);
    }
    JsonValue v = json("1");
    assertEquals(v, v);
    assertNotEquals(v, null);
    assertNotEquals(v, (Object) "1");
  }
}
