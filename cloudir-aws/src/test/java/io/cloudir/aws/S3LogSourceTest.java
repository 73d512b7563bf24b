package io.cloudir.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.aws.testing.FaultProxy;
import io.cloudir.aws.testing.S3Fixture;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

class S3LogSourceTest extends S3TestBase {
  static FetchOptions fast() {
    return FetchOptions.defaults().withRetries(3, Duration.ZERO, Duration.ZERO);
  }

  private static String ct(String acct, String region, String day, String name) {
    return "AWSLogs/" + acct + "/CloudTrail/" + region + "/" + day + "/" + acct + "_CloudTrail_"
        + region + "_" + name + ".json.gz";
  }

  @Test
  void listsByLayoutAccountsRegionsAndDays() {
    String b = fx.bucket();
    List<String> keys = List.of(
        ct("111122223333", "us-east-1", "2026/03/13", "a"),
        ct("111122223333", "us-east-1", "2026/03/14", "b"),
        ct("111122223333", "eu-west-1", "2026/03/14", "c"),
        ct("444455556666", "us-east-1", "2026/03/14", "d"),
        ct("111122223333", "us-east-1", "2026/03/16", "e"),
        "AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2026/03/14/org.json.gz",
        "AWSLogs/o-abc123/777788889999/CloudTrail/us-east-1/2026/03/14/org-other.json.gz",
        "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/14/digest.json.gz",
        "AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/03/14/insight.json.gz",
        "AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/03/14/09/flow.log.gz",
        "AWSLogs/aws-account-id=111122223333/aws-service=vpcflowlogs/aws-region=us-east-1/"
            + "year=2026/month=03/day=14/hour=09/hive.log.gz",
        "AWSLogs/aws-account-id=111122223333/aws-service=vpcflowlogs/aws-region=us-east-1/"
            + "year=2026/month=03/day=15/hour=00/hive-next.log.gz",
        "elsewhere/not-a-log.txt");
    for (String k : keys) {
      fx.put(b, k, new byte[] {1});
    }
    S3LogSource src = S3LogSource.of(fx.s3, fast());
    S3LogQuery q = S3LogQuery.builder(S3Uri.parse("s3://" + b))
        .accounts(List.of("111122223333")).regions(List.of("us-east-1"))
        .since(Instant.parse("2026-03-14T00:00:00Z")).until(Instant.parse("2026-03-15T00:00:00Z"))
        .deliverySlack(Duration.ZERO).build();
    List<String> listed = src.list(q).stream().map(S3LogObject::key).toList();
    assertEquals(List.of(
        "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/14/digest.json.gz",
        "AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2026/03/14/insight.json.gz",
        ct("111122223333", "us-east-1", "2026/03/14", "b"),
        "AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/03/14/09/flow.log.gz",
        "AWSLogs/aws-account-id=111122223333/aws-service=vpcflowlogs/aws-region=us-east-1/"
            + "year=2026/month=03/day=14/hour=09/hive.log.gz",
        "AWSLogs/o-abc123/111122223333/CloudTrail/us-east-1/2026/03/14/org.json.gz"), listed);

    // the default slack of one hour reaches into the next day's folders
    S3LogQuery slack = S3LogQuery.builder(S3Uri.parse("s3://" + b + "/AWSLogs/"))
        .accounts(List.of("111122223333")).services(List.of("vpcflowlogs"))
        .since(Instant.parse("2026-03-14T00:00:00Z")).until(Instant.parse("2026-03-15T00:00:00Z"))
        .build();
    assertEquals(3, src.list(slack).size());

    // a prefix inside the layout fixes the account and service; open ranges walk the folders
    S3LogQuery inside = S3LogQuery.builder(S3Uri.parse("s3://" + b + "/AWSLogs/111122223333/CloudTrail/"))
        .since(Instant.parse("2026-03-15T00:00:00Z")).build();
    assertEquals(List.of(ct("111122223333", "us-east-1", "2026/03/16", "e")),
        src.list(inside).stream().map(S3LogObject::key).toList());

    // a generic prefix is listed whole
    assertEquals(List.of("elsewhere/not-a-log.txt"),
        src.list(S3LogQuery.of(S3Uri.parse("s3://" + b + "/elsewhere/"))).stream()
            .map(S3LogObject::key).toList());
    // no filter: everything under AWSLogs
    assertEquals(keys.size() - 1, src.list(S3LogQuery.of(S3Uri.parse("s3://" + b))).size());
  }

  @Test
  void readsGzipObjectsInKeyOrderWithProvenance() {
    String b = fx.bucket();
    for (int i = 0; i < 12; i++) {
      fx.put(b, ct("111122223333", "us-east-1", "2026/03/14", String.format("%02d", i)),
          S3Fixture.gzip(S3Fixture.trail("f" + i, 5)));
    }
    List<String> ids = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    S3ReadSummary s = S3LogSource.of(fx.s3, fast().withConcurrency(4))
        .read(S3LogQuery.of(S3Uri.parse("s3://" + b)), LogReader.create(), (o, r) -> {
          ids.add(((CloudTrailEvent) r).eventID());
          assertEquals(o.object().uri(), r.provenance().source());
          assertNotNull(o.versionId(), "versioned bucket: the version read is known");
          assertEquals(o.object().etag(), o.etag());
          sources.add(o.object().key());
        });
    assertEquals(12, s.listed());
    assertEquals(12, s.read());
    assertEquals(60, s.stats().parsed());
    assertEquals(0, s.stats().rejected());
    assertTrue(s.failures().isEmpty());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 5; j++) {
        expected.add("f" + i + "-" + j);
      }
    }
    assertEquals(expected, ids);
    assertEquals(new TreeSet<>(sources).stream().toList(),
        sources.stream().distinct().toList(), "objects come in key order");
  }

  @Test
  void truncatedAndCorruptGzipAreReportedWithTheirKeyAndTheRestCompletes() {
    String b = fx.bucket();
    byte[] whole = S3Fixture.gzip(S3Fixture.trail("t", 200));
    byte[] corrupt = S3Fixture.gzip(S3Fixture.trail("c", 3));
    for (int i = 12; i < corrupt.length - 8; i++) {
      corrupt[i] ^= 0x5a;
    }
    fx.put(b, "logs/1-good.json.gz", S3Fixture.gzip(S3Fixture.trail("g", 4)));
    fx.put(b, "logs/2-truncated.json.gz", Arrays.copyOf(whole, whole.length / 2));
    fx.put(b, "logs/3-corrupt.json.gz", corrupt);
    fx.put(b, "logs/4-good.json.gz", S3Fixture.gzip(S3Fixture.trail("h", 4)));
    List<Rejection> rejections = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    S3ReadSummary s = S3LogSource.of(fx.s3, fast()).read(
        S3LogQuery.of(S3Uri.parse("s3://" + b + "/logs/")),
        LogReader.builder().onRejection(rejections::add).build(),
        (o, r) -> ids.add(((CloudTrailEvent) r).eventID()));
    assertTrue(ids.containsAll(List.of("g-0", "g-3", "h-0", "h-3")), ids.toString());
    assertFalse(ids.contains("t-199"), "nothing past the break");
    Map<String, Long> bySource = rejections.stream()
        .collect(Collectors.groupingBy(Rejection::source, Collectors.counting()));
    assertTrue(bySource.containsKey("s3://" + b + "/logs/2-truncated.json.gz"), bySource.toString());
    assertTrue(bySource.containsKey("s3://" + b + "/logs/3-corrupt.json.gz"), bySource.toString());
    assertEquals(2, bySource.size());
    assertEquals(4, s.read(), "the objects themselves were read whole");
  }

  @Test
  void anObjectDeletedBetweenListAndGetIsReportedAndTheRestCompletes() {
    String b = fx.bucket();
    fx.put(b, "x/a.json", S3Fixture.trail("a", 2).getBytes(StandardCharsets.UTF_8));
    fx.put(b, "x/b.json", S3Fixture.trail("b", 2).getBytes(StandardCharsets.UTF_8));
    fx.put(b, "x/c.json", S3Fixture.trail("c", 2).getBytes(StandardCharsets.UTF_8));
    S3LogSource src = S3LogSource.of(fx.s3, fast());
    List<S3LogObject> listed = src.list(S3LogQuery.of(S3Uri.parse("s3://" + b + "/x/")));
    fx.s3.deleteObject(r -> r.bucket(b).key("x/b.json"));
    List<String> ids = new ArrayList<>();
    S3ReadSummary s = src.read(listed, LogReader.create(),
        (o, r) -> ids.add(((CloudTrailEvent) r).eventID()));
    assertEquals(List.of("a-0", "a-1", "c-0", "c-1"), ids);
    assertEquals(1, s.failures().size());
    ObjectFailure f = s.failures().get(0);
    assertEquals("x/b.json", f.object().key());
    assertTrue(f.reason().contains("no longer exists"), f.reason());
    assertTrue(f.toString().contains("s3://" + b + "/x/b.json"));
    assertEquals(2, s.read());
  }

  @Test
  void failedReadsAreRetriedAndResumedAtTheBrokenByte() throws Exception {
    String b = fx.bucket();
    byte[] big = S3Fixture.gzip(S3Fixture.trail("r", 300));
    fx.put(b, "r/1.json.gz", S3Fixture.gzip(S3Fixture.trail("e", 3)));
    fx.put(b, "r/2.json.gz", big);
    fx.put(b, "r/3.json", S3Fixture.trail("p", 3).getBytes(StandardCharsets.UTF_8));
    try (FaultProxy proxy = new FaultProxy(fx.openEndpoint());
        S3Client viaProxy = S3Fixture.client(proxy.endpoint())) {
      proxy.faults.put("r/1.json.gz", new FaultProxy.Fault(2, 0, 0));
      proxy.faults.put("r/2.json.gz", new FaultProxy.Fault(0, 1, big.length / 3));
      List<String> ids = new ArrayList<>();
      S3ReadSummary s = S3LogSource.of(viaProxy, fast()).read(
          S3LogQuery.of(S3Uri.parse("s3://" + b + "/r/")), LogReader.create(),
          (o, r) -> ids.add(((CloudTrailEvent) r).eventID()));
      assertTrue(s.failures().isEmpty(), s.failures().toString());
      assertEquals(306, ids.size());
      assertEquals(306, new TreeSet<>(ids).size(), "no record twice after a resume");
      assertEquals(3, proxy.getsOf("r/1.json.gz"), "two errors, then success");
      assertEquals(2, proxy.getsOf("r/2.json.gz"));
      assertTrue(proxy.gets.contains("r/2.json.gz bytes=" + big.length / 3 + "-"),
          "resumed at the byte where the body broke: " + proxy.gets);
    }
  }

  @Test
  void retriesAreBoundedThenTheObjectIsReported() throws Exception {
    String b = fx.bucket();
    fx.put(b, "q/1.json", S3Fixture.trail("a", 1).getBytes(StandardCharsets.UTF_8));
    fx.put(b, "q/2.json", S3Fixture.trail("b", 1).getBytes(StandardCharsets.UTF_8));
    try (FaultProxy proxy = new FaultProxy(fx.openEndpoint());
        S3Client viaProxy = S3Fixture.client(proxy.endpoint())) {
      proxy.faults.put("q/1.json", new FaultProxy.Fault(Integer.MAX_VALUE, 0, 0));
      List<String> ids = new ArrayList<>();
      S3ReadSummary s = S3LogSource.of(viaProxy, fast()).read(
          S3LogQuery.of(S3Uri.parse("s3://" + b + "/q/")), LogReader.create(),
          (o, r) -> ids.add(((CloudTrailEvent) r).eventID()));
      assertEquals(List.of("b-0"), ids);
      assertEquals(1, s.failures().size());
      assertEquals(3, s.failures().get(0).attempts());
      assertTrue(s.failures().get(0).reason().startsWith("gave up after 3 attempts"),
          s.failures().get(0).reason());
      assertEquals(3, proxy.getsOf("q/1.json"));
    }
  }

  @Test
  void concurrencyAndMemoryStayWithinTheirBounds() throws Exception {
    String b = fx.bucket();
    int n = 40;
    long total = 0;
    for (int i = 0; i < n; i++) {
      byte[] body = S3Fixture.gzip(S3Fixture.trail("m" + i, 20));
      total += body.length;
      fx.put(b, String.format("m/%03d.json.gz", i), body);
    }
    long bound = total / 8;
    FetchOptions opts = fast().withConcurrency(3).withBounds(6, bound);
    try (FaultProxy proxy = new FaultProxy(fx.openEndpoint());
        S3Client viaProxy = S3Fixture.client(proxy.endpoint())) {
      S3LogSource src = S3LogSource.of(viaProxy, opts);
      List<S3LogObject> objects = src.list(S3LogQuery.of(S3Uri.parse("s3://" + b + "/m/")));
      int seen = 0;
      try (S3LogSource.Fetch f = src.fetch(objects)) {
        while (f.hasNext()) {
          FetchedObject o = f.next();
          assertTrue(o.complete());
          assertEquals(objects.get(seen++), o.object());
        }
        assertTrue(f.peakBufferedBytes() <= bound, f.peakBufferedBytes() + " > " + bound);
        assertTrue(f.peakInFlightObjects() <= 6);
      }
      assertEquals(n, seen);
      assertTrue(proxy.maxInFlight.get() <= 3, "at most 3 GETs at once: " + proxy.maxInFlight);
      assertEquals(n, proxy.gets.size());
    }
  }

  @Test
  void objectsLargerThanTheMemoryBoundAreStreamed() {
    String b = fx.bucket();
    byte[] big = S3Fixture.gzip(S3Fixture.trail("big", 500));
    fx.put(b, "s/big.json.gz", big);
    fx.put(b, "s/small.json.gz", S3Fixture.gzip(S3Fixture.trail("small", 1)));
    List<String> ids = new ArrayList<>();
    S3ReadSummary s = S3LogSource.of(fx.s3, fast().withBounds(4, big.length - 1)).read(
        S3LogQuery.of(S3Uri.parse("s3://" + b + "/s/")), LogReader.create(),
        (o, r) -> ids.add(((CloudTrailEvent) r).eventID()));
    assertEquals(501, ids.size());
    assertEquals("big-0", ids.get(0));
    assertEquals(2, s.read());
    assertTrue(s.failures().isEmpty());
  }

  @Test
  void queryChecksItsParts() {
    S3Uri u = S3Uri.parse("s3://b/p/");
    assertEquals("b", u.bucket());
    assertEquals("p/", u.prefix());
    assertEquals("", S3Uri.parse("s3://b").prefix());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> S3LogQuery.builder(u).accounts(List.of("12345")).build());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> S3LogQuery.builder(u).since(Instant.EPOCH).until(Instant.EPOCH).build());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> S3Uri.parse("http://b/p"));
    assertNull(S3LogQuery.of(u).since());
  }
}
