package io.cloudir.parsers.digest;

import io.cloudir.parsers.internal.digest.ReportText;
import java.util.List;

/**
 * What {@link DigestVerifier} found in a set of evidence: one result per digest (including digests
 * the chain shows to be missing) and one per log file, with a JSON form and a human summary.
 *
 * <p>Immutable and thread-safe.
 *
 * @param digests the digests, by trail and region, then by time
 * @param logFiles the log files, by object key
 * @param ignoredFiles how many files were neither a CloudTrail log file, a digest, nor a digest's
 *     metadata (by the {@code AWSLogs/} key layout of their path)
 */
public record VerificationReport(List<DigestResult> digests, List<LogFileResult> logFiles,
    int ignoredFiles) {

  /** Copies the lists. */
  public VerificationReport {
    digests = List.copyOf(digests);
    logFiles = List.copyOf(logFiles);
  }

  /**
   * Whether everything verifies: every digest valid and linked (a start, restart or open start is
   * not a break), every log file valid, and at least one digest present.
   */
  public boolean verified() {
    return !digests.isEmpty() && digests.stream().allMatch(DigestResult::ok)
        && logFiles.stream().allMatch(l -> l.status() == LogFileStatus.VALID);
  }

  /** The number of digests with this status. */
  public long count(DigestStatus s) {
    return digests.stream().filter(d -> d.status() == s).count();
  }

  /** The number of digests with this chain status. */
  public long count(ChainStatus s) {
    return digests.stream().filter(d -> d.chain() == s).count();
  }

  /** The number of log file results with this status. */
  public long count(LogFileStatus s) {
    return logFiles.stream().filter(l -> l.status() == s).count();
  }

  /**
   * The report as one JSON object: {@code verified}, {@code summary} (counts by status), {@code
   * digests} and {@code logFiles} (every result, times in ISO-8601 UTC, absent parts {@code
   * null}), {@code ignoredFiles}.
   */
  public String toJson() {
    return ReportText.json(this);
  }

  /** A few lines for people: the verdict, the counts, then one line per problem. */
  public String summary() {
    return ReportText.summary(this);
  }

  /** The {@link #summary()}. */
  @Override
  public String toString() {
    return summary();
  }
}
