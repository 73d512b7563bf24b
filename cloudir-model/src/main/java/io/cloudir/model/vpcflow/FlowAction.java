package io.cloudir.model.vpcflow;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code action} of a flow log record: whether security groups and network ACLs accepted the traffic. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class FlowAction extends OpenEnum<FlowAction> {
  private static final OpenEnumRegistry<FlowAction> REGISTRY = new OpenEnumRegistry<>(FlowAction::new);

  /** {@code ACCEPT}: accepted. */
  public static final FlowAction ACCEPT = REGISTRY.known("ACCEPT");
  /** {@code REJECT}: rejected. */
  public static final FlowAction REJECT = REGISTRY.known("REJECT");

  private FlowAction(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static FlowAction of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable FlowAction knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<FlowAction> knownValues() {
    return REGISTRY.values();
  }
}
