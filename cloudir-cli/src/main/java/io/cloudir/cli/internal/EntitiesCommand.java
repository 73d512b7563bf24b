package io.cloudir.cli.internal;

import io.cloudir.investigate.Entities;
import io.cloudir.investigate.Entity;
import io.cloudir.investigate.Timeline;
import io.cloudir.investigate.TimelineEntry;
import io.cloudir.investigate.TimelineFilter;
import io.cloudir.investigate.enrich.CompositeIpEnricher;
import io.cloudir.investigate.enrich.IpDetails;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir entities [--format jsonl|table] [--since T] [--until T] [--geoip FILE]...
 * [--asn FILE]... [--aws-ip-ranges FILE] [--accounts ID,...] [--regions R,...] PATH...}: one line
 * per principal (attributed), access key, source IP, resource, instance and ENI with first/last
 * seen, counts, regions, services, errors, bytes and DNS names, over the records of the time range
 * (attributed with the whole input); IP entities carry country, AS, city and AWS ranges from the
 * given files. Under {@code s3://bucket/prefix} only the day folders of the time range (and the
 * accounts and regions given) are listed, as in {@code hunt}.
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
      "s3://bucket/prefix: only the day folders of --since/--until for --accounts and --regions"
          + " are listed (as in hunt); digest files are not read.",
      "Standard error ends with: parsed=N rejected=M warnings=W skipped=S"
          + " [objects=N digestsSkipped=D failed=F] duplicates=D entities=E"
    },
    footer = {"", "Exit codes: 0 nothing rejected, 2 something rejected or an s3:// object could"
        + " not be read (the rest was written), 1 usage or I/O error."})
final class EntitiesCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (default) or table.")
  String format = "jsonl";

  /** --since, --until: the records counted and the s3:// day folders listed. */
  @Mixin TimeWindow window = new TimeWindow();

  @Mixin EnrichOptions enrich = new EnrichOptions();

  /** --accounts, --regions, --profile, --endpoint-url for s3:// paths. */
  @Mixin S3Scope s3 = new S3Scope();

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Files, directories (recursive), s3://bucket/prefix or '-' for standard"
          + " input.")
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
    String bad = window.error();
    if (bad != null) {
      err.println("cloudir: " + bad);
      return Cli.ERROR;
    }
    Instant from = window.from();
    Instant to = window.to();
    CompositeIpEnricher en;
    try {
      en = enrich.open();
    } catch (IllegalArgumentException e) {
      err.println("cloudir: " + e.getMessage());
      return Cli.ERROR;
    }
    RecordsInput in = RecordsInput.read(io, paths, s3, from, to);
    if (in.error != null && in.records.isEmpty()) {
      err.println("cloudir: " + in.error);
      return Cli.ERROR;
    }
    Timeline tl = Timeline.of(in.records);
    // the entries of the range, attributed with the whole input (the same as tl.entities(en)
    // without a range)
    Entities.Builder eb = Entities.builder(tl.network(), en);
    for (TimelineEntry e : tl.select(new TimelineFilter(from, to, null, null, null, null))) {
      eb.add(e);
    }
    List<Entity> all = eb.build().all();
    PrintStream out = io.out();
    if (format.equals("table")) {
      out.println(String.join("\t", "KIND", "ID", "FIRST", "LAST", "COUNT", "ERRORS", "REGIONS",
          "SERVICES", "BYTES_IN", "BYTES_OUT") + (en == null ? "" : "\tIP_INFO"));
    }
    for (Entity e : all) {
      IpDetails d = e.kind() == Entity.Kind.IP
          ? EnrichOptions.details(en, enrich.cache(), e.id()) : null;
      if (format.equals("table")) {
        out.println(row(e) + (en == null ? "" : "\t" + EnrichOptions.text(d)));
      } else {
        out.println(json(e, d));
      }
    }
    out.flush();
    boolean failed = out.checkError();
    if (in.error != null) {
      err.println("cloudir: " + in.error);
      failed = true;
    }
    err.println(in.stats.summary() + in.remoteSummary + " duplicates=" + tl.duplicates()
        + " entities=" + all.size());
    err.flush();
    if (failed) {
      return Cli.ERROR;
    }
    return in.stats.rejected() > 0 || in.remoteFailures > 0 ? Cli.REJECTED : Cli.OK;
  }

  static String json(Entity e) {
    return json(e, null);
  }

  /** The entity line; {@code ip} adds the enrichment facts of an IP entity as {@code ipInfo}. */
  static String json(Entity e, @Nullable IpDetails ip) {
    Json j = new Json().put("kind", e.kind().name().toLowerCase(Locale.ROOT)).put("id", e.id())
        .put("firstSeen", e.firstSeen()).put("lastSeen", e.lastSeen()).put("count", e.count())
        .put("errors", e.errors()).putStrings("regions", e.regions())
        .putStrings("services", e.services()).put("bytesIn", e.bytesIn())
        .put("bytesOut", e.bytesOut()).putStrings("dnsNames", e.dnsNames());
    Json attrs = new Json();
    for (Map.Entry<String, String> a : e.attributes().entrySet()) {
      attrs.put(a.getKey(), a.getValue());
    }
    j.putRaw("attributes", attrs.end());
    if (ip != null) {
      j.putRaw("ipInfo", EnrichOptions.json(ip));
    }
    return j.end();
  }

  private static String row(Entity e) {
    return String.join("\t", e.kind().name().toLowerCase(Locale.ROOT), e.id(),
        String.valueOf(e.firstSeen()), String.valueOf(e.lastSeen()), Long.toString(e.count()),
        Long.toString(e.errors()), String.join(",", e.regions()), String.join(",", e.services()),
        Long.toString(e.bytesIn()), Long.toString(e.bytesOut()));
  }
}
