package io.cloudir.model.vpcflow;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code type} of traffic of a flow log record. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class TrafficType extends OpenEnum<TrafficType> {
  private static final OpenEnumRegistry<TrafficType> REGISTRY = new OpenEnumRegistry<>(TrafficType::new);

  /** {@code IPv4}: IPv4. */
  public static final TrafficType IPV4 = REGISTRY.known("IPv4");
  /** {@code IPv6}: IPv6. */
  public static final TrafficType IPV6 = REGISTRY.known("IPv6");
  /** {@code EFA}: Elastic Fabric Adapter. */
  public static final TrafficType EFA = REGISTRY.known("EFA");

  private TrafficType(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static TrafficType of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable TrafficType knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<TrafficType> knownValues() {
    return REGISTRY.values();
  }
}
