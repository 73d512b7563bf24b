package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code parse s3://…} and {@code fetch} end to end against an in-process S3Proxy; credentials
 * come through the SDK's default chain (its system properties).
 */
class S3CommandsTest {
  static S3Proxy proxy;
  static S3Client s3;
  static String endpoint;
  static final String BUCKET = "trail-bucket";
  static final String DAY = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/";

  @BeforeAll
  static void start() throws Exception {
    proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "cli-access", "cli-secret").build();
    proxy.start();
    endpoint = "http://127.0.0.1:" + proxy.getPort();
    System.setProperty("aws.accessKeyId", "cli-access");
    System.setProperty("aws.secretAccessKey", "cli-secret");
    System.setProperty("aws.region", "us-east-1");
    s3 = S3Client.builder().endpointOverride(URI.create(endpoint)).forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("cli-access", "cli-secret")))
        .build();
    s3.createBucket(r -> r.bucket(BUCKET));
    put(DAY + "a.json.gz", gzip(trail("a", 2)), Map.of());
    put(DAY + "b.json.gz", gzip(trail("b", 1)), Map.of());
    put("AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/20/late.json.gz", gzip(trail("c", 1)), Map.of());
    put("AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/14/d.json.gz",
        gzip("{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2026-03-14T08:00:00Z\","
            + "\"digestEndTime\":\"2026-03-14T09:00:00Z\",\"logFiles\":[]}"), Map.of("signature", "abcd", "signature-algorithm", "SHA256withRSA"));
  }

  @AfterAll
  static void stop() throws Exception {
    s3.close();
    proxy.stop();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty("aws.region");
  }

  static void put(String key, byte[] body, Map<String, String> meta) {
    s3.putObject(r -> r.bucket(BUCKET).key(key).metadata(meta), RequestBody.fromBytes(body));
  }

  static byte[] gzip(String s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(s.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String trail(String tag, int n) {
    StringBuilder sb = new StringBuilder("{\"Records\":[");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"eventVersion\":\"1.10\",\"eventTime\":\"2026-03-14T09:00:00Z\","
          + "\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"ListUsers\",\"awsRegion\":\"us-east-1\","
          + "\"eventID\":\"" + tag + i + "\"}");
    }
    return sb.append("]}").toString();
  }

  @Test
  void parseReadsAnS3PrefixByTimeRange() {
    CliRun r = CliRun.run("parse", "--endpoint-url", endpoint, "--since", "2026-03-14T00:00:00Z",
        "--until", "2026-03-15T00:00:00Z", "--accounts", "111122223333", "--regions", "us-east-1",
        "s3://" + BUCKET);
    assertEquals(0, r.code(), r.err());
    assertEquals(3, r.outLines().size(), r.out());
    assertTrue(r.outLines().get(0).contains("\"eventID\":\"a0\""));
    assertEquals("parsed=3 rejected=0 warnings=0 skipped=1", r.lastErrLine());
  }

  @Test
  void parseWithoutRangeReadsEverythingAndRejectsBadOptions() {
    CliRun all = CliRun.run("parse", "--endpoint-url", endpoint, "s3://" + BUCKET + "/AWSLogs/");
    assertEquals(0, all.code(), all.err());
    assertEquals(4, all.outLines().size());
    CliRun bad = CliRun.run("parse", "--endpoint-url", endpoint, "--since", "yesterday", "s3://" + BUCKET);
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
        "2026-03-15T00:00:00Z", "s3://" + BUCKET);
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
