package io.cloudir.model.internal.json;

/**
 * A JSON syntax or limit error at a byte offset of the buffer being scanned. Carries no stack trace
 * (it is thrown on bad input, which may be frequent); callers turn it into a {@code
 * MalformedInputException} or a rejection with the source's location.
 */
public final class JsonSyntaxError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final boolean limit;
  private final String reason;

  /** An error at {@code offset} (an index into the scanned buffer). */
  public JsonSyntaxError(int offset, String reason) {
    this(offset, reason, false);
  }

  /** An error at {@code offset}; {@code limit} says it is a limit, not a syntax error. */
  public JsonSyntaxError(int offset, String reason, boolean limit) {
    super(reason, null, false, false);
    this.offset = offset;
    this.limit = limit;
    this.reason = reason;
  }

  /** Index into the scanned buffer where the problem was found. */
  public int offset() {
    return offset;
  }

  private boolean wellFormed;

  /**
   * An error about content that is still well-formed JSON (a duplicate key): a reader may skip the
   * whole value and go on after it.
   */
  public static JsonSyntaxError wellFormed(int offset, String reason) {
    JsonSyntaxError e = new JsonSyntaxError(offset, reason, false);
    e.wellFormed = true;
    return e;
  }

  /** Whether the JSON is still well-formed (the value can be skipped as a whole). */
  public boolean isWellFormed() {
    return wellFormed;
  }

  /** What is wrong. */
  public String reason() {
    return reason;
  }

  /** Whether a limit was exceeded (as opposed to a syntax error). */
  public boolean isLimit() {
    return limit;
  }
}
