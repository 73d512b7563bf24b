package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import org.jspecify.annotations.Nullable;

/**
 * Turns lines of a text log format into records. One instance per source (a parser may learn
 * from the source, e.g. the field order of a VPC flow log header line).
 *
 * <p>Not thread-safe.
 */
public interface LineParser {
  /**
   * Parses one line {@code [s, e)} of {@code buf} (without its line terminator; never blank).
   *
   * @param provenance where the line is (source, byte offset of its first byte, line number)
   * @return the record, or null when the line is not a record but not an error either (a header,
   *     a comment, a control line); such lines count as skipped
   * @throws LineRejection when the line is malformed (wrong field count, bad number…)
   */
  @Nullable LogRecord parse(byte[] buf, int s, int e, Provenance provenance) throws LineRejection;

  /** Whether the record returned last carries warnings (default: asks the record). */
  default boolean hasWarnings(LogRecord r) {
    return !r.warnings().isEmpty();
  }
}
