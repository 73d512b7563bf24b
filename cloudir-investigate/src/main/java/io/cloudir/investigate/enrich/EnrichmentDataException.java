package io.cloudir.investigate.enrich;

import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;

/**
 * An enrichment file (MaxMind DB, ASN ranges, {@code ip-ranges.json}, known accounts) that is not
 * well-formed. The {@link #location()} names the file and the byte offset, line or JSON path.
 * Limits (file size, nesting, values per record) are reported as {@link
 * io.cloudir.model.LimitExceededException} instead.
 *
 * <p>Immutable once thrown.
 */
public class EnrichmentDataException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  /** An exception with a location and a reason. */
  public EnrichmentDataException(Location location, String reason) {
    super(location, reason);
  }
}
