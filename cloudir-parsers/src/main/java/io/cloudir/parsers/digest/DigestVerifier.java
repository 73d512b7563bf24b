package io.cloudir.parsers.digest;

import io.cloudir.parsers.internal.digest.Signatures;
import io.cloudir.parsers.internal.digest.VerifyRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Verifies CloudTrail log file integrity offline, as CloudTrail documents it:
 *
 * <ul>
 *   <li>each digest's RSA signature ({@code SHA256withRSA}) over the string to sign {@code
 *       digestEndTime + "\n" + digestS3Bucket + "/" + digestS3Object + "\n" + hex SHA-256 of the
 *       decompressed digest + "\n" + previousDigestSignature} ({@code "null"} at the start of a
 *       chain), with the public key named by {@code digestPublicKeyFingerprint} and the signature
 *       from the digest's S3 object metadata;
 *   <li>the validity period of that key ({@code ValidityStartTime}..{@code ValidityEndTime}, as
 *       {@code ListPublicKeys} gives it) against the time the digest was signed: from {@code
 *       digestEndTime} to an hour later for a standard digest, within an hour of the {@code
 *       backfill-generation-timestamp} metadata for a backfill digest (or any time after {@code
 *       digestEndTime} when a backfill digest lacks it); outside it, {@link
 *       DigestStatus#KEY_OUTSIDE_VALIDITY};
 *   <li>each listed log file's SHA-256 over its decompressed content;
 *   <li>the previous-digest chain, hour by hour per trail and region, across key rotations: a
 *       changed or deleted digest (one or several in a row) breaks it; a chain that starts again
 *       after log file validation was turned off and on is a {@link ChainStatus#RESTART};
 *   <li>backfill digests ({@code …_backfill.json.gz}, delivered later for log files their hour's
 *       digest missed) as a chain of their own per trail and region: each links, through its
 *       {@code previousDigest…} members, to the previous backfill digest, and is checked with the
 *       same rules (a deleted or changed backfill digest breaks that chain; the hourly chain is
 *       not affected).
 * </ul>
 *
 * <p>Files on disk keep the S3 key layout ({@code …/AWSLogs/[o-org/]account/CloudTrail[-Digest]/
 * region/yyyy/mm/dd/file}); a digest's metadata is the JSON file {@code <digest file name>.metadata.json}
 * beside it (see {@link DigestMetadata}). Files are matched to the object keys digests name by the
 * part of their path from {@code AWSLogs/} on. CloudTrail log files that no digest lists are
 * reported as {@link LogFileStatus#UNLISTED}. A digest whose metadata file is absent is still
 * verified when the next digest of its chain is valid and links to it (that digest's signed
 * content records its hash and signature); only the newest digest of a chain needs its metadata.
 *
 * <p>Immutable and thread-safe; {@link #verify} may run concurrently.
 */
public final class DigestVerifier {
  /** The default bound on a decompressed digest file (64 MiB). */
  public static final long DEFAULT_MAX_DIGEST_BYTES = 64L << 20;

  private final PublicKeys keys;
  private final long maxDigestBytes;

  private DigestVerifier(Builder b) {
    this.keys = b.keys;
    this.maxDigestBytes = b.maxDigestBytes;
  }

  /** A builder with no public keys and the default limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies the digests and log files under the given files and directories (directories are
   * walked recursively, symbolic links not followed).
   *
   * @param paths files and directories
   * @return the report; problems with the evidence are results in it, not exceptions
   * @throws IOException if a path does not exist or a file cannot be read
   */
  public VerificationReport verify(Collection<Path> paths) throws IOException {
    return new VerifyRun(keys, maxDigestBytes).run(List.copyOf(paths));
  }

  /**
   * Checks one digest's signature (no chain, no log files): for callers that hold a digest in
   * memory, such as a download from S3.
   *
   * @param digest the parsed digest
   * @param uncompressed the decompressed bytes it was parsed from
   * @param metadata its S3 object metadata, or null when there is none
   * @return {@link DigestStatus#VALID}, {@code SIGNATURE_INVALID}, {@code KEY_UNKNOWN}, {@code
   *     KEY_OUTSIDE_VALIDITY} or {@code METADATA_MISSING}, with the reason
   */
  public Check checkSignature(DigestFile digest, byte[] uncompressed,
      @Nullable DigestMetadata metadata) {
    Signatures.Outcome o = Signatures.check(keys, digest, Signatures.sha256Hex(uncompressed),
        metadata);
    return new Check(o.status(), o.reason());
  }

  /**
   * The outcome of {@link #checkSignature}.
   *
   * <p>Immutable and thread-safe.
   *
   * @param status the status
   * @param reason why it is not {@code VALID}, or null
   */
  public record Check(DigestStatus status, @Nullable String reason) {
    /** Checks that the status is present. */
    public Check {
      Objects.requireNonNull(status, "status");
    }
  }

  /** Builds a {@link DigestVerifier}. Not thread-safe. */
  public static final class Builder {
    private PublicKeys keys = PublicKeys.empty();
    private long maxDigestBytes = DEFAULT_MAX_DIGEST_BYTES;

    private Builder() {}

    /** The public keys to verify signatures with (replaces earlier ones). */
    public Builder publicKeys(PublicKeys k) {
      this.keys = Objects.requireNonNull(k);
      return this;
    }

    /**
     * The largest decompressed digest file read; a larger one is {@link DigestStatus#MALFORMED}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxDigestBytes(long max) {
      if (max <= 0) {
        throw new IllegalArgumentException("maxDigestBytes must be positive");
      }
      this.maxDigestBytes = max;
      return this;
    }

    /** The verifier. */
    public DigestVerifier build() {
      return new DigestVerifier(this);
    }
  }
}
