package io.cloudir.aws.internal;

import java.io.EOFException;

/**
 * An S3 object that could not be read to its end. An {@link EOFException} so that the parsers
 * treat it as a broken stream: the records before it are kept and one rejection names it.
 */
public final class ObjectBrokenException extends EOFException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  ObjectBrokenException(String uri, String reason) {
    super(uri + ": " + reason);
    this.reason = reason;
  }

  /** The reason without the object's address. */
  public String reason() {
    return reason;
  }
}
