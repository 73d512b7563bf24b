package io.cloudir.parsers.internal.digest;

import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.parsers.digest.ChainStatus;
import io.cloudir.parsers.digest.DigestResult;
import io.cloudir.parsers.digest.DigestStatus;
import io.cloudir.parsers.digest.LogFileResult;
import io.cloudir.parsers.digest.LogFileStatus;
import io.cloudir.parsers.digest.VerificationReport;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The JSON and text forms of a {@link VerificationReport}. Stateless and thread-safe. */
public final class ReportText {
  private ReportText() {}

  /** See {@link VerificationReport#toJson()}. */
  public static String json(VerificationReport r) {
    StringBuilder sb = new StringBuilder(256 + 256 * (r.digests().size() + r.logFiles().size()));
    sb.append("{\"verified\":").append(r.verified()).append(",\"summary\":{\"digests\":")
        .append(r.digests().size());
    for (DigestStatus s : DigestStatus.values()) {
      sb.append(",\"digests_").append(s.jsonName()).append("\":").append(r.count(s));
    }
    for (ChainStatus s : ChainStatus.values()) {
      sb.append(",\"chain_").append(s.jsonName()).append("\":").append(r.count(s));
    }
    sb.append(",\"logFiles\":").append(r.logFiles().size());
    for (LogFileStatus s : LogFileStatus.values()) {
      sb.append(",\"logFiles_").append(s.jsonName()).append("\":").append(r.count(s));
    }
    sb.append("},\"digests\":[");
    for (int i = 0; i < r.digests().size(); i++) {
      DigestResult d = r.digests().get(i);
      sb.append(i == 0 ? "{" : ",{");
      field(sb, "path", d.path()).append(',');
      field(sb, "s3Object", d.s3Object()).append(',');
      field(sb, "trail", d.trail()).append(',');
      field(sb, "startTime", time(d.startTime())).append(',');
      field(sb, "endTime", time(d.endTime())).append(',');
      field(sb, "status", d.status().jsonName()).append(',');
      field(sb, "reason", d.reason()).append(',');
      field(sb, "chain", d.chain().jsonName()).append(',');
      field(sb, "chainReason", d.chainReason()).append(',');
      field(sb, "gapFrom", time(d.gapFrom())).append(',');
      field(sb, "gapTo", time(d.gapTo())).append(',');
      sb.append("\"logFiles\":").append(d.logFiles()).append(",\"backfill\":").append(d.backfill())
          .append(',');
      field(sb, "fingerprint", d.fingerprint()).append('}');
    }
    sb.append("],\"logFiles\":[");
    for (int i = 0; i < r.logFiles().size(); i++) {
      LogFileResult l = r.logFiles().get(i);
      sb.append(i == 0 ? "{" : ",{");
      field(sb, "path", l.path()).append(',');
      field(sb, "s3Object", l.s3Object()).append(',');
      field(sb, "status", l.status().jsonName()).append(',');
      field(sb, "digest", l.digest()).append(',');
      field(sb, "reason", l.reason()).append('}');
    }
    sb.append("],\"ignoredFiles\":").append(r.ignoredFiles()).append('}');
    return sb.toString();
  }

  /** See {@link VerificationReport#summary()}. */
  public static String summary(VerificationReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("CloudTrail digest verification: ")
        .append(r.verified() ? "VERIFIED" : r.digests().isEmpty() ? "NO DIGESTS FOUND" : "FAILED")
        .append('\n');
    sb.append("digests: ").append(r.digests().size());
    counts(sb, r, DigestStatus.values());
    sb.append("; chain:");
    int n = 0;
    for (ChainStatus s : ChainStatus.values()) {
      long c = r.count(s);
      if (c > 0) {
        sb.append(n++ == 0 ? " " : ", ").append(c).append(' ').append(s.words());
      }
    }
    sb.append('\n').append("log files: ").append(r.logFiles().size());
    counts(sb, r, LogFileStatus.values());
    sb.append('\n');
    for (DigestResult d : r.digests()) {
      if (d.status() != DigestStatus.VALID) {
        sb.append("  digest ").append(d.s3Object()).append(": ").append(d.status().words());
        reason(sb, d.reason()).append('\n');
      }
      if (d.chain() == ChainStatus.BROKEN || d.chain() == ChainStatus.RESTART) {
        sb.append("  chain ").append(d.s3Object()).append(": ").append(d.chain().words());
        reason(sb, d.chainReason()).append('\n');
      }
    }
    for (LogFileResult l : r.logFiles()) {
      if (l.status() != LogFileStatus.VALID) {
        sb.append("  log file ").append(l.s3Object()).append(": ").append(l.status().words());
        reason(sb, l.reason()).append('\n');
      }
    }
    if (r.ignoredFiles() > 0) {
      sb.append("ignored files (not in the AWSLogs layout of CloudTrail logs and digests): ")
          .append(r.ignoredFiles()).append('\n');
    }
    return sb.toString();
  }

  private static void counts(StringBuilder sb, VerificationReport r, Enum<?>[] values) {
    int n = 0;
    for (Enum<?> e : values) {
      long c;
      String words;
      if (e instanceof DigestStatus s) {
        c = r.count(s);
        words = s.words();
      } else {
        LogFileStatus s = (LogFileStatus) e;
        c = r.count(s);
        words = s.words();
      }
      if (c > 0) {
        sb.append(n++ == 0 ? " (" : ", ").append(c).append(' ').append(words);
      }
    }
    if (n > 0) {
      sb.append(')');
    }
  }

  private static StringBuilder reason(StringBuilder sb, @Nullable String reason) {
    return reason == null ? sb : sb.append(" — ").append(reason);
  }

  private static @Nullable String time(@Nullable Instant t) {
    return t == null ? null : t.toString();
  }

  private static StringBuilder field(StringBuilder sb, String name, @Nullable String value) {
    sb.append('"').append(name).append("\":");
    return value == null ? sb.append("null") : JsonStrings.quote(sb, value);
  }
}
