package io.cloudir.parsers.internal;

/** A malformed line: what is wrong and at which byte of the line. No stack trace. */
public final class LineRejection extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final int column;

  /**
   * A rejection.
   *
   * @param reason what is wrong, e.g. {@code expected 14 fields but found 15}
   * @param column 0-based byte index in the line where the problem is (0 if not specific)
   */
  public LineRejection(String reason, int column) {
    super(reason, null, false, false);
    this.reason = reason;
    this.column = column;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }

  /** 0-based byte index in the line. */
  public int column() {
    return column;
  }
}
