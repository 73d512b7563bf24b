package io.cloudir.investigate;

import static io.cloudir.investigate.Ev.ACCT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.vpcflow.FlowLogRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final String ALICE = "arn:aws:iam::" + ACCT + ":user/alice";

  private static CloudTrailEvent withIdAt(String id, Instant t, String file, long offset) {
    String json = "{\"eventVersion\":\"1.08\",\"userIdentity\":" + Ev.user("alice",
        "AKIAALICE0000000001") + ",\"eventTime\":\"" + t + "\",\"eventSource\":\"s3.amazonaws.com\","
        + "\"eventName\":\"GetObject\",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.4\","
        + "\"eventID\":\"" + id + "\",\"eventType\":\"AwsApiCall\"}";
    return CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8),
        Provenance.of(file, offset, -1));
  }

  private static FlowLogRecord flow(long start, String eni, String src, String dst, long bytes,
      String file, long offset) {
    return FlowLogRecord.parse("2 " + ACCT + " " + eni + " " + src + " " + dst
        + " 443 51000 6 10 " + bytes + " " + start + " " + (start + 60) + " ACCEPT OK")
        .withProvenance(Provenance.of(file, offset, offset));
  }

  @Test
  void twoTrailsWithOverlappingFilesCountEachEventOnce() {
    Instant t0 = Instant.parse("2026-03-14T09:00:00Z");
    List<LogRecord> org = new ArrayList<>();
    List<LogRecord> account = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      org.add(withIdAt("id-" + i, t0.plusSeconds(i), "org/f1.json", i * 100L));
    }
    for (int i = 5; i < 15; i++) {
      account.add(withIdAt("id-" + i, t0.plusSeconds(i), "acct/f1.json", i * 100L));
    }
    List<LogRecord> all = new ArrayList<>(org);
    all.addAll(account);
    Timeline tl = Timeline.of(all);
    assertEquals(15, tl.entries().size());
    assertEquals(5, tl.duplicates());
    Set<String> ids = tl.entries().stream().map(TimelineEntry::eventId).collect(Collectors.toSet());
    assertEquals(15, ids.size());

    // the same with the streaming pieces: each trail is in time order; merge, then a windowed dedup
    Iterator<LogRecord> merged = RecordOrder.merge(List.of(org.iterator(), account.iterator()));
    Deduplicator d = Deduplicator.windowed(Duration.ofMinutes(5));
    int kept = 0;
    while (merged.hasNext()) {
      if (d.accept(merged.next())) {
        kept++;
      }
    }
    assertEquals(15, kept);
    assertEquals(5, d.duplicates());
    assertEquals(0, d.late());
  }

  @Test
  void windowedDedupForgetsOldIds() {
    Instant t0 = Instant.parse("2026-03-14T09:00:00Z");
    Deduplicator d = Deduplicator.windowed(Duration.ofMinutes(1));
    for (int i = 0; i < 1000; i++) {
      assertTrue(d.accept(withIdAt("id-" + i, t0.plusSeconds(i), "f", i)));
    }
    // only about a minute of ids is remembered
    assertTrue(d.remembered() <= 62, "remembered " + d.remembered());
  }

  @Test
  void sharedEventIdGroupsCrossAccountCopies() {
    String a = "{\"eventVersion\":\"1.08\",\"userIdentity\":" + Ev.user("alice", "AKIAALICE0000000001")
        + ",\"eventTime\":\"2026-03-14T09:00:00Z\",\"eventSource\":\"kms.amazonaws.com\","
        + "\"eventName\":\"Decrypt\",\"eventID\":\"%s\",\"sharedEventID\":\"shared-1\","
        + "\"recipientAccountId\":\"%s\"}";
    List<LogRecord> l = List.of(Ev.parse(String.format(a, "e-a", "111122223333")),
        Ev.parse(String.format(a, "e-b", "444455556666")));
    Timeline tl = Timeline.of(l);
    assertEquals(2, tl.entries().size());
    assertEquals(List.of("shared-1"), List.copyOf(tl.sharedEventGroups().keySet()));
    assertEquals(2, tl.sharedEventGroups().get("shared-1").size());
  }

  /** Property: sorted, and every distinct input record exactly once, for random mixed inputs. */
  @Test
  void mergedTimelineIsSortedAndComplete() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    Instant t0 = Instant.parse("2026-03-14T09:00:00Z");
    try {
      for (int round = 0; round < 100; round++) {
        List<LogRecord> in = new ArrayList<>();
        Map<String, Integer> expected = new HashMap<>();
        int n = rnd.nextInt(200);
        for (int i = 0; i < n; i++) {
          String file = "f" + rnd.nextInt(4);
          long off = rnd.nextLong(1_000_000);
          if (rnd.nextInt(3) == 0) {
            long start = t0.getEpochSecond() + rnd.nextInt(600);
            in.add(flow(start, "eni-0" + rnd.nextInt(3), "10.0.0." + rnd.nextInt(9),
                "203.0.113." + rnd.nextInt(9), rnd.nextInt(5000), file, off));
            expected.merge("flow:" + file + ":" + off + ":" + i, 1, Integer::sum);
          } else {
            String id = "id-" + rnd.nextInt(150); // ids repeat: copies of one event
            Instant t = t0.plusSeconds(Math.abs(id.hashCode()) % 600);
            in.add(withIdAt(id, t, file, off));
            expected.put("ct:" + id, 1);
          }
        }
        Collections.shuffle(in, new java.util.Random(rnd.nextLong()));
        Timeline tl = Timeline.of(in);
        List<TimelineEntry> es = tl.entries();
        for (int i = 1; i < es.size(); i++) {
          assertTrue(RecordOrder.COMPARATOR.compare(es.get(i - 1).record(), es.get(i).record()) <= 0,
              "out of order at " + i);
        }
        long flows = es.stream().filter(e -> e.record() instanceof FlowLogRecord).count();
        Set<String> ids = new HashSet<>();
        for (TimelineEntry e : es) {
          if (e.eventId() != null) {
            assertTrue(ids.add(e.eventId()), "twice: " + e.eventId());
          }
        }
        long expectedFlows = expected.keySet().stream().filter(k -> k.startsWith("flow:")).count();
        long expectedEvents = expected.keySet().stream().filter(k -> k.startsWith("ct:")).count();
        assertEquals(expectedFlows, flows);
        assertEquals(expectedEvents, ids.size());
        assertEquals(in.size() - es.size(), tl.duplicates());
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  @Test
  void kWayMergeEqualsSortOfSortedInputs() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    Instant t0 = Instant.parse("2026-03-14T09:00:00Z");
    for (int round = 0; round < 50; round++) {
      List<List<LogRecord>> inputs = new ArrayList<>();
      List<LogRecord> all = new ArrayList<>();
      for (int k = 0; k < 1 + rnd.nextInt(5); k++) {
        List<LogRecord> l = new ArrayList<>();
        for (int i = 0; i < rnd.nextInt(30); i++) {
          l.add(withIdAt("k" + k + "-" + i, t0.plusSeconds(rnd.nextInt(100)), "src" + k, i));
        }
        l.sort(RecordOrder.COMPARATOR);
        inputs.add(l);
        all.addAll(l);
      }
      all.sort(RecordOrder.COMPARATOR);
      List<LogRecord> merged = new ArrayList<>();
      RecordOrder.merge(inputs.stream().map(List::iterator).toList()).forEachRemaining(merged::add);
      assertEquals(all, merged, "seed " + seed);
    }
  }

  @Test
  void filtersSelectByAttributedPrincipalKeyIpAndResource() {
    String alice = Ev.user("alice", "AKIAALICE0000000001");
    CloudTrailEvent assume = Ev.mint(alice, "2026-03-14T09:00:00Z", "AssumeRole", "ops-admin",
        "aws-go-sdk-1", "ASIAOPS00000000000", "");
    String rp = "{\"bucketName\":\"secret-bucket\"}";
    CloudTrailEvent roleCall = Ev.parse(Ev.event(Ev.role("ops-admin", "aws-go-sdk-1",
        "ASIAOPS00000000000", "2026-03-14T09:00:00Z", ""), "2026-03-14T09:05:00Z",
        "s3.amazonaws.com", "DeleteBucket", rp, "null", ""));
    CloudTrailEvent bob = Ev.call(Ev.user("bob", "AKIABOB00000000001"), "2026-03-14T09:06:00Z",
        "s3.amazonaws.com", "ListBuckets");
    Timeline tl = Timeline.of(List.of(bob, roleCall, assume));
    List<TimelineEntry> a = tl.select(new TimelineFilter(null, null, ALICE, null, null, null));
    assertEquals(List.of(assume.eventID(), roleCall.eventID()),
        a.stream().map(TimelineEntry::eventId).toList());
    assertEquals(ALICE, a.get(1).principal());
    List<TimelineEntry> byKey = tl.select(
        new TimelineFilter(null, null, null, "ASIAOPS00000000000", null, null));
    assertEquals(List.of(roleCall.eventID()), byKey.stream().map(TimelineEntry::eventId).toList());
    List<TimelineEntry> byRes = tl.select(
        new TimelineFilter(null, null, null, null, null, "arn:aws:s3:::secret-*"));
    assertEquals(List.of(roleCall.eventID()), byRes.stream().map(TimelineEntry::eventId).toList());
    List<TimelineEntry> since = tl.select(new TimelineFilter(
        Instant.parse("2026-03-14T09:05:00Z"), Instant.parse("2026-03-14T09:06:00Z"), null, null,
        null, null));
    assertEquals(List.of(roleCall.eventID()), since.stream().map(TimelineEntry::eventId).toList());
    assertEquals(3, tl.select(new TimelineFilter(null, null, null, null, "203.0.113.7", null)).size());
  }

  @Test
  void flowRecordsAreTiedToInstancesAndCountBytes() {
    String runJson = "{\"eventVersion\":\"1.08\",\"userIdentity\":" + Ev.user("alice",
        "AKIAALICE0000000001") + ",\"eventTime\":\"2026-03-14T09:00:00Z\","
        + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\","
        + "\"awsRegion\":\"us-east-1\",\"eventID\":\"run-1\",\"requestParameters\":{},"
        + "\"responseElements\":{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-0123456789abcdef0\","
        + "\"privateIpAddress\":\"10.0.1.10\",\"iamInstanceProfile\":{\"arn\":\"arn:aws:iam::"
        + ACCT + ":instance-profile/web\"},\"networkInterfaceSet\":{\"items\":[{"
        + "\"networkInterfaceId\":\"eni-0aaa\",\"privateIpAddressesSet\":{\"item\":[{"
        + "\"privateIpAddress\":\"10.0.1.10\",\"primary\":true}]}}]}}]}}}";
    CloudTrailEvent run = Ev.parse(runJson);
    CloudTrailEvent roleMint = Ev.mint(Ev.service("ec2.amazonaws.com"), "2026-03-14T09:00:05Z",
        "AssumeRole", "web-role", "i-0123456789abcdef0", "ASIAWEB10000000000", "");
    long t = Instant.parse("2026-03-14T09:10:00Z").getEpochSecond();
    FlowLogRecord out = flow(t, "eni-0aaa", "10.0.1.10", "198.51.100.9", 5000, "flow", 0);
    FlowLogRecord in = flow(t + 5, "eni-0aaa", "198.51.100.9", "10.0.1.10", 700, "flow", 100);
    Timeline tl = Timeline.of(List.of(in, out, roleMint, run));
    assertEquals("i-0123456789abcdef0", tl.network().instanceOfEni("eni-0aaa"));
    assertEquals("arn:aws:iam::" + ACCT + ":role/web-role", tl.network().roleOf("i-0123456789abcdef0"));
    List<TimelineEntry> inst = tl.select(
        new TimelineFilter(null, null, "i-0123456789abcdef0", null, null, null));
    assertEquals(2, inst.size());
    Entities ents = tl.entities(ip -> ip.isPrivate() ? null : new IpEnricher.Info(64500, "Example", "NL"));
    Entity i = ents.get(Entity.Kind.INSTANCE, "i-0123456789abcdef0").orElseThrow();
    assertEquals(5000, i.bytesOut());
    assertEquals(700, i.bytesIn());
    assertEquals("arn:aws:iam::" + ACCT + ":role/web-role", i.attributes().get("role"));
    assertEquals("run-1", i.attributes().get("launchEventId"));
    Entity remote = ents.get(Entity.Kind.IP, "198.51.100.9").orElseThrow();
    assertEquals(700, remote.bytesOut());
    assertEquals(5000, remote.bytesIn());
    assertEquals("NL", remote.attributes().get("country"));
    Entity p = ents.get(Entity.Kind.PRINCIPAL, ALICE).orElseThrow();
    assertEquals(1, p.count());
  }
}
