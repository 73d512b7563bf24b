package io.cloudir.cli.internal;

import io.cloudir.investigate.Deduplicator;
import io.cloudir.investigate.RecordOrder;
import io.cloudir.investigate.enrich.CompositeIpEnricher;
import io.cloudir.model.LogRecord;
import io.cloudir.ocsf.EcsWriter;
import io.cloudir.ocsf.OcsfWriter;
import io.cloudir.rules.Engine;
import io.cloudir.rules.EngineOptions;
import io.cloudir.rules.Finding;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleException;
import io.cloudir.rules.RuleLoader;
import io.cloudir.rules.Session;
import io.cloudir.rules.sigma.SigmaImporter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir hunt [--rules builtin|PATH]... [--format jsonl|table|ocsf|ecs] [--since T]
 * [--until T] [--accounts ID,...] [--regions R,...] [--geoip FILE]... [--asn FILE]...
 * [--aws-ip-ranges FILE] [--engine local|spark [--master URL]] PATH...}: every record of every
 * source, each event once, in (time, provenance) order, through the compiled rules; the findings
 * ordered by time then rule. Under {@code s3://bucket/prefix} only the day folders of the time
 * range (and the accounts and regions given) of the AWS log layouts are listed; digest files are
 * left out.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "hunt",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs detection rules over logs and prints the findings ordered by time, then rule.",
      "Records are read from every PATH, deduplicated (eventID) and evaluated in (time,"
          + " provenance) order; principal is the attributed identity at the origin of the"
          + " credentials.",
      "--rules PATH reads cloudir YAML rules or Sigma rules (told apart by their keys) from a"
          + " file or a directory.",
      "In the directories hunted, rule files and notes (.yml, .yaml, .md, .py) are not read.",
      "s3://bucket/prefix: only the day folders of --since/--until (plus an hour of delivery"
          + " delay) for --accounts and --regions are listed, in the CloudTrail, Insight, VPC flow"
          + " log and other AWSLogs layouts, organization trails included; digest files are not"
          + " read. An object that cannot be read whole is reported with its key; the rest is"
          + " hunted.",
      "--engine spark runs the same hunt on Apache Spark (cloudir-spark and Spark 4 on the class"
          + " path, e.g. through spark-submit) with the same findings.",
      "--geoip/--asn/--aws-ip-ranges FILE give the rules geo.source.country, geo.source.asn and"
          + " the places of impossible travel (coordinates with a city database, else"
          + " countries); without them those rules stay silent.",
      "Standard error ends with: ... [objects=N digestsSkipped=D failed=F] ... events=N"
          + " findings=M"
    },
    footer = {"", "Exit codes: 0 nothing rejected, 2 some records were rejected or an s3:// object"
        + " could not be read (the rest was hunted), 1 usage, rule or I/O error."})
final class HuntCommand implements Callable<Integer> {
  /** The class of the built-in pack (looked up by name: the pack may be absent from a build). */
  static final String BUILTIN_CLASS = "io.cloudir.rules.BuiltinRules";

  private final Io io;

  @Option(names = "--rules", paramLabel = "builtin|PATH",
      description = "Rules: 'builtin' (default) or a YAML/Sigma file or directory; repeatable.")
  List<String> rules = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (default), table, ocsf (OCSF 1.1 Detection Finding) or ecs.")
  String format = "jsonl";

  /** The output formats. */
  static final List<String> FORMATS = List.of("jsonl", "table", "ocsf", "ecs");

  @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "local",
      description = "local (default: this process) or spark (cloudir-spark and Apache Spark on"
          + " the class path).")
  String engineName = "local";

  @Option(names = "--master", paramLabel = "URL",
      description = "With --engine spark: the Spark master, e.g. local[*] (default: what"
          + " spark-submit set).")
  @Nullable String master;

  @Option(names = "--since", paramLabel = "T",
      description = "Only records from this time (ISO-8601 or a date, inclusive).")
  @Nullable String since;

  @Option(names = "--until", paramLabel = "T",
      description = "Only records before this time (ISO-8601 or a date, exclusive).")
  @Nullable String until;

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Files, directories (recursive, gzip transparently), s3://bucket/prefix or"
          + " '-' for standard input.")
  List<String> paths = new ArrayList<>();

  /** --accounts, --regions, --profile, --endpoint-url for s3:// paths. */
  @Mixin S3Scope s3 = new S3Scope();

  /** --geoip, --asn, --aws-ip-ranges: the rules engine's IP enricher (geo.* fields, travel). */
  @Mixin EnrichOptions enrich = new EnrichOptions();

  HuntCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    PrintStream err = io.err();
    if (!FORMATS.contains(format)) {
      return usage("unknown --format " + format + " (expected jsonl, table, ocsf or ecs)");
    }
    if (!engineName.equals("local") && !engineName.equals("spark")) {
      return usage("unknown --engine " + engineName + " (expected local or spark)");
    }
    Instant from = since == null ? null : TimelineCommand.time(since);
    Instant to = until == null ? null : TimelineCommand.time(until);
    if ((since != null && from == null) || (until != null && to == null)) {
      return usage("--since/--until take an ISO-8601 time such as 2026-03-14T09:00:00Z");
    }
    if (engineName.equals("spark")) {
      if (enrich.any() || !s3.accounts.isEmpty() || !s3.regions.isEmpty()) {
        return usage("--geoip/--asn/--aws-ip-ranges and --accounts/--regions are not supported"
            + " with --engine spark yet (give the Spark job the paths to read)");
      }
      return SparkEngine.hunt(io, master, paths, rules.isEmpty() ? List.of("builtin") : rules,
          from, to, this::print);
    }
    Engine engine;
    try {
      engine = Engine.compile(loadRules(rules.isEmpty() ? List.of("builtin") : rules),
          engineOptions(enrich));
    } catch (RuleException e) {
      return usage(e.getMessage());
    } catch (UncheckedIOException e) {
      return usage(ParseCommand.describe(e.getCause()));
    } catch (IllegalArgumentException e) {
      return usage(String.valueOf(e.getMessage()));
    }
    List<String> inputs;
    try {
      inputs = logFiles(paths);
    } catch (UncheckedIOException e) {
      return usage(ParseCommand.describe(e.getCause()));
    }
    RecordsInput in;
    String remoteSummary;
    int remoteFailures;
    try (S3Inputs remote = new S3Inputs(s3.aws, uri -> s3.query(uri, from, to), true, err)) {
      in = RecordsInput.read(io, inputs, true, remote);
      remoteSummary = remote.summary();
      remoteFailures = remote.failures();
    }
    if (in.error != null && in.records.isEmpty()) {
      return usage(in.error);
    }
    Deduplicator dedup = Deduplicator.unbounded();
    List<LogRecord> kept = select(in.records, dedup, from, to);
    long duplicates = dedup.duplicates();
    List<Finding> findings = new ArrayList<>();
    Session session = engine.newSession(findings::add);
    for (LogRecord r : kept) {
      session.accept(r);
    }
    session.flush();
    List<Finding> sorted = sort(findings);
    boolean failed = !print(sorted);
    if (in.error != null) {
      err.println("cloudir: " + in.error);
      failed = true;
    }
    err.println(in.stats.summary() + remoteSummary + " rules=" + engine.rules().size()
        + " duplicates="
        + duplicates + " events=" + session.records() + " findings=" + sorted.size());
    err.flush();
    if (failed) {
      return Cli.ERROR;
    }
    return in.stats.rejected() > 0 || remoteFailures > 0 ? Cli.REJECTED : Cli.OK;
  }

  /** Prints findings in the chosen format; false (with a message) if standard output closed. */
  boolean print(List<Finding> sorted) {
    PrintStream out = io.out();
    if (format.equals("table")) {
      out.println(tableHeader());
    }
    OcsfWriter ocsf = format.equals("ocsf") ? OcsfWriter.create() : null;
    EcsWriter ecs = format.equals("ecs") ? EcsWriter.create() : null;
    for (Finding f : sorted) {
      out.println(format.equals("table") ? row(f) : ocsf != null ? ocsf.write(f)
          : ecs != null ? ecs.write(f) : f.toJson());
    }
    out.flush();
    if (out.checkError()) {
      io.err().println("cloudir: standard output was closed");
      return false;
    }
    return true;
  }

  /**
   * The engine options: the defaults, with the enrichment files given as IP enricher.
   *
   * @throws IllegalArgumentException when an enrichment file cannot be read or is invalid
   */
  static EngineOptions engineOptions(EnrichOptions enrich) {
    CompositeIpEnricher en = enrich.open();
    return en == null ? EngineOptions.defaults() : EngineOptions.defaults().ipEnricher(en);
  }

  /**
   * The records hunted: each CloudTrail event once (eventID), within [from, to) when given
   * (records without a time are kept only without a window), in (time, provenance) order.
   */
  static List<LogRecord> select(List<LogRecord> records, Deduplicator dedup,
      @Nullable Instant from, @Nullable Instant to) {
    List<LogRecord> kept = new ArrayList<>(records.size());
    for (LogRecord r : records) {
      if (!dedup.accept(r)) {
        continue;
      }
      Instant t = r.time();
      if ((from != null || to != null) && (t == null || (from != null && t.isBefore(from))
          || (to != null && !t.isBefore(to)))) {
        continue;
      }
      kept.add(r);
    }
    kept.sort(RecordOrder.COMPARATOR); // stable: ties keep input order
    return kept;
  }

  /**
   * The paths to read: files and {@code -} as given; directories replaced by their files
   * (recursive, sorted path order) except rule files and notes kept beside logs ({@code .yml},
   * {@code .yaml}, {@code .md}, {@code .py}), so a case folder can hold its rules and README.
   */
  static List<String> logFiles(List<String> paths) {
    List<String> out = new ArrayList<>();
    for (String p : paths) {
      Path path = p.equals("-") ? null : Path.of(p);
      if (path == null || !Files.isDirectory(path)) {
        out.add(p);
        continue;
      }
      try (Stream<Path> s = Files.walk(path)) {
        s.filter(f -> Files.isRegularFile(f) && !isNote(f)).sorted()
            .forEach(f -> out.add(f.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static boolean isNote(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return isYaml(f) || n.endsWith(".md") || n.endsWith(".py");
  }

  /** Findings by time (findings without a time last), then rule id; stable otherwise. */
  static List<Finding> sort(List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(Comparator.comparing(Finding::time, Comparator.nullsLast(
        Comparator.<Instant>naturalOrder())).thenComparing(Finding::ruleId));
    return sorted;
  }

  /** Loads every rule named by the {@code --rules} values, in order. */
  static List<Rule> loadRules(List<String> specs) {
    List<Rule> out = new ArrayList<>();
    for (String spec : specs) {
      if (spec.equals("builtin")) {
        out.addAll(builtin());
        continue;
      }
      Path p = Path.of(spec);
      if (!Files.exists(p)) {
        throw new IllegalArgumentException("no such rule file or directory: " + spec);
      }
      List<Path> files = new ArrayList<>();
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> Files.isRegularFile(f) && isYaml(f)).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        files.add(p);
      }
      for (Path f : files) {
        out.addAll(isSigma(f) ? SigmaImporter.create().load(f) : RuleLoader.load(f));
      }
    }
    return out;
  }

  private static boolean isSigma(Path f) {
    try {
      if (Files.size(f) > (4 << 20)) {
        return false; // the loader reports the size
      }
      return SigmaImporter.isSigma(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isYaml(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yml") || n.endsWith(".yaml");
  }

  /** The built-in pack, when this build has it. */
  @SuppressWarnings("unchecked")
  static List<Rule> builtin() {
    Class<?> c;
    try {
      c = Class.forName(BUILTIN_CLASS);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("this build has no built-in rule pack yet: give rules"
          + " with --rules PATH");
    }
    try {
      return (List<Rule>) c.getMethod("load").invoke(null);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("built-in rules: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("built-in rules: " + e, e);
    }
  }

  static String tableHeader() {
    return String.format(Locale.ROOT, "%-24s  %-8s  %-20s  %-44s  %-15s  %s", "TIME", "SEVERITY",
        "MITRE", "PRINCIPAL", "SOURCE IP", "TITLE");
  }

  static String row(Finding f) {
    return String.format(Locale.ROOT, "%-24s  %-8s  %-20s  %-44s  %-15s  %s", str(f.time()),
        f.severity().text(), f.mitre().isEmpty() ? "-" : String.join(",", f.mitre()),
        str(f.principal()), str(f.sourceIp()), f.title());
  }

  private static String str(@Nullable Object o) {
    return o == null ? "-" : o.toString();
  }

  private int usage(@Nullable String message) {
    io.err().println("cloudir: " + message);
    io.err().flush();
    return Cli.ERROR;
  }
}
