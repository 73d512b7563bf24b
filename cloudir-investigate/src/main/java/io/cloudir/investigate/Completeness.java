package io.cloudir.investigate;

/**
 * Whether an {@link Attribution} reached the real origin of the credentials.
 *
 * <p>Immutable and thread-safe.
 */
public enum Completeness {
  /** Every link from the call back to the origin identity is in the data (or in the event). */
  COMPLETE,
  /**
   * A link is missing (typically the event that minted a temporary key is outside the data): the
   * origin is the furthest identity known and {@link Attribution#reason()} says what is missing.
   */
  PARTIAL
}
