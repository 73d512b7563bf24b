package io.cloudir.investigate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudir.model.Provenance;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@link Deduplicator} against a direct model of its documented rules (ids compared as decoded
 * text; windowed mode forgets, in insertion order, ids older than the window behind the latest
 * time), over streams mixing canonical UUID ids, the same ids spelled with escapes or in upper
 * case (also both), dashed ids that are not ASCII or hold a backslash, other ids, missing ids and
 * times, and out-of-order times.
 */
class DeduplicatorTest {

  private record Ev(CloudTrailEvent event, String id, long millis) {}

  /** The documented behaviour, written plainly. */
  private static final class Model {
    final Duration window;
    final boolean unbounded;
    final Set<String> seen = new HashSet<>();
    final ArrayDeque<Object[]> order = new ArrayDeque<>();
    long latest = Long.MIN_VALUE;
    long duplicates;
    long late;

    Model(Duration window, boolean unbounded) {
      this.window = window;
      this.unbounded = unbounded;
    }

    boolean accept(String id, long t) {
      if (id == null) {
        return true;
      }
      if (unbounded) {
        return seen.add(id) || dup();
      }
      boolean timed = t != Long.MIN_VALUE;
      long millis = timed ? t : latest;
      if (seen.contains(id)) {
        return dup();
      }
      if (timed && millis > latest) {
        latest = millis;
        while (!order.isEmpty() && (long) order.peekFirst()[1] < latest - window.toMillis()) {
          seen.remove((String) order.pollFirst()[0]);
        }
      }
      if (timed && latest != Long.MIN_VALUE && millis < latest - window.toMillis()) {
        late++;
      }
      seen.add(id);
      order.addLast(new Object[] {id, millis});
      return true;
    }

    private boolean dup() {
      duplicates++;
      return false;
    }
  }

  private static Ev event(SplittableRandom rnd, UUID[] pool, long base) {
    UUID u = pool[rnd.nextInt(pool.length)];
    String id;
    String json;
    switch (rnd.nextInt(9)) {
      case 0 -> { // the canonical id with its first character escaped: the same text
        id = u.toString();
        json = "\"\\u00" + Integer.toHexString(id.charAt(0)) + id.substring(1) + "\"";
      }
      case 1 -> { // upper case: another id
        id = u.toString().toUpperCase(java.util.Locale.ROOT);
        json = "\"" + id + "\"";
      }
      case 6 -> { // upper case with its first character escaped: the upper-case id's text
        id = u.toString().toUpperCase(java.util.Locale.ROOT);
        json = "\"\\u00" + Integer.toHexString(id.charAt(0)) + id.substring(1) + "\"";
      }
      case 7 -> { // dashes in place, 36 bytes, not ASCII: kept as text
        id = "\u00e9" + u.toString().substring(2);
        json = "\"" + id + "\"";
      }
      case 8 -> { // a backslash in the text (escaped), dashes in place in the text
        id = "\\" + u.toString().substring(1);
        json = "\"\\\\" + u.toString().substring(1) + "\"";
      }
      case 2 -> {
        id = "ev-" + rnd.nextInt(pool.length);
        json = "\"" + id + "\"";
      }
      case 3 -> {
        id = null;
        json = rnd.nextBoolean() ? null : "null";
      }
      default -> {
        id = u.toString();
        json = "\"" + id + "\"";
      }
    }
    long millis = rnd.nextInt(10) == 0 ? Long.MIN_VALUE : base + rnd.nextInt(120_000) - 30_000;
    String time = millis == Long.MIN_VALUE ? "" : ",\"eventTime\":\""
        + Instant.ofEpochMilli(millis) + "\"";
    String text = "{\"eventVersion\":\"1.08\"" + time + ",\"eventName\":\"X\""
        + (json == null ? "" : ",\"eventID\":" + json) + "}";
    CloudTrailEvent e = CloudTrailEvent.parse(text.getBytes(StandardCharsets.UTF_8),
        Provenance.inMemory());
    return new Ev(e, id, millis);
  }

  @Test
  void agreesWithTheDocumentedRules() {
    qt().withExamples(150).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      UUID[] pool = new UUID[1 + rnd.nextInt(60)];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = new UUID(rnd.nextLong(), rnd.nextLong());
      }
      boolean unbounded = rnd.nextInt(4) == 0;
      Duration w = Duration.ofSeconds(rnd.nextInt(90));
      Deduplicator d = unbounded ? Deduplicator.unbounded() : Deduplicator.windowed(w);
      Model m = new Model(w, unbounded);
      long base = 1_700_000_000_000L;
      for (int i = 0; i < 400; i++) {
        base += rnd.nextInt(2_000);
        Ev ev = event(rnd, pool, base);
        assertEquals(m.accept(ev.id(), ev.millis()), d.accept(ev.event()),
            "seed " + seed + " at " + i + " id " + ev.id());
        assertEquals(m.seen.size(), d.remembered(), "seed " + seed + " at " + i);
      }
      assertEquals(m.duplicates, d.duplicates(), "seed " + seed);
      assertEquals(m.late, d.late(), "seed " + seed);
    });
  }
}
