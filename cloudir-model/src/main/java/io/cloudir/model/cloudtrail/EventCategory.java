package io.cloudir.model.cloudtrail;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code eventCategory} of a CloudTrail event. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class EventCategory extends OpenEnum<EventCategory> {
  private static final OpenEnumRegistry<EventCategory> REGISTRY = new OpenEnumRegistry<>(EventCategory::new);

  /** {@code Management}. */
  public static final EventCategory MANAGEMENT = REGISTRY.known("Management");
  /** {@code Data}. */
  public static final EventCategory DATA = REGISTRY.known("Data");
  /** {@code NetworkActivity}. */
  public static final EventCategory NETWORK_ACTIVITY = REGISTRY.known("NetworkActivity");
  /** {@code Insight}. */
  public static final EventCategory INSIGHT = REGISTRY.known("Insight");

  private EventCategory(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static EventCategory of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable EventCategory knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<EventCategory> knownValues() {
    return REGISTRY.values();
  }
}
