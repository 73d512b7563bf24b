package io.cloudir.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.rules.BuiltinRules;
import io.cloudir.rules.Finding;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distributed hunt makes exactly the single-machine findings. */
class SparkHuntTest {
  private static final String INCIDENT = "../examples/incident";

  private static Dataset<Row> read(String... paths) {
    return Spark.session().read().format("cloudir").load(paths);
  }

  private static List<Rule> incidentRules() {
    List<Rule> rules = new ArrayList<>(BuiltinRules.load());
    rules.addAll(RuleLoader.load(Path.of(INCIDENT, "rules")));
    return rules;
  }

  private static Set<String> correlated(List<Rule> rules, List<Finding> findings) {
    Set<String> stateful = rules.stream()
        .filter(r -> r.correlation() != null || r.suppression() != null)
        .map(Rule::id).collect(Collectors.toSet());
    Set<String> fired = new HashSet<>();
    for (Finding f : findings) {
      if (stateful.contains(f.ruleId())) {
        fired.add(f.ruleId());
      }
    }
    return fired;
  }

  @Test
  void incidentGivesTheSingleMachineFindings() {
    List<Rule> rules = incidentRules();
    Reference.Hunt ref = Reference.hunt(List.of(INCIDENT), rules, null, null);
    SparkHunt.Result got = SparkHunt.of(RuleSource.builtin()
        .plus(RuleSource.files(Path.of(INCIDENT, "rules")))).partitions(3).collect(read(INCIDENT));
    assertFalse(ref.findings().isEmpty());
    assertFalse(correlated(rules, ref.findings()).isEmpty(), "a stateful rule fires");
    assertEquals(Reference.json(ref.findings()), Reference.json(got.findings()));
    assertEquals(ref.events(), got.events());
  }

  @Test
  void aWindowKeepsTheSameFindings() {
    Instant from = Instant.parse("2026-03-14T09:00:00Z");
    Instant to = Instant.parse("2026-03-14T10:30:00Z");
    List<Rule> rules = BuiltinRules.load();
    Reference.Hunt ref = Reference.hunt(List.of(INCIDENT), rules, from, to);
    SparkHunt.Result got = SparkHunt.of(RuleSource.builtin()).window(from, to).collect(read(INCIDENT));
    assertFalse(ref.findings().isEmpty());
    assertEquals(Reference.json(ref.findings()), Reference.json(got.findings()));
    assertEquals(ref.events(), got.events());
  }

  @Test
  void theFindingsDataFrameHoldsTheFindingJson() {
    Reference.Hunt ref = Reference.hunt(List.of(INCIDENT), BuiltinRules.load(), null, null);
    Dataset<Row> df = SparkHunt.of(RuleSource.builtin()).findings(read(INCIDENT));
    List<String> json = new ArrayList<>();
    for (Row r : df.select("json").collectAsList()) {
      json.add(r.getString(0));
    }
    List<String> expected = new ArrayList<>(Reference.json(ref.findings()));
    expected.sort(null);
    json.sort(null);
    assertEquals(expected, json);
    assertEquals(ref.findings().size(), df.filter("size(evidence) > 0").count());
  }

  @Test
  void sparkCliPrintsTheSameFindings(@TempDir Path tmp) throws Exception {
    Reference.Hunt ref = Reference.hunt(List.of(INCIDENT), incidentRules(), null, null);
    List<Finding> got = new ArrayList<>();
    var err = new java.io.ByteArrayOutputStream();
    Spark.session();
    long[] counts = SparkCli.hunt("local[2]", List.of(INCIDENT),
        List.of("builtin", INCIDENT + "/rules"), null, null,
        new java.io.PrintStream(err, true, "UTF-8"), got::add);
    assertEquals(Reference.json(ref.findings()), Reference.json(got));
    assertEquals(ref.stats().parsed(), counts[1]);
    assertEquals(ref.stats().rejected(), counts[2]);
    assertEquals(ref.events(), counts[3]);
  }

  /**
   * A generated dataset (size from {@code cloudir.spark.events}: the build says 2 000 000 records,
   * 100 000 without it) in at least 200 files: the same findings, correlations included. The
   * single machine's findings are kept as JSON lines only, compared in order with Spark's one at
   * a time; a difference reports its place, both findings and what is missing or extra.
   */
  @Test
  void aGeneratedDatasetInManyFilesGivesTheSingleMachineFindings(@TempDir Path tmp) {
    long events = Long.getLong("cloudir.spark.events", 100_000L);
    int perFile = (int) Math.max(500, Math.min(10_000, events / 200));
    long t0 = System.nanoTime();
    Generated.Stats st = Generated.write(tmp, events, perFile, 20261122L);
    long t1 = System.nanoTime();
    List<Rule> rules = BuiltinRules.load();
    Reference.Lines ref = Reference.lines(List.of(tmp.toString()), rules);
    long t2 = System.nanoTime();
    SparkSession spark = Spark.session();
    SparkHunt.Result got = SparkHunt.of(RuleSource.builtin()).partitions(8)
        .collect(spark.read().format("cloudir").load(tmp.toString()));
    long t3 = System.nanoTime();
    Set<String> fired = new java.util.TreeSet<>();
    for (Finding f : got.findings()) {
      fired.add(f.ruleId());
    }
    Set<String> stateful = correlated(rules, got.findings());
    System.out.printf("generated %s in %d files (%.1f s); single machine %.1f s; spark %.1f s;"
        + " %d findings, rules fired: %s (stateful: %s)%n", st, st.files(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
        ref.json().size(), fired, stateful);
    assertTrue(st.files() >= Math.min(200, events / 500), "files: " + st.files());
    assertTrue(ref.events() >= events * 9 / 10, "records hunted: " + ref.events());
    assertTrue(stateful.size() >= 3, "stateful rules fired: " + stateful);
    assertEquals(ref.events(), got.events());
    assertEquals(st.duplicates(), got.duplicates());
    sameFindings(ref.json(), got.findings());
  }

  /** {@code want} (JSON lines) and {@code have}, in the same order, one finding at a time. */
  static void sameFindings(List<String> want, List<Finding> have) {
    int n = Math.min(want.size(), have.size());
    int first = n;
    for (int i = 0; i < n; i++) {
      if (!want.get(i).equals(have.get(i).toJson())) {
        first = i;
        break;
      }
    }
    if (first == n && want.size() == have.size()) {
      return;
    }
    Set<String> a = new HashSet<>(want);
    Set<String> b = new HashSet<>();
    List<String> extra = new ArrayList<>();
    for (Finding f : have) {
      String j = f.toJson();
      b.add(j);
      if (!a.contains(j) && extra.size() < 3) {
        extra.add(j);
      }
    }
    List<String> missing = want.stream().filter(j -> !b.contains(j)).limit(3).toList();
    throw new AssertionError("findings differ: single machine " + want.size() + ", spark "
        + have.size() + "; first difference at " + first + ":\n  single machine: "
        + (first < want.size() ? want.get(first) : "(none)") + "\n  spark:          "
        + (first < have.size() ? have.get(first).toJson() : "(none)")
        + "\n  missing (first 3): " + missing + "\n  extra (first 3): " + extra);
  }
}
