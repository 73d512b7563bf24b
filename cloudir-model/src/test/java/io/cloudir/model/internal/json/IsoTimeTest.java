package io.cloudir.model.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link IsoTime} against java.time. */
class IsoTimeTest {
  private static final long SEED = Long.getLong("cloudir.test.seed", 0x150_0001L);
  private static final long FIRST_DAY = LocalDate.of(1678, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(2261, 12, 31).toEpochDay();
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static long nanosOf(Instant i) {
    return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
  }

  /** The text of a local date-time with a fraction of {@code digits} digits and an offset. */
  private static String format(LocalDateTime t, int digits, int offsetMinutes, int style) {
    StringBuilder sb = new StringBuilder(SECONDS.format(t));
    if (digits > 0) {
      String nine = String.format("%09d", t.getNano());
      sb.append('.').append(nine, 0, digits);
    }
    if (offsetMinutes == 0 && style % 3 != 2) {
      sb.append(style % 3 == 0 ? "Z" : "z");
    } else {
      int a = Math.abs(offsetMinutes);
      sb.append(offsetMinutes < 0 ? '-' : '+').append(String.format("%02d:%02d", a / 60, a % 60));
    }
    if (style >= 3) {
      sb.setCharAt(10, 't');
    }
    return sb.toString();
  }

  @Test
  void instantIsTheInverseOfEpochNanos() {
    qt().forAll(longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE)).checkAssert(n -> {
      Instant i = IsoTime.instant(n);
      assertEquals(java.math.BigInteger.valueOf(n), java.math.BigInteger.valueOf(i.getEpochSecond())
          .multiply(java.math.BigInteger.valueOf(1_000_000_000L)).add(java.math.BigInteger.valueOf(i.getNano())));
      assertEquals(true, i.getNano() >= 0 && i.getNano() < 1_000_000_000, i.toString());
    });
    assertEquals(Instant.parse("1969-12-31T23:59:59.999999999Z"), IsoTime.instant(-1));
    assertEquals(Instant.parse("2023-07-10T11:45:00.5Z"), IsoTime.instant(1_688_989_500_500_000_000L));
  }

  @Test
  void agreesWithJavaTimeOnRandomInstants() {
    qt().forAll(
            longs().between(FIRST_DAY, LAST_DAY),
            longs().between(0, 86_400_000_000_000L - 1),
            integers().between(0, 9),
            integers().between(-18 * 60, 18 * 60 + 20))
        .checkAssert((day, nanoOfDay, digits, off) -> {
          int offset = off > 18 * 60 ? 0 : off; // a fifth of the offsets are zero (Z)
          int style = (int) (nanoOfDay % 6);
          LocalDateTime t = LocalDateTime.of(LocalDate.ofEpochDay(day), LocalTime.ofNanoOfDay(nanoOfDay));
          String text = format(t, digits, offset, style);
          Instant expected = OffsetDateTime.parse(text).toInstant();
          // the fraction is truncated to the digits written
          long truncated = t.getNano() - t.getNano() % (long) Math.pow(10, 9 - digits);
          assertEquals(truncated, expected.getNano(), text);
          byte[] b = ascii(text);
          assertEquals(nanosOf(expected), IsoTime.parseNanos(b, 0, b.length), text);
          assertEquals(Math.floorDiv(nanosOf(expected), 1_000_000L), IsoTime.parseMillis(b, 0, b.length), text);
          assertEquals(expected.toEpochMilli(), IsoTime.parseMillis(b, 0, b.length), text);
          // inside a larger buffer
          byte[] framed = ascii("\"" + text + "\",");
          assertEquals(nanosOf(expected), IsoTime.parseNanos(framed, 1, framed.length - 2), text);
        });
  }

  @Test
  void acceptsExactlyTheDatesAndTimesJavaTimeAccepts() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    int valid = 0;
    for (int i = 0; i < 50_000; i++) {
      int y = 1678 + rnd.nextInt(2261 - 1678 + 1);
      int m = rnd.nextInt(15);
      int d = rnd.nextInt(33);
      int h = rnd.nextInt(26);
      int mi = rnd.nextInt(62);
      int s = rnd.nextInt(62);
      String text = String.format("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, h, mi, s);
      boolean javaAccepts;
      long expected = IsoTime.INVALID;
      try {
        // not Instant.parse: ISO_INSTANT reads 24:00:00 as the next midnight, which IsoTime (like
        // the strict ISO_OFFSET_DATE_TIME) rejects
        expected = nanosOf(OffsetDateTime.parse(text).toInstant());
        javaAccepts = true;
      } catch (DateTimeException e) {
        javaAccepts = false;
      }
      byte[] b = ascii(text);
      assertEquals(expected, IsoTime.parseNanos(b, 0, b.length), "seed " + SEED + ": " + text);
      if (javaAccepts) {
        valid++;
      }
    }
    assertNotEquals(0, valid);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2023-02-30T00:00:00Z", "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2100-02-29T12:00:00Z",
    "2023-13-01T00:00:00Z", "2023-00-10T00:00:00Z", "2023-04-31T00:00:00Z", "2023-01-00T00:00:00Z",
    "2023-07-10T24:00:00Z", "2023-07-10T23:60:00Z", "2023-07-10T23:59:60Z",
    "1677-12-31T23:59:59Z", "2262-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
    "2023-07-10T11:45:00", "2023-07-10 11:45:00Z", "2023/07/10T11:45:00Z", "2023-07-10T11-45-00Z",
    "2023-07-10T11:45:00.Z", "2023-07-10T11:45:00.1234567890Z", "2023-07-10T11:45:00ZZ",
    "2023-07-10T11:45:00+0100", "2023-07-10T11:45:00+01", "2023-07-10T11:45:00+01:60",
    "2023-07-10T11:45:00+24:00", "2023-07-10T11:45:00 Z", "2023-07-10T11:45:00.5", "2023-7-10T11:45:00Z",
    "+2023-07-10T11:45:00Z", "2023-07-10T11:45Z", "", "2023", "2023-07-10T11:45:0aZ",
    "2023-07-1 T11:45:00Z", "2O23-07-10T11:45:00Z", "2023-07-10T11:45:00.12a4Z",
  })
  void invalidTimestampsAreRejected(String text) {
    byte[] b = ascii(text);
    assertEquals(IsoTime.INVALID, IsoTime.parseNanos(b, 0, b.length), text);
    assertEquals(IsoTime.INVALID, IsoTime.parseMillis(b, 0, b.length), text);
  }

  @Test
  void leapDaysAndExtremes() {
    String[] valid = {"2000-02-29T00:00:00Z", "2024-02-29T23:59:59.999999999Z", "1678-01-01T00:00:00Z",
      "2261-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.9Z",
      "2023-07-10T11:45:00-00:00", "2023-07-10t11:45:00z", "1678-01-01T00:00:00+18:00",
      "2261-12-31T23:59:59-18:00"};
    for (String text : valid) {
      byte[] b = ascii(text);
      assertEquals(nanosOf(OffsetDateTime.parse(text).toInstant()), IsoTime.parseNanos(b, 0, b.length), text);
    }
    // before the epoch, milliseconds round down
    byte[] b = ascii("1969-12-31T23:59:59.9999Z");
    assertEquals(-1, IsoTime.parseMillis(b, 0, b.length));
    // offsets beyond java.time's +-18:00 are still read as written
    byte[] far = ascii("2023-07-10T11:45:00+23:59");
    assertEquals(nanosOf(Instant.parse("2023-07-09T11:46:00Z")), IsoTime.parseNanos(far, 0, far.length));
  }

  @Test
  void epochDayMatchesLocalDate() {
    SplittableRandom rnd = new SplittableRandom(SEED + 1);
    for (int i = 0; i < 20_000; i++) {
      LocalDate d = LocalDate.ofEpochDay(rnd.nextLong(-800_000, 800_000));
      assertEquals(d.toEpochDay(), IsoTime.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth()),
          d.toString());
    }
    assertEquals(ZoneOffset.UTC.getTotalSeconds(), (int) IsoTime.epochDay(1970, 1, 1));
  }
}
