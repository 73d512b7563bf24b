package io.cloudir.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Runs {@link Main#run} in-process and captures what it prints. */
record CliRun(int code, String out, String err) {

  static CliRun run(String... args) {
    return runWithInput(new byte[0], args);
  }

  static CliRun runWithInput(byte[] stdin, String... args) {
    InputStream in = new ByteArrayInputStream(stdin);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, in, o, e);
    }
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Standard output split into lines (the last line end is not followed by an empty line). */
  List<String> outLines() {
    if (out.isEmpty()) {
      return List.of();
    }
    if (!out.endsWith("\n")) {
      throw new AssertionError("standard output does not end with a line end");
    }
    return List.of(out.substring(0, out.length() - 1).split("\n", -1));
  }

  List<String> errLines() {
    return err.isEmpty() ? List.of() : Arrays.asList(err.split("\n"));
  }

  String lastErrLine() {
    List<String> l = errLines();
    return l.isEmpty() ? "" : l.get(l.size() - 1);
  }
}
