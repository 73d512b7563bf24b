package io.cloudir.model.internal.text;

import io.cloudir.model.RecordWarning;
import io.cloudir.model.internal.text.TextFields.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The documented fields of one layout of a space-separated access log line (S3 server access,
 * load balancer), and what records of such lines share: the validity mask computed when a line is
 * parsed, warnings, the fields after the documented ones, the {@code cloudir parse} JSON, and
 * static readers over the spans array filled by {@link TextFields#split} ({@code spans[0]} the
 * field count, field {@code i} at {@code [spans[2i+1], spans[2i+2])}).
 *
 * <p>A layout is built once per kind of line (in a static initializer); the per-record methods
 * allocate nothing beyond what they return. Immutable and thread-safe.
 */
public final class FieldLayout {
  private final String[] jsonNames;
  private final String[] documentedNames;
  private final Kind[] kinds;

  private FieldLayout(String[] jsonNames, String[] documentedNames, Kind[] kinds) {
    this.jsonNames = jsonNames;
    this.documentedNames = documentedNames;
    this.kinds = kinds;
  }

  /**
   * The layout of these fields, in line order; the functions are called once per field, here.
   *
   * @throws IllegalArgumentException if there are more than 64 fields (the validity mask is a long)
   */
  public static <F> FieldLayout of(F[] fields, Function<F, String> jsonName,
      Function<F, String> documentedName, Function<F, Kind> kind) {
    int n = fields.length;
    if (n > 64) {
      throw new IllegalArgumentException("at most 64 fields, not " + n);
    }
    String[] json = new String[n];
    String[] doc = new String[n];
    Kind[] k = new Kind[n];
    for (int i = 0; i < n; i++) {
      json[i] = jsonName.apply(fields[i]);
      doc[i] = documentedName.apply(fields[i]);
      k[i] = kind.apply(fields[i]);
    }
    return new FieldLayout(json, doc, k);
  }

  /** The number of documented fields. */
  public int size() {
    return kinds.length;
  }

  /**
   * The fields of the line (of those it has and the layout documents) whose values are present but
   * malformed for their kind: bit {@code i} for field {@code i}.
   */
  public long oddMask(byte[] b, int[] spans) {
    long odd = 0;
    int known = Math.min(spans[0], kinds.length);
    for (int i = 0; i < known; i++) {
      if (!TextFields.valid(kinds[i], b, spans[2 * i + 1], spans[2 * i + 2])) {
        odd |= 1L << i;
      }
    }
    return odd;
  }

  /** One warning per field whose bit is set in {@code oddMask}, in line order. */
  public List<RecordWarning> warnings(long oddMask, byte[] b, int[] spans) {
    if (oddMask == 0) {
      return List.of();
    }
    List<RecordWarning> w = new ArrayList<>();
    for (int i = 0; i < kinds.length; i++) {
      if ((oddMask & (1L << i)) != 0) {
        w.add(new RecordWarning(jsonNames[i] + ".malformed", documentedNames[i] + " is "
            + TextFields.oddness(kinds[i]) + ": '" + raw(b, spans, i) + "'"));
      }
    }
    return List.copyOf(w);
  }

  /** The fields after the documented ones, in order, as written ({@code -} included). */
  public List<String> extraFields(byte[] b, int[] spans) {
    int count = spans[0];
    int known = kinds.length;
    if (count <= known) {
      return List.of();
    }
    List<String> out = new ArrayList<>(count - known);
    for (int i = known; i < count; i++) {
      out.add(raw(b, spans, i));
    }
    return List.copyOf(out);
  }

  /**
   * The {@code cloudir parse} JSON of a line {@code lineLength} bytes long: the documented fields
   * the line has, in order ({@code ip:port} ones as {@code <name>_ip} and {@code <name>_port}), then
   * any others as {@code extra_fields}.
   */
  public String toJson(byte[] b, int[] spans, int lineLength) {
    int count = spans[0];
    StringBuilder sb = new StringBuilder(lineLength + 400);
    sb.append('{');
    int known = Math.min(count, kinds.length);
    for (int i = 0; i < known; i++) {
      if (kinds[i] == Kind.IP_PORT) {
        TextFields.ipPort(sb, jsonNames[i], b, spans[2 * i + 1], spans[2 * i + 2]);
      } else {
        TextFields.key(sb, jsonNames[i]);
        TextFields.value(sb, kinds[i], b, spans[2 * i + 1], spans[2 * i + 2]);
      }
    }
    if (count > kinds.length) {
      TextFields.key(sb, "extra_fields");
      sb.append('[');
      for (int i = kinds.length; i < count; i++) {
        if (i > kinds.length) {
          sb.append(',');
        }
        TextFields.string(sb, b, spans[2 * i + 1], spans[2 * i + 2]);
      }
      sb.append(']');
    }
    return sb.append('}').toString();
  }

  /** The start of field {@code i}. */
  public static int start(int[] spans, int i) {
    return spans[2 * i + 1];
  }

  /** The end of field {@code i}. */
  public static int end(int[] spans, int i) {
    return spans[2 * i + 2];
  }

  /** The text of field {@code i} exactly as written. */
  public static String raw(byte[] b, int[] spans, int i) {
    int s = spans[2 * i + 1];
    return new String(b, s, spans[2 * i + 2] - s, StandardCharsets.UTF_8);
  }

  /**
   * The text of field {@code i} (see {@link TextFields#text}), or null for {@code -} or when
   * {@code i} is negative or not below the field count.
   */
  public static @Nullable String text(byte[] b, int[] spans, int i, boolean canonical) {
    if (i < 0 || i >= spans[0]) {
      return null;
    }
    return TextFields.text(b, spans[2 * i + 1], spans[2 * i + 2], canonical);
  }

  /**
   * Field {@code i} as an integer, or {@link TextFields#ABSENT} for {@code -}, a malformed number
   * or when {@code i} is negative or not below the field count.
   */
  public static long longValue(byte[] b, int[] spans, int i) {
    if (i < 0 || i >= spans[0]) {
      return TextFields.ABSENT;
    }
    long v = TextFields.parseLong(b, spans[2 * i + 1], spans[2 * i + 2]);
    return v == TextFields.INVALID ? TextFields.ABSENT : v;
  }

  /** A status code read by {@link #longValue}: -1 when absent, negative or beyond an int. */
  public static int status(long v) {
    return v < 0 || v > Integer.MAX_VALUE ? -1 : (int) v;
  }

  /** A copy of {@code spans} for the line's bytes copied from {@code offset} to position 0. */
  public static int[] rebase(int[] spans, int offset) {
    int[] sp = spans.clone();
    for (int i = 1; i <= 2 * spans[0]; i++) {
      sp[i] -= offset;
    }
    return sp;
  }
}
