package io.cloudir.cli.internal;

import java.util.List;

/**
 * The subcommands of {@code cloudir}, in the order {@code --help} lists them. To add one, write a
 * picocli {@code @Command} class implementing {@code Callable<Integer>} with a constructor taking
 * an {@link Io}, and add it here; a command with subcommands of its own is added as a {@code
 * CommandLine} (see {@link ArnCommand#create}).
 *
 * <p>Stateless and thread-safe.
 */
final class Subcommands {
  private Subcommands() {}

  /** New instances of every subcommand, bound to the given streams. */
  static List<Object> create(Io io) {
    return List.of(
        new ParseCommand(io),
        new HuntCommand(io),
        new TimelineCommand(io),
        new EntitiesCommand(io),
        ArnCommand.create(io),
        IamCommand.create(io),
        DigestCommand.create(io),
        new FetchCommand(io), TrailCommand.create(io));
  }
}
