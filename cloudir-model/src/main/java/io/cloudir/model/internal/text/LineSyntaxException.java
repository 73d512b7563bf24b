package io.cloudir.model.internal.text;

import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;

/**
 * A text log line that is not well-formed, with the 0-based byte column of the problem in the line.
 * Carries no stack trace (it is an expected outcome on bad input, reported as a rejection).
 *
 * <p>Immutable once thrown.
 */
public final class LineSyntaxException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  private final int column;

  /**
   * An exception.
   *
   * @param location where the line is (its offset is that of the problem)
   * @param reason what is wrong
   * @param column 0-based byte index in the line
   */
  public LineSyntaxException(Location location, String reason, int column) {
    super(location, reason);
    this.column = column;
  }

  /** The 0-based byte index in the line where the problem is. */
  public int column() {
    return column;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
