package io.cloudir.model.route53;

import io.cloudir.model.Location;
import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.internal.json.Canonical;
import io.cloudir.model.internal.json.IsoTime;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Route 53 query log record of a public hosted zone: a space-separated line of ten fields —
 * log format version, query timestamp, hosted zone id, query name, query type, response code,
 * protocol, edge location, resolver IP, EDNS client subnet ({@code -} when the resolver sent
 * none). Kept as the line's bytes and the offsets of its fields; values are decoded on demand.
 *
 * <p>A record with an odd but well-formed value (a timestamp that is not ISO-8601, a resolver
 * that is not an IP address, extra spaces between fields) is kept with a {@link RecordWarning}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PublicDnsQueryLogRecord implements LogRecord {
  /** The JSON keys of {@code cloudir parse}, in field order. */
  public static final List<String> JSON_KEYS = List.of("version", "query_timestamp", "hosted_zone_id",
      "query_name", "query_type", "response_code", "protocol", "edge_location", "resolver_ip",
      "edns_client_subnet");

  private static final int FIELDS = 10;
  private static final int VERSION = 0;
  private static final int TIMESTAMP = 1;
  private static final int ZONE = 2;
  private static final int NAME = 3;
  private static final int TYPE = 4;
  private static final int RCODE = 5;
  private static final int PROTOCOL = 6;
  private static final int EDGE = 7;
  private static final int RESOLVER = 8;
  private static final int SUBNET = 9;

  private static final int W_SPACING = 1;
  private static final int W_TIME = 2;
  private static final int W_RESOLVER = 4;
  private static final int W_SUBNET = 8;

  private final byte[] buf;
  private final int[] bounds;
  private final long timeNanos;
  private final int warnMask;
  private final Provenance provenance;

  private PublicDnsQueryLogRecord(byte[] buf, int[] bounds, long timeNanos, int warnMask, Provenance p) {
    this.buf = buf;
    this.bounds = bounds;
    this.timeNanos = timeNanos;
    this.warnMask = warnMask;
    this.provenance = p;
  }

  /**
   * Parses one line.
   *
   * @throws MalformedInputException if the line does not have ten fields
   */
  public static PublicDnsQueryLogRecord parse(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length, Provenance.inMemory());
  }

  /**
   * Parses line {@code [s, e)} of {@code b} (UTF-8, no line terminator; the bytes are copied).
   *
   * @param provenance where the line was read (offset of its first byte)
   * @throws MalformedInputException with the offset of the problem if the line does not have ten
   *     fields
   */
  public static PublicDnsQueryLogRecord parse(byte[] b, int s, int e, Provenance provenance) {
    Objects.requireNonNull(provenance);
    byte[] line = Arrays.copyOfRange(b, s, e);
    int n = line.length;
    int[] bd = new int[2 * FIELDS];
    int warn = 0;
    int p = 0;
    int i = 0;
    int extraAt = -1;
    while (p < n && line[p] == ' ') {
      p++;
      warn |= W_SPACING;
    }
    while (p < n) {
      int fs = p;
      while (p < n && line[p] != ' ') {
        p++;
      }
      if (i < FIELDS) {
        bd[2 * i] = fs;
        bd[2 * i + 1] = p;
      } else if (i == FIELDS) {
        extraAt = fs;
      }
      i++;
      if (p < n) {
        p++;
        if (p == n || line[p] == ' ') {
          warn |= W_SPACING;
          while (p < n && line[p] == ' ') {
            p++;
          }
        }
      }
    }
    if (i != FIELDS) {
      int col = extraAt >= 0 ? extraAt : n;
      long off = provenance.offset() < 0 ? col : provenance.offset() + col;
      throw new MalformedInputException(new Location(provenance.source(), off, provenance.line(), null),
          "expected " + FIELDS + " fields (version timestamp hosted-zone-id query-name query-type"
              + " response-code protocol edge-location resolver-ip edns-client-subnet) but found " + i);
    }
    long t = IsoTime.parseNanos(line, bd[2 * TIMESTAMP], bd[2 * TIMESTAMP + 1]);
    if (t == IsoTime.INVALID) {
      warn |= W_TIME;
    }
    if (!dash(line, bd, RESOLVER) && IpAddress.tryParse(line, bd[2 * RESOLVER], bd[2 * RESOLVER + 1]) == null) {
      warn |= W_RESOLVER;
    }
    if (!dash(line, bd, SUBNET) && subnetPrefix(line, bd[2 * SUBNET], bd[2 * SUBNET + 1]) < 0) {
      warn |= W_SUBNET;
    }
    return new PublicDnsQueryLogRecord(line, bd, t, warn, provenance);
  }

  private static boolean dash(byte[] b, int[] bd, int f) {
    return bd[2 * f + 1] - bd[2 * f] == 1 && b[bd[2 * f]] == '-';
  }

  /** The prefix length of a CIDR {@code addr/len} in {@code [s, e)}, or -1. */
  private static int subnetPrefix(byte[] b, int s, int e) {
    int slash = -1;
    for (int i = s; i < e; i++) {
      if (b[i] == '/') {
        slash = i;
        break;
      }
    }
    if (slash < 0 || slash + 1 >= e || e - slash > 4) {
      return -1;
    }
    IpAddress a = IpAddress.tryParse(b, s, slash);
    if (a == null) {
      return -1;
    }
    int len = 0;
    for (int i = slash + 1; i < e; i++) {
      if (b[i] < '0' || b[i] > '9') {
        return -1;
      }
      len = len * 10 + (b[i] - '0');
    }
    return len <= (a.isV4() ? 32 : 128) ? len : -1;
  }

  private @Nullable String value(int f, boolean canonical) {
    if (dash(buf, bounds, f)) {
      return null;
    }
    int s = bounds[2 * f];
    int e = bounds[2 * f + 1];
    return canonical ? Canonical.of(buf, s, e) : new String(buf, s, e - s, StandardCharsets.UTF_8);
  }

  @Override
  public SourceType source() {
    return SourceType.ROUTE53_PUBLIC;
  }

  /** The query time, or null when the timestamp is not ISO-8601 (the record then carries a warning). */
  @Override
  public @Nullable Instant time() {
    return queryTimestamp();
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  /** The log format version (e.g. {@code 1.0}), or null for {@code -}. */
  public @Nullable String version() {
    return value(VERSION, true);
  }

  /** The query timestamp, or null when it is not ISO-8601. */
  public @Nullable Instant queryTimestamp() {
    return timeNanos == IsoTime.INVALID ? null : IsoTime.instant(timeNanos);
  }

  /** The query timestamp as written. */
  public @Nullable String queryTimestampText() {
    return value(TIMESTAMP, false);
  }

  /** The hosted zone id ({@code Z…}), or null for {@code -}. */
  public @Nullable String hostedZoneId() {
    return value(ZONE, true);
  }

  /** The query name as written (Route 53 escapes unusual characters in octal), or null. */
  public @Nullable String queryName() {
    return value(NAME, false);
  }

  /** The query type ({@code A}, {@code AAAA}, {@code ANY}…), or null. */
  public @Nullable String queryType() {
    return value(TYPE, true);
  }

  /** The DNS response code ({@code NOERROR}, {@code NXDOMAIN}…), or null. */
  public @Nullable String responseCode() {
    return value(RCODE, true);
  }

  /** The protocol of the query ({@code UDP} or {@code TCP}), or null. */
  public @Nullable String protocol() {
    return value(PROTOCOL, true);
  }

  /** The Route 53 edge location that answered (e.g. {@code FRA6}), or null. */
  public @Nullable String edgeLocation() {
    return value(EDGE, true);
  }

  /** The resolver's IP address, or null when {@code -} or not an address. */
  public @Nullable IpAddress resolverIp() {
    return dash(buf, bounds, RESOLVER) ? null : IpAddress.tryParse(buf, bounds[2 * RESOLVER], bounds[2 * RESOLVER + 1]);
  }

  /** The resolver field as written, or null for {@code -}. */
  public @Nullable String resolverIpText() {
    return value(RESOLVER, false);
  }

  /** The EDNS client subnet as written ({@code 192.0.2.0/24}), or null when the resolver sent none. */
  public @Nullable String ednsClientSubnet() {
    return value(SUBNET, false);
  }

  /** The network address of the EDNS client subnet, or null. */
  public @Nullable IpAddress ednsClientSubnetAddress() {
    if (dash(buf, bounds, SUBNET) || subnetPrefix(buf, bounds[2 * SUBNET], bounds[2 * SUBNET + 1]) < 0) {
      return null;
    }
    int s = bounds[2 * SUBNET];
    int e = bounds[2 * SUBNET + 1];
    int slash = s;
    while (buf[slash] != '/') {
      slash++;
    }
    return IpAddress.tryParse(buf, s, slash);
  }

  /** The prefix length of the EDNS client subnet, or -1. */
  public int ednsClientSubnetPrefixLength() {
    return dash(buf, bounds, SUBNET) ? -1 : subnetPrefix(buf, bounds[2 * SUBNET], bounds[2 * SUBNET + 1]);
  }

  /** The line as delivered. */
  public String toLine() {
    return new String(buf, StandardCharsets.UTF_8);
  }

  /**
   * The JSON of {@code cloudir parse}: the keys of {@link #JSON_KEYS} in order, every value a
   * string as written, {@code -} as {@code null}.
   */
  @Override
  public String toJson() {
    StringBuilder sb = new StringBuilder(buf.length * 2 + 160).append('{');
    for (int i = 0; i < FIELDS; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append('"').append(JSON_KEYS.get(i)).append("\":");
      String v = value(i, false);
      if (v == null) {
        sb.append("null");
      } else {
        JsonStrings.quote(sb, v);
      }
    }
    return sb.append('}').toString();
  }

  @Override
  public List<RecordWarning> warnings() {
    if (warnMask == 0) {
      return List.of();
    }
    List<RecordWarning> w = new ArrayList<>(2);
    if ((warnMask & W_SPACING) != 0) {
      w.add(new RecordWarning("line.spacing",
          "fields are separated by more than one space, or the line has leading or trailing spaces"));
    }
    if ((warnMask & W_TIME) != 0) {
      w.add(new RecordWarning("query_timestamp.malformed",
          "the query timestamp is not ISO-8601: " + queryTimestampText()));
    }
    if ((warnMask & W_RESOLVER) != 0) {
      w.add(new RecordWarning("resolver_ip.malformed", "the resolver is not an IP address: " + resolverIpText()));
    }
    if ((warnMask & W_SUBNET) != 0) {
      w.add(new RecordWarning("edns_client_subnet.malformed",
          "the EDNS client subnet is not a CIDR block: " + ednsClientSubnet()));
    }
    return List.copyOf(w);
  }

  /** Whether the record carries warnings (no allocation). */
  public boolean hasWarnings() {
    return warnMask != 0;
  }

  /** The same record with another provenance. */
  public PublicDnsQueryLogRecord withProvenance(Provenance p) {
    return new PublicDnsQueryLogRecord(buf, bounds, timeNanos, warnMask, Objects.requireNonNull(p));
  }

  /** Equal when every value is equal (provenance and spacing are not compared). */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof PublicDnsQueryLogRecord r)) {
      return false;
    }
    for (int i = 0; i < FIELDS; i++) {
      if (!Arrays.equals(buf, bounds[2 * i], bounds[2 * i + 1], r.buf, r.bounds[2 * i], r.bounds[2 * i + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < FIELDS; i++) {
      for (int k = bounds[2 * i]; k < bounds[2 * i + 1]; k++) {
        h = 31 * h + buf[k];
      }
      h = 31 * h + ' ';
    }
    return h;
  }

  /** The line as delivered. */
  @Override
  public String toString() {
    return toLine();
  }

  /** A builder, for tests and rules. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes records without log files: set the values you need (the others are {@code -}), then
   * {@link #build()} writes the line and parses it like a reader does.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private final String[] values = new String[FIELDS];
    private Provenance provenance = Provenance.inMemory();

    private Builder() {
      Arrays.fill(values, "-");
    }

    private Builder put(int f, @Nullable Object v) {
      String s = v == null ? "-" : v.toString();
      if (s.isEmpty() || s.indexOf(' ') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a query log value is not empty and has no spaces: '" + s + "'");
      }
      values[f] = s;
      return this;
    }

    /** The log format version (e.g. {@code 1.0}). */
    public Builder version(@Nullable String v) {
      return put(VERSION, v);
    }

    /** The query time (written in ISO-8601 with milliseconds, as Route 53 does). */
    public Builder queryTimestamp(@Nullable Instant t) {
      return put(TIMESTAMP, t == null ? null : java.time.format.DateTimeFormatter
          .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC).format(t));
    }

    /** The query timestamp as text (for odd values). */
    public Builder queryTimestampText(@Nullable String v) {
      return put(TIMESTAMP, v);
    }

    /** The hosted zone id. */
    public Builder hostedZoneId(@Nullable String v) {
      return put(ZONE, v);
    }

    /** The query name. */
    public Builder queryName(@Nullable String v) {
      return put(NAME, v);
    }

    /** The query type. */
    public Builder queryType(@Nullable String v) {
      return put(TYPE, v);
    }

    /** The response code. */
    public Builder responseCode(@Nullable String v) {
      return put(RCODE, v);
    }

    /** The protocol. */
    public Builder protocol(@Nullable String v) {
      return put(PROTOCOL, v);
    }

    /** The edge location. */
    public Builder edgeLocation(@Nullable String v) {
      return put(EDGE, v);
    }

    /** The resolver IP (any text; an address is written in its canonical form). */
    public Builder resolverIp(@Nullable Object v) {
      return put(RESOLVER, v);
    }

    /** The EDNS client subnet. */
    public Builder ednsClientSubnet(@Nullable String v) {
      return put(SUBNET, v);
    }

    /** The provenance. */
    public Builder provenance(Provenance p) {
      this.provenance = Objects.requireNonNull(p);
      return this;
    }

    /** The record. */
    public PublicDnsQueryLogRecord build() {
      byte[] b = String.join(" ", values).getBytes(StandardCharsets.UTF_8);
      return parse(b, 0, b.length, provenance);
    }
  }
}
