package io.cloudir.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cloudir.rules.BuiltinRules;
import io.cloudir.rules.Rule;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events per second of the single-machine hunt (read, deduplicate, sort, one session: what
 * {@code cloudir hunt} does) and of {@link SparkHunt} on {@code local[2]} over the same
 * generated dataset, the Spark path at several shuffle partition counts. Not part of the build:
 * {@code mvn -pl cloudir-spark -am verify -Dtest=SparkHuntBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcloudir.spark.bench=RECORDS}. Each variant runs
 * {@code cloudir.spark.bench.reps} times (default 3), alternating; the best run counts. Both
 * variants must give the same number of findings.
 */
@EnabledIfSystemProperty(named = "cloudir.spark.bench", matches = "[0-9]+")
class SparkHuntBenchmark {
  @Test
  void eventsPerSecond(@TempDir Path tmp) {
    long n = Long.parseLong(System.getProperty("cloudir.spark.bench"));
    int reps = Integer.getInteger("cloudir.spark.bench.reps", 3);
    Generated.Stats st = Generated.write(tmp, n, 5_000, 7L);
    List<Rule> rules = BuiltinRules.load();
    int[] parts = {2, 4, 8, 16};
    double single = Double.MAX_VALUE;
    double[] spark = new double[parts.length];
    java.util.Arrays.fill(spark, Double.MAX_VALUE);
    int findings = -1;
    Spark.session();
    for (int r = 0; r < reps; r++) {
      long t0 = System.nanoTime();
      Reference.Hunt ref = Reference.hunt(List.of(tmp.toString()), rules, null, null);
      single = Math.min(single, (System.nanoTime() - t0) / 1e9);
      findings = ref.findings().size();
      for (int p = 0; p < parts.length; p++) {
        long t1 = System.nanoTime();
        SparkHunt.Result got = SparkHunt.of(RuleSource.builtin()).partitions(parts[p])
            .collect(Spark.session().read().format("cloudir").load(tmp.toString()));
        spark[p] = Math.min(spark[p], (System.nanoTime() - t1) / 1e9);
        assertEquals(findings, got.findings().size());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%n%d records (%d CloudTrail, %d flow, %d DNS) in %d"
        + " files, %d findings, best of %d%n%n", st.events(), st.cloudTrail(), st.flow(),
        st.dns(), st.files(), findings, reps));
    sb.append("| engine | partitions | seconds | records/s |\n|---|---|---|---|\n");
    sb.append(String.format(Locale.ROOT, "| cloudir hunt (one JVM) | - | %.1f | %,.0f |%n",
        single, st.events() / single));
    for (int p = 0; p < parts.length; p++) {
      sb.append(String.format(Locale.ROOT, "| SparkHunt local[2] | %d | %.1f | %,.0f |%n",
          parts[p], spark[p], st.events() / spark[p]));
    }
    System.out.println(sb);
  }
}
