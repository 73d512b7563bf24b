package io.cloudir.model.vpcflow;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code log-status} of a flow log record. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class LogStatus extends OpenEnum<LogStatus> {
  private static final OpenEnumRegistry<LogStatus> REGISTRY = new OpenEnumRegistry<>(LogStatus::new);

  /** {@code OK}: data is logging normally. */
  public static final LogStatus OK = REGISTRY.known("OK");
  /** {@code NODATA}: no traffic during the window. */
  public static final LogStatus NODATA = REGISTRY.known("NODATA");
  /** {@code SKIPDATA}: some records were skipped during the window (capacity or internal error). */
  public static final LogStatus SKIPDATA = REGISTRY.known("SKIPDATA");

  private LogStatus(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static LogStatus of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable LogStatus knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<LogStatus> knownValues() {
    return REGISTRY.values();
  }
}
