package io.cloudir.cli.internal;

import io.cloudir.iam.eval.Result;
import io.cloudir.iam.internal.sim.Cases;
import io.cloudir.iam.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir iam can --snapshot FILE... PRINCIPAL_ARN ACTION RESOURCE_ARN [--context k=v]...}:
 * one line like {@code iam simulate}: {@code {"decision", "decidedBy", "explanation", ...}}.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "can",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Decides whether a principal of a snapshot can perform ACTION on RESOURCE_ARN and explains"
          + " why, as one JSON line like 'iam simulate'. Context keys not given are unknown:"
          + " the answer is Conditional when it depends on them."
    },
    footer = {"", "Exit codes: 0 decided, 1 usage or I/O error, invalid snapshot or unknown principal."})
final class IamCanCommand implements Callable<Integer> {
  private final Io io;

  @Mixin IamSnapshotOptions snapshot = new IamSnapshotOptions();

  @Option(names = "--context", paramLabel = "KEY=VALUE",
      description = "A request context key (repeatable; a key given twice has two values).")
  List<String> context = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "PRINCIPAL_ARN", description = "A user, role, role session or root ARN.")
  String principal = "";

  @Parameters(index = "1", paramLabel = "ACTION", description = "The action, such as s3:GetObject.")
  String action = "";

  @Parameters(index = "2", paramLabel = "RESOURCE_ARN", description = "The resource ARN.")
  String resource = "";

  IamCanCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Snapshot s = snapshot.load(io, "can");
    if (s == null) {
      return Cli.ERROR;
    }
    Result r;
    try {
      r = s.canDo(principal, action, resource, IamSnapshotOptions.context(context));
    } catch (IllegalArgumentException e) {
      io.err().println("cloudir iam can: " + e.getMessage());
      return Cli.ERROR;
    }
    IamSnapshotOptions.line(io.out(), Cases.toJson(new Cases.Outcome(r, null)));
    io.out().flush();
    io.err().println("decision=" + r.decision().text());
    return Cli.OK;
  }
}
