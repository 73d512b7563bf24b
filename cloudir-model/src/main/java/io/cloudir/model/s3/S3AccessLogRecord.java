package io.cloudir.model.s3;

import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.internal.text.FieldLayout;
import io.cloudir.model.internal.text.TextFields;
import io.cloudir.model.internal.text.TextFields.Kind;
import io.cloudir.model.internal.text.TextFields.Quote;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Amazon S3 server access log record: a compact view over the bytes of its line, with the
 * offsets of its fields; values are decoded only when asked for.
 *
 * <p>Every documented field ({@link S3AccessLogField}) is reachable typed or as text; {@code -}
 * reads as absent ({@code null}, {@link #ABSENT} or -1). Older, shorter lines (which end after
 * {@code User-Agent}, {@code Version Id} or {@code TLS version}) are records whose later fields
 * are absent ({@link #has} is false); fields AWS appends after the documented ones are kept by
 * position ({@link #extraFields()}). Values that are present but not what their field says (a
 * status that is not a number, an address that is not an IP) are kept and reported as {@link
 * #warnings()}.
 *
 * <p>Quoted fields: S3 writes {@code Request-URI}, {@code Referer} and {@code User-Agent} in
 * double quotes but does not escape quotes inside them. The Request-URI ends at the first quote
 * followed by a status code, the Referer at the first quote followed by the User-Agent's opening
 * quote, and the User-Agent at the last quote of the line (no later field is quoted).
 *
 * <p><b>Retention:</b> a record read by a reader may share an immutable block of bytes with its
 * neighbours; {@link #detach()} copies just its own line.
 *
 * <p>Immutable and thread-safe.
 */
public final class S3AccessLogRecord implements LogRecord {
  /** What the {@code long} accessors return for {@code -}, a missing field or a malformed number. */
  public static final long ABSENT = Long.MIN_VALUE;

  /** The fewest fields a line may have (the oldest layout ends after {@code User-Agent}). */
  public static final int MIN_FIELDS = 17;

  private static final S3AccessLogField[] FIELDS = S3AccessLogField.values();
  private static final Quote[] MODES = new Quote[FIELDS.length];
  private static final int TIME = S3AccessLogField.TIME.ordinal();
  private static final FieldLayout LAYOUT = FieldLayout.of(FIELDS, S3AccessLogField::jsonName,
      S3AccessLogField::documentedName, S3AccessLogField::kind);

  static {
    for (int i = 0; i < FIELDS.length; i++) {
      MODES[i] = FIELDS[i].quote();
    }
  }

  private final byte[] buf;
  private final int start;
  private final int end;
  private final int[] spans;
  private final int count;
  private final long timeSeconds;
  private final long oddMask;
  private final Provenance provenance;

  private S3AccessLogRecord(byte[] buf, int start, int end, int[] spans, long timeSeconds, long oddMask,
      Provenance provenance) {
    this.buf = buf;
    this.start = start;
    this.end = end;
    this.spans = spans;
    this.count = spans[0];
    this.timeSeconds = timeSeconds;
    this.oddMask = oddMask;
    this.provenance = provenance;
  }

  /**
   * Parses one log line.
   *
   * @throws MalformedInputException if the line is not an S3 access log record (fewer than {@value
   *     #MIN_FIELDS} fields, an unterminated quote or time bracket)
   */
  public static S3AccessLogRecord parse(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length, Provenance.inMemory(), false);
  }

  /**
   * Parses the line {@code [s, e)} of {@code b} (without its line terminator).
   *
   * @param copy whether to copy the bytes; when false the record keeps a reference to {@code b}
   *     and the caller must never change bytes {@code [s, e)} afterwards
   * @throws MalformedInputException with the location (the provenance's offset plus the column of
   *     the problem) if the line is not an S3 access log record
   */
  public static S3AccessLogRecord parse(byte[] b, int s, int e, Provenance provenance, boolean copy) {
    Objects.checkFromToIndex(s, e, b.length);
    if (copy) {
      b = Arrays.copyOfRange(b, s, e);
      e -= s;
      s = 0;
    }
    e = TextFields.trimEnd(b, s, e);
    int[] spans = TextFields.split(b, s, e, true, MODES, TIME, new int[2 * 28 + 1], provenance.toLocation());
    int n = spans[0];
    if (n < MIN_FIELDS) {
      throw TextFields.syntax(provenance.toLocation(),
          "expected at least " + MIN_FIELDS + " fields but found " + n, e - s);
    }
    long odd = LAYOUT.oddMask(b, spans);
    long secs = TextFields.s3Seconds(b, spans[2 * TIME + 1], spans[2 * TIME + 2]);
    return new S3AccessLogRecord(b, s, e, spans, secs, odd, provenance);
  }

  @Override
  public SourceType source() {
    return SourceType.S3_ACCESS;
  }

  /** The time the request was received, or null when the Time field is malformed (a warning). */
  @Override
  public @Nullable Instant time() {
    return timeSeconds == Long.MIN_VALUE ? null : Instant.ofEpochSecond(timeSeconds);
  }

  /** The time in epoch seconds, or {@link #ABSENT}. */
  public long epochSecond() {
    return timeSeconds == Long.MIN_VALUE ? ABSENT : timeSeconds;
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  /** One warning per documented field whose value is present but malformed. */
  @Override
  public List<RecordWarning> warnings() {
    return LAYOUT.warnings(oddMask, buf, spans);
  }

  /** Whether any field is malformed (no allocation). */
  public boolean hasWarnings() {
    return oddMask != 0;
  }

  /** The number of fields of the line (documented ones plus any extra). */
  public int fieldCount() {
    return count;
  }

  /** Whether the line has this field at all (older lines lack the later fields). */
  public boolean has(S3AccessLogField f) {
    return f.ordinal() < count;
  }

  /** The field's text as written (quotes and brackets removed), or null for {@code -} or a missing field. */
  public @Nullable String get(S3AccessLogField f) {
    return FieldLayout.text(buf, spans, f.ordinal(), f.kind() == Kind.CANONICAL);
  }

  /** The field as an integer, or {@link #ABSENT} for {@code -}, a missing field or a malformed number. */
  public long getLong(S3AccessLogField f) {
    return FieldLayout.longValue(buf, spans, f.ordinal());
  }

  /** Bucket Owner. */
  public @Nullable String bucketOwner() {
    return get(S3AccessLogField.BUCKET_OWNER);
  }

  /** Bucket. */
  public @Nullable String bucket() {
    return get(S3AccessLogField.BUCKET);
  }

  /** Remote IP as an address, or null for {@code -} or a value that is not an IP (then a warning). */
  public @Nullable IpAddress remoteIp() {
    int i = S3AccessLogField.REMOTE_IP.ordinal();
    int s = FieldLayout.start(spans, i);
    int e = FieldLayout.end(spans, i);
    return TextFields.isDash(buf, s, e) ? null : IpAddress.tryParse(buf, s, e);
  }

  /** Requester: a canonical user ID or an IAM ARN, or null for unauthenticated requests. */
  public @Nullable String requester() {
    return get(S3AccessLogField.REQUESTER);
  }

  /** Request ID. */
  public @Nullable String requestId() {
    return get(S3AccessLogField.REQUEST_ID);
  }

  /** Operation, such as {@code REST.GET.OBJECT}. */
  public @Nullable String operation() {
    return get(S3AccessLogField.OPERATION);
  }

  /** Key (URL-encoded as logged), or null. */
  public @Nullable String key() {
    return get(S3AccessLogField.KEY);
  }

  /** Request-URI (the request line without its quotes), or null. */
  public @Nullable String requestUri() {
    return get(S3AccessLogField.REQUEST_URI);
  }

  /** HTTP status, or -1 when absent or malformed. */
  public int httpStatus() {
    return FieldLayout.status(getLong(S3AccessLogField.HTTP_STATUS));
  }

  /** Error Code, or null when there was no error. */
  public @Nullable String errorCode() {
    return get(S3AccessLogField.ERROR_CODE);
  }

  /** Bytes Sent, or {@link #ABSENT} ({@code -} means zero bytes in S3's own words). */
  public long bytesSent() {
    return getLong(S3AccessLogField.BYTES_SENT);
  }

  /** Object Size, or {@link #ABSENT}. */
  public long objectSize() {
    return getLong(S3AccessLogField.OBJECT_SIZE);
  }

  /** Total Time in milliseconds, or {@link #ABSENT}. */
  public long totalTime() {
    return getLong(S3AccessLogField.TOTAL_TIME);
  }

  /** Turn-Around Time in milliseconds, or {@link #ABSENT}. */
  public long turnAroundTime() {
    return getLong(S3AccessLogField.TURN_AROUND_TIME);
  }

  /** Referer, or null. */
  public @Nullable String referer() {
    return get(S3AccessLogField.REFERER);
  }

  /** User-Agent, or null. */
  public @Nullable String userAgent() {
    return get(S3AccessLogField.USER_AGENT);
  }

  /** Version Id, or null. */
  public @Nullable String versionId() {
    return get(S3AccessLogField.VERSION_ID);
  }

  /** Host Id, or null. */
  public @Nullable String hostId() {
    return get(S3AccessLogField.HOST_ID);
  }

  /** Signature Version, or null. */
  public @Nullable String signatureVersion() {
    return get(S3AccessLogField.SIGNATURE_VERSION);
  }

  /** Cipher Suite, or null. */
  public @Nullable String cipherSuite() {
    return get(S3AccessLogField.CIPHER_SUITE);
  }

  /** Authentication Type, or null. */
  public @Nullable String authenticationType() {
    return get(S3AccessLogField.AUTHENTICATION_TYPE);
  }

  /** Host Header, or null. */
  public @Nullable String hostHeader() {
    return get(S3AccessLogField.HOST_HEADER);
  }

  /** TLS version, or null. */
  public @Nullable String tlsVersion() {
    return get(S3AccessLogField.TLS_VERSION);
  }

  /** Access Point ARN, or null. */
  public @Nullable String accessPointArn() {
    return get(S3AccessLogField.ACCESS_POINT_ARN);
  }

  /** aclRequired: {@code Yes}, or null. */
  public @Nullable String aclRequired() {
    return get(S3AccessLogField.ACL_REQUIRED);
  }

  /** Source region, or null. */
  public @Nullable String sourceRegion() {
    return get(S3AccessLogField.SOURCE_REGION);
  }

  /** The fields after the documented ones, in order, as written ({@code -} included). */
  public List<String> extraFields() {
    return LAYOUT.extraFields(buf, spans);
  }

  /** The line as read (without its terminator and trailing blanks). */
  public String line() {
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }

  /** This record holding only a copy of its own line (releases a shared block). */
  public S3AccessLogRecord detach() {
    if (start == 0 && end == buf.length) {
      return this;
    }
    return new S3AccessLogRecord(Arrays.copyOfRange(buf, start, end), 0, end - start,
        FieldLayout.rebase(spans, start), timeSeconds,
        oddMask, provenance);
  }

  /** This record with another provenance. */
  public S3AccessLogRecord withProvenance(Provenance p) {
    return new S3AccessLogRecord(buf, start, end, spans, timeSeconds, oddMask, Objects.requireNonNull(p));
  }

  /**
   * The {@code cloudir parse} JSON: the documented field names in lower snake case, in line order,
   * only those the line has; {@code -} as null; numbers as numbers; the time as ISO-8601 UTC;
   * malformed values as strings; fields after the documented ones as {@code extra_fields}.
   */
  @Override
  public String toJson() {
    return LAYOUT.toJson(buf, spans, end - start);
  }

  /** The line and where it was read. */
  @Override
  public String toString() {
    return provenance + " " + line();
  }

  /** A builder of records (for tests of rules): composes a log line and parses it. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Composes an S3 access log line from field values and parses it. Fields not set are {@code -};
   * the line has every documented field up to the last one set (at least {@value #MIN_FIELDS}).
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private static final DateTimeFormatter S3_TIME =
        DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Map<S3AccessLogField, String> values = new EnumMap<>(S3AccessLogField.class);
    private final List<String> extras = new ArrayList<>();
    private Provenance provenance = Provenance.inMemory();

    private Builder() {}

    /**
     * Sets a field's text as it appears in the log (without quotes or brackets); null means {@code -}.
     *
     * @throws IllegalArgumentException if an unquoted field would contain a space or the value a line break
     */
    public Builder set(S3AccessLogField f, @Nullable String value) {
      if (value == null) {
        values.put(f, "-");
        return this;
      }
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(f + ": a value cannot contain a line break");
      }
      if (!f.quoted() && f != S3AccessLogField.TIME && (value.isEmpty() || value.indexOf(' ') >= 0
          || value.indexOf('\t') >= 0)) {
        throw new IllegalArgumentException(f + ": an unquoted value must be non-empty without spaces");
      }
      values.put(f, value);
      return this;
    }

    /** Sets the Time. */
    public Builder time(Instant t) {
      return set(S3AccessLogField.TIME, S3_TIME.format(t));
    }

    /** Appends a field after the documented ones. */
    public Builder extra(String value) {
      if (value.isEmpty() || value.indexOf(' ') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0
          || value.indexOf('\t') >= 0) {
        throw new IllegalArgumentException("an extra field must be non-empty without spaces");
      }
      extras.add(value);
      return this;
    }

    /** Sets where the record is said to come from. */
    public Builder provenance(Provenance p) {
      provenance = Objects.requireNonNull(p);
      return this;
    }

    /** The line the record would be parsed from. */
    public String line() {
      int last = MIN_FIELDS - 1;
      for (S3AccessLogField f : values.keySet()) {
        last = Math.max(last, f.ordinal());
      }
      if (!extras.isEmpty()) {
        last = FIELDS.length - 1;
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i <= last; i++) {
        S3AccessLogField f = FIELDS[i];
        String v = values.get(f);
        if (i > 0) {
          sb.append(' ');
        }
        if (f == S3AccessLogField.TIME) {
          sb.append('[').append(v == null ? S3_TIME.format(Instant.EPOCH) : v).append(']');
        } else if (f.quoted()) {
          sb.append('"').append(v == null ? "-" : v).append('"');
        } else {
          sb.append(v == null ? "-" : v);
        }
      }
      for (String x : extras) {
        sb.append(' ').append(x);
      }
      return sb.toString();
    }

    /**
     * The record.
     *
     * @throws MalformedInputException if the values do not make a well-formed line
     */
    public S3AccessLogRecord build() {
      byte[] b = line().getBytes(StandardCharsets.UTF_8);
      return parse(b, 0, b.length, provenance, false);
    }
  }
}
