package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Duplicate keys inside an envelope, closing an abandoned stream, failures of parallel readers. */
class ReaderLifecycleTest {
  private static String event(String id) {
    return "{\"eventVersion\":\"1.08\",\"eventID\":\"" + id + "\",\"eventName\":\"X\"}";
  }

  @Test
  void aDuplicateKeyInsideRecordsRejectsOnlyThatRecord() {
    String dup = "{\"eventVersion\":\"1.08\",\"eventName\":\"A\",\"eventName\":\"B\",\"eventID\":\"d\"}";
    String text = "{\"Records\":[" + event("1") + "," + dup + "," + event("3") + "]}";
    List<Rejection> rejections = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (RecordStream s = LogReader.builder().onRejection(rejections::add).build()
        .open(List.of(LogSource.of("dup.json", text.getBytes(StandardCharsets.UTF_8))))) {
      for (LogRecord r : s) {
        ids.add(((CloudTrailEvent) r).eventID());
      }
      assertEquals(3, s.stats().records());
    }
    assertEquals(List.of("1", "3"), ids);
    assertEquals(1, rejections.size());
    assertTrue(rejections.get(0).reason().contains("duplicate key"), rejections.get(0).reason());
    assertEquals(text.indexOf("\"eventName\":\"B\""), rejections.get(0).offset());
  }

  @Test
  void closingAnAbandonedStreamClosesTheCurrentSource() {
    AtomicBoolean closed = new AtomicBoolean();
    byte[] data = ("{\"Records\":[" + event("1") + "," + event("2") + "]}").getBytes(StandardCharsets.UTF_8);
    LogSource src = LogSource.of("tracked", () -> new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public void close() throws IOException {
        closed.set(true);
        super.close();
      }
    });
    RecordStream s = LogReader.create().open(List.of(src));
    Iterator<LogRecord> it = s.iterator();
    assertTrue(it.hasNext());
    it.next();
    assertFalse(closed.get(), "still reading");
    s.close();
    assertTrue(closed.get(), "close() released the source");
  }

  @Test
  void aParallelReaderFailureIsThrownNotAwaitedForever() {
    byte[] ok = ("{\"Records\":[" + event("1") + "]}").getBytes(StandardCharsets.UTF_8);
    LogSource failing = LogSource.of("failing", () -> {
      throw new IllegalStateException("opener failed");
    });
    try (RecordStream s = LogReader.builder().parallelism(2).build()
        .open(List.of(LogSource.of("ok", ok), failing, LogSource.of("ok2", ok)))) {
      Iterator<LogRecord> it = s.iterator();
      assertTrue(it.hasNext());
      it.next();
      IllegalStateException e = assertThrows(IllegalStateException.class, it::hasNext);
      assertEquals("opener failed", e.getMessage());
    }
  }
}
