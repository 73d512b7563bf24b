package io.cloudir.parsers;

import static io.cloudir.parsers.TestSupport.concat;
import static io.cloudir.parsers.TestSupport.event;
import static io.cloudir.parsers.TestSupport.eventTrace;
import static io.cloudir.parsers.TestSupport.expectedEvents;
import static io.cloudir.parsers.TestSupport.gzip;
import static io.cloudir.parsers.TestSupport.readAll;
import static io.cloudir.parsers.TestSupport.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.IdentityType;
import io.cloudir.parsers.TestSupport.Doc;
import io.cloudir.parsers.TestSupport.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every envelope and input shape, with exact provenance computed from the input built here. */
class CloudTrailEnvelopeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String pretty(String json) throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
  }

  private static String quoted(String s) throws IOException {
    return JSON.writeValueAsString(s);
  }

  private static void assertEvents(String name, Doc d, Result r) {
    assertEquals(expectedEvents(name, d), eventTrace(r));
    assertEquals(0, r.stats().rejected(), () -> r.rejections().toString());
  }

  @Test
  void recordsEnvelopeCompact() {
    Doc d = new Doc().raw("{\"Records\":[").rec(event(0)).raw(",").rec(event(1)).raw(",").rec(event(2)).raw("]}");
    Result r = readAll("c.json", d.bytes());
    assertEvents("c.json", d, r);
    CloudTrailEvent e = r.events().get(1);
    assertEquals("CreateUser", e.eventName());
    assertEquals("iam.amazonaws.com", e.eventSource());
    assertEquals(Instant.parse("2024-03-02T10:01:00Z"), e.eventTime());
    assertEquals(IdentityType.IAM_USER, e.identityType());
    assertEquals("arn:aws:iam::111122223333:user/u1", e.userIdentity().arn());
    assertEquals("n1", e.requestParameters().getString("userName"));
    assertEquals(Boolean.FALSE, e.readOnly());
    assertEquals("ev-1", e.eventID());
    assertTrue(e.warnings().isEmpty());
  }

  @Test
  void recordsEnvelopePrettyPrinted() throws IOException {
    Doc d = new Doc().raw("{\n  \"Records\" : [\n    ").rec(pretty(event(0))).raw(",\n    ")
        .rec(pretty(event(1))).raw("\n  ]\n}\n");
    Result r = readAll("p.json", d.bytes());
    assertEvents("p.json", d, r);
    assertTrue(r.events().get(1).provenance().line() > 10, "lines counted across pretty-printed records");
  }

  @Test
  void recordsEnvelopeWithMembersBeforeAndAfter() {
    Doc d = new Doc().raw("{\"note\":{\"a\":[1,2,{\"Records\":[]}]},\"n\":3,\"Records\":[\n").rec(event(0))
        .raw(",\n").rec(event(1)).raw("],\"trailer\":{\"x\":[\"]\"]},\"z\":null}\n");
    assertEvents("m.json", d, readAll("m.json", d.bytes()));
    Doc after = new Doc().raw("{\"Records\":[").rec(event(3)).raw("],\"x\":{\"y\":\"}\"},\"z\":[true,false]}");
    assertEvents("a.json", after, readAll("a.json", after.bytes()));
  }

  @Test
  void emptyRecords() {
    for (String s : List.of("{\"Records\":[]}", "{ \"Records\" : [ ] }\n", "{\"Records\":[],\"x\":1}")) {
      Result r = readAll("e.json", utf8(s));
      assertEquals(0, r.stats().parsed(), s);
      assertEquals(0, r.stats().rejected(), s + r.rejections());
    }
  }

  @Test
  void jsonLinesWithBlankLinesAndCrlf() {
    Doc d = new Doc().rec(event(0)).raw("\r\n\r\n").rec(event(1)).raw("\r\n   \r\n\t\n").rec(event(2)).raw("\r\n");
    Result r = readAll("l.jsonl", d.bytes());
    assertEvents("l.jsonl", d, r);
    assertEquals(List.of(1L, 3L, 6L),
        r.events().stream().map(e -> e.provenance().line()).toList());
  }

  @Test
  void jsonLinesWithoutFinalNewline() {
    Doc d = new Doc().rec(event(0)).raw("\n").rec(event(1));
    assertEvents("n.jsonl", d, readAll("n.jsonl", d.bytes()));
  }

  @Test
  void concatenatedValues() {
    Doc d = new Doc().rec(event(0)).rec(event(1)).raw(" \t").rec(event(2)).raw("\n\n  ").rec(event(3));
    assertEvents("cat.json", d, readAll("cat.json", d.bytes()));
  }

  @Test
  void bareArray() throws IOException {
    Doc d = new Doc().raw("[\n").rec(event(0)).raw(",\n  ").rec(pretty(event(1))).raw(" ,").rec(event(2)).raw("\n]\n");
    assertEvents("arr.json", d, readAll("arr.json", d.bytes()));
    Doc two = new Doc().raw("[").rec(event(0)).raw("]\n[").rec(event(1)).raw("]");
    assertEvents("arr2.json", two, readAll("arr2.json", two.bytes()));
  }

  private static String eventBridgeHead(int i) {
    return "{\"version\":\"0\",\"id\":\"6f87d04b-9f74-4f04-a780-" + i + "\",\"detail-type\":\"AWS API Call via CloudTrail\","
        + "\"source\":\"aws.iam\",\"account\":\"111122223333\",\"time\":\"2024-03-01T10:00:00Z\","
        + "\"region\":\"us-east-1\",\"resources\":[],\"detail\":";
  }

  @Test
  void eventBridgeEnvelope() {
    Doc d = new Doc().raw(eventBridgeHead(0)).rec(event(0)).raw("}\n").raw(eventBridgeHead(1)).rec(event(1))
        .raw("}\n");
    assertEvents("eb.jsonl", d, readAll("eb.jsonl", d.bytes()));
    // detail not last, detail-type after detail
    Doc d2 = new Doc().raw("{\"version\":\"0\",\"detail\": ").rec(event(5))
        .raw(",\"detail-type\":\"AWS Console Sign In via CloudTrail\",\"source\":\"aws.signin\"}");
    assertEvents("eb2.json", d2, readAll("eb2.json", d2.bytes()));
  }

  private static String cwlHead(String type) {
    return "{\"messageType\":\"" + type + "\",\"owner\":\"111122223333\",\"logGroup\":\"aws-cloudtrail-logs\","
        + "\"logStream\":\"111122223333_CloudTrail_us-east-1\",\"subscriptionFilters\":[\"all\"],\"logEvents\":[";
  }

  @Test
  void cloudWatchLogsDataMessage() throws IOException {
    Doc d = new Doc().raw(cwlHead("DATA_MESSAGE"));
    for (int i = 0; i < 3; i++) {
      d.raw((i > 0 ? "," : "") + "{\"id\":\"3720" + i + "\",\"timestamp\":170930040000" + i + ",\"message\":")
          .mark(event(i)).raw(quoted(event(i))).raw("}");
    }
    d.raw("]}\n");
    Result r = readAll("cwl.json", d.bytes());
    // provenance of an embedded record: the offset of the message string that holds it
    assertEvents("cwl.json", d, r);
    // usually delivered gzipped
    Result z = TestSupport.readMemory("cwl.json.gz", gzip(d.bytes()));
    assertEquals(expectedEvents("cwl.json.gz", d), eventTrace(z));
  }

  @Test
  void cloudWatchLogsControlMessageIsSkipped() {
    String control = cwlHead("CONTROL_MESSAGE")
        + "{\"id\":\"\",\"timestamp\":1709300400000,\"message\":\"CWL CONTROL MESSAGE: Checking health of destination\"}]}";
    Result r = readAll("ctl.json", utf8(control));
    assertEquals(0, r.stats().parsed());
    assertEquals(0, r.stats().rejected(), r.rejections().toString());
    assertEquals(1, r.stats().skipped());
  }

  @Test
  void digestFileIsSkipped() {
    String digest = "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2024-03-01T10:00:00Z\","
        + "\"digestEndTime\":\"2024-03-01T11:00:00Z\",\"digestS3Bucket\":\"b\",\"digestS3Object\":\"o\","
        + "\"digestPublicKeyFingerprint\":\"aa\",\"digestSignatureAlgorithm\":\"SHA256withRSA\","
        + "\"newestEventTime\":\"2024-03-01T10:59:00Z\",\"oldestEventTime\":\"2024-03-01T10:00:01Z\","
        + "\"previousDigestS3Bucket\":null,\"previousDigestS3Object\":null,\"previousDigestHashValue\":null,"
        + "\"previousDigestHashAlgorithm\":null,\"previousDigestSignature\":null,"
        + "\"logFiles\":[{\"s3Bucket\":\"b\",\"s3Object\":\"k.json.gz\",\"hashValue\":\"00\",\"hashAlgorithm\":\"SHA-256\","
        + "\"newestEventTime\":\"2024-03-01T10:59:00Z\",\"oldestEventTime\":\"2024-03-01T10:00:01Z\"}]}";
    Result r = readAll("digest.json", utf8(digest));
    assertEquals(0, r.stats().parsed());
    assertEquals(0, r.stats().rejected(), r.rejections().toString());
    assertEquals(1, r.stats().skipped());
    Result z = TestSupport.readMemory("digest.json.gz", gzip(utf8(digest)));
    assertEquals(1, z.stats().skipped());
    assertEquals(0, z.stats().records());
  }

  @Test
  void gzipSingleAndMultiMember() {
    Doc d = new Doc().raw("{\"Records\":[").rec(event(0)).raw(",").rec(event(1)).raw("]}");
    assertEvents("a.json.gz", d, TestSupport.readMemory("a.json.gz", gzip(d.bytes())));
    assertEvents("a.json.gz", d, TestSupport.readStream("a.json.gz", gzip(d.bytes()), 4096));
    // two gzip members concatenated: offsets are in the decoded (concatenated) stream
    Doc lines = new Doc().rec(event(0)).raw("\n").rec(event(1)).raw("\n");
    byte[] all = lines.bytes();
    int cut = utf8(event(0) + "\n").length;
    byte[] multi = concat(gzip(java.util.Arrays.copyOfRange(all, 0, cut)),
        gzip(java.util.Arrays.copyOfRange(all, cut, all.length)));
    Result r = TestSupport.readMemory("m.gz", multi);
    assertEvents("m.gz", lines, r);
    assertEquals(all.length, r.stats().bytes());
  }

  @Test
  void directoriesInSortedPathOrder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("a/b"));
    Files.createDirectories(dir.resolve("c"));
    Files.write(dir.resolve("b.json"), utf8("{\"Records\":[" + event(2) + "]}"));
    Files.write(dir.resolve("a/z.json.gz"), gzip(utf8(event(1) + "\n")));
    Files.write(dir.resolve("a/b/c.json"), utf8(event(0)));
    Files.write(dir.resolve("c/d.jsonl"), utf8(event(3) + "\n" + event(4) + "\n"));
    // a non-CloudTrail file in the middle: one rejection, then reading goes on
    Files.write(dir.resolve("b0-config.json"), utf8("{\"name\":\"web\",\"replicas\":3,\"ports\":[80,443]}\n{\"name\":\"db\"}\n"));
    Files.write(dir.resolve("a/notes.txt"), utf8("incident notes: nothing to see\n"));

    List<Rejection> rej = new ArrayList<>();
    List<String> order = new ArrayList<>();
    ReadStats stats;
    try (RecordStream s = LogReader.builder().onRejection(rej::add).build().open(dir)) {
      s.forEach(r -> order.add(((CloudTrailEvent) r).eventID() + "@" + dir.relativize(Path.of(r.provenance().source()))));
      stats = s.stats();
    }
    assertEquals(List.of("ev-0@a/b/c.json", "ev-1@a/z.json.gz", "ev-2@b.json", "ev-3@c/d.jsonl", "ev-4@c/d.jsonl"),
        order);
    assertEquals(2, rej.size(), rej.toString());
    assertEquals(dir.resolve("a/notes.txt").toString(), rej.get(0).source());
    assertEquals("unknown format", rej.get(0).reason());
    assertEquals(0, rej.get(0).offset());
    assertEquals(dir.resolve("b0-config.json").toString(), rej.get(1).source());
    assertEquals("unknown format", rej.get(1).reason());
    assertEquals(6, stats.files());
    assertEquals(7, stats.records());
    assertEquals(5, stats.parsed());
  }

  @Test
  void sourceNamesAreKeptAsGiven() {
    Doc d = new Doc().rec(event(7));
    Result r = TestSupport.read(LogReader.builder(), List.of(LogSource.of("s3://bucket/AWSLogs/x.json", d.bytes())));
    assertEquals("s3://bucket/AWSLogs/x.json", r.events().get(0).provenance().source());
    assertEquals(0, r.events().get(0).provenance().offset());
    assertEquals(1, r.events().get(0).provenance().line());
  }
}
