package io.cloudir.aws;

import java.net.URI;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How cloudir-aws builds its own SDK clients: credentials and region through the SDK's default
 * chains, optionally from a named profile of the shared config and credentials files; nothing
 * else is configured by hand. An endpoint override exists for S3-compatible stores, VPC endpoints
 * and tests.
 *
 * <p>Immutable and thread-safe.
 *
 * @param profile a named profile, or null for the default chain ({@code AWS_PROFILE}, environment,
 *     system properties, web identity, SSO, container and instance credentials)
 * @param region a region, or null for the SDK's default region chain (the profile's region
 *     included); S3 falls back to {@code us-east-1} when no region is configured anywhere
 * @param endpoint an endpoint override, or null for the service's regional endpoint
 * @param pathStyle whether S3 uses path-style requests (needed by most S3-compatible stores)
 */
public record AwsConfig(
    @Nullable String profile, @Nullable String region, @Nullable URI endpoint, boolean pathStyle) {

  /** The default chains, no profile, no override. */
  public static AwsConfig defaults() {
    return new AwsConfig(null, null, null, false);
  }

  /** The default chains with a named profile (null: none). */
  public static AwsConfig profile(@Nullable String profile) {
    return new AwsConfig(profile, null, null, false);
  }

  /** This configuration with a region (null: the default chain). */
  public AwsConfig withRegion(@Nullable String r) {
    return new AwsConfig(profile, r, endpoint, pathStyle);
  }

  /** This configuration with an endpoint override and path-style S3 requests. */
  public AwsConfig withEndpoint(URI uri) {
    return new AwsConfig(profile, region, Objects.requireNonNull(uri), true);
  }
}
