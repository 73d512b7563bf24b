package io.cloudir.spark.internal;

import io.cloudir.investigate.RecordOrder;
import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.rules.Engine;
import io.cloudir.rules.Finding;
import io.cloudir.rules.Rule;
import io.cloudir.rules.Session;
import io.cloudir.spark.RuleSource;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;
import org.jspecify.annotations.Nullable;
import scala.Tuple2;

/**
 * The distributed hunt. It makes the findings of one {@link Session} over all records in (time,
 * provenance) order — what {@code cloudir hunt} does — in four steps:
 *
 * <ol>
 *   <li>deduplication: a shuffle by CloudTrail {@code eventID} keeps the first copy in input order
 *       (file position, then offset), as {@code io.cloudir.investigate.Deduplicator} does;
 *   <li>identity context: the identity events (CloudTrail events of STS, sign-in and SSO, from
 *       which sessions attribute calls) are collected, sorted and broadcast, so every task
 *       attributes its records as one session over everything would ({@link Session#observe});
 *   <li>per partition, in (time, provenance) order: the rules without state (no correlation, no
 *       suppression) fire, and every record a stateful rule selects is keyed by the state it
 *       touches ({@link Session#stateKeys});
 *   <li>a shuffle by (rule, key): each group runs a session of that rule alone over its records
 *       in (time, provenance) order.
 * </ol>
 *
 * <p>Stateless; the work runs on Spark.
 */
public final class DistributedHunt {
  private DistributedHunt() {}

  /**
   * Counters of one run (accumulators: exact when no task was retried): records read, records
   * left after deduplication, records hunted (also within the time window).
   */
  public record Counters(LongAccumulator read, LongAccumulator unique, LongAccumulator events) {}

  /** The compiled engines of a rule source, once per JVM. */
  private static final class Pack {
    final Engine full;
    final Engine stateless;
    final Map<Integer, Engine> single = new ConcurrentHashMap<>();

    Pack(List<Rule> rules) {
      this.full = Engine.compile(rules);
      List<Rule> simple = new ArrayList<>();
      for (Rule r : rules) {
        if (r.correlation() == null && r.suppression() == null) {
          simple.add(r);
        }
      }
      this.stateless = Engine.compile(simple);
    }

    Engine single(int rule) {
      return single.computeIfAbsent(rule, i -> Engine.compile(List.of(full.rules().get(i))));
    }
  }

  private static final Map<RuleSource, Pack> PACKS = new ConcurrentHashMap<>();

  private static Pack pack(RuleSource rules) {
    return PACKS.computeIfAbsent(rules, r -> new Pack(r.load()));
  }

  /** The key of a group of the second shuffle: a rule index and a state key (-1: findings). */
  record GroupKey(int rule, String key) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** What travels to the second shuffle: a finding, or a record of a stateful rule. */
  record Out(@Nullable FindingRec finding, @Nullable Rec rec) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * The findings of the rules over the records of a {@code cloudir} DataFrame (rows with
   * {@code _rejection} set are skipped), unordered.
   *
   * @param records rows of the {@code cloudir} data source (any type option)
   * @param rules the rules
   * @param from only records from this time, or null
   * @param to only records before this time, or null
   * @param partitions the number of partitions of both shuffles
   * @param counters where to count events hunted and duplicates, or null
   */
  public static JavaRDD<FindingRec> run(Dataset<Row> records, RuleSource rules,
      @Nullable Instant from, @Nullable Instant to, int partitions,
      @Nullable Counters counters) {
    pack(rules); // compile on the driver first: rule errors surface here
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(
        records.sparkSession().sparkContext());
    JavaRDD<Rec> recs = records.filter(functions.col("_rejection").isNull())
        .select("type", "_raw", "_format", "_provenance", "_input")
        .javaRDD().map(DistributedHunt::rec);
    LongAccumulator read = counters == null ? null : counters.read();
    JavaRDD<Rec> deduped = recs
        .mapToPair(r -> {
          if (read != null) {
            read.add(1);
          }
          return new Tuple2<>(dedupKey(r), r);
        })
        .reduceByKey(DistributedHunt::first, partitions)
        .values();
    List<Item> found = new ArrayList<>();
    for (Rec r : deduped.filter(r -> isIdentity(r) && inWindow(r.decode(), from, to)).collect()) {
      found.add(new Item(r.decode(), r));
    }
    found.sort(Comparator.comparing(Item::record, RecordOrder.COMPARATOR));
    List<Rec> identity = new ArrayList<>(found.size());
    found.forEach(i -> identity.add(java.util.Objects.requireNonNull(i.rec()).bare()));
    Broadcast<List<Rec>> ids = jsc.broadcast(identity);
    LongAccumulator unique = counters == null ? null : counters.unique();
    LongAccumulator events = counters == null ? null : counters.events();
    JavaPairRDD<GroupKey, Out> stage1 = deduped.mapPartitionsToPair(it -> {
      List<Rec> own = new ArrayList<>();
      int all = 0;
      while (it.hasNext()) {
        Rec r = it.next();
        all++;
        if (inWindow(r.decode(), from, to)) {
          own.add(r);
        }
      }
      if (unique != null && events != null) {
        unique.add(all);
        events.add(own.size());
      }
      List<Tuple2<GroupKey, Out>> out = new ArrayList<>();
      partitionPass(pack(rules), own, identity(ids), out);
      return out.iterator();
    });
    return stage1.partitionBy(new org.apache.spark.HashPartitioner(partitions))
        .mapPartitions(it -> {
          List<FindingRec> out = new ArrayList<>();
          Map<Integer, List<Rec>> byRule = new java.util.TreeMap<>();
          while (it.hasNext()) {
            Tuple2<GroupKey, Out> t = it.next();
            FindingRec f = t._2().finding();
            if (f != null) {
              out.add(f);
            } else {
              byRule.computeIfAbsent(t._1().rule(), k -> new ArrayList<>())
                  .add(java.util.Objects.requireNonNull(t._2().rec()));
            }
          }
          // groups of one rule never share state: one session per rule runs all of them
          for (Map.Entry<Integer, List<Rec>> e : byRule.entrySet()) {
            groupPass(pack(rules).single(e.getKey()), e.getValue(), identity(ids), out);
          }
          return out.iterator();
        });
  }

  private static Rec rec(Row row) {
    Row p = row.getStruct(3);
    return new Rec(row.getString(0), (byte[]) row.get(1), row.isNullAt(2) ? null : row.getString(2),
        p.getString(0), p.getLong(1), p.getLong(2), p.isNullAt(3) ? null : p.getString(3),
        p.isNullAt(4) ? null : p.getString(4), row.getInt(4));
  }

  /** The first of two copies in input order: file position, then offset. */
  static Rec first(Rec a, Rec b) {
    if (a.input != b.input) {
      return a.input < b.input ? a : b;
    }
    return a.offset <= b.offset ? a : b;
  }

  /**
   * The deduplication key: a CloudTrail event's id (a canonical UUID in lower case, so any
   * spelling meets its copies; other ids as written), else the record's own place.
   */
  static String dedupKey(Rec r) {
    if (r.type.equals("cloudtrail")) {
      String id = ((CloudTrailEvent) r.peek()).eventID();
      if (id != null) {
        return "e" + (isUuid(id) ? id.toLowerCase(Locale.ROOT) : id);
      }
    }
    return "p" + r.input + ":" + r.source + ":" + r.offset;
  }

  private static boolean isUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Within [from, to); records without a time only when there is no window. */
  static boolean inWindow(LogRecord r, @Nullable Instant from, @Nullable Instant to) {
    if (from == null && to == null) {
      return true;
    }
    Instant t = r.time();
    return t != null && (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
  }

  /** Whether a record is an identity event (what {@link Session#observe} learns from). */
  static boolean isIdentity(Rec r) {
    if (!r.type.equals("cloudtrail")) {
      return false;
    }
    String s = ((CloudTrailEvent) r.decode()).eventSource();
    return s != null && (s.equals("sts.amazonaws.com") || s.equals("signin.amazonaws.com")
        || s.equals("sso.amazonaws.com"));
  }

  /** A decoded record and whether it belongs to the records being evaluated. */
  private record Item(LogRecord record, @Nullable Rec rec) {}

  /** The decoded identity events of the current broadcast, per JVM. */
  private static volatile @Nullable Decoded decoded;

  private record Decoded(long id, List<LogRecord> records) {}

  private static List<LogRecord> identity(Broadcast<List<Rec>> b) {
    Decoded d = decoded;
    if (d == null || d.id() != b.id()) {
      List<LogRecord> l = new ArrayList<>();
      for (Rec r : b.value()) {
        l.add(r.decode());
      }
      d = new Decoded(b.id(), List.copyOf(l));
      decoded = d;
    }
    return d.records();
  }

  /**
   * The records of a task merged with the identity events up to its last record, in (time,
   * provenance) order; a record in both is one item that belongs to the task.
   */
  private static List<Item> merge(List<Rec> own, List<LogRecord> identity) {
    List<Item> mine = new ArrayList<>(own.size());
    for (Rec r : own) {
      mine.add(new Item(r.decode(), r));
    }
    mine.sort(Comparator.comparing(Item::record, RecordOrder.COMPARATOR));
    List<Item> out = new ArrayList<>(mine.size() + identity.size());
    int j = 0;
    for (Item m : mine) {
      while (j < identity.size()) {
        LogRecord id = identity.get(j);
        int c = RecordOrder.COMPARATOR.compare(id, m.record());
        if (c > 0) {
          break;
        }
        if (c < 0) {
          out.add(new Item(id, null));
        }
        j++;
      }
      out.add(m);
    }
    return out;
  }

  private static void partitionPass(Pack pack, List<Rec> own, List<LogRecord> identity,
      List<Tuple2<GroupKey, Out>> out) {
    List<Finding> findings = new ArrayList<>();
    Session simple = pack.stateless.newSession(findings::add);
    Session keys = pack.full.newSession(f -> {});
    for (Item i : merge(own, identity)) {
      Rec rec = i.rec();
      if (rec == null) {
        simple.observe(i.record());
        keys.observe(i.record());
        continue;
      }
      simple.accept(i.record());
      keys.stateKeys(i.record(), (key, rule) ->
          out.add(new Tuple2<>(new GroupKey(rule, key), new Out(null, rec))));
    }
    simple.flush();
    for (int k = 0; k < findings.size(); k++) {
      out.add(new Tuple2<>(new GroupKey(-1, Integer.toString(k)),
          new Out(new FindingRec(findings.get(k)), null)));
    }
  }

  private static void groupPass(Engine engine, List<Rec> own, List<LogRecord> identity,
      List<FindingRec> out) {
    Session s = engine.newSession(f -> out.add(new FindingRec(f)));
    for (Item i : merge(own, identity)) {
      if (i.rec() == null) {
        s.observe(i.record());
      } else {
        s.accept(i.record());
      }
    }
    s.flush();
  }
}
