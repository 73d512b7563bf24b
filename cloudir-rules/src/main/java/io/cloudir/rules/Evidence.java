package io.cloudir.rules;

import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record that contributed to a {@link Finding}: its type, its event id (CloudTrail {@code
 * eventID}, Route 53 / WAF request ids where the format has one), its time and where it was read.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the record type
 * @param eventId the record's own id, or null when the format has none
 * @param time the record's time, or null when it has none
 * @param provenance where it was read
 */
public record Evidence(
    SourceType source, @Nullable String eventId, @Nullable Instant time, Provenance provenance) {
  /** Checks the parts. */
  public Evidence {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(provenance, "provenance");
  }
}
