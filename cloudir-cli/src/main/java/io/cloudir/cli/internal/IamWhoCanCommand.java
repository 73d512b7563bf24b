package io.cloudir.cli.internal;

import io.cloudir.iam.snapshot.Snapshot;
import io.cloudir.iam.snapshot.WhoCanEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir iam who-can --snapshot FILE... ACTION RESOURCE_ARN}: one JSON line per principal
 * that can perform the action on the resource, sorted by principal: {@code {"principal",
 * "decision": "Allowed"|"Conditional", "via": [roles], "dependsOn"?: [keys]}}.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "who-can",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Lists the principals of a snapshot that can perform ACTION on RESOURCE_ARN, directly or by"
          + " assuming roles, one JSON line each:",
      "{\"principal\", \"decision\": Allowed|Conditional, \"via\": [role ARNs], \"dependsOn\"?: [context keys]}"
    },
    footer = {"", "Exit codes: 0 done, 1 usage or I/O error or invalid snapshot."})
final class IamWhoCanCommand implements Callable<Integer> {
  private final Io io;

  @Mixin IamSnapshotOptions snapshot = new IamSnapshotOptions();

  @Option(names = "--context", paramLabel = "KEY=VALUE",
      description = "A request context key the caller knows (repeatable); others are unknown.")
  List<String> context = new ArrayList<>();

  @Parameters(index = "0", paramLabel = "ACTION", description = "The action, such as s3:GetObject.")
  String action = "";

  @Parameters(index = "1", paramLabel = "RESOURCE_ARN", description = "The resource ARN.")
  String resource = "";

  IamWhoCanCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Snapshot s = snapshot.load(io, "who-can");
    if (s == null) {
      return Cli.ERROR;
    }
    List<WhoCanEntry> entries;
    try {
      entries = s.whoCan(action, resource, IamSnapshotOptions.context(context));
    } catch (IllegalArgumentException e) {
      io.err().println("cloudir iam who-can: " + e.getMessage());
      return Cli.ERROR;
    }
    for (WhoCanEntry e : entries) {
      Json j = new Json().put("principal", e.principal());
      IamSnapshotOptions.decision(j, e.decision(), e.dependsOn()).putStrings("via", e.via());
      IamSnapshotOptions.line(io.out(), j.end());
    }
    io.out().flush();
    io.err().println("principals=" + entries.size());
    return Cli.OK;
  }
}
