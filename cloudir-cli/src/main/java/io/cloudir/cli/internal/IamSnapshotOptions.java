package io.cloudir.cli.internal;

import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.snapshot.Snapshot;
import io.cloudir.iam.snapshot.SnapshotLoadException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options the snapshot commands share ({@code --snapshot FILE...}, {@code --context k=v}) and
 * their output helpers.
 *
 * <p>Not thread-safe (picocli fills its fields).
 */
final class IamSnapshotOptions {
  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      required = true,
      description = "A snapshot file: the output of 'aws iam get-account-authorization-details'"
          + " (one per account), an Organization tree with SCPs/RCPs, or ResourcePolicies."
          + " Repeat for several.")
  List<String> snapshots = new ArrayList<>();

  /**
   * Loads the snapshot, or prints why not.
   *
   * @param io the streams
   * @param command the command's name for messages
   * @return the snapshot, or null after printing an error
   */
  @Nullable Snapshot load(Io io, String command) {
    List<Path> paths = new ArrayList<>();
    try {
      for (String s : snapshots) {
        paths.add(Paths.get(s));
      }
      Snapshot s = Snapshot.load(paths);
      for (String w : s.warnings()) {
        io.err().println("warning: " + w);
      }
      return s;
    } catch (IOException | RuntimeException e) {
      String msg = e instanceof SnapshotLoadException sle ? sle.getMessage() : e.toString();
      io.err().println("cloudir iam " + command + ": cannot load the snapshot: " + msg);
      return null;
    }
  }

  /**
   * Parses {@code key=value} context options; a key given several times has several values.
   *
   * @param pairs the options
   * @return the context
   * @throws IllegalArgumentException for an option without {@code =}
   */
  static Map<String, List<String>> context(List<String> pairs) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String p : pairs) {
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--context takes key=value, not \"" + p + "\"");
      }
      m.computeIfAbsent(p.substring(0, eq), k -> new ArrayList<>()).add(p.substring(eq + 1));
    }
    return m;
  }

  /** Adds {@code decision} and, for a conditional answer, {@code dependsOn}. */
  static Json decision(Json j, Decision d, List<String> dependsOn) {
    j.put("decision", d.text());
    if (d == Decision.CONDITIONAL) {
      j.putStrings("dependsOn", dependsOn);
    }
    return j;
  }

  /** Writes one line to standard output. */
  static void line(PrintStream out, String json) {
    byte[] b = (json + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }
}
