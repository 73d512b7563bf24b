package io.cloudir.cli.internal;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.iam.internal.sim.Cases;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.json.JsonValue;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cloudir iam simulate --cases FILE|-}: runs each case of a JSON array (the case format of
 * {@code ../shared/oracle}) through the evaluator and prints one JSON line per case, in order:
 * {@code {"decision", "decidedBy", "explanation", "error"?}} ({@code "level"} for SCP/RCP denials,
 * {@code "dependsOn"} and {@code "possible"} for conditional answers, which a case asks for with
 * {@code "mode": "Discovery"}).
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Evaluates IAM simulation cases offline and writes one JSON line per case:",
      "{\"decision\": Allowed|ExplicitlyDenied|ImplicitlyDenied|Conditional|Error,"
          + " \"decidedBy\": identity|resource|boundary|session|scp|rcp|vpce|null,"
          + " \"explanation\": [...], \"error\"?: ...}"
    },
    footer = {"", "Exit codes: 0 every case was evaluated, 2 some case is an Error,"
        + " 1 usage or I/O error."})
final class IamSimulateCommand implements Callable<Integer> {
  private final Io io;

  @Option(
      names = "--cases",
      paramLabel = "FILE",
      required = true,
      description = "A JSON array of cases (or one case), '-' for standard input.")
  String cases = "-";

  IamSimulateCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PrintStream err = io.err();
    byte[] bytes;
    try {
      bytes = cases.equals("-") ? io.in().readAllBytes() : Files.readAllBytes(path(cases));
    } catch (IOException | IllegalArgumentException e) {
      err.println("cloudir iam simulate: cannot read " + cases + ": " + e.getMessage());
      return Cli.ERROR;
    }
    JsonValue doc;
    try {
      doc = JsonValue.parse(bytes);
    } catch (MalformedInputException e) {
      err.println("cloudir iam simulate: " + cases + " is not JSON: " + e.getMessage());
      return Cli.ERROR;
    }
    List<JsonValue> all = doc.isArray() ? doc.elements() : List.of(doc);
    ActionCatalog catalog = ActionCatalog.bundled();
    int errors = 0;
    StringBuilder out = new StringBuilder();
    for (JsonValue c : all) {
      Cases.Outcome o = Cases.run(c, catalog);
      if (o.result() == null) {
        errors++;
      }
      out.setLength(0);
      out.append(Cases.toJson(o)).append('\n');
      io.out().write(out.toString().getBytes(StandardCharsets.UTF_8), 0,
          out.toString().getBytes(StandardCharsets.UTF_8).length);
    }
    io.out().flush();
    err.println("cases=" + all.size() + " errors=" + errors);
    return errors == 0 ? Cli.OK : Cli.REJECTED;
  }

  private static Path path(String p) {
    return Paths.get(p);
  }
}
