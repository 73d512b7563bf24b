package io.cloudir.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cloudir digest verify}: CloudTrail log file integrity, offline. Without a subcommand it
 * prints its usage to standard error and fails.
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Verifies CloudTrail digest files and the log files they list.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Exit codes: 0 everything verifies, 2 something is missing, altered, unlisted"
        + " or unverifiable, 1 usage or I/O error."})
final class DigestCommand implements Callable<Integer> {
  private final Io io;

  @Spec @SuppressWarnings("NullAway.Init") CommandSpec spec;

  private DigestCommand(Io io) {
    this.io = io;
  }

  /** The {@code digest} command with its subcommands, bound to the given streams. */
  static CommandLine create(Io io) {
    CommandLine cl = new CommandLine(new DigestCommand(io));
    cl.addSubcommand(new DigestVerifyCommand(io));
    return cl;
  }

  @Override
  public Integer call() {
    io.err().println("cloudir: digest: a command is required (verify)");
    io.err().flush();
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return Cli.ERROR;
  }
}
