package io.cloudir.cli.internal;

import io.cloudir.aws.S3LogQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What to select under {@code s3://} paths: a UTC time range, and the accounts, regions and AWS
 * options of {@link S3Scope} (listed by date prefixes of the AWS log layouts).
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
final class S3Options {
  @Mixin S3Scope scope = new S3Scope();

  @Option(names = "--since", paramLabel = "T",
      description = "s3:// paths: objects delivered from this time on (ISO-8601 UTC, inclusive).")
  @Nullable String since;

  @Option(names = "--until", paramLabel = "T",
      description = "s3:// paths: objects delivered before this time (ISO-8601 UTC, exclusive;"
          + " an hour of delivery delay is added).")
  @Nullable String until;

  /** The AWS options. */
  AwsOptions aws() {
    return scope.aws;
  }

  /**
   * The query for an {@code s3://} path.
   *
   * @throws IllegalArgumentException for a bad address, time, account or range
   */
  S3LogQuery query(String uri) {
    return scope.query(uri, time("--since", since), time("--until", until));
  }

  private static @Nullable Instant time(String option, @Nullable String t) {
    if (t == null) {
      return null;
    }
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " takes an ISO-8601 time such as"
          + " 2026-03-14T09:00:00Z, not '" + t + "'");
    }
  }
}
