package io.cloudir.model.route53;

import io.cloudir.model.LimitExceededException;
import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.internal.IndexedJsonRecord;
import io.cloudir.model.internal.JsonRecordParsing;
import io.cloudir.model.internal.SchemaRecordFactory;
import io.cloudir.model.internal.json.IndexedJson;
import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.model.internal.json.JsonRecordFactories;
import io.cloudir.model.internal.json.ObjectIndexer;
import io.cloudir.model.internal.json.ObjectSchema;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Route 53 Resolver query log record (JSON): every documented field typed, every other field
 * kept, and the JSON as delivered ({@link #toJson()} gives it on one line, white space outside
 * strings removed).
 *
 * <p>The record is a window on the record's UTF-8 bytes plus an index of where each documented
 * field's value (and each {@code srcids} field's value) starts and ends, built in the same pass
 * that validated the JSON. Getters decode on demand; low-cardinality values (version, account,
 * region, VPC, query type and class, rcode, transport, firewall action) come from a table of
 * canonical String instances. The zero-copy accessors ({@link #buffer()}, {@link #valueStart},
 * {@link #valueEnd}, {@link #valueEquals}, {@link #valueHash}) read slices without decoding.
 *
 * <p>Getters return {@code null} when the field is absent or JSON null; {@link #srcport()} returns
 * {@link #NO_PORT}. A documented field of an unexpected JSON type is still readable and the record
 * carries a {@code field.type} warning. {@code srcport} is a string in AWS's logs; a JSON number
 * is read too.
 *
 * <p><b>Retention:</b> a record read by a reader may share an immutable byte block with its
 * neighbours; {@link #detach()} copies just this record's bytes.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResolverQueryLogRecord extends IndexedJsonRecord<ResolverField> implements LogRecord {
  /** What {@link #srcport()} returns when the port is absent or not a port number. */
  public static final int NO_PORT = -1;

  private static final ResolverField[] FIELDS = ResolverField.values();
  static final ObjectSchema SCHEMA = schema();

  private static final int W_TIME_MISSING = 1;
  private static final int W_TIME_MALFORMED = 2;
  private static final int W_FIELD_TYPE = 4;

  private static final ResolverField[] STRINGS = {
    ResolverField.VERSION, ResolverField.ACCOUNT_ID, ResolverField.REGION, ResolverField.VPC_ID,
    ResolverField.QUERY_TIMESTAMP, ResolverField.QUERY_NAME, ResolverField.QUERY_TYPE,
    ResolverField.QUERY_CLASS, ResolverField.RCODE, ResolverField.SRCADDR, ResolverField.TRANSPORT,
    ResolverField.FIREWALL_RULE_ACTION, ResolverField.FIREWALL_RULE_GROUP_ID,
    ResolverField.FIREWALL_DOMAIN_LIST_ID, ResolverField.INSTANCE, ResolverField.RESOLVER_ENDPOINT,
    ResolverField.RESOLVER_NETWORK_INTERFACE
  };
  private static final ResolverField[] ARRAYS = {ResolverField.ANSWERS};
  private static final ResolverField[] OBJECTS = {ResolverField.SRCIDS};

  static {
    JsonRecordFactories.installResolver(new Factory());
  }

  private final long timeNanos;
  private final int warnMask;
  private final long typeMask;

  private ResolverQueryLogRecord(IndexedJson j, Provenance provenance) {
    super(j, provenance);
    int w = 0;
    long t = IsoTime.INVALID;
    int ts = ResolverField.QUERY_TIMESTAMP.ordinal();
    if (j.isNullOrAbsent(ts)) {
      w |= W_TIME_MISSING;
    } else {
      t = j.isoNanos(ts);
      if (t == IsoTime.INVALID) {
        w |= W_TIME_MALFORMED;
      }
    }
    long tm = typeMask(j, STRINGS, "\"") | typeMask(j, ARRAYS, "[") | typeMask(j, OBJECTS, "{");
    int sp = ResolverField.SRCPORT.ordinal();
    if (!j.isNullOrAbsent(sp) && portOf(j.integer(sp)) == NO_PORT) {
      tm |= 1L << sp;
    }
    if (tm != 0) {
      w |= W_FIELD_TYPE;
    }
    this.timeNanos = t;
    this.warnMask = w;
    this.typeMask = tm;
  }

  private static int portOf(long v) {
    return v >= 0 && v <= 65535 ? (int) v : NO_PORT;
  }

  private static ObjectSchema schema() {
    String[][] names = schemaNames(FIELDS, ResolverField.FIRST_SRCIDS, ResolverField::jsonName);
    return new ObjectSchema(names[0], ResolverField.SRCIDS.ordinal(), names[1]);
  }

  /**
   * Parses one record from its JSON text (strictly: duplicate top-level or {@code srcids} keys
   * are rejected).
   *
   * @throws MalformedInputException if the text is not one JSON object
   */
  public static ResolverQueryLogRecord parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8), Provenance.inMemory());
  }

  /**
   * Parses one record from UTF-8 JSON bytes (copied).
   *
   * @throws MalformedInputException with the byte offset if the bytes are not one JSON object
   * @throws LimitExceededException if nesting is deeper than {@link JsonValue#DEFAULT_MAX_DEPTH}
   */
  public static ResolverQueryLogRecord parse(byte[] utf8, Provenance provenance) {
    return new ResolverQueryLogRecord(JsonRecordParsing.index(utf8, provenance, SCHEMA), provenance);
  }

  @Override
  public SourceType source() {
    return SourceType.ROUTE53_RESOLVER;
  }

  /** The query time ({@code query_timestamp}), or null when missing or malformed. */
  @Override
  public @Nullable Instant time() {
    return timeNanos == IsoTime.INVALID ? null : IsoTime.instant(timeNanos);
  }

  /** Whether the record carries warnings (no allocation). */
  public boolean hasWarnings() {
    return warnMask != 0;
  }

  @Override
  public List<RecordWarning> warnings() {
    if (warnMask == 0) {
      return List.of();
    }
    List<RecordWarning> w = new ArrayList<>();
    if ((warnMask & W_TIME_MISSING) != 0) {
      w.add(new RecordWarning("query_timestamp.missing", "the record has no query_timestamp"));
    }
    if ((warnMask & W_TIME_MALFORMED) != 0) {
      String t = String.valueOf(j.text(ResolverField.QUERY_TIMESTAMP.ordinal(), false));
      w.add(new RecordWarning("query_timestamp.malformed", "query_timestamp is not an ISO-8601 UTC timestamp: "
          + abbreviate(t)));
    }
    if ((warnMask & W_FIELD_TYPE) != 0) {
      w.add(fieldTypeWarning("documented fields with an unexpected JSON type or value: ", typeMask, FIELDS,
          ResolverField::path));
    }
    return Collections.unmodifiableList(w);
  }

  /** This record holding only a copy of its own bytes (releases a shared block). */
  public ResolverQueryLogRecord detach() {
    IndexedJson d = j.detach();
    return d == j ? this : new ResolverQueryLogRecord(d, provenance);
  }

  /** This record with another provenance (same bytes). */
  public ResolverQueryLogRecord withProvenance(Provenance p) {
    return new ResolverQueryLogRecord(j, p);
  }

  // ================================================================ typed accessors

  /** {@code version} (canonical instance). */
  public @Nullable String version() {
    return j.text(ResolverField.VERSION.ordinal(), true);
  }

  /** {@code account_id} (canonical instance). */
  public @Nullable String accountId() {
    return j.text(ResolverField.ACCOUNT_ID.ordinal(), true);
  }

  /** {@code region} (canonical instance). */
  public @Nullable String region() {
    return j.text(ResolverField.REGION.ordinal(), true);
  }

  /** {@code vpc_id} (canonical instance). */
  public @Nullable String vpcId() {
    return j.text(ResolverField.VPC_ID.ordinal(), true);
  }

  /** {@code query_timestamp} in epoch milliseconds, or {@link Long#MIN_VALUE} when missing or malformed. */
  public long queryTimestampMillis() {
    return timeNanos == IsoTime.INVALID ? Long.MIN_VALUE : Math.floorDiv(timeNanos, 1_000_000L);
  }

  /** {@code query_timestamp} exactly as written (also when malformed), or null. */
  public @Nullable String queryTimestampText() {
    return j.text(ResolverField.QUERY_TIMESTAMP.ordinal(), false);
  }

  /** {@code query_name}, e.g. {@code example.com.}. */
  public @Nullable String queryName() {
    return j.text(ResolverField.QUERY_NAME.ordinal(), false);
  }

  /** {@code query_type}, e.g. {@code A}, {@code AAAA}, {@code TXT} (canonical instance). */
  public @Nullable String queryType() {
    return j.text(ResolverField.QUERY_TYPE.ordinal(), true);
  }

  /** {@code query_class}, e.g. {@code IN} (canonical instance). */
  public @Nullable String queryClass() {
    return j.text(ResolverField.QUERY_CLASS.ordinal(), true);
  }

  /** {@code rcode}, e.g. {@code NOERROR}, {@code NXDOMAIN} (canonical instance). */
  public @Nullable String rcode() {
    return j.text(ResolverField.RCODE.ordinal(), true);
  }

  /** {@code answers} in order (empty if absent). */
  public List<ResolverAnswer> answers() {
    JsonValue v = j.nonNull(ResolverField.ANSWERS.ordinal());
    if (v == null || !v.isArray()) {
      return List.of();
    }
    List<ResolverAnswer> out = new ArrayList<>();
    for (JsonValue a : v.elements()) {
      if (a.isObject()) {
        out.add(new ResolverAnswer(text(a.get("Rdata")), text(a.get("Type")), text(a.get("Class"))));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static @Nullable String text(@Nullable JsonValue v) {
    return v == null ? null : v.asText();
  }

  /** {@code srcaddr} as an address, or null when absent or not an address. */
  public @Nullable IpAddress srcaddr() {
    return j.ip(ResolverField.SRCADDR.ordinal());
  }

  /** {@code srcaddr} as written. */
  public @Nullable String srcaddrText() {
    return j.text(ResolverField.SRCADDR.ordinal(), false);
  }

  /** {@code srcport} (a string or a number in the JSON), or {@link #NO_PORT}. */
  public int srcport() {
    return portOf(j.integer(ResolverField.SRCPORT.ordinal()));
  }

  /** {@code transport}: UDP, TCP… (canonical instance). */
  public @Nullable String transport() {
    return j.text(ResolverField.TRANSPORT.ordinal(), true);
  }

  /** {@code srcids} as logged, or null. */
  public @Nullable JsonValue srcids() {
    return j.nonNull(ResolverField.SRCIDS.ordinal());
  }

  /** {@code srcids.instance}: the EC2 instance that sent the query, or null. */
  public @Nullable String instanceId() {
    return j.text(ResolverField.INSTANCE.ordinal(), false);
  }

  /** {@code srcids.resolver_endpoint}: the inbound endpoint the query came through, or null. */
  public @Nullable String resolverEndpointId() {
    return j.text(ResolverField.RESOLVER_ENDPOINT.ordinal(), true);
  }

  /** {@code srcids.resolver_network_interface}, or null. */
  public @Nullable String resolverNetworkInterfaceId() {
    return j.text(ResolverField.RESOLVER_NETWORK_INTERFACE.ordinal(), true);
  }

  /** {@code firewall_rule_action}: ALLOW, BLOCK or ALERT when DNS Firewall matched (canonical instance). */
  public @Nullable String firewallRuleAction() {
    return j.text(ResolverField.FIREWALL_RULE_ACTION.ordinal(), true);
  }

  /** {@code firewall_rule_group_id} (canonical instance). */
  public @Nullable String firewallRuleGroupId() {
    return j.text(ResolverField.FIREWALL_RULE_GROUP_ID.ordinal(), true);
  }

  /** {@code firewall_domain_list_id} (canonical instance). */
  public @Nullable String firewallDomainListId() {
    return j.text(ResolverField.FIREWALL_DOMAIN_LIST_ID.ordinal(), true);
  }

  private static final class Factory extends SchemaRecordFactory {
    Factory() {
      super(SourceType.ROUTE53_RESOLVER, SCHEMA,
          "a Route 53 Resolver query log record (no query_name or query_timestamp)");
    }

    @Override
    public boolean isRecord(ObjectIndexer ix) {
      return ix.span(ResolverField.QUERY_NAME.ordinal()) != 0
          || ix.span(ResolverField.QUERY_TIMESTAMP.ordinal()) != 0;
    }

    @Override
    public LogRecord make(ObjectIndexer ix, Provenance provenance, boolean copyBytes) {
      return new ResolverQueryLogRecord(IndexedJson.of(ix, copyBytes), provenance);
    }

    @Override
    public boolean hasWarnings(LogRecord r) {
      return ((ResolverQueryLogRecord) r).warnMask != 0;
    }
  }
}
