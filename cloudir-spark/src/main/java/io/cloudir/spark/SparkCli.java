package io.cloudir.spark;

import io.cloudir.rules.Finding;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.jspecify.annotations.Nullable;

/**
 * The Spark engine of {@code cloudir hunt --engine spark}. The command line finds this class by
 * name (it does not depend on Spark), so its signature uses JDK and cloudir types only.
 *
 * <p>Stateless and thread-safe (each call runs its own jobs on the active or a new session).
 */
public final class SparkCli {
  private SparkCli() {}

  /**
   * Reads the paths with the {@code cloudir} data source ({@code auto}), prints each rejection to
   * {@code err} as {@code cloudir parse} does, hunts with the rules and hands the findings to
   * {@code sink} in {@code cloudir hunt}'s order.
   *
   * @param master the Spark master ({@code local[*]}, {@code yarn}...), or null to use what
   *     {@code spark-submit} configured
   * @param paths files or directories, local or Hadoop URIs ({@code s3a://...})
   * @param ruleSpecs {@code builtin} or rule files / directories, in order
   * @param since only records from this time, or null
   * @param until only records before this time, or null
   * @return {files, parsed, rejected, events hunted, duplicates, rules}
   * @throws io.cloudir.rules.RuleException if a rule does not compile
   * @throws IllegalArgumentException if a path or rule file does not exist
   */
  public static long[] hunt(@Nullable String master, List<String> paths, List<String> ruleSpecs,
      @Nullable Instant since, @Nullable Instant until, PrintStream err,
      Consumer<Finding> sink) {
    RuleSource rules = null;
    for (String spec : ruleSpecs) {
      RuleSource r;
      if (spec.equals("builtin")) {
        r = RuleSource.builtin();
      } else if (Files.exists(Path.of(spec))) {
        r = RuleSource.files(Path.of(spec));
      } else {
        throw new IllegalArgumentException("no such rule file or directory: " + spec);
      }
      rules = rules == null ? r : rules.plus(r);
    }
    if (rules == null) {
      rules = RuleSource.builtin();
    }
    int ruleCount = rules.load().size();
    SparkSession.Builder b = SparkSession.builder().appName("cloudir hunt");
    if (master != null) {
      b = b.master(master);
    }
    SparkSession spark = b.getOrCreate();
    Dataset<Row> logs = spark.read().format("cloudir").load(paths.toArray(new String[0]));
    ReadSummary summary = ReadSummary.of(logs);
    if (summary.rejected() > 0) {
      for (Row r : logs.filter(functions.col("_rejection").isNotNull())
          .select("_provenance.source", "_provenance.offset", "_provenance.line",
              "_rejection.reason", "_rejection.snippet")
          .orderBy("_input", "offset").collectAsList()) {
        err.println("cloudir: " + r.getString(0) + ":offset " + r.getLong(1)
            + (r.getLong(2) >= 0 ? ":line " + r.getLong(2) : "") + ": " + r.getString(3));
      }
    }
    SparkHunt.Result result = SparkHunt.of(rules).window(since, until).collect(logs);
    for (Finding f : result.findings()) {
      sink.accept(f);
    }
    return new long[] {summary.files(), summary.parsed(), summary.rejected(), result.events(),
        result.duplicates(), ruleCount};
  }
}
