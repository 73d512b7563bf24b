package io.cloudir.model.arn;

import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;

/**
 * A string that is not a valid {@link ArnPattern}: a malformed policy variable
 * such as an unterminated <code>${aws:username</code>. The {@link #location()} offset is the 0-based
 * character index of the problem.
 *
 * <p>Immutable once thrown.
 */
public class ArnPatternException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  private final int position;

  /**
   * An exception for an invalid pattern.
   *
   * @param position the 0-based character index of the problem
   * @param reason what is wrong
   */
  public ArnPatternException(int position, String reason) {
    super(new Location(null, position, -1, null), reason);
    this.position = position;
  }

  /** The 0-based character index of the problem. */
  public int position() {
    return position;
  }
}
