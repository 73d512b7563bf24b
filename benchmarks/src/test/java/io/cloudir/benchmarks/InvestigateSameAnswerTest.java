package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.investigate.Attribution;
import io.cloudir.investigate.Attributor;
import io.cloudir.investigate.Completeness;
import io.cloudir.investigate.Deduplicator;
import io.cloudir.investigate.SessionHop;
import io.cloudir.investigate.Timeline;
import io.cloudir.investigate.TimelineEntry;
import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.RecordStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link InvestigateBenchmark}'s streaming attribution (the {@code parseAttribute} variant) and
 * the two-pass {@link Timeline} (the {@code parseTimeline} variant) give the same answer for every
 * event, and that answer is the generator's ground truth: every session of the dataset belongs to
 * the IAM user whose number is the last octet of the call's source address, and only chains that
 * pass through a session whose mint was left out of the data (keys {@code ASIAX…}) are partial.
 */
class InvestigateSameAnswerTest {

  @Test
  void streamingAndTwoPassAttributionAgreeWithTheGroundTruth() {
    byte[] data = InvestigateBenchmark.generate(20240311L, 30_000);
    List<LogRecord> all = new ArrayList<>();
    Map<String, Attribution> streaming = new HashMap<>();
    Attributor at = new Attributor();
    Deduplicator dedup = Deduplicator.windowed(Duration.ofMinutes(5));
    try (RecordStream rs = LogReader.create().open(List.of(LogSource.of("g.jsonl", data)))) {
      for (LogRecord r : rs) {
        CloudTrailEvent e = ((CloudTrailEvent) r).detach();
        all.add(e);
        assertTrue(dedup.accept(e), "the dataset has no duplicates");
        streaming.put(e.eventID(), at.observeAndAttribute(e));
      }
    }
    assertEquals(30_000, streaming.size());
    int partial = 0;
    for (LogRecord r : all) {
      CloudTrailEvent e = (CloudTrailEvent) r;
      Attribution a = streaming.get(e.eventID());
      String ip = e.sourceIPAddress();
      String user = "arn:aws:iam::111122223333:user/user"
          + ip.substring(ip.lastIndexOf('.') + 1);
      boolean unminted = String.valueOf(e.userIdentity().accessKeyId()).startsWith("ASIAX")
          || a.via().stream().map(SessionHop::accessKeyId)
              .anyMatch(k -> k != null && k.startsWith("ASIAX"));
      if (a.completeness() == Completeness.COMPLETE) {
        assertEquals(user, a.origin().id(), e.eventID());
        assertTrue(!unminted, e.eventID());
      } else {
        partial++;
        assertTrue(unminted, e.eventID() + " " + a.reason());
      }
    }
    assertTrue(partial > 0 && partial < all.size() / 10, "partial " + partial);

    Timeline tl = Timeline.of(all);
    assertEquals(all.size(), tl.entries().size());
    for (TimelineEntry t : tl.entries()) {
      Attribution s = streaming.get(t.eventId());
      Attribution p = t.attribution();
      assertEquals(s.origin(), p.origin(), t.eventId());
      assertEquals(s.via(), p.via(), t.eventId());
      assertEquals(s.completeness(), p.completeness(), t.eventId());
    }
  }
}
