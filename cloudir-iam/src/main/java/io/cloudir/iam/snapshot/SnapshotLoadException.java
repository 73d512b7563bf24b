package io.cloudir.iam.snapshot;

import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;

/**
 * A snapshot file that cannot be loaded: not JSON, not one of the accepted formats, a wrong type, a
 * missing or duplicate element, an invalid ARN or an invalid policy document. The {@linkplain
 * #location() location} names the file ({@code source}) and the JSON path ({@code
 * $.RoleDetailList[3].AssumeRolePolicyDocument.Statement[0].Principal}).
 *
 * <p>Immutable and thread-safe.
 */
public class SnapshotLoadException extends MalformedInputException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception.
   *
   * @param location file and JSON path
   * @param reason what is wrong
   */
  public SnapshotLoadException(Location location, String reason) {
    super(location, reason);
  }
}
