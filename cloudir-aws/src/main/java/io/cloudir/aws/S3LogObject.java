package io.cloudir.aws;

import io.cloudir.parsers.AwsLogKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One S3 object as listed: bucket, key, ETag, size and last modification time. The version id
 * and the user metadata are known once the object is read (see {@link FetchedObject}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param bucket the bucket
 * @param key the key
 * @param etag the ETag as listed (with its quotes removed), or null
 * @param size the size in bytes as listed
 * @param lastModified the last modification time, or null
 */
public record S3LogObject(
    String bucket, String key, @Nullable String etag, long size, @Nullable Instant lastModified)
    implements Comparable<S3LogObject> {

  /** Checks the parts. */
  public S3LogObject {
    Objects.requireNonNull(bucket);
    Objects.requireNonNull(key);
    if (size < 0) {
      throw new IllegalArgumentException("negative size");
    }
  }

  /** {@code s3://bucket/key}: the source name of the object's records and rejections. */
  public String uri() {
    return S3Uri.of(bucket, key);
  }

  /** The AWS log layout parts of the key, if it follows the layout. */
  public Optional<AwsLogKey> layout() {
    return AwsLogKey.parse(key);
  }

  /** Orders by bucket, then key. */
  @Override
  public int compareTo(S3LogObject o) {
    int c = bucket.compareTo(o.bucket);
    return c != 0 ? c : key.compareTo(o.key);
  }
}
