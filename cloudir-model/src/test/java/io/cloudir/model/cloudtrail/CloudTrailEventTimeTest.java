package io.cloudir.model.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code eventTime} holds every ISO timestamp of years 0000 to 9999, not only what nanos hold. */
class CloudTrailEventTimeTest {
  private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private static CloudTrailEvent withTime(String text) {
    return CloudTrailEvent.parse("{\"eventVersion\":\"1.08\",\"eventTime\":\"" + text + "\"}");
  }

  /** Epoch nanoseconds of {@code i}, or {@link Long#MIN_VALUE} when a long cannot hold them. */
  private static long nanosOrMin(Instant i) {
    BigInteger n = BigInteger.valueOf(i.getEpochSecond()).multiply(BigInteger.valueOf(1_000_000_000L))
        .add(BigInteger.valueOf(i.getNano()));
    return n.bitLength() < 64 ? n.longValue() : Long.MIN_VALUE;
  }

  private static String format(LocalDateTime t, int digits, int offsetMinutes) {
    StringBuilder sb = new StringBuilder(SECONDS.format(t));
    if (digits > 0) {
      sb.append('.').append(String.format("%09d", t.getNano()), 0, digits);
    }
    if (offsetMinutes == 0) {
      sb.append('Z');
    } else {
      int a = Math.abs(offsetMinutes);
      sb.append(offsetMinutes < 0 ? '-' : '+').append(String.format("%02d:%02d", a / 60, a % 60));
    }
    return sb.toString();
  }

  @Test
  void everyTimestampUpToYear9999RoundTrips() {
    qt().withExamples(20_000)
        .forAll(
            longs().between(FIRST_DAY, LAST_DAY),
            longs().between(0, 86_400_000_000_000L - 1),
            integers().between(0, 9),
            integers().between(-18 * 60, 18 * 60 + 300))
        .checkAssert((day, nanoOfDay, digits, off) -> {
          int offset = off > 18 * 60 ? 0 : off; // some offsets are zero (Z)
          LocalDateTime t = LocalDateTime.of(LocalDate.ofEpochDay(day), LocalTime.ofNanoOfDay(nanoOfDay));
          String text = format(t, digits, offset);
          Instant expected = OffsetDateTime.parse(text).toInstant();
          CloudTrailEvent e = withTime(text);
          assertEquals(expected, e.eventTime(), text);
          assertEquals(expected.toEpochMilli(), e.eventTimeMillis(), text);
          assertEquals(nanosOrMin(expected), e.eventTimeNanos(), text);
          assertEquals(text, e.eventTimeText());
          assertEquals(List.of(), e.warnings(), text);
          // written back and read again: the same instant
          CloudTrailEvent again = CloudTrailEvent.parse(e.toJson());
          assertEquals(expected, again.eventTime(), text);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2262-04-11T23:47:16.854775808Z", "2300-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
    "0000-01-01T00:00:00Z", "1677-09-21T00:12:43.145224191Z", "9999-12-31T23:59:59-18:00"})
  void timesBeyondNanosecondsAreKept(String text) {
    CloudTrailEvent e = withTime(text);
    Instant expected = OffsetDateTime.parse(text).toInstant();
    assertNotNull(e.eventTime(), text);
    assertEquals(expected, e.eventTime());
    assertEquals(expected.toEpochMilli(), e.eventTimeMillis());
    assertEquals(Long.MIN_VALUE, e.eventTimeNanos(), "a long of nanoseconds cannot hold " + text);
    assertEquals(List.of(), e.warnings());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2262-04-11T23:47:16.854775807Z", "1677-09-21T00:12:43.145224193Z", "1969-12-31T23:59:59.5Z"})
  void nanosecondsAtTheirLimits(String text) {
    Instant expected = OffsetDateTime.parse(text).toInstant();
    assertEquals(nanosOrMin(expected), withTime(text).eventTimeNanos(), text);
    assertTrue(nanosOrMin(expected) != Long.MIN_VALUE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10000-01-01T00:00:00Z", "9999-12-32T00:00:00Z", "-001-01-01T00:00:00Z"})
  void beyondFourDigitYearsIsMalformed(String text) {
    CloudTrailEvent e = withTime(text);
    assertNull(e.eventTime());
    assertEquals(Long.MIN_VALUE, e.eventTimeMillis());
    assertTrue(e.warnings().stream().anyMatch(w -> w.code().equals("eventTime.malformed")));
  }
}
