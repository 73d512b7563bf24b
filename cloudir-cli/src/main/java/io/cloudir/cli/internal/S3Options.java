package io.cloudir.cli.internal;

import io.cloudir.aws.S3LogQuery;
import io.cloudir.aws.S3Uri;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What to select under {@code s3://} paths: a UTC time range, accounts and regions (listed by
 * date prefixes of the AWS log layouts), plus the AWS options.
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
final class S3Options {
  @Mixin AwsOptions aws = new AwsOptions();

  @Option(names = "--since", paramLabel = "T",
      description = "s3:// paths: objects delivered from this time on (ISO-8601 UTC, inclusive).")
  @Nullable String since;

  @Option(names = "--until", paramLabel = "T",
      description = "s3:// paths: objects delivered before this time (ISO-8601 UTC, exclusive;"
          + " an hour of delivery delay is added).")
  @Nullable String until;

  @Option(names = "--accounts", paramLabel = "ID", split = ",",
      description = "s3:// paths: only these accounts (comma-separated).")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--regions", paramLabel = "REGION", split = ",",
      description = "s3:// paths: only these regions (comma-separated).")
  List<String> regions = new ArrayList<>();

  /**
   * The query for an {@code s3://} path.
   *
   * @throws IllegalArgumentException for a bad address, time, account or range
   */
  S3LogQuery query(String uri) {
    return S3LogQuery.builder(S3Uri.parse(uri)).since(time("--since", since))
        .until(time("--until", until)).accounts(accounts).regions(regions).build();
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
