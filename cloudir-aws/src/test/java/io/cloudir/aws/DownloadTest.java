package io.cloudir.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.aws.internal.Downloader;
import io.cloudir.aws.testing.S3Fixture;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.RecordStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest extends S3TestBase {
  @Test
  void writesTheOfflineLayoutWithDigestMetadataAndResumes(@TempDir Path dir) throws Exception {
    String b = fx.bucket();
    String log = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/14/"
        + "111122223333_CloudTrail_us-east-1_20260314T0905Z_abc.json.gz";
    String digest = "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/03/14/"
        + "111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20260314T100000Z.json.gz";
    byte[] logBytes = S3Fixture.gzip(S3Fixture.trail("d", 3));
    byte[] digestBytes = S3Fixture.gzip("{\"awsAccountId\":\"111122223333\",\"logFiles\":[]}");
    fx.put(b, log, logBytes);
    fx.put(b, digest, digestBytes,
        Map.of("signature", "00ff10", "signature-algorithm", "SHA256withRSA"));
    fx.put(b, "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/15/late.json.gz", logBytes);

    S3LogQuery q = S3LogQuery.builder(S3Uri.parse("s3://" + b))
        .since(java.time.Instant.parse("2026-03-14T00:00:00Z"))
        .until(java.time.Instant.parse("2026-03-14T12:00:00Z")).build();
    S3LogSource src = S3LogSource.of(fx.s3, FetchOptions.defaults().withRetries(2, Duration.ZERO, Duration.ZERO));
    DownloadSummary s = src.download(q, dir);
    assertTrue(s.failures().isEmpty(), s.failures().toString());
    assertEquals(2, s.downloaded());
    assertArrayEquals(logBytes, Files.readAllBytes(dir.resolve(log)), "stored as delivered (gzip)");
    assertArrayEquals(digestBytes, Files.readAllBytes(dir.resolve(digest)));
    Path meta = dir.resolve(digest + ".metadata.json");
    JsonNode m = new ObjectMapper().readTree(Files.readString(meta));
    assertEquals("00ff10", m.get("signature").asText());
    assertEquals("SHA256withRSA", m.get("signature-algorithm").asText());
    assertEquals(2, m.size());
    assertFalse(Files.exists(dir.resolve(log + ".metadata.json")), "only digests get metadata");
    for (DownloadSummary.DownloadedFile f : s.files()) {
      assertTrue(f.toJson().contains("\"versionId\":\""), f.toJson());
    }

    // the offline reader reads the folder
    try (RecordStream rs = LogReader.create().open(dir.resolve("AWSLogs/111122223333/CloudTrail"))) {
      assertEquals(3, rs.stream().count());
    }

    // a rerun keeps what is there
    DownloadSummary again = src.download(q, dir);
    assertEquals(0, again.downloaded());
    assertEquals(2, again.files().size());
  }

  @Test
  void keysThatWouldLeaveTheDirectoryAreRefused(@TempDir Path dir) {
    assertNull(Downloader.target(dir, "../etc/passwd"));
    assertNull(Downloader.target(dir, "a/../../b"));
    assertNull(Downloader.target(dir, "a/./b"));
    assertEquals(dir.toAbsolutePath().resolve("a/b"), Downloader.target(dir, "a/b"));
  }

  @Test
  void metadataJsonHasTheShapeTheCliPrints() {
    assertEquals("{\n    \"signature\": \"ab\",\n    \"signature-algorithm\": \"SHA256withRSA\"\n}\n",
        Downloader.metadataJson(Map.of("signature-algorithm", "SHA256withRSA", "signature", "ab")));
  }
}
