package io.cloudir.model.internal.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cloudir.model.RecordWarning;
import io.cloudir.model.internal.text.TextFields.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared layout helpers of the space-separated access log records, on hand-split lines. */
class FieldLayoutTest {
  record F(String json, String doc, Kind kind) {}

  private static final F[] FIELDS = {
    new F("a", "A", Kind.INT),
    new F("b", "Bee", Kind.STRING),
    new F("c", "c:port", Kind.IP_PORT),
    new F("n", "N", Kind.INT),
    new F("d", "D", Kind.INT),
  };
  private static final FieldLayout LAYOUT = FieldLayout.of(FIELDS, F::json, F::doc, F::kind);

  /** Spans of the space-separated words of {@code line}, which starts at {@code offset} of the result. */
  private static int[] spans(String line, int offset) {
    List<Integer> marks = new ArrayList<>();
    int p = 0;
    while (p < line.length()) {
      int q = line.indexOf(' ', p);
      if (q < 0) {
        q = line.length();
      }
      marks.add(offset + p);
      marks.add(offset + q);
      p = q + 1;
    }
    int[] sp = new int[marks.size() + 1];
    sp[0] = marks.size() / 2;
    for (int i = 0; i < marks.size(); i++) {
      sp[i + 1] = marks.get(i);
    }
    return sp;
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsAHandSplitLine() {
    String line = "7 x 1.2.3.4:80 abc - 9 -";
    byte[] b = b(line);
    int[] sp = spans(line, 0);
    assertEquals(5, LAYOUT.size());
    assertEquals(1L << 3, LAYOUT.oddMask(b, sp));
    assertEquals(List.of(new RecordWarning("n.malformed", "N is not an integer: 'abc'")),
        LAYOUT.warnings(LAYOUT.oddMask(b, sp), b, sp));
    assertEquals(List.of(), LAYOUT.warnings(0, b, sp));
    assertEquals(List.of("9", "-"), LAYOUT.extraFields(b, sp));
    assertEquals("{\"a\":7,\"b\":\"x\",\"c_ip\":\"1.2.3.4\",\"c_port\":80,\"n\":\"abc\",\"d\":null,"
        + "\"extra_fields\":[\"9\",\"-\"]}", LAYOUT.toJson(b, sp, b.length));
    assertEquals("x", FieldLayout.text(b, sp, 1, false));
    assertEquals("1.2.3.4:80", FieldLayout.raw(b, sp, 2));
    assertNull(FieldLayout.text(b, sp, 4, false));
    assertNull(FieldLayout.text(b, sp, -1, false));
    assertNull(FieldLayout.text(b, sp, 7, false));
    assertEquals(7, FieldLayout.longValue(b, sp, 0));
    assertEquals(TextFields.ABSENT, FieldLayout.longValue(b, sp, 3));
    assertEquals(TextFields.ABSENT, FieldLayout.longValue(b, sp, 4));
    assertEquals(TextFields.ABSENT, FieldLayout.longValue(b, sp, -1));
    assertEquals(TextFields.ABSENT, FieldLayout.longValue(b, sp, 7));
  }

  @Test
  void shortLinesHaveOnlyTheirFields() {
    String line = "x y";
    byte[] b = b(line);
    int[] sp = spans(line, 0);
    assertEquals(1L, LAYOUT.oddMask(b, sp));
    assertEquals(List.of(), LAYOUT.extraFields(b, sp));
    assertEquals("{\"a\":\"x\",\"b\":\"y\"}", LAYOUT.toJson(b, sp, b.length));
  }

  @Test
  void statusCodesFitAnInt() {
    assertEquals(200, FieldLayout.status(200));
    assertEquals(0, FieldLayout.status(0));
    assertEquals(-1, FieldLayout.status(TextFields.ABSENT));
    assertEquals(-1, FieldLayout.status(-5));
    assertEquals(Integer.MAX_VALUE, FieldLayout.status(Integer.MAX_VALUE));
    assertEquals(-1, FieldLayout.status(Integer.MAX_VALUE + 1L));
  }

  @Test
  void tooManyFieldsForTheMask() {
    F[] many = new F[65];
    for (int i = 0; i < many.length; i++) {
      many[i] = new F("f" + i, "F" + i, Kind.STRING);
    }
    assertThrows(IllegalArgumentException.class, () -> FieldLayout.of(many, F::json, F::doc, F::kind));
    assertEquals(64, FieldLayout.of(java.util.Arrays.copyOf(many, 64), F::json, F::doc, F::kind).size());
  }

  @Test
  void randomLinesReadTheSameAtAnyOffset() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom r = new SplittableRandom(seed);
    String[] words = {"-", "0", "42", "-3", "x", "1.2.3.4:5", "[::1]:80", "9999999999999999999", "ab"};
    for (int round = 0; round < 500; round++) {
      int n = 1 + r.nextInt(9);
      StringBuilder line = new StringBuilder();
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String w = words[r.nextInt(words.length)];
        tokens.add(w);
        line.append(i == 0 ? "" : " ").append(w);
      }
      String prefix = "#".repeat(r.nextInt(20));
      byte[] b = b(prefix + line);
      int[] sp = spans(line.toString(), prefix.length());
      String why = "seed " + seed + " line '" + line + "'";
      long expectOdd = 0;
      for (int i = 0; i < Math.min(n, FIELDS.length); i++) {
        String t = tokens.get(i);
        boolean odd = switch (FIELDS[i].kind()) {
          case INT -> !t.equals("-") && !t.matches("-?[0-9]{1,18}");
          case IP_PORT -> !t.equals("-") && !t.equals("1.2.3.4:5") && !t.equals("[::1]:80");
          default -> false;
        };
        if (odd) {
          expectOdd |= 1L << i;
        }
      }
      assertEquals(expectOdd, LAYOUT.oddMask(b, sp), why);
      assertEquals(tokens.subList(Math.min(n, FIELDS.length), n), LAYOUT.extraFields(b, sp), why);
      int[] moved = FieldLayout.rebase(sp, prefix.length());
      assertArrayEquals(spans(line.toString(), 0), moved, why);
      assertEquals(prefix.length(), FieldLayout.start(sp, 0), why);
      byte[] own = b(line.toString());
      for (int i = 0; i < n; i++) {
        assertEquals(tokens.get(i), FieldLayout.raw(own, moved, i), why);
        assertEquals(FieldLayout.end(sp, i) - prefix.length(), FieldLayout.end(moved, i), why);
      }
      assertEquals(LAYOUT.toJson(own, moved, own.length), LAYOUT.toJson(b, sp, own.length), why);
    }
  }
}
