package io.cloudir.iam.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot moved to another time by replaying IAM changes recorded in CloudTrail ({@link
 * Snapshot#at}).
 *
 * @param snapshot the state at {@code time}
 * @param time the time asked for
 * @param applied the events applied (or undone)
 * @param skipped events in the window that changed nothing modelled (failed calls, other services
 *     and other IAM events)
 * @param warnings what could not be reconstructed exactly (going backwards, CloudTrail records
 *     what a document became, not what it was)
 *     <p>Immutable and thread-safe.
 */
public record Replay(Snapshot snapshot, Instant time, int applied, int skipped, List<String> warnings) {
  /** Copies the list. */
  public Replay {
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(time, "time");
    warnings = List.copyOf(warnings);
  }
}
