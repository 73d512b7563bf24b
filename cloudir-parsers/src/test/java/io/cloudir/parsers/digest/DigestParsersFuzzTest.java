package io.cloudir.parsers.digest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.CloudirException;

/**
 * Fuzzes the digest file parser, the metadata parser and the public keys loader: on any bytes they
 * return a value or throw a {@link CloudirException} (never anything else), and a parsed digest's
 * accessors work. Seeds: {@code DigestParsersFuzzTestInputs/<method>/}. Real fuzzing: {@code
 * JAZZER_FUZZ=1}.
 */
class DigestParsersFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void digestFile(byte[] data) {
    try {
      DigestFile d = DigestFile.parse(data, "fuzz");
      d.startTime();
      d.endTime();
      d.isBackfill();
      d.isChainStart();
      if (d.logFiles().stream().anyMatch(f -> f.s3Object() == null)) {
        throw new IllegalStateException("null s3Object");
      }
    } catch (CloudirException e) {
      if (e.location().source() == null) {
        throw new IllegalStateException("error without its source", e);
      }
    }
    try {
      DigestMetadata.parse(data, "fuzz");
    } catch (CloudirException e) {
      e.location();
    }
  }

  @FuzzTest(maxDuration = "2m")
  void publicKeys(byte[] data) {
    try {
      PublicKeys k = PublicKeys.parse(data, "fuzz");
      for (DigestPublicKey p : k.all()) {
        if (k.find(p.fingerprint()).isEmpty()) {
          throw new IllegalStateException("key not found by its own fingerprint");
        }
      }
    } catch (CloudirException e) {
      if (e.location().source() == null) {
        throw new IllegalStateException("error without its source", e);
      }
    }
  }
}
