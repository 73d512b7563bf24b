package io.cloudir.cli.internal;

import io.cloudir.iam.snapshot.Snapshot;
import io.cloudir.iam.snapshot.WhatCanEntry;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir iam what-can --snapshot FILE... PRINCIPAL_ARN [--service S]}: one JSON line per
 * allowed action, grouped by service and access level: {@code {"action", "resources": [patterns],
 * "decision", "dependsOn"?, "accessLevel", "except"?}}.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "what-can",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Lists what a principal of a snapshot can do, expanded through the action catalog, grouped by"
          + " service and access level, one JSON line per action:",
      "{\"action\", \"resources\": [ARN patterns], \"decision\": Allowed|Conditional,"
          + " \"dependsOn\"?: [keys], \"accessLevel\", \"except\"?: [denied patterns]}"
    },
    footer = {"", "Exit codes: 0 done, 1 usage or I/O error, invalid snapshot or unknown principal."})
final class IamWhatCanCommand implements Callable<Integer> {
  private final Io io;

  @Mixin IamSnapshotOptions snapshot = new IamSnapshotOptions();

  @Option(names = "--service", paramLabel = "S", description = "Only this service (prefix, such as s3).")
  @Nullable String service;

  @Parameters(index = "0", paramLabel = "PRINCIPAL_ARN", description = "A user, role or role session ARN.")
  String principal = "";

  IamWhatCanCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Snapshot s = snapshot.load(io, "what-can");
    if (s == null) {
      return Cli.ERROR;
    }
    List<WhatCanEntry> entries;
    try {
      entries = s.whatCan(principal, service);
    } catch (IllegalArgumentException e) {
      io.err().println("cloudir iam what-can: " + e.getMessage());
      return Cli.ERROR;
    }
    for (WhatCanEntry e : entries) {
      Json j = new Json().put("action", e.action()).putStrings("resources", e.resources());
      IamSnapshotOptions.decision(j, e.decision(), e.dependsOn())
          .put("accessLevel", e.accessLevel().name());
      if (!e.except().isEmpty()) {
        j.putStrings("except", e.except());
      }
      IamSnapshotOptions.line(io.out(), j.end());
    }
    io.out().flush();
    io.err().println("actions=" + entries.size());
    return Cli.OK;
  }
}
