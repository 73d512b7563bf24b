package io.cloudir.parsers.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Parsing digest files and their metadata. */
class DigestFileTest {
  private static final String FULL = """
      {"awsAccountId":"111122223333","digestStartTime":"2015-08-17T14:01:31Z",
       "digestEndTime":"2015-08-17T15:01:31Z","digestS3Bucket":"bucket",
       "digestS3Object":"AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_t_us-east-2_20150817T150131Z.json.gz",
       "digestPublicKeyFingerprint":"31e8b5433410dfb61a9dc45cc65b22ff",
       "digestSignatureAlgorithm":"SHA256withRSA","newestEventTime":"2015-08-17T14:52:27Z",
       "oldestEventTime":"2015-08-17T14:42:27Z","previousDigestS3Bucket":"bucket",
       "previousDigestS3Object":"AWSLogs/prev.json.gz","previousDigestHashValue":"97fb",
       "previousDigestHashAlgorithm":"SHA-256","previousDigestSignature":"5088",
       "someFutureField":{"x":[1,2]},
       "logFiles":[{"s3Bucket":"bucket","s3Object":"AWSLogs/a.json.gz","hashValue":"9bb6",
         "hashAlgorithm":"SHA-256","newestEventTime":"2015-08-17T14:52:27Z",
         "oldestEventTime":"2015-08-17TT14:42:27Z"}]}
      """;

  private static DigestFile parse(String s) {
    return DigestFile.parse(s.getBytes(StandardCharsets.UTF_8), "d.json");
  }

  @Test
  void everyFieldIsRead() {
    DigestFile d = parse(FULL);
    assertEquals("111122223333", d.awsAccountId());
    assertEquals("2015-08-17T15:01:31Z", d.digestEndTime());
    assertEquals(Instant.parse("2015-08-17T14:01:31Z"), d.startTime());
    assertEquals(Instant.parse("2015-08-17T15:01:31Z"), d.endTime());
    assertEquals("bucket", d.digestS3Bucket());
    assertEquals("31e8b5433410dfb61a9dc45cc65b22ff", d.digestPublicKeyFingerprint());
    assertEquals("SHA256withRSA", d.digestSignatureAlgorithm());
    assertEquals("2015-08-17T14:52:27Z", d.newestEventTime());
    assertEquals("2015-08-17T14:42:27Z", d.oldestEventTime());
    assertEquals("bucket", d.previousDigestS3Bucket());
    assertEquals("AWSLogs/prev.json.gz", d.previousDigestS3Object());
    assertEquals("97fb", d.previousDigestHashValue());
    assertEquals("SHA-256", d.previousDigestHashAlgorithm());
    assertEquals("5088", d.previousDigestSignature());
    assertFalse(d.isChainStart());
    assertFalse(d.isBackfill());
    assertEquals(1, d.logFiles().size());
    DigestLogFile f = d.logFiles().get(0);
    assertEquals(new DigestLogFile("bucket", "AWSLogs/a.json.gz", "9bb6", "SHA-256",
        "2015-08-17T14:52:27Z", "2015-08-17TT14:42:27Z"), f);
  }

  @Test
  void firstDigestOfAChainAndAnEmptyHour() {
    DigestFile d = parse("""
        {"awsAccountId":"111122223333","digestStartTime":"2015-08-20T17:01:31Z",
         "digestEndTime":"2015-08-20T18:01:31Z","digestS3Bucket":"b","digestS3Object":"o",
         "digestPublicKeyFingerprint":"31e8","digestSignatureAlgorithm":"SHA256withRSA",
         "newestEventTime":null,"oldestEventTime":null,"previousDigestS3Bucket":null,
         "previousDigestS3Object":null,"previousDigestHashValue":null,
         "previousDigestHashAlgorithm":null,"previousDigestSignature":null,"logFiles":[]}
        """);
    assertTrue(d.isChainStart());
    assertNull(d.previousDigestS3Object());
    assertNull(d.previousDigestHashValue());
    assertNull(d.newestEventTime());
    assertTrue(d.logFiles().isEmpty());
  }

  @Test
  void backfillIsRecognisedByItsKey() {
    DigestFile d = parse(FULL.replace("150131Z.json.gz", "150131Z_backfill.json.gz"));
    assertTrue(d.isBackfill());
  }

  @Test
  void errorsNameThePath() {
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> parse(FULL.replace("\"digestS3Bucket\":\"bucket\",", "")));
    assertEquals("$.digestS3Bucket", e.location().jsonPath());
    assertEquals("d.json", e.location().source());
    e = assertThrows(MalformedInputException.class,
        () -> parse(FULL.replace("\"hashValue\":\"9bb6\"", "\"hashValue\":7")));
    assertEquals("$.logFiles[0].hashValue", e.location().jsonPath());
    e = assertThrows(MalformedInputException.class,
        () -> parse(FULL.replace("2015-08-17T15:01:31Z\",\"digestS3Bucket",
            "yesterday\",\"digestS3Bucket").replace("\"digestEndTime\":\"2015-08-17T15:01:31Z\"",
            "\"digestEndTime\":\"yesterday\"")));
    assertEquals("$.digestEndTime", e.location().jsonPath());
    e = assertThrows(MalformedInputException.class, () -> parse("[1]"));
    assertEquals("$", e.location().jsonPath());
    e = assertThrows(MalformedInputException.class, () -> parse("{\"a\":"));
    assertTrue(e.location().offset() >= 0);
  }

  @Test
  void metadataMapOrHeadObjectOutput() {
    DigestMetadata m = DigestMetadata.parse(
        "{\"signature\":\"abcd\",\"signature-algorithm\":\"SHA256withRSA\"}"
            .getBytes(StandardCharsets.UTF_8), null);
    assertEquals(new DigestMetadata("abcd", "SHA256withRSA"), m);
    DigestMetadata h = DigestMetadata.parse(
        "{\"ContentLength\":1,\"Metadata\":{\"signature\":\"ef01\"}}"
            .getBytes(StandardCharsets.UTF_8), null);
    assertEquals(new DigestMetadata("ef01", null), h);
    DigestMetadata b = DigestMetadata.parse(("{\"signature\":\"ab\",\"signature-algorithm\":"
        + "\"SHA256withRSA\",\"backfill-generation-timestamp\":\"2025-09-01T00:00:00Z\"}")
        .getBytes(StandardCharsets.UTF_8), null);
    assertEquals(java.time.Instant.parse("2025-09-01T00:00:00Z"), b.backfillGenerationTime());
    MalformedInputException bad = assertThrows(MalformedInputException.class,
        () -> DigestMetadata.parse("{\"signature\":\"ab\",\"backfill-generation-timestamp\":\"soon\"}"
            .getBytes(StandardCharsets.UTF_8), "m"));
    assertEquals("$.backfill-generation-timestamp", bad.location().jsonPath());
    MalformedInputException e = assertThrows(MalformedInputException.class,
        () -> DigestMetadata.parse("{\"Metadata\":{}}".getBytes(StandardCharsets.UTF_8), "m"));
    assertEquals("$.Metadata.signature", e.location().jsonPath());
  }
}
