package io.cloudir.cli.internal;

import io.cloudir.aws.AccountSnapshots;
import io.cloudir.aws.AwsSourceException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cloudir trail}: CloudTrail commands that call AWS ({@code public-keys}). Without a
 * subcommand it prints its usage and fails.
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "trail",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "CloudTrail commands that call AWS.",
    synopsisSubcommandLabel = "COMMAND")
final class TrailCommand implements Callable<Integer> {
  private final Io io;

  @Spec @SuppressWarnings("NullAway.Init") CommandSpec spec;

  TrailCommand(Io io) {
    this.io = io;
  }

  /** The {@code trail} command with its subcommands. */
  static CommandLine create(Io io) {
    return new CommandLine(new TrailCommand(io)).addSubcommand(new PublicKeys(io));
  }

  @Override
  public Integer call() {
    io.err().println("cloudir trail: a command is required");
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return Cli.ERROR;
  }

  /**
   * {@code cloudir trail public-keys --out FILE [--region R] [--since T] [--until T]}: the
   * CloudTrail public keys of a region as {@code aws cloudtrail list-public-keys} prints them,
   * for {@code digest verify --public-keys}.
   */
  @Command(
      name = "public-keys",
      mixinStandardHelpOptions = true,
      versionProvider = VersionProvider.class,
      description = "Writes CloudTrail's digest-signing public keys of a region to FILE (the JSON"
          + " that 'aws cloudtrail list-public-keys' prints).",
      footer = {"", "Exit codes: 0 written, 1 usage, AWS or I/O error."})
  static final class PublicKeys implements Callable<Integer> {
    private final Io io;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write.")
    @Nullable Path out;

    @Option(names = "--region", paramLabel = "REGION",
        description = "The region whose keys to list (default: the SDK's default region).")
    @Nullable String region;

    @Option(names = "--since", paramLabel = "T",
        description = "Keys valid from this time (ISO-8601; default: the current key only).")
    @Nullable String since;

    @Option(names = "--until", paramLabel = "T", description = "Keys valid until this time (ISO-8601).")
    @Nullable String until;

    @Mixin AwsOptions aws = new AwsOptions();

    PublicKeys(Io io) {
      this.io = io;
    }

    @Override
    public Integer call() {
      Path file = out;
      if (file == null) {
        return AwsOptions.fail(io, "--out is required");
      }
      try (AccountSnapshots snap = AccountSnapshots.create(aws.config(region))) {
        snap.writePublicKeys(file, time(since), time(until));
      } catch (AwsSourceException | UncheckedIOException | DateTimeParseException e) {
        return AwsOptions.fail(io, String.valueOf(e.getMessage()));
      }
      return Cli.OK;
    }

    private static @Nullable Instant time(@Nullable String t) {
      return t == null ? null : Instant.parse(t);
    }

  }
}
