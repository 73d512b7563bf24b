package io.cloudir.model.cloudtrail;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code eventType} of a CloudTrail event. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class EventType extends OpenEnum<EventType> {
  private static final OpenEnumRegistry<EventType> REGISTRY = new OpenEnumRegistry<>(EventType::new);

  /** {@code AwsApiCall}. */
  public static final EventType AWS_API_CALL = REGISTRY.known("AwsApiCall");
  /** {@code AwsServiceEvent}. */
  public static final EventType AWS_SERVICE_EVENT = REGISTRY.known("AwsServiceEvent");
  /** {@code AwsConsoleAction}. */
  public static final EventType AWS_CONSOLE_ACTION = REGISTRY.known("AwsConsoleAction");
  /** {@code AwsConsoleSignIn}. */
  public static final EventType AWS_CONSOLE_SIGN_IN = REGISTRY.known("AwsConsoleSignIn");
  /** {@code AwsVpceEvent}. */
  public static final EventType AWS_VPCE_EVENT = REGISTRY.known("AwsVpceEvent");
  /** {@code AwsCloudTrailInsight}. */
  public static final EventType AWS_CLOUD_TRAIL_INSIGHT = REGISTRY.known("AwsCloudTrailInsight");

  private EventType(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static EventType of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable EventType knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<EventType> knownValues() {
    return REGISTRY.values();
  }
}
