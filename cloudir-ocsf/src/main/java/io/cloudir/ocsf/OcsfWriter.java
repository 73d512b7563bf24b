package io.cloudir.ocsf;

import io.cloudir.model.LogRecord;
import io.cloudir.ocsf.internal.Ocsf;
import io.cloudir.rules.Finding;

/**
 * Writes cloudir records and findings as OCSF 1.1.0 events, one JSON object per call, the way
 * Amazon Security Lake normalises its native sources: CloudTrail management and data events as
 * API Activity (6003), sign-ins as Authentication (3002), IAM user and credential changes as
 * Account Change (3001), VPC flow logs as Network Activity (4001), Route 53 Resolver and public
 * DNS query logs as DNS Activity (4003), WAF and ALB logs as HTTP Activity (4002), S3 server
 * access logs as API Activity, and {@link Finding}s as Detection Finding (2004). Every event
 * carries the Cloud profile ({@code cloud.provider = "AWS"}). The decisions are tabulated in the
 * module's {@code MAPPING.md}.
 *
 * <p>What has no OCSF attribute is kept under {@code unmapped}; the AWS request and response of
 * CloudTrail events are kept whole in {@code api.request.data} and {@code api.response.data}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class OcsfWriter {
  private static final OcsfWriter INSTANCE = new OcsfWriter();

  private OcsfWriter() {}

  /**
   * The writer.
   *
   * @return the shared instance
   */
  public static OcsfWriter create() {
    return INSTANCE;
  }

  /**
   * The OCSF schema version the events follow ({@code metadata.version}).
   *
   * @return {@code "1.1.0"}
   */
  public static String schemaVersion() {
    return Ocsf.VERSION;
  }

  /**
   * One record as one OCSF event.
   *
   * @param record any cloudir record; record types this writer does not know become a Base Event
   *     (class 0) with the record's JSON under {@code unmapped}
   * @return the event as one line of JSON (no line end)
   */
  public String write(LogRecord record) {
    return Ocsf.record(record).toJson();
  }

  /**
   * One finding as one OCSF Detection Finding.
   *
   * @param finding a finding from the rule engine
   * @return the event as one line of JSON (no line end)
   */
  public String write(Finding finding) {
    return Ocsf.finding(finding).toJson();
  }
}
