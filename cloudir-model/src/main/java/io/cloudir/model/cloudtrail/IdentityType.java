package io.cloudir.model.cloudtrail;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.OpenEnumRegistry;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code userIdentity.type} of a CloudTrail event. An open enumeration: values AWS adds later are kept
 * ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe.
 */
public final class IdentityType extends OpenEnum<IdentityType> {
  private static final OpenEnumRegistry<IdentityType> REGISTRY = new OpenEnumRegistry<>(IdentityType::new);

  /** {@code Root}. */
  public static final IdentityType ROOT = REGISTRY.known("Root");
  /** {@code IAMUser}. */
  public static final IdentityType IAM_USER = REGISTRY.known("IAMUser");
  /** {@code AssumedRole}. */
  public static final IdentityType ASSUMED_ROLE = REGISTRY.known("AssumedRole");
  /** {@code Role}. */
  public static final IdentityType ROLE = REGISTRY.known("Role");
  /** {@code FederatedUser}. */
  public static final IdentityType FEDERATED_USER = REGISTRY.known("FederatedUser");
  /** {@code Directory}. */
  public static final IdentityType DIRECTORY = REGISTRY.known("Directory");
  /** {@code AWSAccount}. */
  public static final IdentityType AWS_ACCOUNT = REGISTRY.known("AWSAccount");
  /** {@code AWSService}. */
  public static final IdentityType AWS_SERVICE = REGISTRY.known("AWSService");
  /** {@code IdentityCenterUser}. */
  public static final IdentityType IDENTITY_CENTER_USER = REGISTRY.known("IdentityCenterUser");
  /** {@code SAMLUser}. */
  public static final IdentityType SAML_USER = REGISTRY.known("SAMLUser");
  /** {@code WebIdentityUser}. */
  public static final IdentityType WEB_IDENTITY_USER = REGISTRY.known("WebIdentityUser");
  /** {@code Unknown}. */
  public static final IdentityType UNKNOWN = REGISTRY.known("Unknown");

  private IdentityType(String value, boolean known) {
    super(value, known);
  }

  /** The constant with this text, or a new unknown value. */
  public static IdentityType of(String value) {
    return REGISTRY.of(value);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null. No allocation. */
  static @Nullable IdentityType knownOrNull(byte[] b, int s, int e) {
    return REGISTRY.knownOrNull(b, s, e);
  }

  /** The known constants. */
  public static List<IdentityType> knownValues() {
    return REGISTRY.values();
  }
}
