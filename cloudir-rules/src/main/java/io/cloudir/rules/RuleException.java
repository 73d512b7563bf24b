package io.cloudir.rules;

import io.cloudir.model.CloudirException;
import io.cloudir.model.Location;
import org.jspecify.annotations.Nullable;

/**
 * A rule that cannot be loaded or compiled: a YAML syntax error, an unknown field path, a bad
 * modifier, an unsafe construct. The {@link #location()} names the rule file and line (and,
 * where it helps, the YAML path in {@link Location#jsonPath()}); rules built in Java carry the
 * rule id as their source.
 *
 * <p>Immutable and thread-safe.
 */
public class RuleException extends CloudirException {
  private static final long serialVersionUID = 1L;

  /** An error at a location. */
  public RuleException(Location location, String reason) {
    super(location, reason);
  }

  /** An error at a location, caused by another exception. */
  public RuleException(Location location, String reason, @Nullable Throwable cause) {
    super(location, reason, cause);
  }
}
