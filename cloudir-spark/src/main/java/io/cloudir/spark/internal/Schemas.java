package io.cloudir.spark.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.OpenEnum;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.CloudTrailField;
import io.cloudir.model.cloudtrail.SessionContext;
import io.cloudir.model.cloudtrail.SessionIssuer;
import io.cloudir.model.cloudtrail.UserIdentity;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogField;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.jspecify.annotations.Nullable;

/**
 * The DataFrame schema of each record type and the conversion of records to Spark rows.
 *
 * <p>Every row starts with {@code type}, {@code time} and {@code _provenance}, then the columns of
 * its type (for one type) or one struct column per type (for {@code auto}), then {@code _raw} (the
 * record as delivered: JSON text or log line), {@code _format} (a flow log file's format),
 * {@code _input} (the position of the file in the input list) and {@code _rejection} (set on
 * the rows of rejected input, whose other columns are null). Free-form JSON parts are JSON text
 * columns; flow fields are typed (numbers as {@code long}, the rest as strings).
 *
 * <p>Stateless and thread-safe.
 */
public final class Schemas {
  private Schemas() {}

  /** The {@code type} option values and the record type each reads ({@code auto}: any). */
  public static final Map<String, SourceType> TYPES = types();

  private static Map<String, SourceType> types() {
    Map<String, SourceType> m = new LinkedHashMap<>();
    m.put("cloudtrail", SourceType.CLOUDTRAIL);
    m.put("vpcflow", SourceType.VPC_FLOW);
    m.put("waf", SourceType.WAF);
    m.put("resolver", SourceType.ROUTE53_RESOLVER);
    m.put("route53", SourceType.ROUTE53_PUBLIC);
    m.put("s3access", SourceType.S3_ACCESS);
    m.put("elb", SourceType.ALB);
    return m;
  }

  /** One column: name, Spark type, and its value (Spark's internal form) from a record. */
  record Col(String name, DataType type, Function<LogRecord, @Nullable Object> value) {}

  private static final StructType PROVENANCE = new StructType()
      .add("source", DataTypes.StringType, false)
      .add("offset", DataTypes.LongType, false)
      .add("line", DataTypes.LongType, false)
      .add("versionId", DataTypes.StringType)
      .add("etag", DataTypes.StringType);
  private static final StructType REJECTION = new StructType()
      .add("reason", DataTypes.StringType, false)
      .add("snippet", DataTypes.StringType, false);

  static @Nullable UTF8String s(@Nullable Object o) {
    return o == null ? null : UTF8String.fromString(o instanceof OpenEnum<?> e ? e.value()
        : o.toString());
  }

  static @Nullable Long ts(@Nullable Instant t) {
    return t == null ? null : t.getEpochSecond() * 1_000_000L + t.getNano() / 1000;
  }

  private static @Nullable UTF8String json(@Nullable JsonValue v) {
    return v == null || v.isNull() ? null : UTF8String.fromString(v.toJson());
  }

  private static @Nullable Long num(long v, long absent) {
    return v == absent ? null : v;
  }

  private static @Nullable UTF8String ip(@Nullable IpAddress a) {
    return a == null ? null : UTF8String.fromString(a.toString());
  }

  private static <T> Col c(String name, DataType t, Class<T> k, Function<T, @Nullable Object> f) {
    return new Col(name, t, r -> f.apply(k.cast(r)));
  }

  private static Col str(String name, Function<CloudTrailEvent, @Nullable Object> f) {
    return c(name, DataTypes.StringType, CloudTrailEvent.class, e -> s(f.apply(e)));
  }

  private static Col js(String name, CloudTrailField f) {
    return c(name, DataTypes.StringType, CloudTrailEvent.class, e -> json(e.field(f)));
  }

  private static Col bool(String name, Function<CloudTrailEvent, @Nullable Boolean> f) {
    return c(name, DataTypes.BooleanType, CloudTrailEvent.class, f::apply);
  }

  // ------------------------------------------------------------------ CloudTrail

  private static final StructType ISSUER = new StructType()
      .add("type", DataTypes.StringType).add("principalId", DataTypes.StringType)
      .add("arn", DataTypes.StringType).add("accountId", DataTypes.StringType)
      .add("userName", DataTypes.StringType);
  private static final StructType ATTRIBUTES = new StructType()
      .add("creationDate", DataTypes.TimestampType)
      .add("mfaAuthenticated", DataTypes.BooleanType);
  private static final StructType SESSION_CONTEXT = new StructType()
      .add("attributes", ATTRIBUTES).add("sessionIssuer", ISSUER)
      .add("webIdFederationData", DataTypes.StringType)
      .add("sourceIdentity", DataTypes.StringType)
      .add("ec2RoleDelivery", DataTypes.StringType)
      .add("assumedRoot", DataTypes.StringType);
  private static final StructType USER_IDENTITY = new StructType()
      .add("type", DataTypes.StringType).add("principalId", DataTypes.StringType)
      .add("arn", DataTypes.StringType).add("accountId", DataTypes.StringType)
      .add("accessKeyId", DataTypes.StringType).add("userName", DataTypes.StringType)
      .add("invokedBy", DataTypes.StringType).add("identityProvider", DataTypes.StringType)
      .add("credentialId", DataTypes.StringType).add("onBehalfOf", DataTypes.StringType)
      .add("inScopeOf", DataTypes.StringType).add("sessionContext", SESSION_CONTEXT);

  private static @Nullable InternalRow userIdentity(CloudTrailEvent e) {
    UserIdentity u = e.userIdentity();
    if (u == null) {
      return null;
    }
    SessionContext sc = u.sessionContext();
    InternalRow ctx = null;
    if (sc != null) {
      SessionIssuer i = sc.sessionIssuer();
      ctx = new GenericInternalRow(new Object[] {
          new GenericInternalRow(new Object[] {ts(sc.creationDate()), sc.mfaAuthenticated()}),
          i == null ? null : new GenericInternalRow(new Object[] {s(i.type()),
              s(i.principalId()), s(i.arn()), s(i.accountId()), s(i.userName())}),
          json(sc.webIdFederationData()), s(sc.sourceIdentity()), s(sc.ec2RoleDelivery()),
          s(sc.assumedRoot())});
    }
    return new GenericInternalRow(new Object[] {s(u.type()), s(u.principalId()), s(u.arn()),
        s(u.accountId()), s(u.accessKeyId()), s(u.userName()), s(u.invokedBy()),
        s(u.identityProvider()), s(u.credentialId()), json(u.onBehalfOf()),
        json(u.inScopeOf()), ctx});
  }

  private static List<Col> cloudTrail() {
    List<Col> l = new ArrayList<>();
    l.add(str("eventVersion", CloudTrailEvent::eventVersion));
    l.add(c("userIdentity", USER_IDENTITY, CloudTrailEvent.class, Schemas::userIdentity));
    l.add(c("eventTime", DataTypes.TimestampType, CloudTrailEvent.class,
        e -> ts(e.eventTime())));
    l.add(str("eventSource", CloudTrailEvent::eventSource));
    l.add(str("eventName", CloudTrailEvent::eventName));
    l.add(str("awsRegion", CloudTrailEvent::awsRegion));
    l.add(str("sourceIPAddress", CloudTrailEvent::sourceIPAddress));
    l.add(str("userAgent", CloudTrailEvent::userAgent));
    l.add(str("errorCode", CloudTrailEvent::errorCode));
    l.add(str("errorMessage", CloudTrailEvent::errorMessage));
    l.add(js("requestParameters", CloudTrailField.REQUEST_PARAMETERS));
    l.add(js("responseElements", CloudTrailField.RESPONSE_ELEMENTS));
    l.add(js("additionalEventData", CloudTrailField.ADDITIONAL_EVENT_DATA));
    l.add(str("requestID", CloudTrailEvent::requestID));
    l.add(str("eventID", CloudTrailEvent::eventID));
    l.add(bool("readOnly", CloudTrailEvent::readOnly));
    l.add(js("resources", CloudTrailField.RESOURCES));
    l.add(str("eventType", CloudTrailEvent::eventType));
    l.add(str("apiVersion", CloudTrailEvent::apiVersion));
    l.add(bool("managementEvent", CloudTrailEvent::managementEvent));
    l.add(str("recipientAccountId", CloudTrailEvent::recipientAccountId));
    l.add(js("serviceEventDetails", CloudTrailField.SERVICE_EVENT_DETAILS));
    l.add(str("sharedEventID", CloudTrailEvent::sharedEventID));
    l.add(str("vpcEndpointId", CloudTrailEvent::vpcEndpointId));
    l.add(str("vpcEndpointAccountId", CloudTrailEvent::vpcEndpointAccountId));
    l.add(str("eventCategory", CloudTrailEvent::eventCategory));
    l.add(bool("sessionCredentialFromConsole", CloudTrailEvent::sessionCredentialFromConsole));
    l.add(js("tlsDetails", CloudTrailField.TLS_DETAILS));
    l.add(js("addendum", CloudTrailField.ADDENDUM));
    l.add(js("edgeDeviceDetails", CloudTrailField.EDGE_DEVICE_DETAILS));
    l.add(js("insightDetails", CloudTrailField.INSIGHT_DETAILS));
    return l;
  }

  // ------------------------------------------------------------------ the other types

  private static List<Col> flow() {
    List<Col> l = new ArrayList<>();
    for (FlowLogField f : FlowLogField.values()) {
      String name = f.awsName().replace('-', '_');
      if (f.isJsonNumber()) {
        l.add(c(name, DataTypes.LongType, FlowLogRecord.class, r -> {
          OptionalLong v = r.has(f) ? r.optionalNumber(f) : OptionalLong.empty();
          return v.isPresent() ? v.getAsLong() : null;
        }));
      } else {
        l.add(c(name, DataTypes.StringType, FlowLogRecord.class, r -> s(r.text(f))));
      }
    }
    l.add(c("end_time", DataTypes.TimestampType, FlowLogRecord.class, r -> ts(r.endTime())));
    return l;
  }

  private static List<Col> waf() {
    DataType st = DataTypes.StringType;
    Class<WafLogRecord> k = WafLogRecord.class;
    return List.of(
        c("timestamp", DataTypes.LongType, k, WafLogRecord::timestampMillis),
        c("webaclId", st, k, r -> s(r.webaclId())),
        c("terminatingRuleId", st, k, r -> s(r.terminatingRuleId())),
        c("terminatingRuleType", st, k, r -> s(r.terminatingRuleType())),
        c("action", st, k, r -> s(r.action())),
        c("httpSourceName", st, k, r -> s(r.httpSourceName())),
        c("httpSourceId", st, k, r -> s(r.httpSourceId())),
        c("responseCodeSent", DataTypes.LongType, k, r -> num(r.responseCodeSent(), -1)),
        c("clientIp", st, k, r -> s(r.clientIpText())),
        c("country", st, k, r -> s(r.country())),
        c("uri", st, k, r -> s(r.uri())),
        c("args", st, k, r -> s(r.args())),
        c("httpMethod", st, k, r -> s(r.httpMethod())),
        c("host", st, k, r -> s(r.host())),
        c("requestId", st, k, r -> s(r.requestId())),
        c("ja3Fingerprint", st, k, r -> s(r.ja3Fingerprint())),
        c("httpRequest", st, k, r -> json(r.httpRequest())),
        c("labels", DataTypes.createArrayType(st), k, r -> strings(r.labels())));
  }

  private static org.apache.spark.sql.catalyst.util.ArrayData strings(List<String> l) {
    Object[] a = new Object[l.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = UTF8String.fromString(l.get(i));
    }
    return new org.apache.spark.sql.catalyst.util.GenericArrayData(a);
  }

  private static List<Col> resolver() {
    DataType st = DataTypes.StringType;
    Class<ResolverQueryLogRecord> k = ResolverQueryLogRecord.class;
    return List.of(
        c("version", st, k, r -> s(r.version())),
        c("account_id", st, k, r -> s(r.accountId())),
        c("region", st, k, r -> s(r.region())),
        c("vpc_id", st, k, r -> s(r.vpcId())),
        c("query_timestamp", st, k, r -> s(r.queryTimestampText())),
        c("query_name", st, k, r -> s(r.queryName())),
        c("query_type", st, k, r -> s(r.queryType())),
        c("query_class", st, k, r -> s(r.queryClass())),
        c("rcode", st, k, r -> s(r.rcode())),
        c("answers", st, k, r -> json(r.json().get("answers"))),
        c("srcaddr", st, k, r -> s(r.srcaddrText())),
        c("srcport", DataTypes.IntegerType, k, r -> r.srcport() < 0 ? null : r.srcport()),
        c("transport", st, k, r -> s(r.transport())),
        c("srcids", st, k, r -> json(r.srcids())),
        c("firewall_rule_action", st, k, r -> s(r.firewallRuleAction())));
  }

  private static List<Col> route53() {
    DataType st = DataTypes.StringType;
    Class<PublicDnsQueryLogRecord> k = PublicDnsQueryLogRecord.class;
    return List.of(
        c("version", st, k, r -> s(r.version())),
        c("query_timestamp", DataTypes.TimestampType, k, r -> ts(r.queryTimestamp())),
        c("hosted_zone_id", st, k, r -> s(r.hostedZoneId())),
        c("query_name", st, k, r -> s(r.queryName())),
        c("query_type", st, k, r -> s(r.queryType())),
        c("response_code", st, k, r -> s(r.responseCode())),
        c("protocol", st, k, r -> s(r.protocol())),
        c("edge_location", st, k, r -> s(r.edgeLocation())),
        c("resolver_ip", st, k, r -> s(r.resolverIpText())),
        c("edns_client_subnet", st, k, r -> s(r.ednsClientSubnet())));
  }

  private static List<Col> s3() {
    DataType st = DataTypes.StringType;
    DataType lt = DataTypes.LongType;
    long a = S3AccessLogRecord.ABSENT;
    Class<S3AccessLogRecord> k = S3AccessLogRecord.class;
    return List.of(
        c("bucketOwner", st, k, r -> s(r.bucketOwner())),
        c("bucket", st, k, r -> s(r.bucket())),
        c("remoteIp", st, k, r -> ip(r.remoteIp())),
        c("requester", st, k, r -> s(r.requester())),
        c("requestId", st, k, r -> s(r.requestId())),
        c("operation", st, k, r -> s(r.operation())),
        c("key", st, k, r -> s(r.key())),
        c("requestUri", st, k, r -> s(r.requestUri())),
        c("httpStatus", DataTypes.IntegerType, k, r -> r.httpStatus() < 0 ? null : r.httpStatus()),
        c("errorCode", st, k, r -> s(r.errorCode())),
        c("bytesSent", lt, k, r -> num(r.bytesSent(), a)),
        c("objectSize", lt, k, r -> num(r.objectSize(), a)),
        c("totalTime", lt, k, r -> num(r.totalTime(), a)),
        c("turnAroundTime", lt, k, r -> num(r.turnAroundTime(), a)),
        c("referer", st, k, r -> s(r.referer())),
        c("userAgent", st, k, r -> s(r.userAgent())),
        c("versionId", st, k, r -> s(r.versionId())),
        c("signatureVersion", st, k, r -> s(r.signatureVersion())),
        c("authenticationType", st, k, r -> s(r.authenticationType())),
        c("tlsVersion", st, k, r -> s(r.tlsVersion())),
        c("accessPointArn", st, k, r -> s(r.accessPointArn())));
  }

  private static List<Col> elb() {
    DataType st = DataTypes.StringType;
    DataType it = DataTypes.IntegerType;
    long a = LoadBalancerLogRecord.ABSENT;
    Class<LoadBalancerLogRecord> k = LoadBalancerLogRecord.class;
    return List.of(
        c("kind", st, k, r -> s(r.kind().name().toLowerCase(Locale.ROOT))),
        c("type", st, k, r -> s(r.type())),
        c("elb", st, k, r -> s(r.elb())),
        c("client_ip", st, k, r -> ip(r.clientIp())),
        c("client_port", it, k, r -> r.clientPort() < 0 ? null : r.clientPort()),
        c("target_ip", st, k, r -> ip(r.targetIp())),
        c("target_port", it, k, r -> r.targetPort() < 0 ? null : r.targetPort()),
        c("elb_status_code", it, k, r -> r.elbStatusCode() < 0 ? null : r.elbStatusCode()),
        c("target_status_code", it, k,
            r -> r.targetStatusCode() < 0 ? null : r.targetStatusCode()),
        c("received_bytes", DataTypes.LongType, k, r -> num(r.receivedBytes(), a)),
        c("sent_bytes", DataTypes.LongType, k, r -> num(r.sentBytes(), a)),
        c("request", st, k, r -> s(r.request())),
        c("user_agent", st, k, r -> s(r.userAgent())),
        c("trace_id", st, k, r -> s(r.traceId())),
        c("domain_name", st, k, r -> s(r.domainName())),
        c("error_reason", st, k, r -> s(r.errorReason())));
  }

  private static final Map<SourceType, List<Col>> COLUMNS = Map.of(
      SourceType.CLOUDTRAIL, cloudTrail(), SourceType.VPC_FLOW, flow(),
      SourceType.WAF, waf(), SourceType.ROUTE53_RESOLVER, resolver(),
      SourceType.ROUTE53_PUBLIC, route53(), SourceType.S3_ACCESS, s3(),
      SourceType.ALB, elb());

  private static List<Col> cols(SourceType t) {
    return java.util.Objects.requireNonNull(COLUMNS.get(t), t.name());
  }

  private static StructType struct(List<Col> cols) {
    List<StructField> f = new ArrayList<>();
    for (Col c : cols) {
      f.add(new StructField(c.name(), c.type(), true, Metadata.empty()));
    }
    return new StructType(f.toArray(new StructField[0]));
  }

  /** The schema of a read of one type, or of every type ({@code type == null}: auto). */
  public static StructType schema(@Nullable SourceType type) {
    StructType s = new StructType()
        .add("type", DataTypes.StringType)
        .add("time", DataTypes.TimestampType)
        .add("_provenance", PROVENANCE);
    if (type != null) {
      for (StructField f : struct(cols(type)).fields()) {
        s = s.add(f);
      }
    } else {
      for (Map.Entry<String, SourceType> e : TYPES.entrySet()) {
        s = s.add(e.getKey(), struct(cols(e.getValue())));
      }
    }
    return s.add("_raw", DataTypes.BinaryType)
        .add("_format", DataTypes.StringType)
        .add("_input", DataTypes.IntegerType, false)
        .add("_rejection", REJECTION);
  }

  private static Object[] values(List<Col> cols, LogRecord r) {
    Object[] v = new Object[cols.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = cols.get(i).value().apply(r);
    }
    return v;
  }

  /**
   * The positions in {@link #schema(SourceType)} of the top-level fields a read needs (Spark's
   * column pruning), in schema order; nested fields are not pruned (the fields keep their types).
   */
  public static int[] positions(@Nullable SourceType type, StructType required) {
    StructField[] all = schema(type).fields();
    java.util.Set<String> want = new java.util.HashSet<>(java.util.Arrays.asList(
        required.fieldNames()));
    int[] out = new int[all.length];
    int n = 0;
    for (int i = 0; i < all.length; i++) {
      if (want.contains(all[i].name())) {
        out[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** The schema of the fields at these positions of {@link #schema(SourceType)}. */
  public static StructType pruned(@Nullable SourceType type, int[] positions) {
    StructField[] all = schema(type).fields();
    StructField[] out = new StructField[positions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = all[positions[i]];
    }
    return new StructType(out);
  }

  /** Every position of {@link #schema(SourceType)}. */
  public static int[] all(@Nullable SourceType type) {
    int[] out = new int[schema(type).fields().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = i;
    }
    return out;
  }

  /** The number of columns between {@code _provenance} and {@code _raw}. */
  private static int typed(@Nullable SourceType type) {
    return type != null ? cols(type).size() : TYPES.size();
  }

  /** The record types of an auto read's columns, in schema order. */
  private static final List<SourceType> TYPE_LIST = List.copyOf(TYPES.values());

  /**
   * The row of a record of a read of one type, or of every type ({@code type == null}), with only
   * the fields at {@code positions} ({@link #positions}, or {@link #all}): columns a read does not
   * need are not computed.
   */
  public static InternalRow row(@Nullable SourceType type, LogRecord r, int input,
      int[] positions) {
    int k = typed(type);
    Rec t = null;
    Object[] v = new Object[positions.length];
    for (int i = 0; i < v.length; i++) {
      int p = positions[i];
      if (p == 0) {
        v[i] = s(r.source().name());
      } else if (p == 1) {
        v[i] = ts(r.time());
      } else if (p == 2) {
        Provenance pr = r.provenance();
        v[i] = new GenericInternalRow(new Object[] {s(pr.source()), pr.offset(), pr.line(),
            s(pr.versionId()), s(pr.etag())});
      } else if (p < 3 + k) {
        if (type != null) {
          v[i] = cols(type).get(p - 3).value().apply(r);
        } else {
          SourceType st = TYPE_LIST.get(p - 3);
          v[i] = st.equals(r.source()) ? new GenericInternalRow(values(cols(st), r)) : null;
        }
      } else if (p == 3 + k || p == 4 + k) {
        if (t == null) {
          t = Rec.of(r, input);
        }
        v[i] = p == 3 + k ? t.raw : s(t.format);
      } else if (p == 5 + k) {
        v[i] = input;
      } else {
        v[i] = null;
      }
    }
    return new GenericInternalRow(v);
  }

  /**
   * The row of a rejection with only the fields at {@code positions} (as {@link #row}): only the
   * provenance, the input and the rejection are set.
   */
  public static InternalRow rejection(@Nullable SourceType type, String source, long offset,
      long line, String reason, String snippet, int input, int[] positions) {
    int width = 7 + typed(type);
    Object[] v = new Object[positions.length];
    for (int i = 0; i < v.length; i++) {
      int p = positions[i];
      if (p == 0) {
        v[i] = type == null ? null : s(type.name());
      } else if (p == 2) {
        v[i] = new GenericInternalRow(new Object[] {s(source), offset, line, null, null});
      } else if (p == width - 2) {
        v[i] = input;
      } else if (p == width - 1) {
        v[i] = new GenericInternalRow(new Object[] {s(reason), s(snippet)});
      }
    }
    return new GenericInternalRow(v);
  }
}
