package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.aws.testing.S3Fixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parse s3://…} and {@code fetch} end to end against the in-process S3Proxy of cloudir-aws'
 * shared {@link S3Fixture}; credentials come through the SDK's default chain (its system
 * properties).
 */
class S3CommandsTest {
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
}
