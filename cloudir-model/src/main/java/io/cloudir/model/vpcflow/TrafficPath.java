package io.cloudir.model.vpcflow;

import org.jspecify.annotations.Nullable;

/**
 * The {@code traffic-path} code of a flow log record: the path egress traffic took to its
 * destination. Codes 1 to 8 are known (with AWS's descriptions); any other non-negative code AWS
 * adds later is kept ({@link #isKnown()} is then false).
 *
 * <p>Immutable and thread-safe; value semantics; values for codes 0 to 255 are shared instances.
 */
public final class TrafficPath {
  private static final @Nullable String[] DESCRIPTIONS = {
    null,
    "through another resource in the same VPC",
    "through an internet gateway or a gateway VPC endpoint",
    "through a virtual private gateway",
    "through an intra-region VPC peering connection",
    "through an inter-region VPC peering connection",
    "through a local gateway",
    "through a gateway VPC endpoint (Nitro-based instances only)",
    "through an internet gateway (Nitro-based instances only)",
  };
  private static final TrafficPath[] CACHE = new TrafficPath[256];

  static {
    for (int i = 0; i < CACHE.length; i++) {
      CACHE[i] = new TrafficPath(i);
    }
  }

  /** 1: through another resource in the same VPC. */
  public static final TrafficPath SAME_VPC = CACHE[1];
  /** 2: through an internet gateway or a gateway VPC endpoint. */
  public static final TrafficPath INTERNET_GATEWAY_OR_GATEWAY_ENDPOINT = CACHE[2];
  /** 3: through a virtual private gateway. */
  public static final TrafficPath VIRTUAL_PRIVATE_GATEWAY = CACHE[3];
  /** 4: through an intra-region VPC peering connection. */
  public static final TrafficPath INTRA_REGION_PEERING = CACHE[4];
  /** 5: through an inter-region VPC peering connection. */
  public static final TrafficPath INTER_REGION_PEERING = CACHE[5];
  /** 6: through a local gateway. */
  public static final TrafficPath LOCAL_GATEWAY = CACHE[6];
  /** 7: through a gateway VPC endpoint (Nitro-based instances only). */
  public static final TrafficPath GATEWAY_ENDPOINT = CACHE[7];
  /** 8: through an internet gateway (Nitro-based instances only). */
  public static final TrafficPath INTERNET_GATEWAY = CACHE[8];

  private final long code;

  private TrafficPath(long code) {
    this.code = code;
  }

  /**
   * The value for a code.
   *
   * @throws IllegalArgumentException for a negative code
   */
  public static TrafficPath of(long code) {
    if (code < 0) {
      throw new IllegalArgumentException("negative traffic-path " + code);
    }
    return code < CACHE.length ? CACHE[(int) code] : new TrafficPath(code);
  }

  /** The numeric code as written in the log. */
  public long code() {
    return code;
  }

  /** Whether AWS documents this code (1 to 8). */
  public boolean isKnown() {
    return code >= 1 && code < DESCRIPTIONS.length;
  }

  /** AWS's description of the code, or null for an unknown code. */
  public @Nullable String description() {
    return isKnown() ? DESCRIPTIONS[(int) code] : null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TrafficPath t && t.code == code;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(code);
  }

  /** The code as written in the log. */
  @Override
  public String toString() {
    return Long.toString(code);
  }
}
