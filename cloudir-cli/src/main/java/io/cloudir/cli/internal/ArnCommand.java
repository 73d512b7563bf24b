package io.cloudir.cli.internal;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cloudir arn parse|match}: the ARN algebra on the command line. Without a subcommand it
 * prints its usage to standard error and fails.
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
@Command(
    name = "arn",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Parses Amazon Resource Names and matches them against IAM resource patterns.",
    synopsisSubcommandLabel = "COMMAND",
    footer = {"", "Exit codes: 0 success, 2 an ARN or pattern was invalid, 1 usage error."})
final class ArnCommand implements Callable<Integer> {
  private final Io io;

  @Spec @SuppressWarnings("NullAway.Init") CommandSpec spec;

  private ArnCommand(Io io) {
    this.io = io;
  }

  /** The {@code arn} command with its subcommands, bound to the given streams. */
  static CommandLine create(Io io) {
    CommandLine cl = new CommandLine(new ArnCommand(io));
    cl.addSubcommand(new ArnParseCommand(io));
    cl.addSubcommand(new ArnMatchCommand(io));
    return cl;
  }

  @Override
  public Integer call() {
    io.err().println("cloudir: arn: a command is required (parse or match)");
    io.err().flush();
    spec.commandLine().usage(spec.commandLine().getErr());
    spec.commandLine().getErr().flush();
    return Cli.ERROR;
  }
}
