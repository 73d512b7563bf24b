package io.cloudir.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.rules.BuiltinRules;
import io.cloudir.rules.Finding;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleLoader;
import java.nio.file.Files;
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
   * A generated dataset (size from {@code cloudir.spark.events}, default 100 000 records, in
   * files of 5 000): the same findings, correlations included.
   */
  @Test
  void aGeneratedDatasetInManyFilesGivesTheSingleMachineFindings(@TempDir Path tmp) {
    long events = Long.getLong("cloudir.spark.events", 100_000L);
    long t0 = System.nanoTime();
    Generated.Stats st = Generated.write(tmp, events, 5_000, 20261122L);
    long t1 = System.nanoTime();
    List<Rule> rules = BuiltinRules.load();
    Reference.Hunt ref = Reference.hunt(List.of(tmp.toString()), rules, null, null);
    long t2 = System.nanoTime();
    SparkSession spark = Spark.session();
    SparkHunt.Result got = SparkHunt.of(RuleSource.builtin()).partitions(8)
        .collect(spark.read().format("cloudir").load(tmp.toString()));
    long t3 = System.nanoTime();
    System.out.printf("generated %s in %d files (%.1f s); single machine %.1f s; spark %.1f s;"
        + " %d findings, stateful rules fired: %s%n", st, st.files(), (t1 - t0) / 1e9,
        (t2 - t1) / 1e9, (t3 - t2) / 1e9, ref.findings().size(),
        correlated(rules, ref.findings()));
    assertTrue(ref.events() >= events * 9 / 10, "records hunted: " + ref.events());
    assertTrue(correlated(rules, ref.findings()).size() >= 3,
        "stateful rules fired: " + correlated(rules, ref.findings()));
    assertEquals(ref.events(), got.events());
    assertEquals(st.duplicates(), got.duplicates());
    List<String> want = Reference.json(ref.findings());
    List<String> have = Reference.json(got.findings());
    if (!want.equals(have)) {
      Set<String> a = new HashSet<>(want);
      Set<String> b = new HashSet<>(have);
      List<String> missing = want.stream().filter(s -> !b.contains(s)).limit(3).toList();
      List<String> extra = have.stream().filter(s -> !a.contains(s)).limit(3).toList();
      assertEquals(want.size(), have.size(), "missing " + missing + " extra " + extra);
      assertEquals(want, have, "missing " + missing + " extra " + extra);
    }
    assertTrue(Files.isDirectory(tmp));
  }
}
