package io.cloudir.aws;

import io.cloudir.parsers.LogSource;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One S3 object as read: its provenance (bucket, key, version id, ETag), its user metadata (for
 * a CloudTrail digest file, {@code signature} and {@code signature-algorithm}), and its content
 * as a {@link LogSource} named {@code s3://bucket/key} for {@code cloudir-parsers}.
 *
 * <p>The records a {@code LogReader} reads from {@link #source()} carry {@code s3://bucket/key}
 * as their provenance source; the version id and ETag are here, beside them.
 *
 * <p>Immutable and thread-safe. The source may hold the object's bytes (not copied): do not keep
 * fetched objects longer than needed.
 *
 * @param object the object as listed
 * @param versionId the version read (null when the bucket is not versioned or it failed first)
 * @param etag the ETag read (without quotes), or the listed one
 * @param metadata the user metadata (keys without {@code x-amz-meta-}, lower case)
 * @param source the content, or null when nothing could be read
 * @param failure why the object could not be read whole, or null when it was
 */
public record FetchedObject(
    S3LogObject object,
    @Nullable String versionId,
    @Nullable String etag,
    Map<String, String> metadata,
    @Nullable LogSource source,
    @Nullable ObjectFailure failure) {

  /** Copies the metadata. */
  public FetchedObject {
    Objects.requireNonNull(object);
    metadata = Map.copyOf(metadata);
  }

  /** Whether the whole object was read. */
  public boolean complete() {
    return failure == null;
  }
}
