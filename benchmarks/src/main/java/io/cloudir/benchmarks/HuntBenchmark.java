package io.cloudir.benchmarks;

import io.cloudir.model.LogRecord;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.RecordStream;
import io.cloudir.rules.Engine;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleLoader;
import io.cloudir.rules.Session;
import io.cloudir.rules.sigma.SigmaImporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hunt pipeline on one core: a generated CloudTrail mix ({@link CloudTrailData#generate},
 * uncompressed) through the compiled rules. One operation is the whole input, so events/s = ops/s
 * × {@link #events()}.
 *
 * <ul>
 *   <li>{@code endToEnd}: bytes → records (one reader thread) → a {@link Session} (routing,
 *       attribution, matching, correlation) → findings.
 *   <li>{@code engineOnly}: the same session over records parsed beforehand.
 * </ul>
 *
 * <p>Rules ({@link #rules(int)}): the Sigma rules of {@code ../shared/corpus/sigma_aws_cloudtrail},
 * then {@code examples/incident/rules}, then the built-in pack (last, so that the 10- and 100-rule
 * cuts are the single-event CloudTrail rules that fire on the generated mix); {@code
 * rules} = 10 takes the first ten, {@code all} everything, and 100 tops the pool up with copies
 * (new ids, same detections) when it holds fewer than 100 rules.
 *
 * <p>Thread-safety: JMH state, one instance per trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class HuntBenchmark {
  /**
   * Number of rules: 10, 100 or all of the pool, or {@code builtin}: the built-in pack alone (the
   * issue's "full pack" figure).
   */
  @Param({"10", "100", "all", "builtin"})
  public String rules = "all";

  /** Size of the generated input in bytes. */
  @Param({"16777216"})
  public int bytes = 16 << 20;

  byte[] data = new byte[0];
  List<LogRecord> parsed = List.of();
  Engine engine = Engine.compile(List.of());

  @Setup(Level.Trial)
  public void setup() {
    data = CloudTrailData.generate(CloudTrailData.DEFAULT_SEED, bytes);
    parsed = parse(data);
    engine = Engine.compile(rules.equals("builtin") ? builtin()
        : rules(rules.equals("all") ? -1 : Integer.parseInt(rules)));
  }

  /** Number of events in the input. */
  public int events() {
    return parsed.size();
  }

  static List<LogRecord> parse(byte[] data) {
    List<LogRecord> out = new ArrayList<>();
    try (RecordStream rs = reader().open(List.of(LogSource.of("generated.json", data)))) {
      rs.forEach(out::add);
    }
    return out;
  }

  private static LogReader reader() {
    return LogReader.builder().parallelism(1).build();
  }

  /** The built-in pack (empty when it is not in this build). */
  @SuppressWarnings("unchecked")
  public static List<Rule> builtin() {
    try {
      return (List<Rule>) Class.forName("io.cloudir.rules.BuiltinRules").getMethod("load")
          .invoke(null);
    } catch (ClassNotFoundException e) {
      return List.of(); // the pack is not in this build
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rule pool, cut to {@code n} rules (copies added when it is smaller); -1 for all. */
  @SuppressWarnings("unchecked")
  public static List<Rule> rules(int n) {
    List<Rule> pool = new ArrayList<>();
    Path sigma = CloudTrailData.sharedDir().resolve("corpus/sigma_aws_cloudtrail");
    if (Files.isDirectory(sigma)) {
      pool.addAll(SigmaImporter.builder().defaultLicense("DRL-1.1").build().load(sigma));
    }
    for (Path p : List.of(Path.of("examples/incident/rules"),
        Path.of("../examples/incident/rules"))) {
      if (Files.isDirectory(p)) {
        pool.addAll(RuleLoader.load(p));
        break;
      }
    }
    pool.addAll(builtin());
    if (pool.isEmpty()) {
      throw new IllegalStateException("no rules found (run from the repository root)");
    }
    if (n < 0) {
      return pool;
    }
    List<Rule> out = new ArrayList<>(pool.subList(0, Math.min(n, pool.size())));
    for (int copy = 1; out.size() < n; copy++) {
      for (Rule r : pool) {
        if (out.size() == n) {
          break;
        }
        out.add(copyOf(r, copy));
      }
    }
    return out;
  }

  private static Rule copyOf(Rule r, int copy) {
    Rule.Builder b = Rule.builder(r.id() + "-copy" + copy).title(r.title())
        .description(r.description()).severity(r.severity())
        .mitre(r.mitre().toArray(new String[0])).author(r.author()).license(r.license())
        .references(r.references().toArray(new String[0])).logSource(r.logSource())
        .condition(r.condition()).correlation(r.correlation()).suppress(r.suppression());
    r.selections().values().forEach(b::select);
    return b.build();
  }

  /** Bytes to findings; returns the number of findings plus records (to be consumed). */
  @Benchmark
  public long endToEnd() {
    long[] findings = new long[1];
    Session s = engine.newSession(f -> findings[0]++);
    try (RecordStream rs = reader().open(List.of(LogSource.of("generated.json", data)))) {
      for (LogRecord r : rs) {
        s.accept(r);
      }
    }
    s.flush();
    return findings[0] * 1_000_003L + s.records();
  }

  /** Parsed records to findings. */
  @Benchmark
  public long engineOnly() {
    long[] findings = new long[1];
    Session s = engine.newSession(f -> findings[0]++);
    for (LogRecord r : parsed) {
      s.accept(r);
    }
    s.flush();
    return findings[0] * 1_000_003L + s.records();
  }

  /**
   * Same-JVM harness for a loaded machine: alternates the variants for each rule count and
   * prints the best of {@code args[0]} (default 5) repetitions in events/s.
   */
  public static void main(String[] args) {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    for (String n : List.of("10", "100", "all", "builtin")) {
      HuntBenchmark b = new HuntBenchmark();
      b.rules = n;
      b.setup();
      long bestE2e = Long.MAX_VALUE;
      long bestEngine = Long.MAX_VALUE;
      long answer = 0;
      for (int i = 0; i < reps; i++) {
        long t0 = System.nanoTime();
        long a = b.endToEnd();
        long t1 = System.nanoTime();
        long c = b.engineOnly();
        long t2 = System.nanoTime();
        if (a != c) {
          throw new IllegalStateException("variants disagree: " + a + " vs " + c);
        }
        answer = a;
        bestE2e = Math.min(bestE2e, t1 - t0);
        bestEngine = Math.min(bestEngine, t2 - t1);
      }
      System.out.printf(java.util.Locale.ROOT,
          "rules=%s (%d)  events=%d  findings=%d  endToEnd=%.0f ev/s  engineOnly=%.0f ev/s%n",
          n, b.engine.rules().size(), b.events(), answer / 1_000_003L,
          b.events() * 1e9 / bestE2e, b.events() * 1e9 / bestEngine);
    }
  }
}
