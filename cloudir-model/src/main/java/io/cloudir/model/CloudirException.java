package io.cloudir.model;

import java.util.Objects;

/**
 * The root of every exception cloudir throws on purpose. Each one carries a {@link Location} that
 * says where in the evidence (or in a policy or rule file) the problem is, and a reason that says
 * what it is.
 *
 * <p>Subclasses name the kind of problem ({@link MalformedInputException} for input that is not
 * well-formed, {@link LimitExceededException} for a {@code ReadLimits}-style limit, and the
 * modules' own kinds). The message is {@code "<location>: <reason>"}.
 *
 * <p>Instances are immutable once thrown.
 */
public class CloudirException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Location location;
  private final String reason;

  /** An exception with a location and a reason. */
  public CloudirException(Location location, String reason) {
    this(location, reason, null);
  }

  /** An exception with a location, a reason and the exception that caused it. */
  public CloudirException(Location location, String reason, @org.jspecify.annotations.Nullable Throwable cause) {
    super(Objects.requireNonNull(location) + ": " + Objects.requireNonNull(reason), cause);
    this.location = location;
    this.reason = reason;
  }

  /** Where the problem is. */
  public Location location() {
    return location;
  }

  /** What the problem is, without the location. */
  public String reason() {
    return reason;
  }
}
