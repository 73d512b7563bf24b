package io.cloudir.parsers.digest;

import static io.cloudir.parsers.digest.DigestFixture.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.cloudir.parsers.digest.DigestFixture.TestKey;
import io.cloudir.parsers.digest.DigestFixture.Written;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real signed digest chains written to a temporary folder, then tampered with in every way
 * CloudTrail validation is meant to catch; each test checks that exactly the tampered files are
 * reported, with the right status, and nothing else.
 */
class DigestVerifierTest {
  @TempDir Path dir;

  private static VerificationReport verify(Path dir, TestKey... keys) throws IOException {
    PublicKeys k = PublicKeys.parse(DigestFixture.publicKeysJson(keys), "keys.json");
    return DigestVerifier.builder().publicKeys(k).build().verify(List.of(dir));
  }

  /** Digest key → status, for every digest that is not VALID. */
  private static Map<String, DigestStatus> badDigests(VerificationReport r) {
    return r.digests().stream().filter(d -> d.status() != DigestStatus.VALID)
        .collect(Collectors.toMap(DigestResult::s3Object, DigestResult::status, (a, b) -> a,
            TreeMap::new));
  }

  /** Digest key → chain status, for every digest whose chain status is not LINKED. */
  private static Map<String, ChainStatus> chainNotLinked(VerificationReport r) {
    return r.digests().stream().filter(d -> d.chain() != ChainStatus.LINKED)
        .collect(Collectors.toMap(DigestResult::s3Object, DigestResult::chain, (a, b) -> a,
            TreeMap::new));
  }

  /** Log key → status, for every log file result that is not VALID. */
  private static Map<String, LogFileStatus> badLogs(VerificationReport r) {
    return r.logFiles().stream().filter(l -> l.status() != LogFileStatus.VALID)
        .collect(Collectors.toMap(LogFileResult::s3Object, LogFileResult::status, (a, b) -> a,
            TreeMap::new));
  }

  private static String norm(String key) {
    return key.substring(0, key.length() - 3); // keys are reported without .gz
  }

  private static DigestResult digest(VerificationReport r, Written w) {
    return r.digests().stream().filter(d -> d.s3Object().equals(norm(w.key()))).findFirst()
        .orElseThrow();
  }

  private DigestFixture chain(int hours, TestKey k) {
    DigestFixture f = new DigestFixture(dir);
    for (int i = 0; i < hours; i++) {
      f.hour(k, i == 2 ? 0 : 2); // hour 2 has no log files
    }
    return f;
  }

  @Test
  void intactChainVerifies() throws IOException {
    DigestFixture f = chain(6, key(0));
    VerificationReport r = verify(dir, key(0));
    assertTrue(r.verified(), r.summary());
    assertEquals(6, r.digests().size());
    assertEquals(10, r.logFiles().size());
    assertEquals(Map.of(norm(f.digests.get(0).key()), ChainStatus.START), chainNotLinked(r));
    assertEquals(Map.of(), badDigests(r));
    assertEquals(Map.of(), badLogs(r));
    DigestResult empty = digest(r, f.digests.get(2));
    assertEquals(0, empty.logFiles());
    assertEquals(f.digests.get(2).start(), empty.startTime());
    assertEquals("111122223333/us-east-1/main-trail", empty.trail());
    assertEquals(key(0).fingerprint(), empty.fingerprint());
    JsonNode json = DigestFixture.JSON.readTree(r.toJson());
    assertTrue(json.get("verified").asBoolean());
    assertEquals(6, json.get("digests").size());
    assertEquals(10, json.get("summary").get("logFiles_valid").asInt());
    assertTrue(r.summary().startsWith("CloudTrail digest verification: VERIFIED"), r.summary());
  }

  @Test
  void editedLogFileIsAltered() throws IOException {
    DigestFixture f = chain(4, key(0));
    Path log = f.digests.get(1).logs().get(0);
    String text = new String(DigestFixture.gunzip(DigestFixture.read(log)), StandardCharsets.UTF_8);
    DigestFixture.write(log, DigestFixture.gzip(
        text.replace("GetObject", "PutObject").getBytes(StandardCharsets.UTF_8)));
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    assertEquals(Map.of(norm(f.digests.get(1).logKeys().get(0)), LogFileStatus.ALTERED),
        badLogs(r));
    assertEquals(Map.of(), badDigests(r));
    assertTrue(r.summary().contains("altered"), r.summary());
  }

  @Test
  void corruptGzipLogFileIsAltered() throws IOException {
    DigestFixture f = chain(3, key(0));
    Path log = f.digests.get(0).logs().get(1);
    byte[] b = DigestFixture.read(log);
    DigestFixture.write(log, java.util.Arrays.copyOf(b, b.length - 6));
    VerificationReport r = verify(dir, key(0));
    assertEquals(Map.of(norm(f.digests.get(0).logKeys().get(1)), LogFileStatus.ALTERED),
        badLogs(r));
  }

  @Test
  void deletedLogFileIsMissing() throws IOException {
    DigestFixture f = chain(4, key(0));
    Files.delete(f.digests.get(3).logs().get(1));
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    assertEquals(Map.of(norm(f.digests.get(3).logKeys().get(1)), LogFileStatus.MISSING),
        badLogs(r));
    LogFileResult missing = r.logFiles().stream()
        .filter(l -> l.status() == LogFileStatus.MISSING).findFirst().orElseThrow();
    assertNull(missing.path());
    assertEquals(norm(f.digests.get(3).key()), missing.digest());
  }

  @Test
  void addedLogFileIsUnlisted() throws IOException {
    DigestFixture f = chain(3, key(0));
    String extra = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/03/01/"
        + "111122223333_CloudTrail_us-east-1_20260301T0130Z_forgedforgedforg.json.gz";
    DigestFixture.write(dir.resolve(extra), DigestFixture.gzip(
        DigestFixture.logContent(Instant.parse("2026-03-01T01:30:00Z"), extra)));
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    assertEquals(Map.of(norm(extra), LogFileStatus.UNLISTED), badLogs(r));
    assertEquals(Map.of(), badDigests(r));
    assertEquals(3, f.digests.size());
  }

  @Test
  void editedDigestBreaksItsSignatureAndTheNextLink() throws IOException {
    DigestFixture f = chain(5, key(0));
    Written w = f.digests.get(2 - 1); // hour 1: two log files
    JsonNode d = DigestFixture.JSON.readTree(w.json());
    ((com.fasterxml.jackson.databind.node.ArrayNode) d.get("logFiles")).remove(0); // hide a file
    DigestFixture.write(w.digest(), DigestFixture.gzip(DigestFixture.bytes(d)));
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    assertEquals(Map.of(norm(w.key()), DigestStatus.SIGNATURE_INVALID), badDigests(r));
    assertEquals(Map.of(norm(f.digests.get(0).key()), ChainStatus.START,
        norm(f.digests.get(2).key()), ChainStatus.BROKEN), chainNotLinked(r));
    // the hidden log file is in no digest now; the other one is listed by an untrusted digest
    assertEquals(Map.of(norm(w.logKeys().get(0)), LogFileStatus.UNLISTED,
        norm(w.logKeys().get(1)), LogFileStatus.UNVERIFIABLE), badLogs(r));
  }

  @Test
  void deletedDigestIsMissingAndBreaksTheChain() throws IOException {
    DigestFixture f = chain(5, key(0));
    Written gone = f.digests.get(1);
    Files.delete(gone.digest());
    Files.delete(gone.metadata());
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    assertEquals(Map.of(norm(gone.key()), DigestStatus.MISSING), badDigests(r));
    assertEquals(Map.of(norm(f.digests.get(0).key()), ChainStatus.START,
        norm(gone.key()), ChainStatus.NOT_CHECKED,
        norm(f.digests.get(2).key()), ChainStatus.BROKEN), chainNotLinked(r));
    DigestResult broken = digest(r, f.digests.get(2));
    assertEquals(f.digests.get(0).end(), broken.gapFrom());
    assertEquals(f.digests.get(2).start(), broken.gapTo());
    assertEquals(Map.of(norm(gone.logKeys().get(0)), LogFileStatus.UNLISTED,
        norm(gone.logKeys().get(1)), LogFileStatus.UNLISTED), badLogs(r));
    assertEquals(gone.end(), digest(r, gone).endTime());
  }

  @Test
  void severalConsecutiveDeletedDigestsAreOneGap() throws IOException {
    DigestFixture f = chain(8, key(0));
    List<String> unlisted = new ArrayList<>();
    for (int i = 3; i <= 5; i++) {
      Files.delete(f.digests.get(i).digest());
      Files.delete(f.digests.get(i).metadata());
      for (String k : f.digests.get(i).logKeys()) {
        unlisted.add(norm(k));
      }
    }
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    // only the digest the chain names is known by name; the gap shows the rest
    assertEquals(Map.of(norm(f.digests.get(5).key()), DigestStatus.MISSING), badDigests(r));
    DigestResult broken = digest(r, f.digests.get(6));
    assertEquals(ChainStatus.BROKEN, broken.chain());
    assertEquals(f.digests.get(2).end(), broken.gapFrom());
    assertEquals(f.digests.get(6).start(), broken.gapTo());
    assertEquals(3, java.time.Duration.between(broken.gapFrom(), broken.gapTo()).toHours());
    assertEquals(unlisted.stream().collect(Collectors.toMap(k -> k, k -> LogFileStatus.UNLISTED)),
        badLogs(r));
    assertEquals(1, r.count(ChainStatus.BROKEN));
  }

  @Test
  void replacedSignatureIsInvalid() throws IOException {
    DigestFixture f = chain(4, key(0));
    Written w = f.digests.get(1);
    String forged = DigestFixture.sign(key(0), "something else");
    DigestFixture.write(w.metadata(), DigestFixture.metadataJson(forged));
    VerificationReport r = verify(dir, key(0));
    assertEquals(Map.of(norm(w.key()), DigestStatus.SIGNATURE_INVALID), badDigests(r));
    // the next digest recorded the real signature, so the metadata no longer matches it either
    assertEquals(ChainStatus.BROKEN, digest(r, f.digests.get(2)).chain());
    assertEquals(Map.of(norm(w.logKeys().get(0)), LogFileStatus.UNVERIFIABLE,
        norm(w.logKeys().get(1)), LogFileStatus.UNVERIFIABLE), badLogs(r));
  }

  @Test
  void digestSignedWithAnotherKeyUnderTheSameFingerprintIsInvalid() throws IOException {
    DigestFixture f = chain(2, key(0));
    Written w = f.digests.get(1);
    String sig = DigestFixture.sign(key(1), w.end() + "\n" + f.bucket + "/" + w.key() + "\n"
        + DigestFixture.sha256Hex(w.json()) + "\n" + f.digests.get(0).signature());
    DigestFixture.write(w.metadata(), DigestFixture.metadataJson(sig));
    VerificationReport r = verify(dir, key(0));
    assertEquals(Map.of(norm(w.key()), DigestStatus.SIGNATURE_INVALID), badDigests(r));
  }

  @Test
  void unknownKeyIsReported() throws IOException {
    DigestFixture f = new DigestFixture(dir);
    f.hour(key(0), 1);
    Written w = f.hour(key(2), 1);
    f.hour(key(0), 1);
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    assertEquals(Map.of(norm(w.key()), DigestStatus.KEY_UNKNOWN), badDigests(r));
    assertEquals(Map.of(norm(w.logKeys().get(0)), LogFileStatus.UNVERIFIABLE), badLogs(r));
    assertEquals(ChainStatus.LINKED, digest(r, f.digests.get(2)).chain());
    assertTrue(digest(r, w).reason().contains(key(2).fingerprint()), digest(r, w).reason());
  }

  @Test
  void keyRotationMidChainVerifiesWithBothKeys() throws IOException {
    DigestFixture f = new DigestFixture(dir);
    for (int i = 0; i < 6; i++) {
      f.hour(i < 3 ? key(0) : key(1), 1);
    }
    VerificationReport both = verify(dir, key(0), key(1));
    assertTrue(both.verified(), both.summary());
    assertEquals(5, both.count(ChainStatus.LINKED));
    VerificationReport onlyOld = verify(dir, key(0));
    assertFalse(onlyOld.verified());
    Map<String, DigestStatus> expected = new TreeMap<>();
    for (int i = 3; i < 6; i++) {
      expected.put(norm(f.digests.get(i).key()), DigestStatus.KEY_UNKNOWN);
    }
    assertEquals(expected, badDigests(onlyOld));
  }

  @Test
  void restartAfterValidationWasTurnedOffIsNotTampering() throws IOException {
    DigestFixture f = new DigestFixture(dir);
    f.hour(key(0), 1);
    f.hour(key(0), 1);
    Written lastBefore = f.hour(key(0), 1);
    f.restartAfter(5);
    Written restart = f.hour(key(0), 1);
    f.hour(key(0), 2);
    VerificationReport r = verify(dir, key(0));
    assertTrue(r.verified(), r.summary());
    DigestResult d = digest(r, restart);
    assertEquals(ChainStatus.RESTART, d.chain());
    assertEquals(lastBefore.end(), d.gapFrom());
    assertEquals(restart.start(), d.gapTo());
    assertEquals(5, java.time.Duration.between(d.gapFrom(), d.gapTo()).toHours());
    assertEquals(Map.of(norm(f.digests.get(0).key()), ChainStatus.START,
        norm(restart.key()), ChainStatus.RESTART), chainNotLinked(r));
    assertTrue(r.summary().contains("restart"), r.summary());
  }

  @Test
  void missingMetadataIsReported() throws IOException {
    DigestFixture f = chain(3, key(0));
    Files.delete(f.digests.get(2).metadata());
    VerificationReport r = verify(dir, key(0));
    assertEquals(Map.of(norm(f.digests.get(2).key()), DigestStatus.METADATA_MISSING),
        badDigests(r));
    assertEquals(ChainStatus.LINKED, digest(r, f.digests.get(2)).chain());
  }

  @Test
  void digestsWithoutMetadataAreVerifiedThroughTheNextDigest() throws IOException {
    DigestFixture f = chain(4, key(0));
    for (int i = 0; i < 3; i++) {
      Files.delete(f.digests.get(i).metadata());
    }
    VerificationReport r = verify(dir, key(0));
    assertTrue(r.verified(), r.summary());
    assertTrue(digest(r, f.digests.get(0)).reason().contains("next digest"));
    // without the newest digest's metadata nothing anchors the chain
    Files.delete(f.digests.get(3).metadata());
    VerificationReport none = verify(dir, key(0));
    assertEquals(4, none.count(DigestStatus.METADATA_MISSING));
    // a changed digest is not rescued by its successor: the hash it records no longer matches
    Written w = f.digests.get(1);
    Files.write(f.digests.get(3).metadata(), DigestFixture.metadataJson(f.digests.get(3).signature()));
    String json = new String(w.json(), StandardCharsets.UTF_8);
    DigestFixture.write(w.digest(), DigestFixture.gzip(("{ " + json.substring(1))
        .getBytes(StandardCharsets.UTF_8)));
    VerificationReport changed = verify(dir, key(0));
    assertEquals(Map.of(norm(f.digests.get(0).key()), DigestStatus.METADATA_MISSING,
        norm(w.key()), DigestStatus.METADATA_MISSING), badDigests(changed));
    assertEquals(ChainStatus.BROKEN, digest(changed, f.digests.get(2)).chain());
  }

  @Test
  void unreadableMetadataIsReportedAsMissing() throws IOException {
    DigestFixture f = chain(2, key(0));
    DigestFixture.write(f.digests.get(1).metadata(), "{\"sig".getBytes(StandardCharsets.UTF_8));
    VerificationReport r = verify(dir, key(0));
    DigestResult d = digest(r, f.digests.get(1));
    assertEquals(DigestStatus.METADATA_MISSING, d.status());
    assertTrue(d.reason().contains("unreadable"), d.reason());
  }

  @Test
  void digestMovedToAnotherKeyIsWrongLocation() throws IOException {
    DigestFixture f = chain(1, key(0));
    Written w = f.digests.get(0);
    Path moved = dir.resolve(w.key().replace("main-trail", "other-trail"));
    Files.createDirectories(moved.getParent());
    Files.move(w.digest(), moved);
    Files.move(w.metadata(), DigestFixture.metadataPath(moved));
    VerificationReport r = verify(dir, key(0));
    assertEquals(Map.of(norm(w.key().replace("main-trail", "other-trail")),
        DigestStatus.WRONG_LOCATION), badDigests(r));
  }

  @Test
  void corruptDigestIsMalformedAndBreaksTheNextLink() throws IOException {
    DigestFixture f = chain(3, key(0));
    DigestFixture.write(f.digests.get(1).digest(), DigestFixture.gzip(
        "{\"not\":\"a digest\"}".getBytes(StandardCharsets.UTF_8)));
    VerificationReport r = verify(dir, key(0));
    assertEquals(Map.of(norm(f.digests.get(1).key()), DigestStatus.MALFORMED), badDigests(r));
    assertEquals(ChainStatus.BROKEN, digest(r, f.digests.get(2)).chain());
    assertTrue(digest(r, f.digests.get(1)).reason().contains("$.logFiles"));
  }

  @Test
  void backfillDigestsFormAChainOfTheirOwn() throws IOException {
    DigestFixture f = chain(3, key(0));
    Written b1 = f.backfill(key(0), 1);
    Written after = f.hour(key(0), 1);
    Written b2 = f.backfill(key(0), 2);
    f.hour(key(0), 1);
    VerificationReport r = verify(dir, key(0));
    assertTrue(r.verified(), r.summary());
    assertTrue(digest(r, b1).backfill());
    assertEquals(ChainStatus.START, digest(r, b1).chain());
    assertEquals(ChainStatus.LINKED, digest(r, b2).chain());
    // the hourly chain goes on past the backfill digests
    assertEquals(ChainStatus.LINKED, digest(r, after).chain());
    assertEquals(Map.of(norm(f.digests.get(0).key()), ChainStatus.START,
        norm(b1.key()), ChainStatus.START), chainNotLinked(r));
    assertEquals(Map.of(), badLogs(r));
    assertEquals(3, r.logFiles().stream().filter(l -> l.digest() != null
        && (l.digest().equals(norm(b1.key())) || l.digest().equals(norm(b2.key())))).count());
  }

  @Test
  void deletedBackfillDigestBreaksTheBackfillChainOnly() throws IOException {
    DigestFixture f = chain(2, key(0));
    f.backfill(key(0), 1);
    f.hour(key(0), 1);
    Written gone = f.backfill(key(0), 1);
    f.hour(key(0), 1);
    Written b3 = f.backfill(key(0), 1);
    Files.delete(gone.digest());
    Files.delete(gone.metadata());
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    DigestResult broken = digest(r, b3);
    assertEquals(ChainStatus.BROKEN, broken.chain(), broken.toString());
    assertEquals(gone.end(), digest(r, gone).endTime());
    assertTrue(broken.chainReason().contains("is missing"), broken.chainReason());
    assertEquals(DigestStatus.MISSING, digest(r, gone).status());
    assertTrue(digest(r, gone).backfill());
    assertEquals(1, r.count(ChainStatus.BROKEN)); // the hourly chain is intact
    assertEquals(Map.of(norm(gone.logKeys().get(0)), LogFileStatus.UNLISTED), badLogs(r));
  }

  @Test
  void changedBackfillDigestBreaksTheNextBackfillLink() throws IOException {
    DigestFixture f = chain(2, key(0));
    Written b1 = f.backfill(key(0), 1);
    f.hour(key(0), 1);
    Written b2 = f.backfill(key(0), 1);
    byte[] json = b1.json().clone();
    int i = new String(json, StandardCharsets.UTF_8).indexOf("hashValue");
    json[i + 14] = (byte) (json[i + 14] == 'a' ? 'b' : 'a'); // a hex digit of the listed hash
    DigestFixture.write(b1.digest(), DigestFixture.gzip(json));
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    assertEquals(Map.of(norm(b1.key()), DigestStatus.SIGNATURE_INVALID), badDigests(r));
    assertEquals(ChainStatus.BROKEN, digest(r, b2).chain());
    assertEquals(1, r.count(ChainStatus.BROKEN));
  }

  /** Keys: key(0) valid until 02:30, key(1) from 02:30 (a rotation in the middle of the chain). */
  private static PublicKeys rotatedKeys() {
    Instant rotation = Instant.parse("2026-03-01T02:30:00Z");
    return PublicKeys.parse(DigestFixture.publicKeysJson(Instant.parse("2026-01-01T00:00:00Z"),
            rotation, key(0)), "old.json")
        .merge(PublicKeys.parse(DigestFixture.publicKeysJson(rotation,
            Instant.parse("2027-01-01T00:00:00Z"), key(1)), "new.json"));
  }

  @Test
  void digestSignedWithAKeyOutsideItsValidityIsReported() throws IOException {
    // hours end at 01:01:31, 02:01:31, 03:01:31, 04:01:31, 05:01:31
    DigestFixture f = new DigestFixture(dir);
    Written early = f.hour(key(1), 1); // key(1) was not valid yet
    f.hour(key(1), 1); // signed up to an hour after 02:01:31: key(1) may have signed it
    f.hour(key(1), 1);
    Written retired = f.hour(key(0), 2); // key(0) retired at 02:30
    f.hour(key(1), 1);
    VerificationReport r = DigestVerifier.builder().publicKeys(rotatedKeys()).build()
        .verify(List.of(dir));
    assertFalse(r.verified());
    assertEquals(Map.of(norm(early.key()), DigestStatus.KEY_OUTSIDE_VALIDITY,
        norm(retired.key()), DigestStatus.KEY_OUTSIDE_VALIDITY), badDigests(r));
    assertTrue(digest(r, retired).reason().contains(key(0).fingerprint()),
        digest(r, retired).reason());
    assertEquals(Map.of(norm(early.logKeys().get(0)), LogFileStatus.UNVERIFIABLE,
        norm(retired.logKeys().get(0)), LogFileStatus.UNVERIFIABLE,
        norm(retired.logKeys().get(1)), LogFileStatus.UNVERIFIABLE), badLogs(r));
    assertEquals(2, r.count(DigestStatus.KEY_OUTSIDE_VALIDITY));
    assertTrue(r.toJson().contains("\"status\":\"key_outside_validity\""), r.toJson());
    assertTrue(r.toJson().contains("\"digests_key_outside_validity\":2"), r.toJson());
    assertTrue(r.summary().contains("2 key outside validity"), r.summary());
    // with both keys valid all year, the same evidence verifies
    VerificationReport open = verify(dir, key(0), key(1));
    assertTrue(open.verified(), open.summary());
  }

  @Test
  void backfillDigestKeyIsCheckedAtItsGenerationTime() throws IOException {
    DigestFixture f = new DigestFixture(dir);
    f.hour(key(0), 1); // ends 01:01:31
    f.hour(key(0), 1); // ends 02:01:31, key(0) still valid
    f.backfillDelay = java.time.Duration.ofHours(3);
    Written late = f.backfill(key(0), 1); // generated 05:01:31, after key(0) retired
    f.hour(key(1), 1); // ends 03:01:31
    Written fine = f.backfill(key(1), 1); // generated 06:01:31 with the key valid then
    VerificationReport r = DigestVerifier.builder().publicKeys(rotatedKeys()).build()
        .verify(List.of(dir));
    assertEquals(Map.of(norm(late.key()), DigestStatus.KEY_OUTSIDE_VALIDITY), badDigests(r));
    assertEquals(DigestStatus.VALID, digest(r, fine).status());
    assertEquals(ChainStatus.LINKED, digest(r, fine).chain());
  }

  @Test
  void chainThatBeginsBeforeTheEvidenceIsAnOpenStart() throws IOException {
    DigestFixture f = chain(4, key(0));
    Files.delete(f.digests.get(0).digest());
    Files.delete(f.digests.get(0).metadata());
    for (Path p : f.digests.get(0).logs()) {
      Files.delete(p);
    }
    VerificationReport r = verify(dir, key(0));
    assertTrue(r.verified(), r.summary());
    assertEquals(Map.of(norm(f.digests.get(1).key()), ChainStatus.OPEN_START), chainNotLinked(r));
  }

  @Test
  void trailsRegionsAndOrganizationTrailsChainSeparately() throws IOException {
    DigestFixture a = new DigestFixture(dir);
    DigestFixture b = new DigestFixture(dir, "111122223333", "eu-west-1", "main-trail", null);
    DigestFixture c = new DigestFixture(dir, "444455556666", "us-east-1", "org_trail",
        "o-abcdef1234");
    for (int i = 0; i < 3; i++) {
      a.hour(key(0), 1);
      b.hour(key(1), 1);
      c.hour(key(0), 1);
    }
    VerificationReport r = verify(dir, key(0), key(1));
    assertTrue(r.verified(), r.summary());
    assertEquals(3, r.count(ChainStatus.START));
    assertEquals(6, r.count(ChainStatus.LINKED));
    assertEquals("o-abcdef1234/444455556666/us-east-1/org_trail",
        digest(r, c.digests.get(0)).trail());
    // deleting a digest of one region breaks only that region's chain
    Files.delete(b.digests.get(1).digest());
    VerificationReport r2 = verify(dir, key(0), key(1));
    assertEquals(Map.of(norm(b.digests.get(1).key()), DigestStatus.MISSING), badDigests(r2));
    assertEquals(1, r2.count(ChainStatus.BROKEN));
    assertEquals(ChainStatus.BROKEN, digest(r2, b.digests.get(2)).chain());
  }

  @Test
  void prefixAndBucketFoldersBeforeAwsLogsAreAllowed() throws IOException {
    Path root = dir.resolve("evidence-bucket").resolve("some/prefix");
    DigestFixture f = new DigestFixture(root);
    f.hour(key(0), 1);
    f.hour(key(0), 1);
    VerificationReport r = verify(dir, key(0));
    assertTrue(r.verified(), r.summary());
  }

  @Test
  void filesOutsideTheLayoutAreIgnoredAndCounted() throws IOException {
    chain(2, key(0));
    Files.writeString(dir.resolve("notes.txt"), "hello");
    VerificationReport r = verify(dir, key(0));
    assertTrue(r.verified(), r.summary());
    assertEquals(1, r.ignoredFiles());
  }

  @Test
  void noDigestsIsNotVerified() throws IOException {
    VerificationReport r = verify(dir, key(0));
    assertFalse(r.verified());
    assertTrue(r.summary().contains("NO DIGESTS"), r.summary());
  }

  @Test
  void absentPathIsAnIoError() {
    assertThrows(NoSuchFileException.class, () -> verify(dir.resolve("nope"), key(0)));
  }

  @Test
  void singleFilesCanBeGiven() throws IOException {
    DigestFixture f = chain(2, key(0));
    Written w = f.digests.get(1);
    List<Path> paths = new ArrayList<>(w.logs());
    paths.add(w.digest());
    VerificationReport r = DigestVerifier.builder()
        .publicKeys(PublicKeys.parse(DigestFixture.publicKeysJson(key(0)), null)).build()
        .verify(paths);
    assertTrue(r.verified(), r.summary());
    assertEquals(ChainStatus.OPEN_START, digest(r, w).chain());
  }

  @Test
  void checkSignatureInMemory() {
    DigestFixture f = new DigestFixture(dir);
    Written w = f.hour(key(0), 1);
    DigestVerifier v = DigestVerifier.builder()
        .publicKeys(PublicKeys.parse(DigestFixture.publicKeysJson(key(0)), null)).build();
    DigestFile d = DigestFile.parse(w.json(), null);
    assertEquals(DigestStatus.VALID,
        v.checkSignature(d, w.json(), new DigestMetadata(w.signature(), "SHA256withRSA")).status());
    byte[] changed = w.json().clone();
    changed[changed.length - 2] ^= 0x20;
    assertEquals(DigestStatus.SIGNATURE_INVALID,
        v.checkSignature(d, changed, new DigestMetadata(w.signature(), null)).status());
    assertEquals(DigestStatus.METADATA_MISSING, v.checkSignature(d, w.json(), null).status());
    assertEquals(DigestStatus.SIGNATURE_INVALID,
        v.checkSignature(d, w.json(), new DigestMetadata("zz", null)).status());
    DigestVerifier none = DigestVerifier.builder().build();
    DigestVerifier.Check c = none.checkSignature(d, w.json(), new DigestMetadata(w.signature(), null));
    assertEquals(DigestStatus.KEY_UNKNOWN, c.status());
    assertNotNull(c.reason());
  }
}
