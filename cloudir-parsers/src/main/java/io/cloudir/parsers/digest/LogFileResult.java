package io.cloudir.parsers.digest;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The verification of one log file against the digest that lists it (a log file listed by two
 * digests has two results; an unlisted one has no digest).
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the local file, or null for a {@link LogFileStatus#MISSING} one
 * @param s3Object the object key (from {@code AWSLogs/} on)
 * @param status what the check found
 * @param digest the object key of the digest that lists it, or null for an unlisted file
 * @param reason why the status is not {@code VALID}, or null
 */
public record LogFileResult(@Nullable String path, String s3Object, LogFileStatus status,
    @Nullable String digest, @Nullable String reason) {

  /** Checks the required parts. */
  public LogFileResult {
    Objects.requireNonNull(s3Object, "s3Object");
    Objects.requireNonNull(status, "status");
  }
}
