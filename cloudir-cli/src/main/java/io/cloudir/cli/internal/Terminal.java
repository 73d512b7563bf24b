package io.cloudir.cli.internal;

import java.io.Console;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Whether standard error is an interactive terminal a progress bar may be drawn on.
 *
 * <p>Stateless and thread-safe.
 */
public final class Terminal {
  private Terminal() {}

  /** Whether this process should draw a progress bar on its standard error. */
  public static boolean progressWanted(Map<String, String> env) {
    return progressWanted(stderrIsTerminal(), env.get("CI"), env.get("TERM"));
  }

  /**
   * The decision: only on a terminal, never in CI ({@code CI} set to anything but empty, {@code
   * false} or {@code 0}), never on a {@code dumb} terminal.
   */
  static boolean progressWanted(boolean stderrTerminal, @Nullable String ci, @Nullable String term) {
    if (!stderrTerminal) {
      return false;
    }
    if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false") && !ci.equals("0")) {
      return false;
    }
    return !"dumb".equals(term);
  }

  /**
   * Whether file descriptor 2 is a terminal: on Linux from what {@code /proc/self/fd/2} points to
   * (so that {@code cloudir parse x > out.jsonl} still shows progress); elsewhere from {@link
   * System#console()} (which needs standard input and output to be terminals too).
   */
  static boolean stderrIsTerminal() {
    Path fd2 = Path.of("/proc/self/fd/2");
    try {
      if (Files.isSymbolicLink(fd2)) {
        return isTerminalDevice(Files.readSymbolicLink(fd2).toString());
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // no /proc: fall back to the console
    }
    return consoleIsTerminal();
  }

  /** Whether a device path names a terminal ({@code /dev/pts/N}, {@code /dev/ttyN}, …). */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }

  private static boolean consoleIsTerminal() {
    Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      // JDK 22+ may return a console for redirected streams; isTerminal() tells (absent on 17)
      Method m = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(m.invoke(c));
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }
}
