package io.cloudir.model;

/**
 * Input that exceeds a configured limit (record size, nesting depth, string length, count). Thrown
 * instead of running out of memory or stack.
 *
 * <p>Immutable once thrown.
 */
public class LimitExceededException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  /** An exception with a location and a reason that names the limit. */
  public LimitExceededException(Location location, String reason) {
    super(location, reason);
  }
}
