package io.cloudir.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top command {@code cloudir}: only {@code --help}, {@code --version} and the subcommands.
 * Without a subcommand it prints its usage to standard error and fails.
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "cloudir",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Incident response for AWS logs.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {
      "",
      "Exit codes: 0 success, 2 some input was rejected (the rest was processed), 1 usage or I/O error."
    })
final class CloudirCommand implements Callable<Integer> {
  private final Io io;

  @Spec @SuppressWarnings("NullAway.Init") CommandSpec spec;

  CloudirCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    io.err().println("cloudir: a command is required");
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return Cli.ERROR;
  }

  /** Returns the {@code CommandLine} (for tests). */
  CommandLine commandLine() {
    return spec.commandLine();
  }
}
