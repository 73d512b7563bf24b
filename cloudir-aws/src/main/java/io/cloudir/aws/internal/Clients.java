package io.cloudir.aws.internal;

import io.cloudir.aws.AwsConfig;
import io.cloudir.aws.AwsSourceException;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import org.jspecify.annotations.Nullable;

/** Builds SDK clients from an {@link AwsConfig}: default chains, optional named profile. */
public final class Clients {
  private Clients() {}

  /**
   * Configures a client builder: credentials from the default chain (for the profile if one is
   * named), the region given or the default region chain's, else {@code fallback}; an Apache
   * HTTP client with {@code maxConnections} connections.
   *
   * @throws AwsSourceException if no region is configured and there is no fallback
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder, AwsConfig cfg, @Nullable Region fallback, int maxConnections, String service) {
    String profile = cfg.profile();
    DefaultCredentialsProvider.Builder creds = DefaultCredentialsProvider.builder();
    if (profile != null) {
      creds.profileName(profile);
      builder.overrideConfiguration(o -> o.defaultProfileName(profile));
    }
    builder.credentialsProvider(creds.build());
    builder.region(region(cfg, fallback, service));
    if (cfg.endpoint() != null) {
      builder.endpointOverride(cfg.endpoint());
    }
    builder.httpClientBuilder(Apache5HttpClient.builder().maxConnections(Math.max(1, maxConnections)));
    return builder.build();
  }

  static Region region(AwsConfig cfg, @Nullable Region fallback, String service) {
    String r = cfg.region();
    if (r != null) {
      return Region.of(r);
    }
    try {
      DefaultAwsRegionProviderChain.Builder b = DefaultAwsRegionProviderChain.builder();
      String profile = cfg.profile();
      if (profile != null) {
        b.profileName(profile);
      }
      return b.build().getRegion();
    } catch (SdkClientException e) {
      if (fallback != null) {
        return fallback;
      }
      throw new AwsSourceException(service, "no region configured: set AWS_REGION, the profile's"
          + " region, or pass a region", e);
    }
  }
}
