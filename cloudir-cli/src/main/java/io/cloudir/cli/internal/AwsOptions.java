package io.cloudir.cli.internal;

import io.cloudir.aws.AwsConfig;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of commands that call AWS: a named profile and an endpoint override. Credentials
 * and region otherwise come from the SDK's default chains.
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
final class AwsOptions {
  @Option(names = "--profile", paramLabel = "PROFILE",
      description = "A named profile of the AWS config and credentials files (default: the SDK's"
          + " default chain, AWS_PROFILE included).")
  @Nullable String profile;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      description = "Send requests to this endpoint (an S3-compatible store, a VPC endpoint).")
  @Nullable String endpoint;

  /** Prints {@code cloudir: message} to standard error and returns {@link Cli#ERROR}. */
  static int fail(Io io, String message) {
    io.err().println("cloudir: " + message);
    io.err().flush();
    return Cli.ERROR;
  }

  /** The configuration, with a region when one is given. */
  AwsConfig config(@Nullable String region) {
    AwsConfig c = AwsConfig.profile(profile).withRegion(region);
    String e = endpoint;
    return e == null ? c : c.withEndpoint(URI.create(e));
  }
}
