package io.cloudir.cli.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --since T} and {@code --until T} of {@code timeline} and {@code entities}: the records
 * kept, and under {@code s3://} paths the day folders listed (with {@link S3Scope}).
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
final class TimeWindow {
  @Option(names = "--since", paramLabel = "T",
      description = "Only records from this time (ISO-8601 or a date, inclusive); under s3://"
          + " paths only the day folders from it are listed.")
  @Nullable String since;

  @Option(names = "--until", paramLabel = "T",
      description = "Only records before this time (ISO-8601 or a date, exclusive); under s3://"
          + " paths only the day folders before it (plus an hour of delivery delay) are listed.")
  @Nullable String until;

  /** The start, or null when not given (call {@link #error()} first). */
  @Nullable Instant from() {
    return since == null ? null : TimelineCommand.time(since);
  }

  /** The end, or null when not given (call {@link #error()} first). */
  @Nullable Instant to() {
    return until == null ? null : TimelineCommand.time(until);
  }

  /** The usage message when a bound is not a time, else null. */
  @Nullable String error() {
    if ((since != null && from() == null) || (until != null && to() == null)) {
      return "--since/--until take an ISO-8601 time such as 2026-03-14T09:00:00Z";
    }
    return null;
  }
}
