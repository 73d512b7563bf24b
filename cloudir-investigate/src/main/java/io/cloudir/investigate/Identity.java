package io.cloudir.investigate;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An identity at the origin of credentials: an IAM user, root, a federated or Identity Center
 * user, an AWS service, an EC2 instance, or (for partial attributions) the furthest role known.
 *
 * <p>{@link #id()} is what the timeline prints as the principal: the ARN for IAM users, root and
 * roles; {@code identityProvider/userName} style names for federated users (the provider ARN, a
 * slash, the user); the service name ({@code ec2.amazonaws.com}) for services; the instance id
 * ({@code i-…}) for instances; the account id for {@code AWSAccount} callers.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of identity
 * @param id the printable identifier (see above); never empty
 * @param accountId the account the identity belongs to, when known
 */
public record Identity(IdentityKind kind, String id, @Nullable String accountId) {

  /** Checks the parts. */
  public Identity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("empty identity id");
    }
  }

  /** The unknown identity ({@code "unknown"}). */
  public static Identity unknown() {
    return new Identity(IdentityKind.UNKNOWN, "unknown", null);
  }

  /** {@code kind:id}. */
  @Override
  public String toString() {
    return kind + ":" + id;
  }
}
