package io.cloudir.aws;

import io.cloudir.model.CloudirException;
import io.cloudir.model.Location;
import org.jspecify.annotations.Nullable;

/**
 * A failure to read evidence from AWS that the caller must see: access denied, a bucket that
 * does not exist, a malformed service response, retries exhausted on a call a whole operation
 * depends on. The {@link #location()} names the API call or the S3 object ({@code
 * s3://bucket/key}); failures of single S3 objects during a bulk read are reported as {@link
 * ObjectFailure}s instead and the read goes on.
 *
 * <p>Immutable once thrown.
 */
public class AwsSourceException extends CloudirException {
  private static final long serialVersionUID = 1L;

  /** An exception about a source (an API call such as {@code cloudtrail:LookupEvents} or an S3 URI). */
  public AwsSourceException(String source, String reason, @Nullable Throwable cause) {
    super(new Location(source, -1, -1, null), reason, cause);
  }

  /** An exception at a JSON path of a service response. */
  public AwsSourceException(Location location, String reason) {
    super(location, reason);
  }
}
