package io.cloudir.spark;

import io.cloudir.investigate.Deduplicator;
import io.cloudir.investigate.RecordOrder;
import io.cloudir.model.LogRecord;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.ReadStats;
import io.cloudir.parsers.RecordStream;
import io.cloudir.rules.Engine;
import io.cloudir.rules.Finding;
import io.cloudir.rules.Rule;
import io.cloudir.rules.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-machine hunt the way {@code cloudir hunt} runs it: files in path order (rule files
 * and notes left out), every record read, each CloudTrail event once, the time window, (time,
 * provenance) order, one session.
 */
final class Reference {
  private Reference() {}

  record Hunt(List<Finding> findings, long events, ReadStats stats) {}

  /** The log sources of the paths (directories in sorted order), without rule files and notes. */
  static List<LogSource> sources(List<String> paths) {
    List<LogSource> out = new ArrayList<>();
    for (LogSource s : LogSource.expand(paths)) {
      if (!io.cloudir.spark.internal.Inputs.isNote(s.name())) {
        out.add(s);
      }
    }
    return out;
  }

  static List<LogRecord> read(List<String> paths, List<ReadStats> stats) {
    List<LogRecord> all = new ArrayList<>();
    try (RecordStream rs = LogReader.builder().parallelism(2).build()
        .open(sources(paths))) {
      for (LogRecord r : rs) {
        all.add(r);
      }
      stats.add(rs.stats());
    }
    return all;
  }

  static Hunt hunt(List<String> paths, List<Rule> rules, Instant from, Instant to) {
    List<ReadStats> stats = new ArrayList<>();
    List<LogRecord> all = read(paths, stats);
    Deduplicator dedup = Deduplicator.unbounded();
    List<LogRecord> kept = new ArrayList<>();
    for (LogRecord r : all) {
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
    kept.sort(RecordOrder.COMPARATOR);
    List<Finding> findings = new ArrayList<>();
    Session s = Engine.compile(rules).newSession(findings::add);
    for (LogRecord r : kept) {
      s.accept(r);
    }
    s.flush();
    findings.sort(SparkHunt.ORDER);
    return new Hunt(findings, s.records(), stats.get(0));
  }

  static List<String> json(List<Finding> findings) {
    List<String> out = new ArrayList<>();
    for (Finding f : findings) {
      out.add(f.toJson());
    }
    return out;
  }
}
