package io.cloudir.cli.internal;

import io.cloudir.iam.snapshot.EscalationPath;
import io.cloudir.iam.snapshot.Snapshot;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cloudir iam escalation --snapshot FILE...}: one JSON line per privilege-escalation path:
 * {@code {"principal", "technique", "permissions": [...], "targets": [...], "decision",
 * "dependsOn"?}}, sorted by principal and technique.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "escalation",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Lists the principals of a snapshot that can escalate their privileges (PassRole with a"
          + " service, policy versions, attaching or writing their own policies, trust edits,"
          + " credentials of other users, group membership...), one JSON line each:",
      "{\"principal\", \"technique\", \"permissions\": [...], \"targets\": [...],"
          + " \"decision\": Allowed|Conditional, \"dependsOn\"?: [keys]}"
    },
    footer = {"", "Exit codes: 0 done, 1 usage or I/O error or invalid snapshot."})
final class IamEscalationCommand implements Callable<Integer> {
  private final Io io;

  @Mixin IamSnapshotOptions snapshot = new IamSnapshotOptions();

  IamEscalationCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Snapshot s = snapshot.load(io, "escalation");
    if (s == null) {
      return Cli.ERROR;
    }
    List<EscalationPath> paths = s.escalations();
    for (EscalationPath p : paths) {
      Json j = new Json().put("principal", p.principal()).put("technique", p.technique().name())
          .putStrings("permissions", p.technique().permissions()).putStrings("targets", p.targets());
      IamSnapshotOptions.line(io.out(), IamSnapshotOptions.decision(j, p.decision(), p.dependsOn()).end());
    }
    io.out().flush();
    io.err().println("paths=" + paths.size());
    return Cli.OK;
  }
}
