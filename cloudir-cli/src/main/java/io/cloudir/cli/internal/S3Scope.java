package io.cloudir.cli.internal;

import io.cloudir.aws.S3LogQuery;
import io.cloudir.aws.S3Uri;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which accounts and regions to list under {@code s3://} paths, plus the AWS options; the time
 * range comes from the command ({@link S3Options} for the s3 commands, {@code hunt}'s own
 * {@code --since}/{@code --until}). The listing itself (date prefixes of the AWS log layouts,
 * organization trails) is {@link io.cloudir.aws.S3LogSource#list}.
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
final class S3Scope {
  @Mixin AwsOptions aws = new AwsOptions();

  @Option(names = "--accounts", paramLabel = "ID", split = ",",
      description = "s3:// paths: only these accounts (comma-separated).")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--regions", paramLabel = "REGION", split = ",",
      description = "s3:// paths: only these regions (comma-separated).")
  List<String> regions = new ArrayList<>();

  /**
   * The query for an {@code s3://} path and a time range.
   *
   * @throws IllegalArgumentException for a bad address, account or range
   */
  S3LogQuery query(String uri, @Nullable Instant since, @Nullable Instant until) {
    return S3LogQuery.builder(S3Uri.parse(uri)).since(since).until(until).accounts(accounts)
        .regions(regions).build();
  }
}
