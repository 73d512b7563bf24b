package io.cloudir.model.vpcflow;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sublocation-type} of a flow log record. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class SublocationType extends OpenEnum<SublocationType> {
  private static final OpenEnumRegistry<SublocationType> REGISTRY = new OpenEnumRegistry<>(SublocationType::new);

  /** {@code wavelength}: a Wavelength Zone. */
  public static final SublocationType WAVELENGTH = REGISTRY.known("wavelength");
  /** {@code outpost}: an Outpost. */
  public static final SublocationType OUTPOST = REGISTRY.known("outpost");
  /** {@code localzone}: a Local Zone. */
  public static final SublocationType LOCALZONE = REGISTRY.known("localzone");

  private SublocationType(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static SublocationType of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable SublocationType knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<SublocationType> knownValues() {
    return REGISTRY.values();
  }
}
