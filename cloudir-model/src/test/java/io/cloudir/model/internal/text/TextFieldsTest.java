package io.cloudir.model.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.model.internal.text.TextFields.Quote;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The byte-level helpers against java.time and hand-checked cases. */
class TextFieldsTest {
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void s3TimesAgreeWithJavaTime() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    qt().forAll(longs().between(0, 7_000_000_000L), integers().between(-14, 14)).checkAssert((secs, hours) -> {
      String text = f.format(Instant.ofEpochSecond(secs).atOffset(ZoneOffset.ofHours(hours)));
      byte[] t = b(text);
      assertEquals(secs, TextFields.s3Seconds(t, 0, t.length), text);
    });
    assertEquals(Long.MIN_VALUE, TextFields.s3Seconds(b("29/Feb/2019:00:00:00 +0000"), 0, 26));
    assertEquals(Long.MIN_VALUE, TextFields.s3Seconds(b("01/Foo/2019:00:00:00 +0000"), 0, 26));
  }

  @Test
  void zonelessIsoTimesAreUtc() {
    qt().forAll(longs().between(-5_000_000_000L, 7_000_000_000L), integers().between(0, 999_999_999))
        .checkAssert((secs, nanos) -> {
          Instant i = Instant.ofEpochSecond(secs, nanos);
          String z = i.toString();
          String noZone = z.substring(0, z.length() - 1);
          byte[] t = b(noZone);
          long n = TextFields.isoNanos(t, 0, t.length);
          assertEquals(i, Instant.ofEpochSecond(Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L)), noZone);
        });
    byte[] bad = b("2020-13-01T00:00:00");
    assertEquals(IsoTime.INVALID, TextFields.isoNanos(bad, 0, bad.length));
    byte[] dot = b("2020-01-01T00:00:00.");
    assertEquals(IsoTime.INVALID, TextFields.isoNanos(dot, 0, dot.length));
  }

  @Test
  void jsonNumbers() {
    for (String ok : new String[] {"0", "-1", "0.000", "12.5", "1e5", "-0.1E-3"}) {
      assertTrue(TextFields.isJsonNumber(b(ok), 0, ok.length()), ok);
    }
    for (String no : new String[] {"", "-", "01", "1.", ".5", "+1", "1e", "0x10", "NaN", "1 "}) {
      assertFalse(TextFields.isJsonNumber(b(no), 0, no.length()), no);
    }
    assertEquals(TextFields.ABSENT, TextFields.parseLong(b("-"), 0, 1));
    assertEquals(TextFields.INVALID, TextFields.parseLong(b("2x0"), 0, 3));
    assertEquals(-17, TextFields.parseLong(b("-17"), 0, 3));
  }

  @Test
  void closingQuotes() {
    String s = "\"GET /\" HTTP/1.1\" 403 x";
    assertEquals(16, TextFields.closeQuote(b(s), 0, s.length(), Quote.BEFORE_STATUS));
    assertEquals(6, TextFields.closeQuote(b(s), 0, s.length(), Quote.FIRST));
    String ua = "\"a \" b\"\" - x";
    assertEquals(7, TextFields.closeQuote(b(ua), 0, ua.length(), Quote.LAST));
    String alb = "\"Alba 10\" Build\" - - arn \"Root\"";
    assertEquals(15, TextFields.closeQuote(b(alb), 0, alb.length(), Quote.BEFORE_THREE_BARE));
    String req = "\"- - - \" \"-\"";
    assertEquals(7, TextFields.closeQuote(b(req), 0, req.length(), Quote.BEFORE_QUOTED));
    String open = "\"never closed";
    assertEquals(-1, TextFields.closeQuote(b(open), 0, open.length(), Quote.FIRST));
  }

  @Test
  void addressesAndPorts() {
    String v6 = "[fe80::1]:443";
    long h = TextFields.hostSpan(b(v6), 0, v6.length());
    assertEquals(1, (int) (h >>> 32));
    assertEquals(8, (int) h);
    assertEquals(443, TextFields.port(b(v6), 0, v6.length()));
    assertEquals(-1, TextFields.port(b("1.2.3.4"), 0, 7));
    assertEquals(-1, TextFields.port(b("1.2.3.4:70000"), 0, 13));
    assertTrue(TextFields.valid(TextFields.Kind.IP_PORT, b(v6), 0, v6.length()));
    assertFalse(TextFields.valid(TextFields.Kind.IP_PORT, b("1.2.3.4.5:1"), 0, 11));
  }
}
