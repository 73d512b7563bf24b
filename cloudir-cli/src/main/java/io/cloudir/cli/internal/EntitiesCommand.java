package io.cloudir.cli.internal;

import io.cloudir.investigate.Entity;
import io.cloudir.investigate.Timeline;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir entities [--format jsonl|table] PATH...}: one line per principal (attributed),
 * access key, source IP, resource, instance and ENI with first/last seen, counts, regions,
 * services, errors, bytes and DNS names.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "entities",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "One line per principal (attributed), access key, IP, resource, instance and ENI: first and"
          + " last seen, counts, regions, services, errors, bytes, DNS names.",
      "Standard error ends with: parsed=N rejected=M warnings=W skipped=S duplicates=D entities=E"
    },
    footer = {"", "Exit codes: 0 nothing rejected, 2 something rejected (the rest was written),"
        + " 1 usage or I/O error."})
final class EntitiesCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (default) or table.")
  String format = "jsonl";

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Files, directories (recursive) or '-' for standard input.")
  List<String> paths = new ArrayList<>();

  EntitiesCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PrintStream err = io.err();
    if (!format.equals("jsonl") && !format.equals("table")) {
      err.println("cloudir: unknown --format " + format + " (expected jsonl or table)");
      return Cli.ERROR;
    }
    RecordsInput in = RecordsInput.read(io, paths);
    if (in.error != null && in.records.isEmpty()) {
      err.println("cloudir: " + in.error);
      return Cli.ERROR;
    }
    Timeline tl = Timeline.of(in.records);
    List<Entity> all = tl.entities(null).all();
    PrintStream out = io.out();
    if (format.equals("table")) {
      out.println(String.join("\t", "KIND", "ID", "FIRST", "LAST", "COUNT", "ERRORS", "REGIONS",
          "SERVICES", "BYTES_IN", "BYTES_OUT"));
    }
    for (Entity e : all) {
      out.println(format.equals("table") ? row(e) : json(e));
    }
    out.flush();
    boolean failed = out.checkError();
    if (in.error != null) {
      err.println("cloudir: " + in.error);
      failed = true;
    }
    err.println(in.stats.summary() + " duplicates=" + tl.duplicates() + " entities=" + all.size());
    err.flush();
    if (failed) {
      return Cli.ERROR;
    }
    return in.stats.rejected() > 0 ? Cli.REJECTED : Cli.OK;
  }

  static String json(Entity e) {
    Json j = new Json().put("kind", e.kind().name().toLowerCase(Locale.ROOT)).put("id", e.id())
        .put("firstSeen", e.firstSeen()).put("lastSeen", e.lastSeen()).put("count", e.count())
        .put("errors", e.errors()).putStrings("regions", e.regions())
        .putStrings("services", e.services()).put("bytesIn", e.bytesIn())
        .put("bytesOut", e.bytesOut()).putStrings("dnsNames", e.dnsNames());
    Json attrs = new Json();
    for (Map.Entry<String, String> a : e.attributes().entrySet()) {
      attrs.put(a.getKey(), a.getValue());
    }
    return j.putRaw("attributes", attrs.end()).end();
  }

  private static String row(Entity e) {
    return String.join("\t", e.kind().name().toLowerCase(Locale.ROOT), e.id(),
        String.valueOf(e.firstSeen()), String.valueOf(e.lastSeen()), Long.toString(e.count()),
        Long.toString(e.errors()), String.join(",", e.regions()), String.join(",", e.services()),
        Long.toString(e.bytesIn()), Long.toString(e.bytesOut()));
  }
}
