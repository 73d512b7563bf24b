package io.cloudir.parsers.digest;

import io.cloudir.model.MalformedInputException;
import io.cloudir.parsers.internal.digest.DigestParser;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A CloudTrail digest file: the log files delivered during one period (usually an hour) with
 * their hashes, and the link to the previous digest file of the same trail and region.
 *
 * <p>Times are kept as written, because the signature covers {@code digestEndTime} exactly as it
 * appears in the file; {@link #startTime()} and {@link #endTime()} give them as instants. An hour
 * without log files has an empty {@link #logFiles()} list. The first digest of a chain (log file
 * validation just turned on, or turned on again) has no previous digest: every {@code
 * previousDigest…} part is {@code null}. A backfill digest (delivered later for log files that
 * missed their hour) has an object key ending in {@code _backfill.json.gz}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param awsAccountId the account the log files belong to
 * @param digestStartTime the start of the period covered, as written
 * @param digestEndTime the end of the period covered, as written (part of the string to sign)
 * @param digestS3Bucket the bucket the digest was delivered to
 * @param digestS3Object the object key of the digest
 * @param digestPublicKeyFingerprint the fingerprint of the public key that verifies the signature
 * @param digestSignatureAlgorithm the signature algorithm ({@code SHA256withRSA})
 * @param newestEventTime the newest event time of the period, as written, or null
 * @param oldestEventTime the oldest event time of the period, as written, or null
 * @param previousDigestS3Bucket the previous digest's bucket, or null at the start of a chain
 * @param previousDigestS3Object the previous digest's object key, or null at the start of a chain
 * @param previousDigestHashValue the hex hash of the previous digest's decompressed content, or
 *     null at the start of a chain
 * @param previousDigestHashAlgorithm the algorithm of that hash ({@code SHA-256}), or null
 * @param previousDigestSignature the hex signature of the previous digest, or null at the start
 *     of a chain
 * @param logFiles the log files of the period, in file order (empty for an hour without any)
 */
public record DigestFile(String awsAccountId, String digestStartTime, String digestEndTime,
    String digestS3Bucket, String digestS3Object, String digestPublicKeyFingerprint,
    String digestSignatureAlgorithm, @Nullable String newestEventTime,
    @Nullable String oldestEventTime, @Nullable String previousDigestS3Bucket,
    @Nullable String previousDigestS3Object, @Nullable String previousDigestHashValue,
    @Nullable String previousDigestHashAlgorithm, @Nullable String previousDigestSignature,
    List<DigestLogFile> logFiles) {

  /**
   * Checks the required parts and that the two period times are ISO-8601 times.
   *
   * @throws io.cloudir.model.MalformedInputException if a period time is not an ISO-8601 time
   */
  public DigestFile {
    Objects.requireNonNull(awsAccountId, "awsAccountId");
    Objects.requireNonNull(digestS3Bucket, "digestS3Bucket");
    Objects.requireNonNull(digestS3Object, "digestS3Object");
    Objects.requireNonNull(digestPublicKeyFingerprint, "digestPublicKeyFingerprint");
    Objects.requireNonNull(digestSignatureAlgorithm, "digestSignatureAlgorithm");
    DigestParser.time(Objects.requireNonNull(digestStartTime, "digestStartTime"), null,
        "$.digestStartTime");
    DigestParser.time(Objects.requireNonNull(digestEndTime, "digestEndTime"), null,
        "$.digestEndTime");
    logFiles = List.copyOf(logFiles);
  }

  /**
   * Parses the decompressed JSON of a digest file. Members this model does not know are ignored;
   * the {@code previousDigest…} and event time members may be absent or {@code null}.
   *
   * @param json the UTF-8 JSON text
   * @param source a name for error locations (a path or {@code s3://bucket/key}), or null
   * @throws MalformedInputException (or {@link io.cloudir.model.LimitExceededException}) naming
   *     the JSON path of what is wrong
   */
  public static DigestFile parse(byte[] json, @Nullable String source) {
    return DigestParser.parse(json, source);
  }

  /** The start of the period covered. */
  public Instant startTime() {
    return DigestParser.time(digestStartTime, null, "$.digestStartTime");
  }

  /** The end of the period covered. */
  public Instant endTime() {
    return DigestParser.time(digestEndTime, null, "$.digestEndTime");
  }

  /** Whether this digest starts a chain (it has no previous digest signature). */
  public boolean isChainStart() {
    return previousDigestSignature == null;
  }

  /** Whether this is a backfill digest (its object key ends in {@code _backfill.json.gz}). */
  public boolean isBackfill() {
    return DigestParser.isBackfillKey(digestS3Object);
  }
}
