package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cloudir digest verify} over a real signed three-hour chain (its own RSA key, PKCS#1 DER
 * in the keys file, the metadata JSON beside each digest): the report, the summary and the exit
 * codes, intact and tampered.
 */
class DigestCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "123456789012";
  private static KeyPair pair;
  private static String fingerprint;

  @TempDir Path dir;
  private final List<Path> logs = new ArrayList<>();
  private final List<Path> digests = new ArrayList<>();

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    pair = g.generateKeyPair();
    fingerprint = HexFormat.of().formatHex(
        MessageDigest.getInstance("MD5").digest(pair.getPublic().getEncoded()));
  }

  /** PKCS#1 RSAPublicKey: for 2048-bit keys, the SubjectPublicKeyInfo minus its 24-byte header. */
  private static byte[] pkcs1() {
    byte[] spki = pair.getPublic().getEncoded();
    assertEquals(294, spki.length);
    return Arrays.copyOfRange(spki, 24, spki.length);
  }

  private Path keysFile() throws IOException {
    return keysFile("2026-12-31T00:00:00+00:00");
  }

  /** The keys file, the key valid from 2026-01-01 to {@code validityEnd}. */
  private Path keysFile(String validityEnd) throws IOException {
    Path f = dir.resolve("keys.json");
    Files.writeString(f, "{\"PublicKeyList\":[{\"Value\":\""
        + Base64.getEncoder().encodeToString(pkcs1()) + "\",\"ValidityStartTime\":"
        + "\"2026-01-01T00:00:00+00:00\",\"ValidityEndTime\":\"" + validityEnd + "\","
        + "\"Fingerprint\":\"" + fingerprint + "\"}]}");
    return f;
  }

  private static byte[] gz(byte[] b) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(out)) {
      g.write(b);
    }
    return out.toByteArray();
  }

  private static String hex(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private Path put(String key, byte[] content) throws IOException {
    Path p = dir.resolve("evidence").resolve(key);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    return p;
  }

  /** Three hours 10:00–13:00 on 2026-05-04, one log file each. */
  private void writeChain() throws Exception {
    String prevSig = null;
    String prevKey = null;
    String prevHash = null;
    for (int h = 10; h < 13; h++) {
      String logKey = "AWSLogs/" + ACCOUNT + "/CloudTrail/eu-west-1/2026/05/04/" + ACCOUNT
          + "_CloudTrail_eu-west-1_20260504T" + h + "20Z_abcdefabcdef" + h + ".json.gz";
      byte[] log = ("{\"Records\":[{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-05-04T" + h
          + ":20:00Z\",\"eventName\":\"ConsoleLogin\"}]}").getBytes(StandardCharsets.UTF_8);
      logs.add(put(logKey, gz(log)));
      String end = "2026-05-04T" + (h + 1) + ":00:00Z";
      String key = "AWSLogs/" + ACCOUNT + "/CloudTrail-Digest/eu-west-1/2026/05/04/" + ACCOUNT
          + "_CloudTrail-Digest_eu-west-1_ir-trail_eu-west-1_20260504T" + (h + 1) + "0000Z.json.gz";
      var d = JSON.createObjectNode();
      d.put("awsAccountId", ACCOUNT).put("digestStartTime", "2026-05-04T" + h + ":00:00Z")
          .put("digestEndTime", end).put("digestS3Bucket", "logs")
          .put("digestS3Object", key).put("digestPublicKeyFingerprint", fingerprint)
          .put("digestSignatureAlgorithm", "SHA256withRSA")
          .put("newestEventTime", "2026-05-04T" + h + ":20:00Z")
          .put("oldestEventTime", "2026-05-04T" + h + ":20:00Z")
          .put("previousDigestS3Bucket", prevKey == null ? null : "logs")
          .put("previousDigestS3Object", prevKey).put("previousDigestHashValue", prevHash)
          .put("previousDigestHashAlgorithm", prevKey == null ? null : "SHA-256")
          .put("previousDigestSignature", prevSig);
      d.putArray("logFiles").addObject().put("s3Bucket", "logs").put("s3Object", logKey)
          .put("hashValue", hex(log)).put("hashAlgorithm", "SHA-256")
          .put("newestEventTime", "2026-05-04T" + h + ":20:00Z")
          .put("oldestEventTime", "2026-05-04T" + h + ":20:00Z");
      byte[] body = JSON.writeValueAsBytes(d);
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(pair.getPrivate());
      s.update((end + "\nlogs/" + key + "\n" + hex(body) + "\n" + (prevSig == null ? "null" : prevSig))
          .getBytes(StandardCharsets.UTF_8));
      String sig = HexFormat.of().formatHex(s.sign());
      Path p = put(key, gz(body));
      digests.add(p);
      Files.writeString(p.resolveSibling(p.getFileName() + ".metadata.json"),
          "{\"signature\":\"" + sig + "\",\"signature-algorithm\":\"SHA256withRSA\"}");
      prevSig = sig;
      prevKey = key;
      prevHash = hex(body);
    }
  }

  @Test
  void intactEvidenceVerifies() throws Exception {
    writeChain();
    CliRun r = CliRun.run("digest", "verify", "--public-keys", keysFile().toString(),
        dir.resolve("evidence").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(1, r.outLines().size());
    JsonNode j = JSON.readTree(r.out());
    assertTrue(j.get("verified").asBoolean());
    assertEquals(3, j.get("digests").size());
    assertEquals(3, j.get("logFiles").size());
    assertEquals("start", j.get("digests").get(0).get("chain").asText());
    assertEquals("linked", j.get("digests").get(2).get("chain").asText());
    assertEquals("2026-05-04T13:00:00Z", j.get("digests").get(2).get("endTime").asText());
    assertEquals("digests=3 logFiles=3 problems=0 restarts=0 breaks=0", r.lastErrLine());
    assertTrue(r.err().startsWith("CloudTrail digest verification: VERIFIED"), r.err());
  }

  @Test
  void tamperingExitsTwoAndNamesEachProblem() throws Exception {
    writeChain();
    Files.write(logs.get(0), gz("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8)));
    Files.delete(logs.get(2));
    Files.delete(digests.get(1));
    CliRun r = CliRun.run("digest", "verify", "--public-keys", keysFile().toString(),
        dir.resolve("evidence").toString());
    assertEquals(2, r.code(), r.err());
    JsonNode j = JSON.readTree(r.out());
    assertFalse(j.get("verified").asBoolean());
    List<String> logStatus = new ArrayList<>();
    j.get("logFiles").forEach(l -> logStatus.add(l.get("status").asText()));
    assertEquals(List.of("altered", "unlisted", "missing"), logStatus);
    List<String> digestStatus = new ArrayList<>();
    j.get("digests").forEach(d -> digestStatus.add(d.get("status").asText() + "/"
        + d.get("chain").asText()));
    assertEquals(List.of("valid/start", "missing/not_checked", "valid/broken"), digestStatus);
    assertEquals(1, j.get("summary").get("chain_broken").asInt());
    assertEquals("digests=3 logFiles=3 problems=5 restarts=0 breaks=1", r.lastErrLine());
    assertTrue(r.err().contains("FAILED"), r.err());
  }

  @Test
  void withoutKeysEveryDigestIsUnverifiable() throws Exception {
    writeChain();
    CliRun r = CliRun.run("digest", "verify", dir.resolve("evidence").toString());
    assertEquals(2, r.code());
    JsonNode j = JSON.readTree(r.out());
    assertEquals(3, j.get("summary").get("digests_key_unknown").asInt());
    assertEquals(3, j.get("summary").get("logFiles_unverifiable").asInt());
  }

  @Test
  void usageAndIoErrorsExitOne() throws Exception {
    writeChain();
    assertEquals(1, CliRun.run("digest").code());
    assertEquals(1, CliRun.run("digest", "verify").code());
    CliRun missing = CliRun.run("digest", "verify", dir.resolve("nope").toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("nope"), missing.err());
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"PublicKeyList\":[{\"Value\":\"!!\",\"Fingerprint\":\"a\"}]}");
    CliRun badKeys = CliRun.run("digest", "verify", "--public-keys", bad.toString(),
        dir.resolve("evidence").toString());
    assertEquals(1, badKeys.code());
    assertTrue(badKeys.err().contains("$.PublicKeyList[0].Value"), badKeys.err());
    assertEquals("", badKeys.out());
  }

  @Test
  void digestsSignedAfterTheKeyExpiredAreReported() throws Exception {
    writeChain();
    // the key retired at 11:30: the digests ending 12:00 and 13:00 were signed after that
    CliRun r = CliRun.run("digest", "verify", "--public-keys",
        keysFile("2026-05-04T11:30:00+00:00").toString(), dir.resolve("evidence").toString());
    assertEquals(2, r.code(), r.err());
    JsonNode report = JSON.readTree(r.out());
    assertFalse(report.get("verified").asBoolean());
    assertEquals(2, report.get("summary").get("digests_key_outside_validity").asInt());
    List<String> status = new ArrayList<>();
    report.get("digests").forEach(d -> status.add(d.get("status").asText()));
    assertEquals(List.of("valid", "key_outside_validity", "key_outside_validity"), status);
    assertTrue(r.err().contains("2 key outside validity"), r.err());
    assertTrue(r.lastErrLine().startsWith("digests=3 logFiles=3 problems=4 "), r.lastErrLine());
  }

  @Test
  void parseSkipsAndCountsDigestFiles() throws Exception {
    writeChain();
    CliRun r = CliRun.run("parse", dir.resolve("evidence").toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(3, r.outLines().size());
    // three digests and the three .metadata.json beside them: skipped and counted, not rejected
    assertTrue(r.lastErrLine().startsWith("parsed=3 rejected=0 warnings=0 skipped=6"),
        r.lastErrLine());
  }

  /** The evidence uploaded to an in-process S3-compatible server, then {@code verify s3://…}. */
  @Test
  void s3EvidenceIsDownloadedWithItsSignaturesThenVerified() throws Exception {
    writeChain();
    io.cloudir.aws.testing.S3Fixture fx = S3CommandsTest.startWithDefaultCredentials();
    String endpoint = fx.endpoint().toString();
    try {
      software.amazon.awssdk.services.s3.S3Client s3 = fx.s3;
      s3.createBucket(b -> b.bucket("logs"));
      Path ev = dir.resolve("evidence");
      List<Path> files;
      try (java.util.stream.Stream<Path> w = Files.walk(ev)) {
        files = w.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().endsWith(".metadata.json")).toList();
      }
      for (Path f : files) {
        String key = ev.relativize(f).toString().replace('\\', '/');
        Path meta = f.resolveSibling(f.getFileName() + ".metadata.json");
        java.util.Map<String, String> m = new java.util.HashMap<>();
        if (Files.exists(meta)) {
          JSON.readTree(meta.toFile()).fields().forEachRemaining(e -> m.put(e.getKey(),
              e.getValue().asText()));
        }
        s3.putObject(r -> r.bucket("logs").key(key).metadata(m),
            software.amazon.awssdk.core.sync.RequestBody.fromFile(f));
      }
      Path keep = dir.resolve("download");
      CliRun ok = CliRun.run("digest", "verify", "--endpoint-url", endpoint,
          "--public-keys", keysFile().toString(), "--download-to", keep.toString(),
          "s3://logs/AWSLogs/");
      assertEquals(0, ok.code(), ok.err());
      assertTrue(JSON.readTree(ok.out()).get("verified").asBoolean());
      assertEquals("digests=3 logFiles=3 problems=0 restarts=0 breaks=0 failed=0",
          ok.lastErrLine());
      // the download is the offline layout, signatures included: it verifies again offline
      Path firstDigest = keep.resolve(ev.relativize(digests.get(0)).toString());
      assertTrue(Files.exists(firstDigest.resolveSibling(firstDigest.getFileName()
          + ".metadata.json")), firstDigest.toString());
      assertEquals(0, CliRun.run("digest", "verify", "--public-keys", keysFile().toString(),
          keep.toString()).code());

      // an attacker rewrites a log file in the bucket
      String logKey = ev.relativize(logs.get(1)).toString().replace('\\', '/');
      s3.putObject(r -> r.bucket("logs").key(logKey), software.amazon.awssdk.core.sync.RequestBody
          .fromBytes(gz("{\"Records\":[]}".getBytes(StandardCharsets.UTF_8))));
      CliRun bad = CliRun.run("digest", "verify", "--endpoint-url", endpoint,
          "--public-keys", keysFile().toString(), "s3://logs/AWSLogs/");
      assertEquals(2, bad.code(), bad.err());
      List<String> status = new ArrayList<>();
      JSON.readTree(bad.out()).get("logFiles").forEach(l -> status.add(l.get("status").asText()));
      assertEquals(List.of("valid", "altered", "valid"), status);
    } finally {
      S3CommandsTest.stop(fx);
    }
  }
}
