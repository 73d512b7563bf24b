package io.cloudir.model.elb;

/**
 * Which load balancer wrote an access log line: each has its own layout of fields.
 *
 * <p>Immutable and thread-safe.
 */
public enum LoadBalancerKind {
  /** Application Load Balancer: lines start with the request type ({@code http}, {@code https}, {@code h2}, {@code grpcs}, {@code ws}, {@code wss}). */
  APPLICATION,
  /** Network Load Balancer (TLS listeners): lines start with {@code tls} and a log version. */
  NETWORK,
  /** Classic Load Balancer: lines start with the time. */
  CLASSIC
}
