package io.cloudir.model.s3;

import io.cloudir.model.internal.text.TextFields.Kind;
import io.cloudir.model.internal.text.TextFields.Quote;

/**
 * The documented fields of an Amazon S3 server access log record, in line order. Fields AWS appends
 * later are kept by position ({@link S3AccessLogRecord#extraFields()}).
 *
 * <p>Immutable and thread-safe.
 */
public enum S3AccessLogField {
  /** Bucket Owner: the canonical user ID of the bucket's owner. */
  BUCKET_OWNER("Bucket Owner", "bucket_owner", Kind.CANONICAL),
  /** Bucket: the bucket the request was made to. */
  BUCKET("Bucket", "bucket", Kind.CANONICAL),
  /** Time: when the request was received, {@code [06/Feb/2019:00:00:38 +0000]}. */
  TIME("Time", "time", Kind.TIME_S3),
  /** Remote IP: the apparent address of the requester. */
  REMOTE_IP("Remote IP", "remote_ip", Kind.IP),
  /** Requester: canonical user ID or IAM ARN of the requester, {@code -} when unauthenticated. */
  REQUESTER("Requester", "requester", Kind.CANONICAL),
  /** Request ID. */
  REQUEST_ID("Request ID", "request_id", Kind.STRING),
  /** Operation: {@code REST.GET.OBJECT}, {@code WEBSITE.GET.OBJECT}, {@code BATCH.DELETE.OBJECT}, … */
  OPERATION("Operation", "operation", Kind.CANONICAL),
  /** Key: the object key, URL-encoded, or {@code -}. */
  KEY("Key", "key", Kind.STRING),
  /** Request-URI: the request line, quoted in the log (may contain spaces and stray quotes). */
  REQUEST_URI("Request-URI", "request_uri", Kind.STRING, Quote.BEFORE_STATUS),
  /** HTTP status. */
  HTTP_STATUS("HTTP status", "http_status", Kind.INT),
  /** Error Code: the S3 error code or {@code -}. */
  ERROR_CODE("Error Code", "error_code", Kind.CANONICAL),
  /** Bytes Sent: response bytes sent, {@code -} if zero. */
  BYTES_SENT("Bytes Sent", "bytes_sent", Kind.INT),
  /** Object Size. */
  OBJECT_SIZE("Object Size", "object_size", Kind.INT),
  /** Total Time: milliseconds the request was in flight from the server's perspective. */
  TOTAL_TIME("Total Time", "total_time", Kind.INT),
  /** Turn-Around Time: milliseconds S3 spent processing the request. */
  TURN_AROUND_TIME("Turn-Around Time", "turn_around_time", Kind.INT),
  /** Referer: the HTTP Referer header, quoted in the log. */
  REFERER("Referer", "referer", Kind.STRING, Quote.BEFORE_QUOTED),
  /** User-Agent, quoted in the log (S3 does not escape quotes inside it). */
  USER_AGENT("User-Agent", "user_agent", Kind.STRING, Quote.LAST),
  /** Version Id of the object, or {@code -}. */
  VERSION_ID("Version Id", "version_id", Kind.STRING),
  /** Host Id: the x-amz-id-2 request ID. */
  HOST_ID("Host Id", "host_id", Kind.STRING),
  /** Signature Version: {@code SigV2}, {@code SigV4} or {@code -}. */
  SIGNATURE_VERSION("Signature Version", "signature_version", Kind.CANONICAL),
  /** Cipher Suite of the TLS connection, or {@code -} for HTTP. */
  CIPHER_SUITE("Cipher Suite", "cipher_suite", Kind.CANONICAL),
  /** Authentication Type: {@code AuthHeader}, {@code QueryString} or {@code -}. */
  AUTHENTICATION_TYPE("Authentication Type", "authentication_type", Kind.CANONICAL),
  /** Host Header: the endpoint used to connect to S3. */
  HOST_HEADER("Host Header", "host_header", Kind.CANONICAL),
  /** TLS version negotiated by the client, or {@code -}. */
  TLS_VERSION("TLS version", "tls_version", Kind.CANONICAL),
  /** Access Point ARN of the access point of the request, or {@code -}. */
  ACCESS_POINT_ARN("Access Point ARN", "access_point_arn", Kind.CANONICAL),
  /** aclRequired: {@code Yes} when an ACL was required to authorize the request, else {@code -}. */
  ACL_REQUIRED("aclRequired", "acl_required", Kind.CANONICAL),
  /** Source region: the AWS Region the request came from, or {@code -}. */
  SOURCE_REGION("Source region", "source_region", Kind.CANONICAL);

  private final String documentedName;
  private final String jsonName;
  private final Kind kind;
  private final Quote quote;

  S3AccessLogField(String documentedName, String jsonName, Kind kind) {
    this(documentedName, jsonName, kind, Quote.FIRST);
  }

  S3AccessLogField(String documentedName, String jsonName, Kind kind, Quote quote) {
    this.documentedName = documentedName;
    this.jsonName = jsonName;
    this.kind = kind;
    this.quote = quote;
  }

  /** The name in the AWS documentation, such as {@code Turn-Around Time}. */
  public String documentedName() {
    return documentedName;
  }

  /** The key in {@code cloudir parse} JSON (the documented name in lower snake case). */
  public String jsonName() {
    return jsonName;
  }

  /** Whether the value is quoted in the log ({@code Request-URI}, {@code Referer}, {@code User-Agent}). */
  public boolean quoted() {
    return this == REQUEST_URI || this == REFERER || this == USER_AGENT;
  }

  Kind kind() {
    return kind;
  }

  Quote quote() {
    return quote;
  }
}
