package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.aws.testing.S3Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parse}, {@code timeline} and {@code entities} over {@code s3://…}, and {@code fetch}, end
 * to end against the in-process S3Proxy of cloudir-aws'
 * shared {@link S3Fixture}; credentials come through the SDK's default chain (its system
 * properties).
 */
class S3CommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static S3Fixture fx;
  static String endpoint;
  static String bucket;
  static final String DAY = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/";

  @BeforeAll
  static void start() {
    fx = startWithDefaultCredentials();
    endpoint = fx.endpoint().toString();
    bucket = fx.bucket();
    fx.put(bucket, DAY + "a.json.gz", S3Fixture.gzip(S3Fixture.trail("a", 2)));
    fx.put(bucket, DAY + "b.json.gz", S3Fixture.gzip(S3Fixture.trail("b", 1)));
    fx.put(bucket, "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/20/late.json.gz",
        S3Fixture.gzip(S3Fixture.trail("c", 1, "2026-03-20")));
    fx.put(bucket, "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/14/d.json.gz",
        S3Fixture.gzip("{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2026-03-14T08:00:00Z\","
            + "\"digestEndTime\":\"2026-03-14T09:00:00Z\",\"logFiles\":[]}"),
        Map.of("signature", "abcd", "signature-algorithm", "SHA256withRSA"));
  }

  /** A started fixture whose keys the SDK's default credential chain finds (system properties). */
  static S3Fixture startWithDefaultCredentials() {
    System.setProperty("aws.accessKeyId", S3Fixture.ACCESS);
    System.setProperty("aws.secretAccessKey", S3Fixture.SECRET);
    System.setProperty("aws.region", "us-east-1");
    return new S3Fixture();
  }

  /** Stops the fixture and forgets the credentials. */
  static void stop(S3Fixture f) throws Exception {
    f.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty("aws.region");
  }

  @AfterAll
  static void stop() throws Exception {
    stop(fx);
  }

  @Test
  void parseReadsAnS3PrefixByTimeRange() {
    CliRun r = CliRun.run("parse", "--endpoint-url", endpoint, "--since", "2026-03-14T00:00:00Z",
        "--until", "2026-03-15T00:00:00Z", "--accounts", "111122223333", "--regions", "us-east-1",
        "s3://" + bucket);
    assertEquals(0, r.code(), r.err());
    assertEquals(3, r.outLines().size(), r.out());
    assertTrue(r.outLines().get(0).contains("\"eventID\":\"a-0\""));
    assertEquals("parsed=3 rejected=0 warnings=0 skipped=1", r.lastErrLine());
  }

  @Test
  void parseWithoutRangeReadsEverythingAndRejectsBadOptions() {
    CliRun all = CliRun.run("parse", "--endpoint-url", endpoint, "s3://" + bucket + "/AWSLogs/");
    assertEquals(0, all.code(), all.err());
    assertEquals(4, all.outLines().size());
    CliRun bad = CliRun.run("parse", "--endpoint-url", endpoint, "--since", "yesterday", "s3://" + bucket);
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("--since takes an ISO-8601 time"), bad.err());
    CliRun missing = CliRun.run("parse", "--endpoint-url", endpoint, "s3://no-such-bucket/x/");
    assertEquals(1, missing.code());
  }

  @Test
  void fetchWritesTheOfflineLayout(@TempDir Path dir) throws IOException {
    Path manifest = dir.resolve("manifest.jsonl");
    Path out = dir.resolve("evidence");
    CliRun r = CliRun.run("fetch", "--endpoint-url", endpoint, "--out", out.toString(),
        "--manifest", manifest.toString(), "--since", "2026-03-14T00:00:00Z", "--until",
        "2026-03-15T00:00:00Z", "s3://" + bucket);
    assertEquals(0, r.code(), r.err());
    assertEquals("listed=3 downloaded=3 present=0 failed=0", r.lastErrLine());
    assertTrue(Files.isRegularFile(out.resolve(DAY + "a.json.gz")));
    String meta = Files.readString(out.resolve(
        "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/14/d.json.gz.metadata.json"));
    assertTrue(meta.contains("\"signature\": \"abcd\""), meta);
    assertEquals(3, Files.readAllLines(manifest).size());
    CliRun offline = CliRun.run("parse", out.resolve("AWSLogs/111122223333/CloudTrail").toString());
    assertEquals(3, offline.outLines().size());
  }

  private static final String RANGE_14 = "--since=2026-03-14T00:00:00Z";
  private static final String RANGE_15 = "--until=2026-03-15T00:00:00Z";

  private static List<String> field(CliRun r, String name) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l : r.outLines()) {
      out.add(JSON.readTree(l).get(name).asText());
    }
    return out;
  }

  @Test
  void timelineListsOnlyTheDaysAccountsAndRegionsAsked() throws IOException {
    CliRun r = CliRun.run("timeline", "--endpoint-url", endpoint, RANGE_14, RANGE_15,
        "--accounts", "111122223333", "--regions", "us-east-1", "s3://" + bucket);
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of("a-0", "b-0", "a-1"), field(r, "eventId"));
    // the 20th is not listed (objects=2), the digest is left out unread
    assertTrue(r.lastErrLine().startsWith("parsed=3 rejected=0 warnings=0 skipped=0 objects=2"
        + " digestsSkipped=1 failed=0 "), r.lastErrLine());
    for (String[] other : List.of(new String[] {"--regions", "eu-west-1"},
        new String[] {"--accounts", "444455556666"})) {
      CliRun none = CliRun.run("timeline", "--endpoint-url", endpoint, RANGE_14, RANGE_15,
          other[0], other[1], "s3://" + bucket);
      assertEquals(0, none.code(), none.err());
      assertEquals(List.of(), none.outLines());
      assertTrue(none.lastErrLine().contains(" objects=0 digestsSkipped=0 failed=0 "),
          none.lastErrLine());
    }
    CliRun all = CliRun.run("timeline", "--endpoint-url", endpoint, "s3://" + bucket);
    assertEquals(List.of("a-0", "b-0", "a-1", "c-0"), field(all, "eventId"));
    assertTrue(all.lastErrLine().contains(" objects=3 digestsSkipped=1 failed=0 "),
        all.lastErrLine());
    CliRun missing = CliRun.run("timeline", "--endpoint-url", endpoint, "s3://no-such-bucket/x/");
    assertEquals(1, missing.code(), missing.err());
  }

  private static JsonNode ipEntity(CliRun r) throws IOException {
    for (String l : r.outLines()) {
      JsonNode n = JSON.readTree(l);
      if (n.get("kind").asText().equals("ip")) {
        return n;
      }
    }
    throw new AssertionError("no ip entity: " + r.out());
  }

  @Test
  void entitiesListOnlyTheDaysAskedAndCountTheRecordsOfTheRange() throws IOException {
    CliRun r = CliRun.run("entities", "--endpoint-url", endpoint, RANGE_14, RANGE_15,
        "--accounts", "111122223333", "--regions", "us-east-1", "s3://" + bucket);
    assertEquals(0, r.code(), r.err());
    JsonNode ip = ipEntity(r);
    assertEquals("203.0.113.7", ip.get("id").asText());
    assertEquals(3, ip.get("count").asLong());
    assertEquals("2026-03-14T09:01:00Z", ip.get("lastSeen").asText());
    assertTrue(r.lastErrLine().contains(" objects=2 digestsSkipped=1 failed=0 "), r.lastErrLine());
    // records before --until only (09:00 of both files), from the same two objects
    CliRun early = CliRun.run("entities", "--endpoint-url", endpoint, RANGE_14,
        "--until", "2026-03-14T09:01:00Z", "s3://" + bucket + "/AWSLogs/");
    assertEquals(0, early.code(), early.err());
    assertEquals(2, ipEntity(early).get("count").asLong());
    assertTrue(early.lastErrLine().contains(" objects=2 "), early.lastErrLine());
    CliRun all = CliRun.run("entities", "--endpoint-url", endpoint, "s3://" + bucket);
    assertEquals(4, ipEntity(all).get("count").asLong());
    assertEquals("2026-03-20T09:00:00Z", ipEntity(all).get("lastSeen").asText());
    assertTrue(all.lastErrLine().contains(" objects=3 digestsSkipped=1 failed=0 "),
        all.lastErrLine());
    CliRun bad = CliRun.run("entities", "--since", "yesterday", "s3://" + bucket);
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("--since/--until take an ISO-8601 time"), bad.err());
  }
}
