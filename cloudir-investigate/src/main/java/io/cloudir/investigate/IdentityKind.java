package io.cloudir.investigate;

/**
 * What kind of identity stands at the origin of a chain of credentials.
 *
 * <p>Immutable and thread-safe.
 */
public enum IdentityKind {
  /** An IAM user (long-term keys, console password, or session tokens of that user). */
  IAM_USER,
  /** The root user of an account. */
  ROOT,
  /** A user federated through SAML 2.0 (not Identity Center). */
  SAML_USER,
  /** A user federated through OpenID Connect / web identity (Cognito, GitHub Actions, EKS…). */
  WEB_IDENTITY_USER,
  /** An IAM Identity Center (SSO) user. */
  IDENTITY_CENTER_USER,
  /** An AWS service acting on its own (service-linked roles, service principals). */
  AWS_SERVICE,
  /** An EC2 instance, through the role of its instance profile. */
  EC2_INSTANCE,
  /** Another AWS account (cross-account calls logged as {@code AWSAccount}). */
  AWS_ACCOUNT,
  /**
   * An IAM role whose session's origin is not in the data: only for {@link Completeness#PARTIAL}
   * attributions, naming the furthest role known.
   */
  ROLE,
  /** Nothing identifies the caller (anonymous or unknown identity types). */
  UNKNOWN
}
