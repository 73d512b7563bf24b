package io.cloudir.model.vpcflow;

import io.cloudir.model.RecordWarning;
import io.cloudir.model.internal.Ascii;
import io.cloudir.model.internal.json.Canonical;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.internal.vpcflow.FlowLinePlan;
import io.cloudir.model.internal.vpcflow.FlowLineScanner;
import io.cloudir.model.net.IpAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The accessors shared by {@link FlowLogRecord} (immutable, safe to keep) and {@link
 * FlowLogCursor} (reusable, valid only until its reader advances).
 *
 * <p>A view is a window on the bytes of one line plus the start and end of each field, found in
 * one pass that also checked the field count and that every numeric field is digits or {@code
 * -}. A cursor also keeps the values of the numeric fields found in that pass (its numeric
 * getters read them); a record converts them from its bytes on demand. Typed getters decode on
 * demand. The zero-copy accessors ({@link #buffer()}, {@link
 * #valueStart}, {@link #valueEnd}, {@link #valueEquals}) expose the raw slices.
 *
 * <p><b>Absent values.</b> AWS writes {@code -} when a field does not apply; the record also may
 * not have a field at all (custom formats). Numeric getters then return {@link #ABSENT} (-1, which
 * no flow log number can be) and the {@code optional…}/{@link #optionalNumber} getters return
 * empty; object getters return {@code null}. {@link #has} tells whether the format has the field
 * and {@link #isDash} whether its value is {@code -}. A zero is a real zero.
 *
 * <p>Thread safety: see the subclasses.
 */
public abstract sealed class FlowLogView permits FlowLogRecord, FlowLogCursor {
  /** What numeric getters return for {@code -} or a field the record's format does not have. */
  public static final long ABSENT = -1;

  static final int W_SPACING = FlowLineScanner.W_SPACING;
  static final int W_VERSION = FlowLineScanner.W_VERSION;
  static final int W_RANGE = FlowLineScanner.W_RANGE;
  static final int W_ADDRESS = FlowLineScanner.W_ADDRESS;
  static final int W_ENUM = FlowLineScanner.W_ENUM;
  static final int W_WINDOW = FlowLineScanner.W_WINDOW;
  static final int W_NO_TIME = FlowLineScanner.W_NO_TIME;

  private static final long MAX_DIGITS = 19;

  byte[] buf = new byte[0];
  /** Start and end of each field: {@code bounds[2i]}, {@code bounds[2i + 1]}. */
  int[] bounds = new int[0];
  /**
   * The value of each numeric field by position (-1 for {@code -}), filled by {@link #index} (a
   * cursor's numeric getters read it); null in records, which convert from the bytes on demand.
   */
  long @Nullable [] values;
  /** Scratch space of the fast path (cursors only). */
  int[] delims = NO_INTS;
  private static final int[] NO_INTS = new int[0];
  FlowLogFormat format = FlowLogFormat.DEFAULT;
  int lineStart;
  int lineEnd;
  int warnMask;
  /** Set when {@link #index} fails. */
  @Nullable String error;
  int errorColumn;

  FlowLogView() {}

  /** Throws when a stale cursor is used (debug mode); records never throw. */
  abstract void checkLive();

  // ---------------------------------------------------------------- indexing

  /**
   * Indexes line {@code [s, e)} of {@code b} against {@code f}: finds the fields, checks their
   * count and the syntax of numeric fields, stores the numeric values, and collects warnings.
   * Reuses {@link #bounds} and {@link #values} when they are large enough. Returns false (with
   * {@link #error} and {@link #errorColumn} set, relative to {@code s}) when the line is malformed.
   *
   * <p>Canonical lines (single spaces, the format's field count, numbers of at most 19 digits)
   * take {@link FlowLineScanner}'s one-pass path; any other line is indexed by the complete path
   * below, which alone decides rejections and their columns. Both find the same fields, values and
   * warnings for a line both accept.
   */
  final boolean index(byte[] b, int s, int e, FlowLogFormat f) {
    long[] v = prepare(f);
    long r = FlowLineScanner.scan(b, s, e, false, f.plan, bounds, v, delims);
    if (r != FlowLineScanner.FALLBACK) {
      adopt(b, s, e, f, (int) (r >>> 32));
      return true;
    }
    return completeIndex(b, s, e, f);
  }

  /**
   * Indexes the line that starts at {@code s} and ends at the first line feed before {@code
   * limit} (a {@code \r} before it is not part of the line) if the fast path accepts it.
   *
   * @return the index of the line feed, or -1 when the caller must find the line's end itself and
   *     call {@link #index} (the view is then in an undefined state)
   */
  final int indexLine(byte[] b, int s, int limit, FlowLogFormat f) {
    long[] v = prepare(f);
    long r = FlowLineScanner.scanLine(b, s, limit, f.plan, bounds, v);
    if (r == FlowLineScanner.DECLINED) {
      r = FlowLineScanner.scan(b, s, limit, true, f.plan, bounds, v, delims);
    }
    if (r == FlowLineScanner.FALLBACK) {
      return -1;
    }
    int nl = (int) r;
    adopt(b, s, nl > s && b[nl - 1] == '\r' ? nl - 1 : nl, f, (int) (r >>> 32));
    return nl;
  }

  private long[] prepare(FlowLogFormat f) {
    int n = f.size();
    if (bounds.length < 2 * n) {
      bounds = new int[2 * n];
    }
    if (delims.length < FlowLineScanner.delimsSize(n)) {
      delims = new int[FlowLineScanner.delimsSize(n)];
    }
    long[] v = values;
    if (v == null || v.length < n) {
      v = new long[n];
      values = v;
    }
    return v;
  }

  private void adopt(byte[] b, int s, int e, FlowLogFormat f, int warn) {
    // references are stored only when they change: a cursor reads line after line of one block
    // and one format, and each reference store costs a garbage collector barrier
    if (buf != b) {
      buf = b;
    }
    if (format != f) {
      format = f;
    }
    lineStart = s;
    lineEnd = e;
    if (error != null) {
      error = null;
    }
    warnMask = warn;
  }

  /** The complete (slow) path alone: what {@link #index} falls back to; tests compare the two. */
  final boolean completeIndex(byte[] b, int s, int e, FlowLogFormat f) {
    int n = f.size();
    if (bounds.length < 2 * n) {
      bounds = new int[2 * n];
    }
    int[] bd = bounds;
    buf = b;
    format = f;
    lineStart = s;
    lineEnd = e;
    error = null;
    int warn = 0;
    int p = s;
    if (p < e && b[p] == ' ') {
      warn |= W_SPACING;
      while (p < e && b[p] == ' ') {
        p++;
      }
    }
    int i = 0;
    int extraAt = -1;
    while (p < e) {
      int fs = p;
      while (p < e && b[p] != ' ') {
        p++;
      }
      if (i < n) {
        bd[2 * i] = fs;
        bd[2 * i + 1] = p;
      } else if (i == n) {
        extraAt = fs;
      }
      i++;
      if (p < e) {
        p++;
        if (p < e && b[p] == ' ') {
          warn |= W_SPACING;
          while (p < e && b[p] == ' ') {
            p++;
          }
        } else if (p == e) {
          warn |= W_SPACING;
        }
      }
    }
    if (i != n) {
      error = "expected " + n + " fields (format: " + f.toHeaderLine() + ") but found " + i;
      errorColumn = extraAt >= 0 ? extraAt - s : e - s;
      return false;
    }
    int[] ords = f.ordinals;
    for (int k = 0; k < n; k++) {
      int o = ords[k];
      if (o < 0) {
        continue;
      }
      int vs = bd[2 * k];
      int ve = bd[2 * k + 1];
      if (ve - vs == 1 && b[vs] == '-') {
        continue;
      }
      FlowLogField fld = FlowLogField.byOrdinal(o);
      switch (fld.kind()) {
        case NUMBER -> {
          long v = digits(b, vs, ve);
          if (v < 0) {
            error = fld.awsName() + " is not a number: '" + new String(b, vs, Math.min(ve - vs, 64),
                StandardCharsets.UTF_8) + "'";
            errorColumn = vs - s;
            return false;
          }
          warn |= numberWarning(fld, v);
        }
        case ADDRESS -> {
          if (IpAddress.parseV4(b, vs, ve) < 0 && !FlowLineScanner.isV6(b, vs, ve)) {
            warn |= W_ADDRESS;
          }
        }
        default -> {
          if (!knownText(fld, b, vs, ve)) {
            warn |= W_ENUM;
          }
        }
      }
    }
    int sp = f.indexOf(FlowLogField.START);
    int ep = f.indexOf(FlowLogField.END);
    if (sp < 0 || isDashAt(sp)) {
      warn |= W_NO_TIME;
    } else if (ep >= 0 && !isDashAt(ep) && digits(b, bd[2 * sp], bd[2 * sp + 1])
        > digits(b, bd[2 * ep], bd[2 * ep + 1])) {
      warn |= W_WINDOW;
    }
    warnMask = warn;
    long[] vals = values;
    if (vals != null) {
      FlowLinePlan plan = f.plan;
      for (int k = 0; k < n; k++) {
        if (FlowLinePlan.isNumeric(plan.kind(k))) {
          vals[k] = digits(b, bd[2 * k], bd[2 * k + 1]);
        }
      }
    }
    return true;
  }

  private int numberWarning(FlowLogField f, long v) {
    switch (f) {
      case SRCPORT, DSTPORT -> {
        return v > 65535 ? W_RANGE : 0;
      }
      case PROTOCOL, TCP_FLAGS -> {
        return v > 255 ? W_RANGE : 0;
      }
      case VERSION -> {
        return v < format.highestVersion() ? W_VERSION : 0;
      }
      case TRAFFIC_PATH -> {
        return TrafficPath.of(v).isKnown() ? 0 : W_ENUM;
      }
      default -> {
        return 0;
      }
    }
  }

  private static boolean knownText(FlowLogField f, byte[] b, int s, int e) {
    return switch (f) {
      case ACTION -> FlowAction.knownOrNull(b, s, e) != null;
      case LOG_STATUS -> LogStatus.knownOrNull(b, s, e) != null;
      case TYPE -> TrafficType.knownOrNull(b, s, e) != null;
      case FLOW_DIRECTION -> FlowDirection.knownOrNull(b, s, e) != null;
      case SUBLOCATION_TYPE -> SublocationType.knownOrNull(b, s, e) != null;
      case REJECT_REASON -> RejectReason.knownOrNull(b, s, e) != null;
      case RESOURCE_TYPE -> FlowResourceType.knownOrNull(b, s, e) != null;
      case ENCRYPTION_STATUS -> e - s == 1 && b[s] >= '0' && b[s] <= '3';
      default -> true;
    };
  }

  /** Whether {@code [s, e)} is an IPv6 address (see {@link FlowLineScanner#isV6}). */
  static boolean isV6(byte[] b, int s, int e) {
    return FlowLineScanner.isV6(b, s, e);
  }

  /** The non-negative decimal value of {@code [s, e)}, or -1 if it is not 1 to 19 digits. */
  static long digits(byte[] b, int s, int e) {
    return FlowLineScanner.scalar(b, s, e);
  }


  private boolean isDashAt(int pos) {
    int vs = bounds[2 * pos];
    return bounds[2 * pos + 1] - vs == 1 && buf[vs] == '-';
  }

  // ---------------------------------------------------------------- generic access

  /** The record's format (field order). */
  public final FlowLogFormat format() {
    checkLive();
    return format;
  }

  /** Whether the record's format has the field. */
  public final boolean has(FlowLogField f) {
    checkLive();
    return format.indexOf(f) >= 0;
  }

  /** Whether the field is in the format and its value is {@code -}. */
  public final boolean isDash(FlowLogField f) {
    checkLive();
    int p = format.indexOf(f);
    return p >= 0 && isDashAt(p);
  }

  /** The bytes the view's slices point into (do not modify). */
  public final byte[] buffer() {
    checkLive();
    return buf;
  }

  /** Start of the line in {@link #buffer()}. */
  public final int lineStart() {
    checkLive();
    return lineStart;
  }

  /** End of the line in {@link #buffer()} (exclusive, without the line terminator). */
  public final int lineEnd() {
    checkLive();
    return lineEnd;
  }

  /** Start of the value of a field in {@link #buffer()} ({@code -} included), or -1 if absent from the format. */
  public final int valueStart(FlowLogField f) {
    checkLive();
    int p = format.indexOf(f);
    return p < 0 ? -1 : bounds[2 * p];
  }

  /** End of the value of a field in {@link #buffer()} (exclusive), or -1 if absent from the format. */
  public final int valueEnd(FlowLogField f) {
    checkLive();
    int p = format.indexOf(f);
    return p < 0 ? -1 : bounds[2 * p + 1];
  }

  /** Whether the field's value is exactly the ASCII text {@code ascii}. No allocation. */
  public final boolean valueEquals(FlowLogField f, String ascii) {
    checkLive();
    int p = format.indexOf(f);
    if (p < 0) {
      return false;
    }
    return Ascii.equals(buf, bounds[2 * p], bounds[2 * p + 1], ascii);
  }

  /** The value at {@code position} of the format exactly as written ({@code -} included). */
  public final String rawText(int position) {
    checkLive();
    int s = bounds[2 * position];
    return new String(buf, s, bounds[2 * position + 1] - s, StandardCharsets.UTF_8);
  }

  /** The value of a field, or null when it is {@code -} or not in the format. */
  public final @Nullable String text(FlowLogField f) {
    checkLive();
    int p = format.indexOf(f);
    if (p < 0 || isDashAt(p)) {
      return null;
    }
    int s = bounds[2 * p];
    int e = bounds[2 * p + 1];
    return lowCardinality(f) ? Canonical.of(buf, s, e) : new String(buf, s, e - s, StandardCharsets.UTF_8);
  }

  /** The value of a field by name (known or not), or null when it is {@code -} or not in the format. */
  public final @Nullable String text(String name) {
    checkLive();
    int p = format.indexOf(name);
    if (p < 0 || isDashAt(p)) {
      return null;
    }
    return rawText(p);
  }

  private static boolean lowCardinality(FlowLogField f) {
    return switch (f) {
      case ACCOUNT_ID, VPC_ID, SUBNET_ID, ACTION, LOG_STATUS, TYPE, REGION, AZ_ID, SUBLOCATION_TYPE,
          PKT_SRC_AWS_SERVICE, PKT_DST_AWS_SERVICE, FLOW_DIRECTION, RESOURCE_TYPE, TGW_ID,
          ECS_CLUSTER_NAME, REJECT_REASON, ENCRYPTION_STATUS -> true;
      default -> false;
    };
  }

  /**
   * The value of a field as a non-negative number, or {@link #ABSENT} when it is {@code -}, not in
   * the format, or not digits (possible only for non-numeric fields). No allocation.
   */
  public final long number(FlowLogField f) {
    checkLive();
    int p = format.indexOf(f);
    if (p < 0) {
      return ABSENT;
    }
    long[] v = values;
    if (v != null && f.kind() == FlowLogField.Kind.NUMBER) {
      return v[p];
    }
    return digits(buf, bounds[2 * p], bounds[2 * p + 1]);
  }

  /** {@link #number} as an optional: empty for {@code -}, a missing field or a non-number. */
  public final OptionalLong optionalNumber(FlowLogField f) {
    long v = number(f);
    return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }

  private int intOf(FlowLogField f) {
    long v = number(f);
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  private @Nullable IpAddress address(FlowLogField f) {
    checkLive();
    int p = format.indexOf(f);
    if (p < 0 || isDashAt(p)) {
      return null;
    }
    return IpAddress.tryParse(buf, bounds[2 * p], bounds[2 * p + 1]);
  }

  private @Nullable String dashless(FlowLogField f) {
    return text(f);
  }

  // ---------------------------------------------------------------- version 2

  /** {@code version}, or -1 when absent ({@code -} or not in the format, as in NAT gateway custom formats). */
  public final int version() {
    return intOf(FlowLogField.VERSION);
  }

  /** {@code account-id} (may be {@code unknown} for interfaces AWS services own), or null. */
  public final @Nullable String accountId() {
    return dashless(FlowLogField.ACCOUNT_ID);
  }

  /** {@code interface-id}, or null. */
  public final @Nullable String interfaceId() {
    return dashless(FlowLogField.INTERFACE_ID);
  }

  /** {@code srcaddr}, or null when absent or not an address (see {@link #text(FlowLogField)}). */
  public final @Nullable IpAddress srcaddr() {
    return address(FlowLogField.SRCADDR);
  }

  /** {@code dstaddr}, or null when absent or not an address. */
  public final @Nullable IpAddress dstaddr() {
    return address(FlowLogField.DSTADDR);
  }

  /** {@code srcport}, or -1 when absent. */
  public final int srcport() {
    return intOf(FlowLogField.SRCPORT);
  }

  /** {@code dstport}, or -1 when absent. */
  public final int dstport() {
    return intOf(FlowLogField.DSTPORT);
  }

  /** {@code protocol} as a number, or -1 when absent. */
  public final int protocolNumber() {
    return intOf(FlowLogField.PROTOCOL);
  }

  /** {@code protocol} with its IANA name, or null when absent or above 255. */
  public final @Nullable IpProtocol protocol() {
    int v = protocolNumber();
    return v < 0 || v > 255 ? null : IpProtocol.of(v);
  }

  /** {@code packets}, or {@link #ABSENT}. */
  public final long packets() {
    return number(FlowLogField.PACKETS);
  }

  /** {@code bytes}, or {@link #ABSENT}. */
  public final long bytes() {
    return number(FlowLogField.BYTES);
  }

  /** {@code packets} as an optional. */
  public final OptionalLong optionalPackets() {
    return optionalNumber(FlowLogField.PACKETS);
  }

  /** {@code bytes} as an optional. */
  public final OptionalLong optionalBytes() {
    return optionalNumber(FlowLogField.BYTES);
  }

  /** {@code start} in Unix seconds, or {@link #ABSENT}. */
  public final long start() {
    return number(FlowLogField.START);
  }

  /** {@code end} in Unix seconds, or {@link #ABSENT}. */
  public final long end() {
    return number(FlowLogField.END);
  }

  /** {@code start} as an instant, or null. */
  public final @Nullable Instant startTime() {
    long v = start();
    return v < 0 ? null : Instant.ofEpochSecond(v);
  }

  /** {@code end} as an instant, or null. */
  public final @Nullable Instant endTime() {
    long v = end();
    return v < 0 ? null : Instant.ofEpochSecond(v);
  }

  /** {@code action}, or null. */
  public final @Nullable FlowAction action() {
    checkLive();
    int p = format.indexOf(FlowLogField.ACTION);
    if (p < 0 || isDashAt(p)) {
      return null;
    }
    FlowAction a = FlowAction.knownOrNull(buf, bounds[2 * p], bounds[2 * p + 1]);
    return a != null ? a : FlowAction.of(rawText(p));
  }

  /** {@code log-status}, or null. */
  public final @Nullable LogStatus logStatus() {
    checkLive();
    int p = format.indexOf(FlowLogField.LOG_STATUS);
    if (p < 0 || isDashAt(p)) {
      return null;
    }
    LogStatus a = LogStatus.knownOrNull(buf, bounds[2 * p], bounds[2 * p + 1]);
    return a != null ? a : LogStatus.of(rawText(p));
  }

  // ---------------------------------------------------------------- version 3

  /** {@code vpc-id}, or null. */
  public final @Nullable String vpcId() {
    return dashless(FlowLogField.VPC_ID);
  }

  /** {@code subnet-id}, or null. */
  public final @Nullable String subnetId() {
    return dashless(FlowLogField.SUBNET_ID);
  }

  /** {@code instance-id}, or null. */
  public final @Nullable String instanceId() {
    return dashless(FlowLogField.INSTANCE_ID);
  }

  /** {@code tcp-flags}, or null when absent. */
  public final @Nullable TcpFlags tcpFlags() {
    long v = number(FlowLogField.TCP_FLAGS);
    return v < 0 ? null : TcpFlags.of(v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v);
  }

  /** {@code type}, or null. */
  public final @Nullable TrafficType type() {
    checkLive();
    int p = format.indexOf(FlowLogField.TYPE);
    if (p < 0 || isDashAt(p)) {
      return null;
    }
    TrafficType a = TrafficType.knownOrNull(buf, bounds[2 * p], bounds[2 * p + 1]);
    return a != null ? a : TrafficType.of(rawText(p));
  }

  /** {@code pkt-srcaddr}, or null. */
  public final @Nullable IpAddress pktSrcaddr() {
    return address(FlowLogField.PKT_SRCADDR);
  }

  /** {@code pkt-dstaddr}, or null. */
  public final @Nullable IpAddress pktDstaddr() {
    return address(FlowLogField.PKT_DSTADDR);
  }

  // ---------------------------------------------------------------- version 4

  /** {@code region}, or null. */
  public final @Nullable String region() {
    return dashless(FlowLogField.REGION);
  }

  /** {@code az-id}, or null. */
  public final @Nullable String azId() {
    return dashless(FlowLogField.AZ_ID);
  }

  /** {@code sublocation-type}, or null. */
  public final @Nullable SublocationType sublocationType() {
    String v = dashless(FlowLogField.SUBLOCATION_TYPE);
    return v == null ? null : SublocationType.of(v);
  }

  /** {@code sublocation-id}, or null. */
  public final @Nullable String sublocationId() {
    return dashless(FlowLogField.SUBLOCATION_ID);
  }

  // ---------------------------------------------------------------- version 5

  /** {@code pkt-src-aws-service} (an ip-ranges service name such as {@code S3}), or null. */
  public final @Nullable String pktSrcAwsService() {
    return dashless(FlowLogField.PKT_SRC_AWS_SERVICE);
  }

  /** {@code pkt-dst-aws-service}, or null. */
  public final @Nullable String pktDstAwsService() {
    return dashless(FlowLogField.PKT_DST_AWS_SERVICE);
  }

  /** {@code flow-direction}, or null. */
  public final @Nullable FlowDirection flowDirection() {
    checkLive();
    int p = format.indexOf(FlowLogField.FLOW_DIRECTION);
    if (p < 0 || isDashAt(p)) {
      return null;
    }
    FlowDirection a = FlowDirection.knownOrNull(buf, bounds[2 * p], bounds[2 * p + 1]);
    return a != null ? a : FlowDirection.of(rawText(p));
  }

  /** {@code traffic-path}, or null. */
  public final @Nullable TrafficPath trafficPath() {
    long v = number(FlowLogField.TRAFFIC_PATH);
    return v < 0 ? null : TrafficPath.of(v);
  }

  // ---------------------------------------------------------------- Transit Gateway (version 6)

  /** {@code resource-type}, or null. */
  public final @Nullable FlowResourceType resourceType() {
    String v = dashless(FlowLogField.RESOURCE_TYPE);
    return v == null ? null : FlowResourceType.of(v);
  }

  /** {@code tgw-id}, or null. */
  public final @Nullable String tgwId() {
    return dashless(FlowLogField.TGW_ID);
  }

  /** {@code tgw-attachment-id}, or null. */
  public final @Nullable String tgwAttachmentId() {
    return dashless(FlowLogField.TGW_ATTACHMENT_ID);
  }

  /** {@code tgw-src-vpc-account-id}, or null. */
  public final @Nullable String tgwSrcVpcAccountId() {
    return dashless(FlowLogField.TGW_SRC_VPC_ACCOUNT_ID);
  }

  /** {@code tgw-dst-vpc-account-id}, or null. */
  public final @Nullable String tgwDstVpcAccountId() {
    return dashless(FlowLogField.TGW_DST_VPC_ACCOUNT_ID);
  }

  /** {@code tgw-src-vpc-id}, or null. */
  public final @Nullable String tgwSrcVpcId() {
    return dashless(FlowLogField.TGW_SRC_VPC_ID);
  }

  /** {@code tgw-dst-vpc-id}, or null. */
  public final @Nullable String tgwDstVpcId() {
    return dashless(FlowLogField.TGW_DST_VPC_ID);
  }

  /** {@code tgw-src-subnet-id}, or null. */
  public final @Nullable String tgwSrcSubnetId() {
    return dashless(FlowLogField.TGW_SRC_SUBNET_ID);
  }

  /** {@code tgw-dst-subnet-id}, or null. */
  public final @Nullable String tgwDstSubnetId() {
    return dashless(FlowLogField.TGW_DST_SUBNET_ID);
  }

  /** {@code tgw-src-eni}, or null. */
  public final @Nullable String tgwSrcEni() {
    return dashless(FlowLogField.TGW_SRC_ENI);
  }

  /** {@code tgw-dst-eni}, or null. */
  public final @Nullable String tgwDstEni() {
    return dashless(FlowLogField.TGW_DST_ENI);
  }

  /** {@code tgw-src-az-id}, or null. */
  public final @Nullable String tgwSrcAzId() {
    return dashless(FlowLogField.TGW_SRC_AZ_ID);
  }

  /** {@code tgw-dst-az-id}, or null. */
  public final @Nullable String tgwDstAzId() {
    return dashless(FlowLogField.TGW_DST_AZ_ID);
  }

  /** {@code tgw-pair-attachment-id}, or null. */
  public final @Nullable String tgwPairAttachmentId() {
    return dashless(FlowLogField.TGW_PAIR_ATTACHMENT_ID);
  }

  /** {@code packets-lost-no-route}, or {@link #ABSENT}. */
  public final long packetsLostNoRoute() {
    return number(FlowLogField.PACKETS_LOST_NO_ROUTE);
  }

  /** {@code packets-lost-blackhole}, or {@link #ABSENT}. */
  public final long packetsLostBlackhole() {
    return number(FlowLogField.PACKETS_LOST_BLACKHOLE);
  }

  /** {@code packets-lost-mtu-exceeded}, or {@link #ABSENT}. */
  public final long packetsLostMtuExceeded() {
    return number(FlowLogField.PACKETS_LOST_MTU_EXCEEDED);
  }

  /** {@code packets-lost-ttl-expired}, or {@link #ABSENT}. */
  public final long packetsLostTtlExpired() {
    return number(FlowLogField.PACKETS_LOST_TTL_EXPIRED);
  }

  // ---------------------------------------------------------------- ECS (version 7)

  /** {@code ecs-cluster-arn}, or null. */
  public final @Nullable String ecsClusterArn() {
    return dashless(FlowLogField.ECS_CLUSTER_ARN);
  }

  /** {@code ecs-cluster-name}, or null. */
  public final @Nullable String ecsClusterName() {
    return dashless(FlowLogField.ECS_CLUSTER_NAME);
  }

  /** {@code ecs-container-instance-arn}, or null. */
  public final @Nullable String ecsContainerInstanceArn() {
    return dashless(FlowLogField.ECS_CONTAINER_INSTANCE_ARN);
  }

  /** {@code ecs-container-instance-id}, or null. */
  public final @Nullable String ecsContainerInstanceId() {
    return dashless(FlowLogField.ECS_CONTAINER_INSTANCE_ID);
  }

  /** {@code ecs-container-id}, or null. */
  public final @Nullable String ecsContainerId() {
    return dashless(FlowLogField.ECS_CONTAINER_ID);
  }

  /** {@code ecs-second-container-id}, or null. */
  public final @Nullable String ecsSecondContainerId() {
    return dashless(FlowLogField.ECS_SECOND_CONTAINER_ID);
  }

  /** {@code ecs-service-name}, or null. */
  public final @Nullable String ecsServiceName() {
    return dashless(FlowLogField.ECS_SERVICE_NAME);
  }

  /** {@code ecs-task-definition-arn}, or null. */
  public final @Nullable String ecsTaskDefinitionArn() {
    return dashless(FlowLogField.ECS_TASK_DEFINITION_ARN);
  }

  /** {@code ecs-task-arn}, or null. */
  public final @Nullable String ecsTaskArn() {
    return dashless(FlowLogField.ECS_TASK_ARN);
  }

  /** {@code ecs-task-id}, or null. */
  public final @Nullable String ecsTaskId() {
    return dashless(FlowLogField.ECS_TASK_ID);
  }

  // ---------------------------------------------------------------- versions 8 to 10

  /** {@code reject-reason}, or null. */
  public final @Nullable RejectReason rejectReason() {
    String v = dashless(FlowLogField.REJECT_REASON);
    return v == null ? null : RejectReason.of(v);
  }

  /** {@code resource-id}, or null. */
  public final @Nullable String resourceId() {
    return dashless(FlowLogField.RESOURCE_ID);
  }

  /** {@code encryption-status} as a number (0 to 3 documented), or -1 when absent or not a number. */
  public final int encryptionStatus() {
    return intOf(FlowLogField.ENCRYPTION_STATUS);
  }

  // ---------------------------------------------------------------- output

  /** The line as delivered (without its line terminator). */
  public final String toLine() {
    checkLive();
    return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
  }

  /**
   * The record as one line of JSON, the shape of {@code cloudir parse}: keys are the field names
   * of the format in its order; numeric fields ({@link FlowLogField#isJsonNumber()}) are JSON
   * numbers, all others strings (unknown fields included); {@code -} is {@code null}.
   */
  public final String toJson() {
    checkLive();
    StringBuilder sb = new StringBuilder(32 + (lineEnd - lineStart) * 2);
    sb.append('{');
    int n = format.size();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(',');
      }
      JsonStrings.quote(sb, format.name(i)).append(':');
      if (isDashAt(i)) {
        sb.append("null");
        continue;
      }
      int s = bounds[2 * i];
      int e = bounds[2 * i + 1];
      FlowLogField f = format.field(i);
      if (f != null && f.isJsonNumber()) {
        sb.append(digits(buf, s, e)); // normalised: no leading zeros in JSON
      } else {
        JsonStrings.quote(sb, new String(buf, s, e - s, StandardCharsets.UTF_8));
      }
    }
    return sb.append('}').toString();
  }

  /** Whether the record carries warnings (no allocation). */
  public final boolean hasWarnings() {
    checkLive();
    return warnMask != 0;
  }

  /** Warnings about odd but well-formed content; empty for clean records. */
  public final List<RecordWarning> warnings() {
    checkLive();
    if (warnMask == 0) {
      return List.of();
    }
    List<RecordWarning> w = new ArrayList<>(2);
    if ((warnMask & W_SPACING) != 0) {
      w.add(new RecordWarning("line.spacing",
          "fields are separated by more than one space, or the line has leading or trailing spaces"));
    }
    if ((warnMask & W_VERSION) != 0) {
      w.add(new RecordWarning("version.belowFields", "version " + version()
          + " is lower than the version " + format.highestVersion() + " that introduced some of the fields"));
    }
    int n = format.size();
    for (int i = 0; i < n; i++) {
      FlowLogField f = format.field(i);
      if (f == null || isDashAt(i)) {
        continue;
      }
      int s = bounds[2 * i];
      int e = bounds[2 * i + 1];
      String name = f.awsName();
      if ((warnMask & W_RANGE) != 0 && f.kind() == FlowLogField.Kind.NUMBER && f != FlowLogField.VERSION
          && f != FlowLogField.TRAFFIC_PATH && numberWarning(f, digits(buf, s, e)) != 0) {
        w.add(new RecordWarning(name + ".range", name + " " + rawText(i) + " is out of range"));
      }
      if ((warnMask & W_ADDRESS) != 0 && f.kind() == FlowLogField.Kind.ADDRESS
          && IpAddress.tryParse(buf, s, e) == null) {
        w.add(new RecordWarning(name + ".malformed", name + " is not an IP address: " + rawText(i)));
      }
      if ((warnMask & W_ENUM) != 0 && ((f.kind() == FlowLogField.Kind.STRING && !knownText(f, buf, s, e))
          || (f == FlowLogField.TRAFFIC_PATH && !TrafficPath.of(digits(buf, s, e)).isKnown()))) {
        w.add(new RecordWarning(name + ".unknown", "unknown " + name + " " + rawText(i)));
      }
    }
    if ((warnMask & W_WINDOW) != 0) {
      w.add(new RecordWarning("window.reversed", "start " + start() + " is after end " + end()));
    }
    if ((warnMask & W_NO_TIME) != 0) {
      w.add(new RecordWarning("start.absent", "the record has no start time"));
    }
    return List.copyOf(w);
  }
}
