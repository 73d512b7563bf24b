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
    List<Finding> findings = new ArrayList<>();
    Run run = run(paths, rules, from, to, findings);
    return new Hunt(findings, run.events(), run.stats());
  }

  /** A hunt's findings as {@code cloudir hunt} prints them, in {@link SparkHunt#ORDER}. */
  record Lines(List<String> json, long events, ReadStats stats) {}

  /**
   * {@link #hunt} keeping only the findings' JSON lines, so that no record (and no block of bytes
   * a record shares with its neighbours) stays reachable once the hunt is over.
   */
  static Lines lines(List<String> paths, List<Rule> rules) {
    List<Finding> findings = new ArrayList<>();
    Run run = run(paths, rules, null, null, findings);
    List<String> json = json(findings);
    findings.clear();
    return new Lines(json, run.events(), run.stats());
  }

  private record Run(long events, ReadStats stats) {}

  /** Reads (each CloudTrail event once, within the window), sorts, hunts; findings sorted. */
  private static Run run(List<String> paths, List<Rule> rules, Instant from, Instant to,
      List<Finding> findings) {
    Deduplicator dedup = Deduplicator.unbounded();
    List<LogRecord> kept = new ArrayList<>();
    ReadStats stats;
    try (RecordStream rs = LogReader.builder().parallelism(2).build().open(sources(paths))) {
      for (LogRecord r : rs) {
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
      stats = rs.stats();
    }
    kept.sort(RecordOrder.COMPARATOR);
    Session s = Engine.compile(rules).newSession(findings::add);
    for (int i = 0; i < kept.size(); i++) {
      s.accept(kept.get(i));
      kept.set(i, null); // evaluated: only findings keep it
    }
    s.flush();
    findings.sort(SparkHunt.ORDER);
    return new Run(s.records(), stats);
  }

  static List<String> json(List<Finding> findings) {
    List<String> out = new ArrayList<>();
    for (Finding f : findings) {
      out.add(f.toJson());
    }
    return out;
  }
}
