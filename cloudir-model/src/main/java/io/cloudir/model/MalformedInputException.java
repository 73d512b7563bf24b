package io.cloudir.model;

/**
 * Input that is not well-formed: not JSON, not UTF-8, a wrong field count, an invalid ARN or
 * policy. The {@link #location()} says where.
 *
 * <p>Immutable once thrown.
 */
public class MalformedInputException extends CloudirException {
  private static final long serialVersionUID = 1L;

  /** An exception with a location and a reason. */
  public MalformedInputException(Location location, String reason) {
    super(location, reason);
  }
}
