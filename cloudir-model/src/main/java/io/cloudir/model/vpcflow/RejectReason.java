package io.cloudir.model.vpcflow;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code reject-reason} of a flow log record. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class RejectReason extends OpenEnum<RejectReason> {
  private static final OpenEnumRegistry<RejectReason> REGISTRY = new OpenEnumRegistry<>(RejectReason::new);

  /** {@code BPA}: blocked by VPC Block Public Access. */
  public static final RejectReason BPA = REGISTRY.known("BPA");

  private RejectReason(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static RejectReason of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable RejectReason knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<RejectReason> knownValues() {
    return REGISTRY.values();
  }
}
