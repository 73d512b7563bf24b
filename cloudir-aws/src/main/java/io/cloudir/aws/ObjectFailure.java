package io.cloudir.aws;

import java.util.Objects;

/**
 * An S3 object that could not be read whole: it disappeared, changed while being read, access
 * was denied, or the retries ran out. Never dropped silently: every failure is in the summary of
 * the read or download, and the bytes read before the failure (if any) were still parsed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param object the object as listed
 * @param reason what went wrong (names the key)
 * @param attempts how many requests were made
 * @param bytesRead how many bytes were read before giving up
 */
public record ObjectFailure(S3LogObject object, String reason, int attempts, long bytesRead) {
  /** Checks the parts. */
  public ObjectFailure {
    Objects.requireNonNull(object);
    Objects.requireNonNull(reason);
  }

  /** One JSON object: {@code {"source","reason","attempts","bytesRead"}}. */
  public String toJson() {
    return "{\"source\":" + io.cloudir.aws.internal.Json.quote(object.uri())
        + ",\"reason\":" + io.cloudir.aws.internal.Json.quote(reason)
        + ",\"attempts\":" + attempts + ",\"bytesRead\":" + bytesRead + "}";
  }

  @Override
  public String toString() {
    return object.uri() + ": " + reason + " (" + attempts + " attempts, " + bytesRead + " bytes read)";
  }
}
