package io.cloudir.model;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One record of an AWS log, of any format: the common face of cloudir's record family.
 *
 * <p>Each format has its own final type ({@link CloudTrailEvent}, …); embedders add formats
 * through {@link ExtensionRecord}. Records handed out by the default APIs are immutable and safe
 * to keep and share between threads (see each type for what its bytes retain).
 */
public sealed interface LogRecord
    permits CloudTrailEvent, FlowLogRecord, WafLogRecord, ResolverQueryLogRecord,
        PublicDnsQueryLogRecord, S3AccessLogRecord, LoadBalancerLogRecord, ExtensionRecord {

  /** The kind of log this record came from. */
  SourceType source();

  /**
   * The time of the record (for CloudTrail the event time; for flow records the start of the
   * window), or {@code null} when the record has no valid time (it then carries a warning).
   */
  @Nullable Instant time();

  /** Where the record was read. */
  Provenance provenance();

  /** Warnings about odd but well-formed content; empty for clean records. */
  List<RecordWarning> warnings();

  /**
   * The record as one line of JSON: for JSON formats the record as delivered (lossless), for text
   * formats the JSON shape of {@code cloudir parse}.
   */
  String toJson();
}
