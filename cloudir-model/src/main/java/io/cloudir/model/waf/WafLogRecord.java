package io.cloudir.model.waf;

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
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.internal.json.ObjectIndexer;
import io.cloudir.model.internal.json.ObjectSchema;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One AWS WAF log record: every documented field typed, every other field kept, and the JSON as
 * delivered ({@link #toJson()} gives it on one line, white space outside strings removed).
 *
 * <p>The record is a window on the record's UTF-8 bytes plus an index of where each documented
 * field's value (and each {@code httpRequest} field's value) starts and ends, built in the same
 * pass that validated the JSON. Getters decode on demand; low-cardinality values (action,
 * terminating rule id and type, source name, country, method, HTTP version, scheme) come from a
 * table of canonical String instances. The zero-copy accessors ({@link #buffer()}, {@link
 * #valueStart}, {@link #valueEnd}, {@link #valueEquals}, {@link #valueHash}) read slices without
 * decoding anything.
 *
 * <p>Getters return {@code null} (numbers: {@link #ABSENT}) when the field is absent or JSON
 * null. A documented field of an unexpected JSON type is still readable (string getters give its
 * JSON text; number getters also read numbers written as strings) and the record carries a {@code
 * field.type} warning.
 *
 * <p><b>Retention:</b> a record read by a reader may share an immutable byte block (up to a few
 * MiB) with its neighbours; {@link #detach()} copies just this record's bytes.
 *
 * <p>Immutable and thread-safe.
 */
public final class WafLogRecord extends IndexedJsonRecord<WafField> implements LogRecord {
  /** What number getters return for an absent, null or non-numeric value. */
  public static final long ABSENT = IndexedJson.ABSENT;

  private static final WafField[] FIELDS = WafField.values();
  static final ObjectSchema SCHEMA = schema();

  private static final int W_TIME_MISSING = 1;
  private static final int W_TIME_MALFORMED = 2;
  private static final int W_TIME_NOT_MILLIS = 4;
  private static final int W_FIELD_TYPE = 8;
  private static final int W_ACTION = 16;

  private static final WafField[] STRINGS = {
    WafField.WEBACL_ID, WafField.TERMINATING_RULE_ID, WafField.TERMINATING_RULE_TYPE, WafField.ACTION,
    WafField.HTTP_SOURCE_NAME, WafField.HTTP_SOURCE_ID, WafField.JA3_FINGERPRINT, WafField.JA4_FINGERPRINT,
    WafField.CF_DISTRIBUTION_TENANT_ID, WafField.CLIENT_IP, WafField.COUNTRY, WafField.URI, WafField.ARGS,
    WafField.HTTP_VERSION, WafField.HTTP_METHOD, WafField.REQUEST_ID, WafField.FRAGMENT, WafField.SCHEME,
    WafField.HOST
  };
  private static final WafField[] NUMBERS = {
    WafField.FORMAT_VERSION, WafField.RESPONSE_CODE_SENT, WafField.REQUEST_BODY_SIZE,
    WafField.REQUEST_BODY_SIZE_INSPECTED_BY_WAF
  };
  private static final WafField[] ARRAYS = {
    WafField.TERMINATING_RULE_MATCH_DETAILS, WafField.RULE_GROUP_LIST, WafField.RATE_BASED_RULE_LIST,
    WafField.NON_TERMINATING_MATCHING_RULES, WafField.REQUEST_HEADERS_INSERTED, WafField.LABELS,
    WafField.OVERSIZE_FIELDS, WafField.HEADERS
  };
  private static final WafField[] OBJECTS = {
    WafField.HTTP_REQUEST, WafField.CAPTCHA_RESPONSE, WafField.CHALLENGE_RESPONSE
  };

  private static final WafField[] ASNS = {WafField.CLIENT_ASN, WafField.FORWARDED_ASN};

  static {
    JsonRecordFactories.installWaf(new Factory());
  }

  private final long timeMillis;
  private final int warnMask;
  private final long typeMask;

  private WafLogRecord(IndexedJson j, Provenance provenance) {
    super(j, provenance);
    int w = 0;
    long t = ABSENT;
    int ts = WafField.TIMESTAMP.ordinal();
    if (j.isNullOrAbsent(ts)) {
      w |= W_TIME_MISSING;
    } else {
      byte c = j.firstByte(ts);
      t = j.integer(ts);
      if (t != ABSENT && c == '"') {
        w |= W_TIME_NOT_MILLIS;
      } else if (t == ABSENT && c == '"') {
        long n = j.isoNanos(ts);
        if (n != IsoTime.INVALID) {
          t = Math.floorDiv(n, 1_000_000L);
          w |= W_TIME_NOT_MILLIS;
        }
      }
      if (t == ABSENT) {
        w |= W_TIME_MALFORMED;
      }
    }
    long tm = typeMask(j, STRINGS, "\"") | typeMask(j, NUMBERS, "0") | typeMask(j, ARRAYS, "[")
        | typeMask(j, OBJECTS, "{") | typeMask(j, ASNS, "0\"");
    if (tm != 0) {
      w |= W_FIELD_TYPE;
    }
    int a = WafField.ACTION.ordinal();
    if (j.firstByte(a) == '"' && (j.escaped(a)
        || WafAction.knownOrNull(j.buffer(), j.valueStart(a) + 1, j.valueEnd(a) - 1) == null)) {
      w |= W_ACTION;
    }
    this.timeMillis = t;
    this.warnMask = w;
    this.typeMask = tm;
  }

  private static ObjectSchema schema() {
    String[][] names = schemaNames(FIELDS, WafField.FIRST_HTTP, WafField::jsonName);
    // the headers' "name" and "value" members are located while the record is validated
    return new ObjectSchema(names[0], WafField.HTTP_REQUEST.ordinal(), names[1], WafField.HEADERS.ordinal(),
        new String[] {"name", "value"});
  }

  // ================================================================ parsing

  /**
   * Parses one record from its JSON text (strictly: duplicate top-level or {@code httpRequest}
   * keys are rejected).
   *
   * @throws MalformedInputException if the text is not one JSON object
   */
  public static WafLogRecord parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8), Provenance.inMemory());
  }

  /**
   * Parses one record from UTF-8 JSON bytes (copied).
   *
   * @throws MalformedInputException with the byte offset if the bytes are not one JSON object
   * @throws LimitExceededException if nesting is deeper than {@link JsonValue#DEFAULT_MAX_DEPTH}
   */
  public static WafLogRecord parse(byte[] utf8, Provenance provenance) {
    return new WafLogRecord(JsonRecordParsing.index(utf8, provenance, SCHEMA), provenance);
  }

  // ================================================================ LogRecord

  @Override
  public SourceType source() {
    return SourceType.WAF;
  }

  /** The request time ({@code timestamp}), or null when missing or malformed. */
  @Override
  public @Nullable Instant time() {
    return timeMillis == ABSENT ? null : Instant.ofEpochMilli(timeMillis);
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
      w.add(new RecordWarning("timestamp.missing", "the record has no timestamp"));
    }
    if ((warnMask & W_TIME_MALFORMED) != 0) {
      w.add(new RecordWarning("timestamp.malformed",
          "timestamp is not epoch milliseconds: " + abbreviate(String.valueOf(j.text(0, false)))));
    }
    if ((warnMask & W_TIME_NOT_MILLIS) != 0) {
      w.add(new RecordWarning("timestamp.format",
          "timestamp is a string, not a number of epoch milliseconds: " + abbreviate(String.valueOf(j.text(0, false)))));
    }
    if ((warnMask & W_FIELD_TYPE) != 0) {
      w.add(fieldTypeWarning("documented fields with an unexpected JSON type: ", typeMask, FIELDS, WafField::path));
    }
    if ((warnMask & W_ACTION) != 0) {
      w.add(new RecordWarning("action.unknown", "unknown action " + j.text(WafField.ACTION.ordinal(), false)));
    }
    return Collections.unmodifiableList(w);
  }

  /** This record holding only a copy of its own bytes (releases a shared block). */
  public WafLogRecord detach() {
    IndexedJson d = j.detach();
    return d == j ? this : new WafLogRecord(d, provenance);
  }

  /** This record with another provenance (same bytes). */
  public WafLogRecord withProvenance(Provenance p) {
    return new WafLogRecord(j, p);
  }

  // ================================================================ typed accessors

  /** {@code timestamp} in epoch milliseconds, or {@link #ABSENT} when missing or malformed. */
  public long timestampMillis() {
    return timeMillis;
  }

  /** {@code formatVersion}, or {@link #ABSENT}. */
  public long formatVersion() {
    return j.integer(WafField.FORMAT_VERSION.ordinal());
  }

  /** {@code webaclId}: the web ACL's ARN (WAF Classic: a bare id). */
  public @Nullable String webaclId() {
    return j.text(WafField.WEBACL_ID.ordinal(), true);
  }

  /** {@code terminatingRuleId}, e.g. {@code Default_Action} (canonical instance). */
  public @Nullable String terminatingRuleId() {
    return j.text(WafField.TERMINATING_RULE_ID.ordinal(), true);
  }

  /** {@code terminatingRuleType}: REGULAR, RATE_BASED, GROUP, MANAGED_RULE_GROUP (canonical instance). */
  public @Nullable String terminatingRuleType() {
    return j.text(WafField.TERMINATING_RULE_TYPE.ordinal(), true);
  }

  /** {@code action}, or null if absent. An unknown value is kept (and warned about). */
  public @Nullable WafAction action() {
    int a = WafField.ACTION.ordinal();
    if (j.isNullOrAbsent(a)) {
      return null;
    }
    if (j.firstByte(a) == '"' && !j.escaped(a)) {
      WafAction k = WafAction.knownOrNull(j.buffer(), j.valueStart(a) + 1, j.valueEnd(a) - 1);
      if (k != null) {
        return k;
      }
    }
    return WafAction.of(Objects.requireNonNull(j.text(a, false)));
  }

  /** {@code terminatingRuleMatchDetails} as logged, or null. */
  public @Nullable JsonValue terminatingRuleMatchDetails() {
    return j.nonNull(WafField.TERMINATING_RULE_MATCH_DETAILS.ordinal());
  }

  /** {@code httpSourceName}: CF, ALB, APIGW, APPSYNC… (canonical instance). */
  public @Nullable String httpSourceName() {
    return j.text(WafField.HTTP_SOURCE_NAME.ordinal(), true);
  }

  /** {@code httpSourceId}: the distribution, load balancer, API stage… */
  public @Nullable String httpSourceId() {
    return j.text(WafField.HTTP_SOURCE_ID.ordinal(), true);
  }

  /** {@code ruleGroupList} as typed entries (empty if absent). */
  public List<RuleGroup> ruleGroupList() {
    List<RuleGroup> out = new ArrayList<>();
    for (JsonValue v : elements(WafField.RULE_GROUP_LIST)) {
      if (v.isObject()) {
        out.add(RuleGroup.of(v));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** {@code rateBasedRuleList} as typed entries (empty if absent). */
  public List<RateBasedRule> rateBasedRuleList() {
    List<RateBasedRule> out = new ArrayList<>();
    for (JsonValue v : elements(WafField.RATE_BASED_RULE_LIST)) {
      if (v.isObject()) {
        out.add(RateBasedRule.of(v));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** {@code nonTerminatingMatchingRules} as typed entries (empty if absent). */
  public List<MatchedRule> nonTerminatingMatchingRules() {
    return rules(value(WafField.NON_TERMINATING_MATCHING_RULES));
  }

  /** {@code requestHeadersInserted}: headers WAF added to the request (empty if absent or null). */
  public List<HttpHeader> requestHeadersInserted() {
    return headerList(WafField.REQUEST_HEADERS_INSERTED);
  }

  /** {@code responseCodeSent}: the status of a custom response, or {@link #ABSENT}. */
  public long responseCodeSent() {
    return j.integer(WafField.RESPONSE_CODE_SENT.ordinal());
  }

  /** {@code httpRequest} as logged, or null. */
  public @Nullable JsonValue httpRequest() {
    return j.nonNull(WafField.HTTP_REQUEST.ordinal());
  }

  /** {@code httpRequest.clientIp} as an address, or null when absent or not an address. */
  public @Nullable IpAddress clientIp() {
    return j.ip(WafField.CLIENT_IP.ordinal());
  }

  /** {@code httpRequest.clientIp} as written. */
  public @Nullable String clientIpText() {
    return j.text(WafField.CLIENT_IP.ordinal(), false);
  }

  /** {@code httpRequest.country}: ISO 3166 alpha-2, or {@code -} (canonical instance). */
  public @Nullable String country() {
    return j.text(WafField.COUNTRY.ordinal(), true);
  }

  /** {@code httpRequest.uri}. */
  public @Nullable String uri() {
    return j.text(WafField.URI.ordinal(), false);
  }

  /** {@code httpRequest.args}: the query string. */
  public @Nullable String args() {
    return j.text(WafField.ARGS.ordinal(), false);
  }

  /** {@code httpRequest.httpVersion} (canonical instance). */
  public @Nullable String httpVersion() {
    return j.text(WafField.HTTP_VERSION.ordinal(), true);
  }

  /** {@code httpRequest.httpMethod} (canonical instance). */
  public @Nullable String httpMethod() {
    return j.text(WafField.HTTP_METHOD.ordinal(), true);
  }

  /** {@code httpRequest.requestId}. */
  public @Nullable String requestId() {
    return j.text(WafField.REQUEST_ID.ordinal(), false);
  }

  /** {@code httpRequest.scheme} (canonical instance). */
  public @Nullable String scheme() {
    return j.text(WafField.SCHEME.ordinal(), true);
  }

  /** {@code httpRequest.host}. */
  public @Nullable String host() {
    return j.text(WafField.HOST.ordinal(), true);
  }

  /** {@code httpRequest.fragment}. */
  public @Nullable String fragment() {
    return j.text(WafField.FRAGMENT.ordinal(), false);
  }

  /** {@code httpRequest.headers} in order (empty if absent). */
  public List<HttpHeader> headers() {
    return headerList(WafField.HEADERS);
  }

  /**
   * The value of the first request header named {@code name}, compared ignoring ASCII case, or
   * null. Reads the bytes in place; allocates only the returned String.
   */
  public @Nullable String header(String name) {
    long sp = headerValueSpan(name);
    if (sp == 0) {
      return null;
    }
    return JsonValue.ofValidated(j.buffer(), (int) (sp >>> 32), (int) sp).asText();
  }

  /** Every value of the request headers named {@code name} (ignoring ASCII case), in order. */
  public List<String> headerValues(String name) {
    List<String> out = new ArrayList<>();
    for (HttpHeader h : headers()) {
      if (h.nameIs(name) && h.value() != null) {
        out.add(h.value());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The span {@code start << 32 | end} in {@link #buffer()} of the value of the first header
   * named {@code name} (ignoring ASCII case), or 0.
   */
  public long headerValueSpan(String name) {
    // the rows located by the indexer: each header object's last non-null "name" and "value"
    // (raw member names), in order
    byte[] b = j.buffer();
    int n = j.rowCount();
    for (int i = 0; i < n; i++) {
      long nameSpan = j.rowSpan(i, 0);
      long valueSpan = j.rowSpan(i, 1);
      if (nameSpan != 0 && valueSpan != 0 && nameIs(b, nameSpan, name)) {
        return valueSpan;
      }
    }
    return 0;
  }

  private static boolean nameIs(byte[] b, long sp, String name) {
    int s = (int) (sp >>> 32);
    int e = (int) sp;
    if (b[s] != '"') {
      return false;
    }
    if (JsonStrings.hasEscape(b, s + 1, e - 1)) {
      return JsonStrings.decode(b, s + 1, e - 1).equalsIgnoreCase(name);
    }
    if (e - s - 2 != name.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      int c = b[s + 1 + i];
      int d = name.charAt(i);
      if (c != d && lower(c) != lower(d)) {
        return false;
      }
    }
    return true;
  }

  private static int lower(int c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  /** {@code labels}: the label names (empty if absent). */
  public List<String> labels() {
    List<String> out = new ArrayList<>();
    for (JsonValue v : elements(WafField.LABELS)) {
      String n = textOf(v.isObject() ? v.get("name") : v);
      if (n != null) {
        out.add(n);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Whether the record carries the label {@code name} (exact match). */
  public boolean hasLabel(String name) {
    return labels().contains(name);
  }

  /** {@code captchaResponse}, or null. */
  public @Nullable TokenResponse captchaResponse() {
    JsonValue v = j.nonNull(WafField.CAPTCHA_RESPONSE.ordinal());
    return v != null && v.isObject() ? TokenResponse.of(v) : null;
  }

  /** {@code challengeResponse}, or null. */
  public @Nullable TokenResponse challengeResponse() {
    JsonValue v = j.nonNull(WafField.CHALLENGE_RESPONSE.ordinal());
    return v != null && v.isObject() ? TokenResponse.of(v) : null;
  }

  /** {@code ja3Fingerprint}. */
  public @Nullable String ja3Fingerprint() {
    return j.text(WafField.JA3_FINGERPRINT.ordinal(), false);
  }

  /** {@code ja4Fingerprint}. */
  public @Nullable String ja4Fingerprint() {
    return j.text(WafField.JA4_FINGERPRINT.ordinal(), false);
  }

  /** {@code oversizeFields}: the request parts too large for WAF to inspect (empty if absent). */
  public List<String> oversizeFields() {
    List<String> out = new ArrayList<>();
    for (JsonValue v : elements(WafField.OVERSIZE_FIELDS)) {
      String s = v.asText();
      if (s != null) {
        out.add(s);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** {@code requestBodySize} in bytes, or {@link #ABSENT}. */
  public long requestBodySize() {
    return j.integer(WafField.REQUEST_BODY_SIZE.ordinal());
  }

  /** {@code requestBodySizeInspectedByWAF} in bytes, or {@link #ABSENT}. */
  public long requestBodySizeInspectedByWAF() {
    return j.integer(WafField.REQUEST_BODY_SIZE_INSPECTED_BY_WAF.ordinal());
  }

  /** {@code cfDistributionTenantId}. */
  public @Nullable String cfDistributionTenantId() {
    return j.text(WafField.CF_DISTRIBUTION_TENANT_ID.ordinal(), false);
  }

  /** {@code clientAsn}, or {@link #ABSENT}. */
  public long clientAsn() {
    return j.integer(WafField.CLIENT_ASN.ordinal());
  }

  /** {@code forwardedAsn}, or {@link #ABSENT}. */
  public long forwardedAsn() {
    return j.integer(WafField.FORWARDED_ASN.ordinal());
  }

  // ================================================================ helpers

  private List<JsonValue> elements(WafField f) {
    JsonValue v = j.nonNull(f.ordinal());
    return v != null && v.isArray() ? v.elements() : List.of();
  }

  private List<HttpHeader> headerList(WafField f) {
    List<HttpHeader> out = new ArrayList<>();
    for (JsonValue v : elements(f)) {
      if (v.isObject()) {
        out.add(new HttpHeader(textOf(v.get("name")), textOf(v.get("value"))));
      }
    }
    return Collections.unmodifiableList(out);
  }

  static @Nullable String textOf(@Nullable JsonValue v) {
    return v == null ? null : v.asText();
  }

  static @Nullable JsonValue nonNull(@Nullable JsonValue v) {
    return v == null || v.isNull() ? null : v;
  }

  static long longOf(@Nullable JsonValue v) {
    if (v == null) {
      return ABSENT;
    }
    byte[] raw = v.rawBytes();
    if (v.isString()) {
      return raw.length >= 2 ? IndexedJson.parseLong(raw, 1, raw.length - 1) : ABSENT;
    }
    return v.isNumber() ? IndexedJson.parseLong(raw, 0, raw.length) : ABSENT;
  }

  static List<MatchedRule> rules(@Nullable JsonValue v) {
    if (v == null || !v.isArray()) {
      return List.of();
    }
    List<MatchedRule> out = new ArrayList<>();
    for (JsonValue e : v.elements()) {
      if (e.isObject()) {
        out.add(MatchedRule.of(e));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static final class Factory extends SchemaRecordFactory {
    Factory() {
      super(SourceType.WAF, SCHEMA, "a WAF log record (no webaclId, terminatingRuleId or httpRequest)");
    }

    @Override
    public boolean isRecord(ObjectIndexer ix) {
      return ix.span(WafField.WEBACL_ID.ordinal()) != 0 || ix.span(WafField.HTTP_REQUEST.ordinal()) != 0
          || ix.span(WafField.TERMINATING_RULE_ID.ordinal()) != 0;
    }

    @Override
    public LogRecord make(ObjectIndexer ix, Provenance provenance, boolean copyBytes) {
      return new WafLogRecord(IndexedJson.of(ix, copyBytes), provenance);
    }

    @Override
    public boolean hasWarnings(LogRecord r) {
      return ((WafLogRecord) r).warnMask != 0;
    }
  }
}
