package io.cloudir.model;

import java.util.Objects;

/**
 * Something odd about a well-formed record that was kept: a missing or malformed time, a value of
 * an unexpected type, an enum value cloudir does not know yet. Evidence is never thrown away for
 * such reasons; the record carries the warnings and readers count them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code a stable machine-readable code, such as {@code eventTime.missing}
 * @param detail a human-readable explanation
 */
public record RecordWarning(String code, String detail) {
  /** Checks the parts. */
  public RecordWarning {
    Objects.requireNonNull(code);
    Objects.requireNonNull(detail);
  }
}
