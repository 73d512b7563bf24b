package io.cloudir.parsers.digest;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The verification of one digest file: its own status (signature, key, metadata) and its link in
 * the chain of its trail and region.
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the local file, or null for a {@link DigestStatus#MISSING} digest
 * @param s3Object the object key (from {@code AWSLogs/} on)
 * @param trail the trail and region, as {@code [o-org/]account/region/trail-name}
 * @param startTime the start of the period covered, or null when not known
 * @param endTime the end of the period covered, or null when not known
 * @param status what the signature check found
 * @param reason why the status is not {@code VALID}, or a note on how it was verified (a digest
 *     whose metadata file is absent is verified with the signature the next, valid digest
 *     records), or null
 * @param chain how the digest links to the previous one
 * @param chainReason details of a broken link, a restart or an open start, or null
 * @param gapFrom for a broken link or a restart: the end of the earlier digest present
 * @param gapTo for a broken link or a restart: the start of this digest
 * @param logFiles the number of log files the digest lists
 * @param backfill whether this is a backfill digest
 * @param fingerprint the public key fingerprint the digest names, or null when not known
 */
public record DigestResult(@Nullable String path, String s3Object, String trail,
    @Nullable Instant startTime, @Nullable Instant endTime, DigestStatus status,
    @Nullable String reason, ChainStatus chain, @Nullable String chainReason,
    @Nullable Instant gapFrom, @Nullable Instant gapTo, int logFiles, boolean backfill,
    @Nullable String fingerprint) {

  /** Checks the required parts. */
  public DigestResult {
    Objects.requireNonNull(s3Object, "s3Object");
    Objects.requireNonNull(trail, "trail");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(chain, "chain");
  }

  /**
   * Whether nothing is wrong with this digest or its link: the digest is valid, and its link is
   * not broken nor left unchecked (only backfill digests are outside the chain).
   */
  public boolean ok() {
    return status == DigestStatus.VALID && chain != ChainStatus.BROKEN
        && (chain != ChainStatus.NOT_CHECKED || backfill);
  }
}
