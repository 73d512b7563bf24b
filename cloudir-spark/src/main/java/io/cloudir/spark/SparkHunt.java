package io.cloudir.spark;

import io.cloudir.rules.Finding;
import io.cloudir.spark.internal.DistributedHunt;
import io.cloudir.spark.internal.FindingRec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Distributed hunting: cloudir rules over a DataFrame of the {@code cloudir} data source, with
 * the findings {@code cloudir hunt} makes on one machine for the same input — the same rules, the
 * same deduplication (CloudTrail {@code eventID}, first copy in input order), the same identity
 * attribution and the same (time, provenance) order for every stateful rule.
 *
 * <pre>{@code
 * Dataset<Row> logs = spark.read().format("cloudir").load("s3a://trail-bucket/AWSLogs/");
 * Dataset<Row> findings = SparkHunt.of(RuleSource.builtin()).findings(logs);
 * findings.select("time", "ruleId", "principal", "json").show();
 * }</pre>
 *
 * <p>Rules without state fire in each partition; correlations (thresholds, new terms, sequences)
 * and suppressed rules go through a shuffle keyed by rule and group-by values (suppression
 * values for suppressed rules; one group per rule for sequences) and run in (time, provenance)
 * order per key. Identity events (CloudTrail events of STS, sign-in and SSO) are broadcast to
 * every task, so attributions do not depend on where a record lands. Identical to one machine as
 * long as no per-rule bound on remembered keys (100 000) is reached: past it, the single machine
 * forgets the least recently used key of the whole rule and each group here only its own.
 *
 * <p>Immutable and thread-safe; the work runs on the DataFrame's Spark session.
 */
public final class SparkHunt {
  private final RuleSource rules;
  private final @Nullable Instant since;
  private final @Nullable Instant until;
  private final int partitions;

  private SparkHunt(RuleSource rules, @Nullable Instant since, @Nullable Instant until,
      int partitions) {
    this.rules = Objects.requireNonNull(rules);
    this.since = since;
    this.until = until;
    this.partitions = partitions;
  }

  /** A hunt with these rules (compiled on the driver when the hunt runs). */
  public static SparkHunt of(RuleSource rules) {
    return new SparkHunt(rules, null, null, 0);
  }

  /** Only records in [since, until) (either may be null); records without a time are then left out. */
  public SparkHunt window(@Nullable Instant since, @Nullable Instant until) {
    return new SparkHunt(rules, since, until, partitions);
  }

  /**
   * The number of partitions of the two shuffles (default 0: Spark's default parallelism).
   *
   * @throws IllegalArgumentException if negative
   */
  public SparkHunt partitions(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("partitions must be >= 0");
    }
    return new SparkHunt(rules, since, until, n);
  }

  /** The schema of {@link #findings}: the finding's parts and its {@code json}. */
  public static StructType findingSchema() {
    return FindingRec.SCHEMA;
  }

  private JavaRDD<FindingRec> rdd(Dataset<Row> records,
      DistributedHunt.@Nullable Counters counters) {
    SparkSession spark = records.sparkSession();
    int n = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
    return DistributedHunt.run(records, rules, since, until, n, counters);
  }

  /**
   * The findings as a DataFrame ({@link #findingSchema()}), unordered; its {@code json} column
   * is exactly the line {@code cloudir hunt} prints for the finding.
   *
   * @throws io.cloudir.rules.RuleException if a rule does not compile
   */
  public Dataset<Row> findings(Dataset<Row> records) {
    return records.sparkSession().createDataFrame(rdd(records, null).map(FindingRec::row),
        FindingRec.SCHEMA);
  }

  /**
   * Runs the hunt and brings the findings to the driver in {@code cloudir hunt}'s order (time,
   * findings without time last, then rule id, then the place of the evidence).
   *
   * @throws io.cloudir.rules.RuleException if a rule does not compile
   */
  public Result collect(Dataset<Row> records) {
    SparkSession spark = records.sparkSession();
    DistributedHunt.Counters c = new DistributedHunt.Counters(
        spark.sparkContext().longAccumulator("cloudir.read"),
        spark.sparkContext().longAccumulator("cloudir.unique"),
        spark.sparkContext().longAccumulator("cloudir.events"));
    List<Finding> out = new ArrayList<>();
    for (FindingRec f : rdd(records, c).collect()) {
      out.add(f.finding());
    }
    out.sort(ORDER);
    return new Result(List.copyOf(out), c.events().value(),
        c.read().value() - c.unique().value());
  }

  /** {@code cloudir hunt}'s order, with the evidence's place to break ties deterministically. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::time,
      Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
      .thenComparing(Finding::ruleId)
      .thenComparing(f -> f.evidence().get(f.evidence().size() - 1).provenance())
      .thenComparing(f -> f.evidence().get(0).provenance())
      .thenComparing(Finding::toJson);

  /**
   * The findings of a hunt and its counters.
   *
   * @param findings the findings in {@link #ORDER}
   * @param events the records evaluated (after deduplication and the time window)
   * @param duplicates CloudTrail copies left out
   */
  public record Result(List<Finding> findings, long events, long duplicates) {}
}
