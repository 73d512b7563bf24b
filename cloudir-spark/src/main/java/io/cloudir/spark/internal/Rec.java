package io.cloudir.spark.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogFormat;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A record as it travels between Spark tasks: its type, its bytes as delivered (a JSON record or a
 * log line), the flow log format of its file, its provenance and the position of its file in the
 * input list (for "first copy wins" deduplication). {@link #decode()} parses it back into the
 * same record.
 *
 * <p>Immutable after construction; safe to share.
 */
public final class Rec implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Flow log formats by their text (a dataset has few). */
  private static final java.util.Map<String, FlowLogFormat> FORMATS =
      new java.util.concurrent.ConcurrentHashMap<>();

  final String type;
  final byte[] raw;
  final @Nullable String format;
  final String source;
  final long offset;
  final long line;
  final @Nullable String versionId;
  final @Nullable String etag;
  final int input;
  /** The decoded record, once decoded (records are immutable: a race only decodes twice). */
  private transient @Nullable LogRecord decoded;

  Rec(String type, byte[] raw, @Nullable String format, String source, long offset, long line,
      @Nullable String versionId, @Nullable String etag, int input) {
    this.type = type;
    this.raw = raw;
    this.format = format;
    this.source = source;
    this.offset = offset;
    this.line = line;
    this.versionId = versionId;
    this.etag = etag;
    this.input = input;
  }

  /** The transport form of a record read from the input with this position. */
  static Rec of(LogRecord r, int input) {
    Provenance p = r.provenance();
    String format = null;
    byte[] raw;
    if (r instanceof FlowLogRecord f) {
      raw = Arrays.copyOfRange(f.buffer(), f.lineStart(), f.lineEnd());
      format = String.join(" ", f.format().names());
    } else if (r instanceof S3AccessLogRecord s) {
      raw = s.line().getBytes(StandardCharsets.UTF_8);
    } else if (r instanceof LoadBalancerLogRecord l) {
      raw = l.line().getBytes(StandardCharsets.UTF_8);
    } else if (r instanceof PublicDnsQueryLogRecord d) {
      raw = d.toLine().getBytes(StandardCharsets.UTF_8);
    } else {
      raw = r.toJson().getBytes(StandardCharsets.UTF_8);
    }
    return new Rec(r.source().name(), raw, format, p.source(), p.offset(), p.line(),
        p.versionId(), p.etag(), input);
  }

  /** The provenance. */
  Provenance provenance() {
    return new Provenance(source, offset, line, versionId, etag);
  }

  /** Parses the record back (same type, values and provenance); decoded once per copy. */
  LogRecord decode() {
    LogRecord d = decoded;
    if (d == null) {
      d = parse();
      decoded = d;
    }
    return d;
  }

  /**
   * The decoded record without keeping it (the decoded copy, if there is one): for a look at a
   * record that is then shuffled, where a kept copy would only weigh on Spark's size estimates.
   */
  LogRecord peek() {
    LogRecord d = decoded;
    return d != null ? d : parse();
  }

  /** This record without its decoded copy (what a broadcast should carry and size). */
  Rec bare() {
    return decoded == null ? this
        : new Rec(type, raw, format, source, offset, line, versionId, etag, input);
  }

  private LogRecord parse() {
    Provenance p = provenance();
    SourceType t = SourceType.of(type);
    if (t.equals(SourceType.CLOUDTRAIL)) {
      return CloudTrailEvent.parse(raw, p);
    } else if (t.equals(SourceType.VPC_FLOW)) {
      return FlowLogRecord.parse(raw, FORMATS.computeIfAbsent(format == null ? "" : format,
          FlowLogFormat::parse), p);
    } else if (t.equals(SourceType.WAF)) {
      return WafLogRecord.parse(raw, p);
    } else if (t.equals(SourceType.ROUTE53_RESOLVER)) {
      return ResolverQueryLogRecord.parse(raw, p);
    } else if (t.equals(SourceType.ROUTE53_PUBLIC)) {
      return PublicDnsQueryLogRecord.parse(raw, 0, raw.length, p);
    } else if (t.equals(SourceType.S3_ACCESS)) {
      return S3AccessLogRecord.parse(raw, 0, raw.length, p, true);
    } else {
      return LoadBalancerLogRecord.parse(raw, 0, raw.length, p, true);
    }
  }
}
