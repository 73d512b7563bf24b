package io.cloudir.parsers.internal.digest;

import io.cloudir.parsers.digest.DigestFile;
import io.cloudir.parsers.digest.DigestMetadata;
import io.cloudir.parsers.digest.DigestPublicKey;
import io.cloudir.parsers.digest.DigestStatus;
import io.cloudir.parsers.digest.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The digest signature check. Stateless and thread-safe. */
public final class Signatures {
  /**
   * How long after the end of its period a digest may be signed (delivered), and how far a
   * backfill digest's signing may sit from its {@code backfill-generation-timestamp}.
   */
  public static final Duration SIGNING_SLACK = Duration.ofHours(1);

  /** The only signature algorithm CloudTrail uses. */
  public static final String ALGORITHM = "SHA256withRSA";

  private Signatures() {}

  /** A status and its reason. */
  public record Outcome(DigestStatus status, @Nullable String reason) {}

  /** The string CloudTrail signs for a digest. */
  public static byte[] stringToSign(DigestFile d, String sha256Hex) {
    String prev = d.previousDigestSignature();
    return (d.digestEndTime() + "\n" + d.digestS3Bucket() + "/" + d.digestS3Object() + "\n"
        + sha256Hex + "\n" + (prev == null ? "null" : prev)).getBytes(StandardCharsets.UTF_8);
  }

  /** Checks a digest's signature. */
  public static Outcome check(PublicKeys keys, DigestFile d, String sha256Hex,
      @Nullable DigestMetadata m) {
    if (m == null) {
      return new Outcome(DigestStatus.METADATA_MISSING,
          "no signature: the S3 object metadata (" + DigestMetadata.FILE_SUFFIX + ") is absent");
    }
    if (!ALGORITHM.equals(d.digestSignatureAlgorithm())) {
      return new Outcome(DigestStatus.SIGNATURE_INVALID,
          "unsupported digestSignatureAlgorithm " + Hex.snippet(d.digestSignatureAlgorithm()));
    }
    String metaAlg = m.signatureAlgorithm();
    if (metaAlg != null && !ALGORITHM.equalsIgnoreCase(metaAlg)) {
      return new Outcome(DigestStatus.SIGNATURE_INVALID,
          "unsupported signature-algorithm in the metadata: " + Hex.snippet(metaAlg));
    }
    Optional<DigestPublicKey> key = keys.find(d.digestPublicKeyFingerprint());
    if (key.isEmpty()) {
      return new Outcome(DigestStatus.KEY_UNKNOWN, "no public key with fingerprint "
          + Hex.snippet(d.digestPublicKeyFingerprint()) + " was supplied");
    }
    byte[] sig = Hex.decode(m.signature());
    if (sig == null) {
      return new Outcome(DigestStatus.SIGNATURE_INVALID, "the signature in the metadata is not hex");
    }
    boolean ok;
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initVerify(key.get().key());
      s.update(stringToSign(d, sha256Hex));
      ok = s.verify(sig);
    } catch (GeneralSecurityException e) {
      ok = false;
    }
    if (!ok) {
      return new Outcome(DigestStatus.SIGNATURE_INVALID,
          "the signature does not verify with the key " + key.get().fingerprint()
              + ": the digest or its signature was changed");
    }
    return validity(key.get(), d, m);
  }

  /**
   * Whether the key was valid when the digest was signed: a standard digest is signed when its
   * period ends, within {@link #SIGNING_SLACK}; a backfill digest around its {@code
   * backfill-generation-timestamp} (within the slack either way), or, without one, some time after
   * its period ends. A key with no validity times is taken as valid.
   */
  static Outcome validity(DigestPublicKey key, DigestFile d, DigestMetadata m) {
    Instant end = d.endTime();
    Instant from = end;
    Instant to = end.plus(SIGNING_SLACK);
    String note = null;
    if (d.isBackfill()) {
      Instant g = m.backfillGenerationTime();
      if (g == null) {
        to = null;
        note = "backfill digest without backfill-generation-timestamp metadata: the key was"
            + " checked against times after " + end + " only";
      } else {
        from = g.minus(SIGNING_SLACK);
        to = g.plus(SIGNING_SLACK);
      }
    }
    Instant vs = key.validityStart();
    Instant ve = key.validityEnd();
    boolean ok = (ve == null || !ve.isBefore(from)) && (vs == null || to == null || !vs.isAfter(to));
    if (!ok) {
      return new Outcome(DigestStatus.KEY_OUTSIDE_VALIDITY, "the signature verifies with the key "
          + key.fingerprint() + ", but that key is valid from " + vs + " to " + ve
          + ", not when the digest was signed (" + from + " to " + (to == null ? "later" : to)
          + ")");
    }
    return new Outcome(DigestStatus.VALID, note);
  }

  /** A new SHA-256 message digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The hex SHA-256 of {@code b}. */
  public static String sha256Hex(byte[] b) {
    return Hex.encode(sha256().digest(b));
  }
}
