package io.cloudir.parsers.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every digest file of ../shared/corpus (the AWS documentation's examples and a third-party
 * fixture with malformed event times) and compares every field with Jackson's reading of the same
 * bytes.
 */
@Tag("corpus")
class DigestCorpusTest {
  private static final String[] FIELDS = {"awsAccountId", "digestStartTime", "digestEndTime",
    "digestS3Bucket", "digestS3Object", "digestPublicKeyFingerprint", "digestSignatureAlgorithm",
    "newestEventTime", "oldestEventTime", "previousDigestS3Bucket", "previousDigestS3Object",
    "previousDigestHashValue", "previousDigestHashAlgorithm", "previousDigestSignature"};

  @TestFactory
  List<DynamicTest> corpusDigests() throws IOException {
    Path corpus = Path.of(System.getProperty("cloudir.shared", "../../shared")).resolve("corpus");
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(corpus.resolve("MANIFEST.tsv"))) {
      String path = line.split("\t", -1)[0];
      if (path.contains("digest") && path.endsWith(".json")) {
        tests.add(DynamicTest.dynamicTest(path, () -> check(corpus.resolve(path))));
      }
    }
    assertEquals(3, tests.size(), "digest files listed in MANIFEST.tsv");
    return tests;
  }

  private static void check(Path p) throws IOException {
    byte[] b = Files.readAllBytes(p);
    DigestFile d = DigestFile.parse(b, p.toString());
    JsonNode j = DigestFixture.JSON.readTree(b);
    List<String> ours = List.of(d.awsAccountId(), d.digestStartTime(), d.digestEndTime(),
        d.digestS3Bucket(), d.digestS3Object(), d.digestPublicKeyFingerprint(),
        d.digestSignatureAlgorithm(), String.valueOf(d.newestEventTime()),
        String.valueOf(d.oldestEventTime()), String.valueOf(d.previousDigestS3Bucket()),
        String.valueOf(d.previousDigestS3Object()), String.valueOf(d.previousDigestHashValue()),
        String.valueOf(d.previousDigestHashAlgorithm()),
        String.valueOf(d.previousDigestSignature()));
    for (int i = 0; i < FIELDS.length; i++) {
      JsonNode v = j.get(FIELDS[i]);
      assertEquals(v == null || v.isNull() ? "null" : v.asText(), ours.get(i), FIELDS[i]);
    }
    assertEquals(j.get("logFiles").size(), d.logFiles().size());
    for (int i = 0; i < d.logFiles().size(); i++) {
      JsonNode f = j.get("logFiles").get(i);
      DigestLogFile l = d.logFiles().get(i);
      assertEquals(f.get("s3Object").asText(), l.s3Object());
      assertEquals(f.get("hashValue").asText(), l.hashValue());
      assertEquals(f.get("hashAlgorithm").asText(), l.hashAlgorithm());
      assertEquals(f.get("oldestEventTime").asText(), l.oldestEventTime());
    }
  }
}
