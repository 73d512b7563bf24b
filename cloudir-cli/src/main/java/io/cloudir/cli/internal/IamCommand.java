package io.cloudir.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cloudir iam}: the IAM commands ({@code simulate}; over snapshots {@code can}, {@code
 * who-can}, {@code what-can}, {@code escalation}). Without a subcommand it prints its
 * usage and fails.
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "iam",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Offline IAM policy evaluation and account snapshot queries.",
    synopsisSubcommandLabel = "COMMAND")
final class IamCommand implements Callable<Integer> {
  private final Io io;

  @Spec @SuppressWarnings("NullAway.Init") CommandSpec spec;

  IamCommand(Io io) {
    this.io = io;
  }

  /** The {@code iam} command with its subcommands. */
  static CommandLine create(Io io) {
    return new CommandLine(new IamCommand(io))
        .addSubcommand(new IamSimulateCommand(io))
        .addSubcommand(new IamCanCommand(io))
        .addSubcommand(new IamWhoCanCommand(io))
        .addSubcommand(new IamWhatCanCommand(io))
        .addSubcommand(new IamEscalationCommand(io))
        .addSubcommand(new IamSnapshotCommand(io));
  }

  @Override
  public Integer call() {
    io.err().println("cloudir iam: a command is required");
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return Cli.ERROR;
  }
}
