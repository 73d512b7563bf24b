package io.cloudir.cli;

import io.cloudir.cli.internal.Cli;
import io.cloudir.cli.internal.Io;
import io.cloudir.cli.internal.Terminal;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * The {@code cloudir} command: {@code cloudir parse …} and the commands that follow it (see the
 * project's design notes, section 8, for the contract of each).
 *
 * <p>Exit codes: 0 when everything went well, 2 when some input was rejected (everything else was
 * still written), 1 for usage and I/O errors.
 *
 * <p>Thread-safe: {@link #run} keeps no state between calls (the streams it is given are used by
 * the calling thread only).
 */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits the JVM with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    int code = run(args, System.in, System.out, System.err);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /**
   * Runs the command line in-process.
   *
   * <p>A progress bar is drawn on {@code err} only when {@code err} is the process's standard error,
   * that is a terminal, and no CI environment is detected.
   *
   * @param args the arguments (for example {@code parse --rejects bad.jsonl logs/})
   * @param in what {@code -} reads
   * @param out where records go (one JSON object per line)
   * @param err where messages and the summary line go
   * @return the exit code: 0 success, 2 some input rejected, 1 usage or I/O error
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    boolean progress = err == System.err && Terminal.progressWanted(System.getenv());
    return Cli.run(args, new Io(in, out, err, progress));
  }
}
