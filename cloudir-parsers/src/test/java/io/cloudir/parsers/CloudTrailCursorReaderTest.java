package io.cloudir.parsers;

import static io.cloudir.parsers.TestSupport.event;
import static io.cloudir.parsers.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.cloudtrail.CloudTrailCursor;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.CloudTrailField;
import io.cloudir.parsers.TestSupport.Doc;
import io.cloudir.parsers.TestSupport.Result;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The allocation-free cursor reader gives the same values as LogReader; debug mode guards lifetime. */
class CloudTrailCursorReaderTest {

  static List<String> viaCursor(LogSource src, List<Rejection> rej) throws IOException {
    List<String> out = new ArrayList<>();
    try (CloudTrailCursorReader r = CloudTrailCursorReader.open(src, ReadLimits.defaults(), true)) {
      r.onRejection(rej::add);
      CloudTrailCursor c = r.cursor();
      while (r.next()) {
        out.add("E " + c.provenance().source() + " " + c.provenance().offset() + " " + c.provenance().line() + " "
            + TestSupport.abbreviate(c.toJson()) + " " + c.eventName() + " " + c.eventTime());
      }
      ReadStats s = r.stats();
      assertEquals(s.parsed() + s.rejected(), s.records());
      assertEquals(out.size(), s.parsed());
      assertEquals(rej.size(), s.rejected());
    }
    return out;
  }

  static List<String> viaLogReader(Result r) {
    List<String> out = new ArrayList<>();
    for (CloudTrailEvent e : r.events()) {
      out.add("E " + e.provenance().source() + " " + e.provenance().offset() + " " + e.provenance().line() + " "
          + TestSupport.abbreviate(e.toJson()) + " " + e.eventName() + " " + e.eventTime());
    }
    return out;
  }

  @Test
  void cursorValuesEqualLogReaderEvents() throws IOException {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = 0; i < 60; i++) {
      Gen g = new Gen(rnd);
      List<Gen.Event> evs = CloudTrailPropertyTest.events(g, 20, true);
      byte[] b = g.write(evs, rnd.nextInt(Gen.SHAPES), new Doc()).bytes();
      if (rnd.nextInt(3) == 0) {
        b = CloudTrailPropertyTest.mutate(rnd, b);
      }
      byte[] input = b;
      Result pull = CloudTrailPropertyTest.fixedType("c", input, 1 << 20);
      for (LogSource src : List.of(LogSource.of("c", input), LogSource.of("c", () -> new ByteArrayInputStream(input)),
          LogSource.of("c", TestSupport.gzip(input)))) {
        List<Rejection> rej = new ArrayList<>();
        assertEquals(viaLogReader(pull), viaCursor(src, rej), "seed " + seed);
        assertEquals(pull.rejections(), rej, "seed " + seed);
      }
    }
  }

  @Test
  void debugModeRejectsAStaleCursorButToEventSurvives() throws IOException {
    byte[] b = utf8("{\"Records\":[" + event(0) + "," + event(1) + "]}");
    try (CloudTrailCursorReader r = CloudTrailCursorReader.open(LogSource.of("d", b), ReadLimits.defaults(), true)) {
      CloudTrailCursor c = r.cursor();
      assertTrue(r.next());
      CloudTrailEvent kept = c.toEvent();
      String name = c.eventName();
      assertTrue(c.valueEquals(CloudTrailField.EVENT_ID, "ev-0"));
      assertTrue(r.next());
      assertEquals("ev-1", c.eventID());
      assertFalse(r.next());
      assertThrows(IllegalStateException.class, c::eventName);
      assertThrows(IllegalStateException.class, c::toJson);
      assertThrows(IllegalStateException.class, c::toEvent);
      assertThrows(IllegalStateException.class, () -> c.has(CloudTrailField.EVENT_NAME));
      assertEquals(event(0), kept.toJson());
      assertEquals(name, kept.eventName());
      assertEquals("ev-0", kept.eventID());
      assertEquals(12, kept.provenance().offset());
    }
  }

  @Test
  void debugModeFromTheSystemPropertyAndStaleAccessBetweenRecords() throws IOException {
    byte[] b = utf8(event(0) + "\n" + event(1) + "\n");
    try (CloudTrailCursorReader r = CloudTrailCursorReader.open(
        LogSource.of("d", () -> new ByteArrayInputStream(b)), ReadLimits.defaults(), true)) {
      CloudTrailCursor c = r.cursor();
      assertTrue(r.next());
      assertEquals("ev-0", c.eventID());
      CloudTrailEvent kept = c.toEvent();
      assertTrue(r.next());
      assertEquals("ev-1", c.eventID()); // live again after next() returned true
      assertEquals("ev-0", kept.eventID());
    }
    // without debug mode a stale cursor does not throw (documented: undefined contents)
    try (CloudTrailCursorReader r = CloudTrailCursorReader.open(LogSource.of("d", b), ReadLimits.defaults(), false)) {
      CloudTrailCursor c = r.cursor();
      assertTrue(r.next());
      assertTrue(r.next());
      assertFalse(r.next());
      c.toJson();
      assertEquals(2, r.stats().parsed());
    }
  }

  @Test
  void cancelStopsTheCursorReader() throws IOException {
    byte[] b = utf8(event(0) + "\n" + event(1) + "\n");
    try (CloudTrailCursorReader r = CloudTrailCursorReader.open(LogSource.of("d", b), ReadLimits.defaults())) {
      assertTrue(r.next());
      r.cancel();
      assertFalse(r.next());
      assertEquals(1, r.stats().parsed());
    }
  }

  /**
   * Consecutive events mostly share a date, which the cursor parses once: times of day, invalid
   * ones and other shapes between them must still read exactly as java.time reads them.
   */
  @Test
  void eventTimesOfConsecutiveEventsAgreeWithJavaTime() throws IOException {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] dates = {"2024-03-11", "2024-03-12", "2024-02-29", "2023-02-29", "9999-12-31", "1970-01-01"};
    StringBuilder sb = new StringBuilder();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String date = dates[rnd.nextInt(4) == 0 ? rnd.nextInt(dates.length) : 0];
      String time = String.format("%02d:%02d:%02d", rnd.nextInt(26), rnd.nextInt(62), rnd.nextInt(62));
      String zone = switch (rnd.nextInt(8)) {
        case 0 -> ".5Z";
        case 1 -> "+02:00";
        default -> "Z";
      };
      String text = date + (rnd.nextInt(50) == 0 ? "t" : "T") + time + zone;
      texts.add(text);
      sb.append("{\"eventVersion\":\"1.08\",\"eventTime\":\"").append(text).append("\"}\n");
    }
    int i = 0;
    try (CloudTrailCursorReader r =
        CloudTrailCursorReader.open(LogSource.of("times", utf8(sb.toString())), ReadLimits.defaults(), false)) {
      CloudTrailCursor c = r.cursor();
      while (r.next()) {
        String text = texts.get(i++);
        java.time.Instant expected;
        try {
          expected = java.time.OffsetDateTime.parse(text.replace('t', 'T')).toInstant();
        } catch (java.time.DateTimeException e) {
          expected = null;
        }
        assertEquals(expected, c.eventTime(), "seed " + seed + ": " + text);
        assertEquals(expected == null ? Long.MIN_VALUE : expected.toEpochMilli(), c.eventTimeMillis(), text);
      }
    }
    assertEquals(texts.size(), i);
  }
}
