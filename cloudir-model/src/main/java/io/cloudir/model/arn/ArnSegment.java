package io.cloudir.model.arn;

/**
 * The six colon-separated parts of an ARN, in order: {@code arn:partition:service:region:account:resource}.
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum ArnSegment {
  /** The literal {@code arn} that starts every ARN. */
  PREFIX,
  /** The partition, such as {@code aws} or {@code aws-cn}. */
  PARTITION,
  /** The service namespace, such as {@code s3} or {@code iam}. */
  SERVICE,
  /** The Region code, such as {@code us-east-1}, or empty. */
  REGION,
  /** The 12-digit account id, the literal {@code aws}, or empty. */
  ACCOUNT,
  /** The resource: everything after the fifth colon. */
  RESOURCE
}
