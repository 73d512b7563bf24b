package io.cloudir.model.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.Provenance;
import io.cloudir.model.internal.cloudtrail.CloudTrailAccess;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonSyntaxError;
import io.cloudir.model.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The reusable cursor as readers drive it: indexing in place, lifetime checks, copies. */
class CloudTrailCursorTest {

  private static final CloudTrailAccess.Bridge BRIDGE = CloudTrailAccess.get();

  static JsonScanner scanner() {
    return new JsonScanner(JsonValue.DEFAULT_MAX_DEPTH, Integer.MAX_VALUE);
  }

  private static final String FIRST = "{\"eventTime\":\"2023-07-10T11:45:00Z\",\"eventName\":\"First\","
      + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::1:user/a\"},\"x\":1,\"readOnly\":true}";
  private static final String SECOND = "{\"eventTime\":\"2024-01-01T00:00:00Z\",\"eventName\":\"Other\","
      + "\"userIdentity\":{\"type\":\"Root\",\"arn\":\"arn:aws:iam::2:root\"},\"y\":[2],\"readOnly\":false}";

  /** A buffer holding some junk, then the event at {@code at}, then more junk. */
  static byte[] block(String event, int at, int size) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) ' ');
    byte[] e = event.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(e, 0, b, at, e.length);
    b[0] = '[';
    return b;
  }

  /** Every span of {@code v}, top level and userIdentity, as text (absent fields as -1). */
  static String spansOf(CloudTrailView v) {
    StringBuilder sb = new StringBuilder();
    for (CloudTrailField f : CloudTrailField.values()) {
      sb.append(v.valueStart(f)).append('-').append(v.valueEnd(f)).append(' ');
    }
    for (UserIdentityField f : UserIdentityField.values()) {
      sb.append(v.valueStart(f)).append('-').append(v.valueEnd(f)).append(' ');
    }
    return sb.toString();
  }

  @Test
  void eventsKeepTheirIndexWhenTheCursorIndexesTheNextEvent() throws JsonSyntaxError {
    // one shared block holding both events, the first at offset 0 (its spans need no shift): the
    // events made from the cursor must not see the cursor's reused index when it moves on
    String both = FIRST + "\n" + SECOND;
    byte[] buf = both.getBytes(StandardCharsets.UTF_8);
    JsonScanner sc = scanner();
    CloudTrailCursor c = BRIDGE.newCursor(true);
    int end = BRIDGE.index(c, buf, 0, buf.length, false, sc, 0);
    BRIDGE.advance(c, "both.json", 0, 1);
    String firstSpans = spansOf(c);
    CloudTrailEvent shared = BRIDGE.shared(c, Provenance.of("both.json", 0, 1));
    CloudTrailEvent copied = c.toEvent();
    CloudTrailEvent renamed = shared.withProvenance(Provenance.of("other.json", 0, 1));
    // the cursor still shows its event after handing its arrays over
    assertEquals("First", c.eventName());
    assertEquals(firstSpans, spansOf(c));
    assertEquals(firstSpans, spansOf(shared));
    assertEquals(firstSpans, spansOf(copied));

    int second = end + 1;
    BRIDGE.index(c, buf, second, buf.length, true, sc, 0);
    BRIDGE.advance(c, "both.json", second, 2);
    assertEquals("Other", c.eventName());
    assertEquals("arn:aws:iam::2:root", c.userIdentityString(UserIdentityField.ARN));
    assertEquals(Boolean.FALSE, c.readOnly());
    assertFalse(c.has(CloudTrailField.READ_ONLY) && c.valueStart(CloudTrailField.READ_ONLY) < second);
    for (CloudTrailEvent e : List.of(shared, copied, renamed)) {
      assertEquals(firstSpans, spansOf(e));
      assertEquals("First", e.eventName());
      assertEquals("arn:aws:iam::1:user/a", e.userIdentityString(UserIdentityField.ARN));
      assertEquals("IAMUser", e.userIdentity().type().value());
      assertEquals(Boolean.TRUE, e.readOnly());
      assertEquals(Instant.parse("2023-07-10T11:45:00Z"), e.eventTime());
      assertEquals(FIRST, e.toJson());
    }
    // and the cursor's next event did not write into the arrays the events hold
    CloudTrailEvent next = c.toEvent();
    assertEquals(spansOf(CloudTrailEvent.parse(SECOND)), spansOf(next));
    assertEquals(firstSpans, spansOf(shared));
  }

  @Test
  void indexesInPlaceAndCopiesOut() throws JsonSyntaxError {
    byte[] buf = block(FIRST, 7, 400);
    CloudTrailCursor c = BRIDGE.newCursor(true);
    int end = BRIDGE.index(c, buf, 7, buf.length, true, scanner(), 0);
    assertEquals(7 + FIRST.length(), end);
    BRIDGE.advance(c, "trail.json", 7, 3);
    assertEquals("First", c.eventName());
    assertEquals(Instant.parse("2023-07-10T11:45:00Z"), c.eventTime());
    assertEquals(7, c.recordStart());
    assertEquals(end, c.recordEnd());
    assertEquals(FIRST, c.toJson());
    assertEquals(7, c.offset());
    assertEquals(Provenance.of("trail.json", 7, 3), c.provenance());
    assertTrue(c.buffer() == buf, "the cursor reads the reader's bytes in place");

    CloudTrailEvent kept = c.toEvent();
    assertEquals(Provenance.of("trail.json", 7, 3), kept.provenance());
    assertEquals(FIRST, kept.toJson());
    assertFalse(kept.buffer() == buf, "toEvent copies");
    assertEquals(0, kept.recordStart());
    assertEquals(FIRST.length(), kept.buffer().length);
    CloudTrailEvent shared = BRIDGE.shared(c, Provenance.of("trail.json", 7, 3));
    assertTrue(shared.buffer() == buf, "a shared event keeps the block");
    assertEquals(kept, shared);
    assertEquals(kept, shared.detach());
    assertFalse(shared.detach().buffer() == buf);

    // the reader moves on: the old cursor state must not be used, then the bytes are reused
    BRIDGE.invalidate(c);
    byte[] snapshot = kept.buffer().clone();
    Arrays.fill(buf, (byte) 'Z');
    byte[] second = SECOND.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(second, 0, buf, 3, second.length);
    buf[0] = ' ';
    buf[1] = ' ';
    buf[2] = ' ';

    // the copy still shows the first event
    assertArrayEquals(snapshot, kept.buffer());
    assertEquals("First", kept.eventName());
    assertEquals(Instant.parse("2023-07-10T11:45:00Z"), kept.eventTime());
    assertEquals("arn:aws:iam::1:user/a", kept.userIdentity().arn());
    assertEquals(IdentityType.IAM_USER, kept.identityType());
    assertEquals(Boolean.TRUE, kept.readOnly());
    assertEquals(List.of("x"), List.copyOf(kept.unknownFields().keySet()));
    assertEquals(JsonValue.parse(FIRST), kept.json());
    assertEquals(FIRST, kept.toJson());

    // the same cursor shows the second event
    int end2 = BRIDGE.index(c, buf, 3, 3 + second.length, true, scanner(), 0);
    assertEquals(3 + second.length, end2);
    BRIDGE.advance(c, "trail.json", 3 + 1000, 9);
    assertEquals("Other", c.eventName());
    assertEquals(IdentityType.ROOT, c.identityType());
    assertEquals(Boolean.FALSE, c.readOnly());
    assertEquals(List.of("y"), List.copyOf(c.unknownFields().keySet()));
    assertEquals(SECOND, c.toJson());
    assertEquals("First", kept.eventName());
  }

  @Test
  void staleDebugCursorThrowsOnEveryAccessor() throws JsonSyntaxError {
    byte[] buf = FIRST.getBytes(StandardCharsets.UTF_8);
    CloudTrailCursor c = BRIDGE.newCursor(true);
    BRIDGE.index(c, buf, 0, buf.length, true, scanner(), 0);
    BRIDGE.advance(c, "s", 0, 1);
    assertEquals("First", c.eventName());
    BRIDGE.invalidate(c);
    List<Consumer<CloudTrailCursor>> accessors = List.of(
        CloudTrailView::eventName, CloudTrailView::eventTime, CloudTrailView::eventTimeNanos,
        CloudTrailView::userIdentity, CloudTrailView::identityType, CloudTrailView::readOnly,
        CloudTrailView::resources, CloudTrailView::requestParameters, CloudTrailView::sourceAddress,
        CloudTrailView::eventType, CloudTrailView::warnings, CloudTrailView::hasWarnings,
        CloudTrailView::unknownFields, CloudTrailView::toJson, CloudTrailView::json, CloudTrailView::buffer,
        CloudTrailView::recordStart, CloudTrailView::recordEnd, CloudTrailCursor::toEvent,
        CloudTrailCursor::provenance, CloudTrailCursor::offset,
        x -> x.has(CloudTrailField.EVENT_NAME), x -> x.valueStart(CloudTrailField.EVENT_NAME),
        x -> x.valueEnd(UserIdentityField.ARN), x -> x.valueHash(CloudTrailField.EVENT_NAME),
        x -> x.valueEquals(UserIdentityField.TYPE, "IAMUser"), x -> x.string(CloudTrailField.USER_AGENT),
        x -> x.userIdentityString(UserIdentityField.ARN), x -> x.field(CloudTrailField.EVENT_TIME));
    for (int i = 0; i < accessors.size(); i++) {
      Consumer<CloudTrailCursor> a = accessors.get(i);
      assertThrows(IllegalStateException.class, () -> a.accept(c), "accessor #" + i);
    }
    // advancing to a new event makes it usable again
    BRIDGE.index(c, buf, 0, buf.length, true, scanner(), 0);
    BRIDGE.advance(c, "s", 0, 1);
    assertEquals("First", c.eventName());
  }

  @Test
  void nonDebugCursorDoesNotCheck() throws JsonSyntaxError {
    byte[] buf = FIRST.getBytes(StandardCharsets.UTF_8);
    CloudTrailCursor c = BRIDGE.newCursor(false);
    BRIDGE.index(c, buf, 0, buf.length, true, scanner(), 0);
    BRIDGE.advance(c, "s", 0, 1);
    BRIDGE.invalidate(c);
    assertEquals("First", c.eventName(), "no check without debug mode (the caller's responsibility)");
  }

  @Test
  void incompleteInputIsReportedNotThrown() throws JsonSyntaxError {
    byte[] buf = FIRST.getBytes(StandardCharsets.UTF_8);
    CloudTrailCursor c = BRIDGE.newCursor(true);
    for (int cut = 1; cut < buf.length; cut++) {
      assertEquals(JsonScanner.INCOMPLETE, BRIDGE.index(c, buf, 0, cut, false, scanner(), 0), "cut at " + cut);
      int at = cut;
      assertThrows(JsonSyntaxError.class, () -> BRIDGE.index(c, buf, 0, at, true, scanner(), 0), "cut at " + cut);
    }
    assertEquals(buf.length, BRIDGE.index(c, buf, 0, buf.length, false, scanner(), 0));
    BRIDGE.advance(c, "s", 0, 1);
    assertEquals("First", c.eventName());
  }

  @Test
  void reindexingClearsThePreviousEvent() throws JsonSyntaxError {
    CloudTrailCursor c = BRIDGE.newCursor(true);
    byte[] a = ("{\"eventName\":\"A\",\"errorCode\":\"E\",\"eventType\":\"Weird\",\"u1\":1,"
        + "\"userIdentity\":{\"arn\":\"x\"}}").getBytes(StandardCharsets.UTF_8);
    BRIDGE.index(c, a, 0, a.length, true, scanner(), 0);
    BRIDGE.advance(c, "s", 0, 1);
    assertEquals("E", c.errorCode());
    assertTrue(c.hasWarnings());
    byte[] b = "{\"eventTime\":\"2023-07-10T11:45:00Z\",\"u2\":2}".getBytes(StandardCharsets.UTF_8);
    BRIDGE.index(c, b, 0, b.length, true, scanner(), 0);
    BRIDGE.advance(c, "s", a.length, 2);
    assertEquals(null, c.errorCode());
    assertEquals(null, c.eventName());
    assertEquals(null, c.userIdentity());
    assertEquals(null, c.eventType());
    assertFalse(c.hasWarnings(), () -> c.warnings().toString());
    assertEquals(List.of("u2"), List.copyOf(c.unknownFields().keySet()));
    assertEquals(Instant.parse("2023-07-10T11:45:00Z"), c.eventTime());
  }
}
