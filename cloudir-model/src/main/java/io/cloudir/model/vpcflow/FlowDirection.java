package io.cloudir.model.vpcflow;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code flow-direction} of a flow log record, relative to the interface. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class FlowDirection extends OpenEnum<FlowDirection> {
  private static final OpenEnumRegistry<FlowDirection> REGISTRY = new OpenEnumRegistry<>(FlowDirection::new);

  /** {@code ingress}: inbound. */
  public static final FlowDirection INGRESS = REGISTRY.known("ingress");
  /** {@code egress}: outbound. */
  public static final FlowDirection EGRESS = REGISTRY.known("egress");

  private FlowDirection(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static FlowDirection of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable FlowDirection knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<FlowDirection> knownValues() {
    return REGISTRY.values();
  }
}
