package io.cloudir.model.arn;

import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;
import java.util.Objects;

/**
 * A string that is not a valid ARN. The {@link #location()} has no source and no JSON path; its
 * {@code offset} is the 0-based <em>character</em> index (a UTF-16 {@code char} index into the
 * string, not a byte offset) of the first character that makes the input invalid, or the length of
 * the input when the input ends too early. {@link #segment()} says in which part of the ARN that
 * character is.
 *
 * <p>Immutable once thrown.
 */
public class ArnParseException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  private final ArnSegment segment;
  private final int position;

  /**
   * An exception for an invalid ARN.
   *
   * @param segment the segment in which the problem is
   * @param position the 0-based character index of the problem
   * @param reason what is wrong
   */
  public ArnParseException(ArnSegment segment, int position, String reason) {
    super(new Location(null, position, -1, null), segment.name().toLowerCase(java.util.Locale.ROOT) + ": " + reason);
    this.segment = Objects.requireNonNull(segment);
    this.position = position;
  }

  /** The segment in which the problem is. */
  public ArnSegment segment() {
    return segment;
  }

  /** The 0-based character index of the first offending character (or the input length). */
  public int position() {
    return position;
  }
}
