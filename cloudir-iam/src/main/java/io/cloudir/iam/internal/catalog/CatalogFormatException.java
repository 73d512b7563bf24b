package io.cloudir.iam.internal.catalog;

import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;

/**
 * A bundled catalog resource (the action catalog or the event table) that is not well-formed. The
 * location names the resource and the line.
 *
 * <p>Immutable once thrown.
 */
public final class CatalogFormatException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  /** An exception at a line of a resource. */
  public CatalogFormatException(String resource, long offset, long line, String reason) {
    super(new Location(resource, offset, line, null), reason);
  }
}
