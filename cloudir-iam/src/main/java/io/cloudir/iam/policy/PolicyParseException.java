package io.cloudir.iam.policy;

import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;

/**
 * A policy document that is not valid: not JSON, a duplicate key, an unknown element, a wrong type,
 * an invalid condition operator or value. {@link #location()} carries the JSON path of the offending
 * element ({@code $.Statement[1].Condition.StringEquals}).
 *
 * <p>Immutable once thrown.
 */
public class PolicyParseException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception at a JSON path.
   *
   * @param location where (its {@code jsonPath} names the element)
   * @param reason what is wrong
   */
  public PolicyParseException(Location location, String reason) {
    super(location, reason);
  }
}
