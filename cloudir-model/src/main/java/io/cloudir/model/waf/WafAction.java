package io.cloudir.model.waf;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The terminating {@code action} of a WAF log record (also used in rule lists). An open
 * enumeration: values AWS adds later are kept ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class WafAction extends OpenEnum<WafAction> {
  private static final OpenEnumRegistry<WafAction> REGISTRY = new OpenEnumRegistry<>(WafAction::new);

  /** {@code ALLOW}. */
  public static final WafAction ALLOW = REGISTRY.known("ALLOW");
  /** {@code BLOCK}. */
  public static final WafAction BLOCK = REGISTRY.known("BLOCK");
  /** {@code COUNT} (non-terminating rule actions). */
  public static final WafAction COUNT = REGISTRY.known("COUNT");
  /** {@code CAPTCHA}. */
  public static final WafAction CAPTCHA = REGISTRY.known("CAPTCHA");
  /** {@code CHALLENGE}. */
  public static final WafAction CHALLENGE = REGISTRY.known("CHALLENGE");

  private WafAction(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static WafAction of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable WafAction knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<WafAction> knownValues() {
    return REGISTRY.values();
  }
}
