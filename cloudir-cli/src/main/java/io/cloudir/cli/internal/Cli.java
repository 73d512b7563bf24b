package io.cloudir.cli.internal;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Builds and runs the picocli command tree.
 *
 * <p>Thread-safe: each {@link #run} builds its own tree.
 */
public final class Cli {
  /** Success. */
  public static final int OK = 0;
  /** A usage or I/O error. */
  public static final int ERROR = 1;
  /** Some input was rejected; everything else was processed. */
  public static final int REJECTED = 2;

  private Cli() {}

  /**
   * Runs the command line.
   *
   * @param args the arguments
   * @param io the streams
   * @return the exit code
   */
  public static int run(String[] args, Io io) {
    CommandLine cl = create(io);
    int code = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
    return code;
  }

  /** The command tree bound to the given streams. */
  static CommandLine create(Io io) {
    CommandLine cl = new CommandLine(new CloudirCommand(io));
    for (Object sub : Subcommands.create(io)) {
      cl.addSubcommand(sub);
    }
    cl.setOut(writer(io.out()));
    cl.setErr(writer(io.err()));
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          PrintWriter w = c.getErr();
          w.println("cloudir: " + ex.getMessage());
          w.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
          w.flush();
          return ERROR;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          PrintWriter w = c.getErr();
          w.println("cloudir: internal error: " + ex);
          ex.printStackTrace(w);
          w.flush();
          return ERROR;
        });
    return cl;
  }

  private static PrintWriter writer(PrintStream s) {
    return new PrintWriter(new OutputStreamWriter(s, StandardCharsets.UTF_8), true);
  }
}
