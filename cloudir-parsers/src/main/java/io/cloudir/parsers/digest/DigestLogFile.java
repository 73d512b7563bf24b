package io.cloudir.parsers.digest;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a digest file's {@code logFiles} array: a log file CloudTrail delivered during the
 * digest's hour and the hash of its decompressed content.
 *
 * <p>Immutable and thread-safe.
 *
 * @param s3Bucket the bucket the log file was delivered to
 * @param s3Object the object key of the log file
 * @param hashValue the hex-encoded hash of the decompressed log file
 * @param hashAlgorithm the hash algorithm ({@code SHA-256})
 * @param newestEventTime the newest event time in the file, as written (may be malformed), or null
 * @param oldestEventTime the oldest event time in the file, as written (may be malformed), or null
 */
public record DigestLogFile(String s3Bucket, String s3Object, String hashValue,
    String hashAlgorithm, @Nullable String newestEventTime, @Nullable String oldestEventTime) {

  /** Checks that the required parts are present. */
  public DigestLogFile {
    Objects.requireNonNull(s3Bucket, "s3Bucket");
    Objects.requireNonNull(s3Object, "s3Object");
    Objects.requireNonNull(hashValue, "hashValue");
    Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
  }
}
