package io.cloudir.cli.internal;

import io.cloudir.aws.AccountSnapshots;
import io.cloudir.aws.AwsSourceException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cloudir iam snapshot --out FILE [--organization FILE] [--profile P]}: the IAM state of a
 * live account (IAM {@code GetAccountAuthorizationDetails}, all pages, as {@code aws iam
 * get-account-authorization-details} prints it) and optionally its organization tree with SCPs
 * and RCPs, for the offline {@code iam} commands.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Writes the IAM authorization details of a live account to FILE (the JSON that"
          + " 'aws iam get-account-authorization-details' prints, all pages merged).",
      "With --organization, also writes the organization tree with its SCPs and RCPs"
          + " (format cloudir-organization/1; run it in the management account or as a delegated"
          + " administrator)."
    },
    footer = {"", "Exit codes: 0 written, 1 usage, AWS or I/O error."})
final class IamSnapshotCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "Where to write the authorization details.")
  @Nullable Path out;

  @Option(names = "--organization", paramLabel = "FILE",
      description = "Also write the organization tree with SCPs and RCPs to FILE.")
  @Nullable Path organization;

  @Mixin AwsOptions aws = new AwsOptions();

  IamSnapshotCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Path file = out;
    if (file == null) {
      return AwsOptions.fail(io, "--out is required");
    }
    try (AccountSnapshots snap = AccountSnapshots.create(aws.config(null))) {
      snap.writeAuthorizationDetails(file);
      Path org = organization;
      if (org != null) {
        snap.writeOrganization(org);
      }
    } catch (AwsSourceException | UncheckedIOException e) {
      return AwsOptions.fail(io, String.valueOf(e.getMessage()));
    }
    return Cli.OK;
  }

}
