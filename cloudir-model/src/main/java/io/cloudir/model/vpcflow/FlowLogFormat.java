package io.cloudir.model.vpcflow;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.vpcflow.FlowLinePlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The field order of a flow log: the default version 2 format, a custom format string as given
 * to AWS ({@code ${version} ${srcaddr} ...}), or the header line S3-delivered files start with
 * ({@code version srcaddr ...}). Names cloudir does not know (fields AWS added later) are kept by
 * name; their values stay readable through {@link FlowLogRecord#text(String)} and appear in
 * {@link FlowLogRecord#toJson()} as strings.
 *
 * <p>Immutable and thread-safe; equal when the names are equal and in the same order.
 */
public final class FlowLogFormat {
  /**
   * The default format (version 2): {@code version account-id interface-id srcaddr dstaddr
   * srcport dstport protocol packets bytes start end action log-status}.
   */
  public static final FlowLogFormat DEFAULT = of(FlowLogField.VERSION, FlowLogField.ACCOUNT_ID,
      FlowLogField.INTERFACE_ID, FlowLogField.SRCADDR, FlowLogField.DSTADDR, FlowLogField.SRCPORT,
      FlowLogField.DSTPORT, FlowLogField.PROTOCOL, FlowLogField.PACKETS, FlowLogField.BYTES,
      FlowLogField.START, FlowLogField.END, FlowLogField.ACTION, FlowLogField.LOG_STATUS);

  private final String[] names;
  private final @Nullable FlowLogField[] fields;
  /** Position of each known field by ordinal, or -1. */
  private final int[] positions;
  /** Ordinal of the field at each position, or -1 for unknown names. */
  final int[] ordinals;
  private final int highestVersion;
  private final boolean unknown;
  /** What the fast indexing path checks at each position. */
  final FlowLinePlan plan;

  private FlowLogFormat(String[] names) {
    if (names.length == 0) {
      throw new IllegalArgumentException("a flow log format has at least one field");
    }
    this.names = names;
    this.fields = new FlowLogField[names.length];
    this.ordinals = new int[names.length];
    this.positions = new int[FlowLogField.count()];
    Arrays.fill(positions, -1);
    Set<String> seen = new HashSet<>();
    int hv = 0;
    boolean unk = false;
    for (int i = 0; i < names.length; i++) {
      String n = names[i];
      if (!isName(n)) {
        throw new IllegalArgumentException("not a flow log field name: '" + n + "'");
      }
      if (!seen.add(n)) {
        throw new IllegalArgumentException("field " + n + " appears twice in the format");
      }
      FlowLogField f = FlowLogField.ofName(n);
      fields[i] = f;
      if (f != null) {
        positions[f.ordinal()] = i;
        ordinals[i] = f.ordinal();
        hv = Math.max(hv, f.sinceVersion());
      } else {
        ordinals[i] = -1;
        unk = true;
      }
    }
    this.highestVersion = hv;
    this.unknown = unk;
    this.plan = plan(fields, hv, positions);
  }

  private static FlowLinePlan plan(@Nullable FlowLogField[] fields, int highestVersion, int[] positions) {
    byte[] kinds = new byte[fields.length];
    byte[][][] known = new byte[fields.length][][];
    for (int i = 0; i < fields.length; i++) {
      FlowLogField f = fields[i];
      known[i] = new byte[0][];
      if (f == null) {
        continue;
      }
      kinds[i] = switch (f) {
        case SRCPORT, DSTPORT -> FlowLinePlan.K_PORT;
        case PROTOCOL, TCP_FLAGS -> FlowLinePlan.K_BYTE;
        case VERSION -> FlowLinePlan.K_VERSION;
        case TRAFFIC_PATH -> FlowLinePlan.K_TRAFFIC;
        case ENCRYPTION_STATUS -> FlowLinePlan.K_ENCRYPTION;
        case ACTION, LOG_STATUS, TYPE, FLOW_DIRECTION, SUBLOCATION_TYPE, REJECT_REASON, RESOURCE_TYPE ->
            FlowLinePlan.K_ENUM;
        default -> switch (f.kind()) {
          case NUMBER -> FlowLinePlan.K_NUM;
          case ADDRESS -> FlowLinePlan.K_ADDRESS;
          case STRING -> FlowLinePlan.K_TEXT;
        };
      };
      if (kinds[i] == FlowLinePlan.K_ENUM) {
        known[i] = texts(switch (f) {
          case ACTION -> FlowAction.knownValues();
          case LOG_STATUS -> LogStatus.knownValues();
          case TYPE -> TrafficType.knownValues();
          case FLOW_DIRECTION -> FlowDirection.knownValues();
          case SUBLOCATION_TYPE -> SublocationType.knownValues();
          case REJECT_REASON -> RejectReason.knownValues();
          default -> FlowResourceType.knownValues();
        });
      }
    }
    long traffic = 0;
    for (int c = 0; c < 64; c++) {
      if (TrafficPath.of(c).isKnown()) {
        traffic |= 1L << c;
      }
    }
    return new FlowLinePlan(kinds, known, highestVersion, positions[FlowLogField.START.ordinal()],
        positions[FlowLogField.END.ordinal()], traffic);
  }

  private static byte[][] texts(List<? extends OpenEnum<?>> values) {
    byte[][] out = new byte[values.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).value().getBytes(StandardCharsets.UTF_8);
    }
    return out;
  }

  private static boolean isName(String n) {
    if (n.isEmpty() || n.length() > 64 || n.charAt(0) < 'a' || n.charAt(0) > 'z') {
      return false;
    }
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** A format of these fields, in this order. */
  public static FlowLogFormat of(FlowLogField... fields) {
    String[] n = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      n[i] = fields[i].awsName();
    }
    return new FlowLogFormat(n);
  }

  /**
   * A format of these field names (known or not), in this order.
   *
   * @throws IllegalArgumentException for an empty list, a duplicate or a name that is not lower
   *     case letters, digits and {@code -}
   */
  public static FlowLogFormat ofNames(List<String> names) {
    return new FlowLogFormat(names.toArray(new String[0]));
  }

  /**
   * Parses a format string ({@code ${version} ${srcaddr} ...}, as given to AWS) or a header line
   * ({@code version srcaddr ...}); fields are separated by white space.
   *
   * @throws IllegalArgumentException if the text is not a format
   */
  public static FlowLogFormat parse(String text) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int j = i;
      while (j < n && !Character.isWhitespace(text.charAt(j))) {
        j++;
      }
      String tok = text.substring(i, j);
      if (tok.startsWith("${")) {
        if (!tok.endsWith("}") || tok.length() < 4) {
          throw new IllegalArgumentException("malformed field '" + tok + "' in flow log format");
        }
        tok = tok.substring(2, tok.length() - 1);
      } else if (tok.indexOf('$') >= 0 || tok.indexOf('{') >= 0 || tok.indexOf('}') >= 0) {
        throw new IllegalArgumentException("malformed field '" + tok + "' in flow log format");
      }
      out.add(tok);
      i = j;
    }
    return new FlowLogFormat(out.toArray(new String[0]));
  }

  /**
   * The format described by a header line {@code [s, e)} of a flow log file, or null when the
   * line is not a header (some token is not a field name, fewer than half of the names are
   * known, or a name repeats). No allocation when the line is not a header.
   */
  static @Nullable FlowLogFormat tryHeader(byte[] b, int s, int e) {
    int p = s;
    int count = 0;
    int known = 0;
    while (p < e) {
      if (b[p] == ' ') {
        p++;
        continue;
      }
      int q = p;
      if (b[q] < 'a' || b[q] > 'z') {
        return null;
      }
      while (q < e && b[q] != ' ') {
        byte c = b[q];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
          return null;
        }
        q++;
      }
      count++;
      if (FlowLogField.ofName(b, p, q) != null) {
        known++;
      }
      p = q;
    }
    if (count == 0 || known * 2 < count) {
      return null;
    }
    try {
      return parse(new String(b, s, e - s, StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException dup) {
      return null;
    }
  }

  /** How many fields a record of this format has. */
  public int size() {
    return names.length;
  }

  /** The field names, in order. */
  public List<String> names() {
    return Collections.unmodifiableList(Arrays.asList(names));
  }

  /** The name of the field at {@code position}. */
  public String name(int position) {
    return names[position];
  }

  /** The known field at {@code position}, or null for a name cloudir does not know. */
  public @Nullable FlowLogField field(int position) {
    return fields[position];
  }

  /** The position of a field, or -1 when the format does not have it. */
  public int indexOf(FlowLogField f) {
    return positions[f.ordinal()];
  }

  /** The position of a field name (known or not), or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the format has the field. */
  public boolean contains(FlowLogField f) {
    return positions[f.ordinal()] >= 0;
  }

  /** Whether some field name is one cloudir does not know. */
  public boolean hasUnknownFields() {
    return unknown;
  }

  /**
   * The highest version among the known fields: what AWS writes in {@code version} for this
   * format (0 when no field is known).
   */
  public int highestVersion() {
    return highestVersion;
  }

  /** The format string as given to AWS: {@code ${version} ${account-id} ...}. */
  public String toFormatString() {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append("${").append(n).append('}');
    }
    return sb.toString();
  }

  /** The header line of S3-delivered files: the names separated by single spaces. */
  public String toHeaderLine() {
    return String.join(" ", names);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FlowLogFormat f && Arrays.equals(f.names, names);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(names);
  }

  /** The header line. */
  @Override
  public String toString() {
    return toHeaderLine();
  }
}
