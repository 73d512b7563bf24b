package io.cloudir.model.vpcflow;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code resource-type} of a Transit Gateway flow log record. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class FlowResourceType extends OpenEnum<FlowResourceType> {
  private static final OpenEnumRegistry<FlowResourceType> REGISTRY = new OpenEnumRegistry<>(FlowResourceType::new);

  /** {@code TransitGateway}: a transit gateway. */
  public static final FlowResourceType TRANSIT_GATEWAY = REGISTRY.known("TransitGateway");

  private FlowResourceType(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static FlowResourceType of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable FlowResourceType knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<FlowResourceType> knownValues() {
    return REGISTRY.values();
  }
}
