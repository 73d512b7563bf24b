package io.cloudir.parsers.digest;

import static io.cloudir.parsers.digest.DigestFixture.key;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.cloudir.parsers.digest.DigestFixture.Written;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any single-byte change to what CloudTrail hashes and signs — the decompressed content of any
 * digest or log file, or any hex digit of a digest's signature — is detected, and the changed
 * file itself is the one flagged. (Bytes of the gzip wrapper that do not change the decompressed
 * content, such as its modification time, are outside what CloudTrail hashes.)
 */
class DigestTamperPropertyTest {
  @TempDir Path dir;

  @Test
  void anySingleByteChangeIsDetected() throws IOException {
    DigestFixture f = new DigestFixture(dir);
    for (int i = 0; i < 4; i++) {
      f.hour(key(i < 2 ? 0 : 1), i == 1 ? 0 : 2);
    }
    List<Path> gz = new ArrayList<>();
    List<Path> metas = new ArrayList<>();
    for (Written w : f.digests) {
      gz.add(w.digest());
      gz.addAll(w.logs());
      metas.add(w.metadata());
    }
    PublicKeys keys = PublicKeys.parse(DigestFixture.publicKeysJson(key(0), key(1)), null);
    DigestVerifier v = DigestVerifier.builder().publicKeys(keys).build();
    assertTrue(v.verify(List.of(dir)).verified());
    int files = gz.size() + metas.size();

    qt().withExamples(120).forAll(integers().between(0, files - 1), integers().allPositive(),
        integers().between(1, 255)).checkAssert((fileIndex, pos, xor) -> {
          boolean isMeta = fileIndex >= gz.size();
          Path p = isMeta ? metas.get(fileIndex - gz.size()) : gz.get(fileIndex);
          byte[] original = DigestFixture.read(p);
          byte[] changed;
          if (isMeta) {
            // a different hex digit of the signature (case changes are no change)
            String sig = f.digests.get(fileIndex - gz.size()).signature();
            int at = pos % sig.length();
            int digit = (Character.digit(sig.charAt(at), 16) + xor % 15 + 1) % 16;
            String other = sig.substring(0, at) + Character.forDigit(digit, 16)
                + sig.substring(at + 1);
            assertNotEquals(sig, other);
            changed = DigestFixture.metadataJson(other);
          } else {
            byte[] content = DigestFixture.gunzip(original);
            content[pos % content.length] ^= (byte) (int) xor;
            changed = DigestFixture.gzip(content);
          }
          DigestFixture.write(p, changed);
          try {
            VerificationReport r = v.verify(List.of(dir));
            assertFalse(r.verified(), () -> "undetected change in " + p);
            String key = dir.relativize(p).toString().replace('\\', '/');
            String flagged = isMeta ? key.substring(0, key.length() - ".gz.metadata.json".length())
                : key.substring(0, key.length() - 3);
            boolean fileFlagged = r.digests().stream()
                .anyMatch(d -> d.s3Object().equals(flagged) && d.status() != DigestStatus.VALID)
                || r.logFiles().stream().anyMatch(
                    l -> l.s3Object().equals(flagged) && l.status() != LogFileStatus.VALID);
            assertTrue(fileFlagged, () -> flagged + " not flagged:\n" + r.summary());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            DigestFixture.write(p, original);
          }
        });
    assertTrue(v.verify(List.of(dir)).verified(),
        new String(DigestFixture.read(metas.get(0)), StandardCharsets.UTF_8));
  }
}
