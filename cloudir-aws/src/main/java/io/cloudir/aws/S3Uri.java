package io.cloudir.aws;

import java.util.Objects;

/**
 * An {@code s3://bucket[/prefix]} address.
 *
 * <p>Immutable and thread-safe.
 *
 * @param bucket the bucket name
 * @param prefix the key prefix, possibly empty (no leading {@code /})
 */
public record S3Uri(String bucket, String prefix) {
  /** Checks the parts. */
  public S3Uri {
    Objects.requireNonNull(bucket);
    Objects.requireNonNull(prefix);
    if (bucket.isEmpty() || bucket.indexOf('/') >= 0) {
      throw new IllegalArgumentException("invalid bucket name: '" + bucket + "'");
    }
  }

  /** Whether a string is an {@code s3://} address. */
  public static boolean isS3(String s) {
    return s.startsWith("s3://");
  }

  /**
   * Parses {@code s3://bucket/prefix}.
   *
   * @throws IllegalArgumentException if it is not an {@code s3://} address with a bucket
   */
  public static S3Uri parse(String s) {
    if (!isS3(s)) {
      throw new IllegalArgumentException("not an s3:// address: " + s);
    }
    String rest = s.substring("s3://".length());
    int slash = rest.indexOf('/');
    if (slash < 0) {
      return new S3Uri(rest, "");
    }
    return new S3Uri(rest.substring(0, slash), rest.substring(slash + 1));
  }

  /** The address of a key of this bucket. */
  public static String of(String bucket, String key) {
    return "s3://" + bucket + "/" + key;
  }

  @Override
  public String toString() {
    return of(bucket, prefix);
  }
}
