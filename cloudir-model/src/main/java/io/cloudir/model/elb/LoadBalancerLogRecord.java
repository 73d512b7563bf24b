package io.cloudir.model.elb;

import static io.cloudir.model.elb.LoadBalancerField.*;

import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.model.internal.text.FieldLayout;
import io.cloudir.model.internal.text.TextFields;
import io.cloudir.model.internal.text.TextFields.Kind;
import io.cloudir.model.internal.text.TextFields.Quote;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One access log entry of an Application, Network (TLS listener) or Classic load balancer: a
 * compact view over the bytes of its line, with the offsets of its fields; values are decoded
 * only when asked for. {@link #kind()} says which load balancer wrote it (from the line itself:
 * ALB lines start with the request type, NLB lines with {@code tls} and a version, Classic lines
 * with the time), {@link #layout()} gives its fields in order.
 *
 * <p>{@code -} reads as absent ({@code null}, {@link #ABSENT}, NaN or -1). Lines written before
 * AWS added the later fields are records whose later fields are absent ({@link #has} is false);
 * fields appended after the documented ones are kept by position ({@link #extraFields()}). Values
 * present but not what their field says (an {@code ip:port} that is not one, a status that is not
 * a number) are kept and reported as {@link #warnings()}. IPv6 endpoints are written {@code
 * [addr]:port}.
 *
 * <p>Quoted fields: the request ends at the first quote followed by the user agent's opening
 * quote; the ALB user agent at the first quote followed by three unquoted fields and a quoted one
 * (the Classic user agent at the last quote of the line); other quoted fields at the first quote
 * followed by a space. NLB lines have no quoted fields.
 *
 * <p>Access logs also hold control lines such as {@code Enable AccessLog for ELB: …}: they are not
 * records ({@link #isControlLine}).
 *
 * <p><b>Retention:</b> a record read by a reader may share an immutable block of bytes with its
 * neighbours; {@link #detach()} copies just its own line.
 *
 * <p>Immutable and thread-safe.
 */
public final class LoadBalancerLogRecord implements LogRecord {
  /** What the {@code long} accessors return for {@code -}, a missing field or a malformed number. */
  public static final long ABSENT = Long.MIN_VALUE;

  private static final LoadBalancerField[] ALB = {
    TYPE, TIME, ELB, CLIENT, TARGET, REQUEST_PROCESSING_TIME, TARGET_PROCESSING_TIME,
    RESPONSE_PROCESSING_TIME, ELB_STATUS_CODE, TARGET_STATUS_CODE, RECEIVED_BYTES, SENT_BYTES,
    REQUEST, USER_AGENT, SSL_CIPHER, SSL_PROTOCOL, TARGET_GROUP_ARN, TRACE_ID, DOMAIN_NAME,
    CHOSEN_CERT_ARN, MATCHED_RULE_PRIORITY, REQUEST_CREATION_TIME, ACTIONS_EXECUTED, REDIRECT_URL,
    ERROR_REASON, TARGET_PORT_LIST, TARGET_STATUS_CODE_LIST, CLASSIFICATION, CLASSIFICATION_REASON,
    CONN_TRACE_ID, TRANSFORMED_HOST, TRANSFORMED_URI, REQUEST_TRANSFORM_STATUS
  };
  private static final LoadBalancerField[] NLB = {
    TYPE, VERSION, TIME, ELB, LISTENER, CLIENT, DESTINATION, CONNECTION_TIME, TLS_HANDSHAKE_TIME,
    RECEIVED_BYTES, SENT_BYTES, INCOMING_TLS_ALERT, CHOSEN_CERT_ARN, CHOSEN_CERT_SERIAL, TLS_CIPHER,
    TLS_PROTOCOL_VERSION, TLS_NAMED_GROUP, DOMAIN_NAME, ALPN_FE_PROTOCOL, ALPN_BE_PROTOCOL,
    ALPN_CLIENT_PREFERENCE_LIST, TLS_CONNECTION_CREATION_TIME
  };
  private static final LoadBalancerField[] CLB = {
    TIME, ELB, CLIENT, BACKEND, REQUEST_PROCESSING_TIME, BACKEND_PROCESSING_TIME,
    RESPONSE_PROCESSING_TIME, ELB_STATUS_CODE, BACKEND_STATUS_CODE, RECEIVED_BYTES, SENT_BYTES,
    REQUEST, USER_AGENT, SSL_CIPHER, SSL_PROTOCOL
  };
  private static final Quote[] ALB_QUOTES = modes(ALB, Quote.BEFORE_THREE_BARE);
  private static final Quote[] CLB_QUOTES = modes(CLB, Quote.LAST);
  private static final Quote[] NO_QUOTES = {};
  private static final FieldLayout ALB_FIELDS = fields(ALB);
  private static final FieldLayout NLB_FIELDS = fields(NLB);
  private static final FieldLayout CLB_FIELDS = fields(CLB);

  /** The fewest fields of an ALB line (the first layout ended after {@code trace_id}). */
  public static final int MIN_ALB_FIELDS = 18;
  /** The fewest fields of an NLB line (the first documented layout ended after {@code alpn_client_preference_list}). */
  public static final int MIN_NLB_FIELDS = 21;
  /** The fewest fields of a Classic line (without user agent and TLS fields). */
  public static final int MIN_CLB_FIELDS = 12;

  private static final byte[] ENABLE = "Enable AccessLog for ELB:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DISABLE = "Disable AccessLog for ELB:".getBytes(StandardCharsets.US_ASCII);

  private static Quote[] modes(LoadBalancerField[] layout, Quote userAgent) {
    Quote[] q = new Quote[layout.length];
    for (int i = 0; i < layout.length; i++) {
      q[i] = layout[i] == REQUEST ? Quote.BEFORE_QUOTED : layout[i] == USER_AGENT ? userAgent : Quote.FIRST;
    }
    return q;
  }

  private static FieldLayout fields(LoadBalancerField[] layout) {
    return FieldLayout.of(layout, LoadBalancerField::jsonName, LoadBalancerField::documentedName,
        LoadBalancerField::kind);
  }

  private final byte[] buf;
  private final int start;
  private final int end;
  private final int[] spans;
  private final int count;
  private final LoadBalancerKind kind;
  private final long timeNanos;
  private final long oddMask;
  private final Provenance provenance;

  private LoadBalancerLogRecord(byte[] buf, int start, int end, int[] spans, LoadBalancerKind kind,
      long timeNanos, long oddMask, Provenance provenance) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.spans = spans;
    this.count = spans[0];
    this.kind = kind;
    this.timeNanos = timeNanos;
    this.oddMask = oddMask;
    this.provenance = provenance;
  }

  private static LoadBalancerField[] layout(LoadBalancerKind k) {
    return switch (k) {
      case APPLICATION -> ALB;
      case NETWORK -> NLB;
      case CLASSIC -> CLB;
    };
  }

  private static FieldLayout fields(LoadBalancerKind k) {
    return switch (k) {
      case APPLICATION -> ALB_FIELDS;
      case NETWORK -> NLB_FIELDS;
      case CLASSIC -> CLB_FIELDS;
    };
  }

  /**
   * Whether the line {@code [s, e)} is a control line that load balancers write into access log
   * files ({@code Enable AccessLog for ELB: … at …}): not a record, not an error.
   */
  public static boolean isControlLine(byte[] b, int s, int e) {
    return startsWith(b, s, e, ENABLE) || startsWith(b, s, e, DISABLE);
  }

  private static boolean startsWith(byte[] b, int s, int e, byte[] p) {
    if (e - s < p.length) {
      return false;
    }
    return Arrays.equals(b, s, s + p.length, p, 0, p.length);
  }

  /** Which load balancer wrote the line {@code [s, e)}, judging from its first two fields. */
  public static LoadBalancerKind kindOf(byte[] b, int s, int e) {
    int p = TextFields.skipSpaces(b, s, e);
    int t = TextFields.tokenEnd(b, p, e);
    if (t - p >= 19 && b[p + 4] == '-' && b[p + 10] == 'T') {
      return LoadBalancerKind.CLASSIC;
    }
    if (t - p == 3 && b[p] == 't' && b[p + 1] == 'l' && b[p + 2] == 's') {
      return LoadBalancerKind.NETWORK;
    }
    int q = TextFields.skipSpaces(b, t, e);
    int u = TextFields.tokenEnd(b, q, e);
    if (u - q == 3 && b[q] >= '0' && b[q] <= '9' && b[q + 1] == '.' && b[q + 2] >= '0' && b[q + 2] <= '9') {
      return LoadBalancerKind.NETWORK;
    }
    return LoadBalancerKind.APPLICATION;
  }

  /**
   * Parses one log line.
   *
   * @throws MalformedInputException if the line is not a load balancer access log entry (too few
   *     fields for its kind, an unterminated quote, a control line)
   */
  public static LoadBalancerLogRecord parse(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length, Provenance.inMemory(), false);
  }

  /**
   * Parses the line {@code [s, e)} of {@code b} (without its line terminator).
   *
   * @param copy whether to copy the bytes; when false the record keeps a reference to {@code b}
   *     and the caller must never change bytes {@code [s, e)} afterwards
   * @throws MalformedInputException with the location (the provenance's offset plus the column of
   *     the problem) if the line is not an access log entry
   */
  public static LoadBalancerLogRecord parse(byte[] b, int s, int e, Provenance provenance, boolean copy) {
    Objects.checkFromToIndex(s, e, b.length);
    if (copy) {
      b = Arrays.copyOfRange(b, s, e);
      e -= s;
      s = 0;
    }
    e = TextFields.trimEnd(b, s, e);
    if (isControlLine(b, s, e)) {
      throw TextFields.syntax(provenance.toLocation(), "a load balancer control line, not a record", 0);
    }
    LoadBalancerKind k = kindOf(b, s, e);
    LoadBalancerField[] layout = layout(k);
    Quote[] modes = k == LoadBalancerKind.APPLICATION ? ALB_QUOTES : k == LoadBalancerKind.CLASSIC ? CLB_QUOTES : NO_QUOTES;
    int[] spans = TextFields.split(b, s, e, k != LoadBalancerKind.NETWORK, modes, -1,
        new int[2 * layout.length + 1], provenance.toLocation());
    int n = spans[0];
    int min = switch (k) {
      case APPLICATION -> MIN_ALB_FIELDS;
      case NETWORK -> MIN_NLB_FIELDS;
      case CLASSIC -> MIN_CLB_FIELDS;
    };
    if (n < min) {
      String what = switch (k) {
        case APPLICATION -> "an Application";
        case NETWORK -> "a Network";
        case CLASSIC -> "a Classic";
      };
      throw TextFields.syntax(provenance.toLocation(), "expected at least " + min + " fields for "
          + what + " Load Balancer entry but found " + n, e - s);
    }
    long odd = fields(k).oddMask(b, spans);
    int ti = k == LoadBalancerKind.NETWORK ? 2 : k == LoadBalancerKind.APPLICATION ? 1 : 0;
    long t = TextFields.isoNanos(b, spans[2 * ti + 1], spans[2 * ti + 2]);
    return new LoadBalancerLogRecord(b, s, e, spans, k, t, odd, provenance);
  }

  @Override
  public SourceType source() {
    return SourceType.ALB;
  }

  /** Which load balancer wrote the entry. */
  public LoadBalancerKind kind() {
    return kind;
  }

  /** The documented fields of this kind of entry, in line order (the line may have fewer or more). */
  public List<LoadBalancerField> layout() {
    return List.of(layout(kind));
  }

  /** The {@code time} field, or null when it is malformed (a warning). */
  @Override
  public @Nullable Instant time() {
    if (timeNanos == IsoTime.INVALID) {
      return null;
    }
    return IsoTime.instant(timeNanos);
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  /** One warning per documented field whose value is present but malformed. */
  @Override
  public List<RecordWarning> warnings() {
    return fields(kind).warnings(oddMask, buf, spans);
  }

  /** Whether any field is malformed (no allocation). */
  public boolean hasWarnings() {
    return oddMask != 0;
  }

  /** The number of fields of the line (documented ones plus any extra). */
  public int fieldCount() {
    return count;
  }

  private int index(LoadBalancerField f) {
    LoadBalancerField[] layout = layout(kind);
    for (int i = 0; i < layout.length && i < count; i++) {
      if (layout[i] == f) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the line has this field (it belongs to this kind's layout and the line is long enough). */
  public boolean has(LoadBalancerField f) {
    return index(f) >= 0;
  }

  private int fs(int i) {
    return FieldLayout.start(spans, i);
  }

  private int fe(int i) {
    return FieldLayout.end(spans, i);
  }

  /** The field's text as written (quotes removed), or null for {@code -} or a field the line lacks. */
  public @Nullable String get(LoadBalancerField f) {
    return FieldLayout.text(buf, spans, index(f), f.kind() == Kind.CANONICAL);
  }

  /** The field as an integer, or {@link #ABSENT} for {@code -}, a missing field or a malformed number. */
  public long getLong(LoadBalancerField f) {
    return FieldLayout.longValue(buf, spans, index(f));
  }

  /** The field as a decimal number, or NaN for {@code -}, a missing field or a malformed number. */
  public double getDecimal(LoadBalancerField f) {
    int i = index(f);
    return i < 0 ? Double.NaN : TextFields.parseDecimal(buf, fs(i), fe(i));
  }

  /** The address of an {@code ip:port} field, or null for {@code -}, a missing field or a value that is not an IP. */
  public @Nullable IpAddress ip(LoadBalancerField f) {
    int i = index(f);
    if (i < 0 || f.kind() != Kind.IP_PORT || TextFields.isDash(buf, fs(i), fe(i))) {
      return null;
    }
    long h = TextFields.hostSpan(buf, fs(i), fe(i));
    return IpAddress.tryParse(buf, (int) (h >>> 32), (int) h);
  }

  /** The host text of an {@code ip:port} field as written (brackets removed), or null. */
  public @Nullable String host(LoadBalancerField f) {
    int i = index(f);
    if (i < 0 || f.kind() != Kind.IP_PORT || TextFields.isDash(buf, fs(i), fe(i))) {
      return null;
    }
    long h = TextFields.hostSpan(buf, fs(i), fe(i));
    int hs = (int) (h >>> 32);
    return new String(buf, hs, (int) h - hs, StandardCharsets.UTF_8);
  }

  /** The port of an {@code ip:port} field, or -1 when absent or malformed. */
  public int port(LoadBalancerField f) {
    int i = index(f);
    if (i < 0 || f.kind() != Kind.IP_PORT) {
      return -1;
    }
    return TextFields.port(buf, fs(i), fe(i));
  }

  private LoadBalancerField targetField() {
    return switch (kind) {
      case APPLICATION -> TARGET;
      case NETWORK -> DESTINATION;
      case CLASSIC -> BACKEND;
    };
  }

  /** The request type ({@code http}, {@code h2}, {@code tls}, …); null for Classic entries. */
  public @Nullable String type() {
    return get(TYPE);
  }

  /** The load balancer's resource ID. */
  public @Nullable String elb() {
    return get(ELB);
  }

  /** The client's address, or null (malformed addresses such as five-octet ones give null and a warning). */
  public @Nullable IpAddress clientIp() {
    return ip(CLIENT);
  }

  /** The client's port, or -1. */
  public int clientPort() {
    return port(CLIENT);
  }

  /** The address of the target (ALB), registered instance (Classic) or destination (NLB), or null. */
  public @Nullable IpAddress targetIp() {
    return ip(targetField());
  }

  /** The port of the target, registered instance or destination, or -1. */
  public int targetPort() {
    return port(targetField());
  }

  /** The load balancer's status code, or -1 when absent (NLB entries have none). */
  public int elbStatusCode() {
    return FieldLayout.status(getLong(ELB_STATUS_CODE));
  }

  /** The target's (Classic: the instance's) status code, or -1 when absent. */
  public int targetStatusCode() {
    return FieldLayout.status(getLong(kind == LoadBalancerKind.CLASSIC ? BACKEND_STATUS_CODE : TARGET_STATUS_CODE));
  }

  /** Bytes received from the client, or {@link #ABSENT}. */
  public long receivedBytes() {
    return getLong(RECEIVED_BYTES);
  }

  /** Bytes sent to the client, or {@link #ABSENT}. */
  public long sentBytes() {
    return getLong(SENT_BYTES);
  }

  /** The request line, or null (NLB entries have none). */
  public @Nullable String request() {
    return get(REQUEST);
  }

  /** The user agent, or null. */
  public @Nullable String userAgent() {
    return get(USER_AGENT);
  }

  /** The X-Amzn-Trace-Id contents (ALB), or null. */
  public @Nullable String traceId() {
    return get(TRACE_ID);
  }

  /** The SNI domain, or null. */
  public @Nullable String domainName() {
    return get(DOMAIN_NAME);
  }

  /** The ARN of the certificate presented, or null. */
  public @Nullable String chosenCertArn() {
    return get(CHOSEN_CERT_ARN);
  }

  /** The actions executed (ALB), such as {@code waf,forward}, or null. */
  public @Nullable String actionsExecuted() {
    return get(ACTIONS_EXECUTED);
  }

  /** The error reason (ALB), or null. */
  public @Nullable String errorReason() {
    return get(ERROR_REASON);
  }

  /** The desync classification (ALB), or null. */
  public @Nullable String classification() {
    return get(CLASSIFICATION);
  }

  /** The connection trace ID (ALB), or null. */
  public @Nullable String connTraceId() {
    return get(CONN_TRACE_ID);
  }

  /** The fields after the documented ones, in order, as written ({@code -} included). */
  public List<String> extraFields() {
    return fields(kind).extraFields(buf, spans);
  }

  /** The line as read (without its terminator and trailing blanks). */
  public String line() {
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }

  /** This record holding only a copy of its own line (releases a shared block). */
  public LoadBalancerLogRecord detach() {
    if (start == 0 && end == buf.length) {
      return this;
    }
    return new LoadBalancerLogRecord(Arrays.copyOfRange(buf, start, end), 0, end - start,
        FieldLayout.rebase(spans, start), kind,
        timeNanos, oddMask, provenance);
  }

  /** This record with another provenance. */
  public LoadBalancerLogRecord withProvenance(Provenance p) {
    return new LoadBalancerLogRecord(buf, start, end, spans, kind, timeNanos, oddMask, Objects.requireNonNull(p));
  }

  /**
   * The {@code cloudir parse} JSON: the documented field names in lower snake case, in line order,
   * only those the line has; {@code ip:port} fields as {@code <name>_ip} and {@code <name>_port};
   * {@code -} as null; numbers as numbers; times as ISO-8601 UTC; malformed values as strings;
   * fields after the documented ones as {@code extra_fields}.
   */
  @Override
  public String toJson() {
    return fields(kind).toJson(buf, spans, end - start);
  }

  /** The line and where it was read. */
  @Override
  public String toString() {
    return provenance + " " + line();
  }

  /** The layout of a kind of entry, in line order. */
  public static List<LoadBalancerField> layoutOf(LoadBalancerKind k) {
    return List.of(layout(k));
  }
}
