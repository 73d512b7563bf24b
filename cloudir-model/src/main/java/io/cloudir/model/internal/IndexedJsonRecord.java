package io.cloudir.model.internal;

import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.internal.json.IndexedJson;
import io.cloudir.model.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the JSON log record types (WAF, Route 53 Resolver) share: the record's bytes with the index
 * of its fields ({@link IndexedJson}, fields named by the format's enum {@code F}), its provenance,
 * the zero-copy accessors, equality by JSON value, and static helpers for the checks and warnings
 * of the record constructors. The public accessors are part of each record type's API.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <F> the format's field enum (its ordinals are the index's slots)
 */
public abstract class IndexedJsonRecord<F extends Enum<F>> {
  /** The record's bytes and field index. */
  protected final IndexedJson j;
  /** Where the record was read. */
  protected final Provenance provenance;

  /** A record of the indexed JSON {@code j} read at {@code provenance}. */
  protected IndexedJsonRecord(IndexedJson j, Provenance provenance) {
    this.j = j;
    this.provenance = Objects.requireNonNull(provenance);
  }

  /**
   * The fields among {@code fields} that are present and not JSON null but whose value's type is
   * not one of {@code types} (as {@link IndexedJson#typeIs}): bit {@code ordinal} set for each.
   */
  protected static <E extends Enum<E>> long typeMask(IndexedJson j, E[] fields, String types) {
    long tm = 0;
    for (E f : fields) {
      if (!j.typeIs(f.ordinal(), types)) {
        tm |= 1L << f.ordinal();
      }
    }
    return tm;
  }

  /**
   * The {@code field.type} warning: {@code detail} followed by the list of the paths of the fields
   * whose bit is set in {@code typeMask}, in the order of {@code fields} (all the format's fields).
   */
  protected static <E extends Enum<E>> RecordWarning fieldTypeWarning(String detail, long typeMask,
      E[] fields, Function<E, String> path) {
    List<String> names = new ArrayList<>();
    for (E f : fields) {
      if ((typeMask & (1L << f.ordinal())) != 0) {
        names.add(path.apply(f));
      }
    }
    return new RecordWarning("field.type", detail + names);
  }

  /**
   * The JSON names of a format's fields ({@code fields}: all of them, in ordinal order), split for
   * its {@link io.cloudir.model.internal.json.ObjectSchema}: element 0 the top-level names (the
   * fields before {@code firstNested}), element 1 the names inside the nested object.
   */
  protected static <E extends Enum<E>> String[][] schemaNames(E[] fields, int firstNested,
      Function<E, String> jsonName) {
    String[] top = new String[firstNested];
    String[] nested = new String[fields.length - firstNested];
    for (E f : fields) {
      if (f.ordinal() >= firstNested) {
        nested[f.ordinal() - firstNested] = jsonName.apply(f);
      } else {
        top[f.ordinal()] = jsonName.apply(f);
      }
    }
    return new String[][] {top, nested};
  }

  /** {@code s} cut to 64 characters for a warning (61 and {@code ...} when longer). */
  protected static String abbreviate(String s) {
    return s.length() > 64 ? s.substring(0, 61) + "..." : s;
  }

  /** Where the record was read. */
  public Provenance provenance() {
    return provenance;
  }

  /** The record as delivered, on one line (white space outside strings removed). */
  public String toJson() {
    return j.toJson();
  }

  /** Equal when the same record type's JSON is semantically equal (provenance is not compared). */
  @Override
  public final boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass() && json().equals(((IndexedJsonRecord<?>) o).json());
  }

  @Override
  public final int hashCode() {
    return json().hashCode();
  }

  /** The record's JSON on one line. */
  @Override
  public final String toString() {
    return toJson();
  }

  /** The bytes this record reads from (shared: never modify them). */
  public byte[] buffer() {
    return j.buffer();
  }

  /** Index in {@link #buffer()} of the record's first byte. */
  public int recordStart() {
    return j.start();
  }

  /** Index in {@link #buffer()} after the record's last byte. */
  public int recordEnd() {
    return j.end();
  }

  /** Whether the field is present (even if JSON null). */
  public boolean has(F f) {
    return j.has(f.ordinal());
  }

  /** Index in {@link #buffer()} where the field's value starts (a string's opening quote), or -1. */
  public int valueStart(F f) {
    return j.valueStart(f.ordinal());
  }

  /** Index in {@link #buffer()} after the field's value, or -1. */
  public int valueEnd(F f) {
    return j.valueEnd(f.ordinal());
  }

  /** Whether the field is a string equal to the ASCII text {@code s} (no allocation). */
  public boolean valueEquals(F f, String s) {
    return j.textEquals(f.ordinal(), s);
  }

  /** FNV-1a 64-bit hash of the field's decoded value (0 when absent or null). */
  public long valueHash(F f) {
    return j.hash(f.ordinal());
  }

  /** The field's decoded text: a string's contents, another value's JSON text, or null. */
  public @Nullable String string(F f) {
    return j.text(f.ordinal(), false);
  }

  /** The field's value as JSON, or null if absent. */
  public @Nullable JsonValue value(F f) {
    return j.value(f.ordinal());
  }

  /** Top-level fields this version of cloudir does not know, in order, as written. */
  public Map<String, JsonValue> unknownFields() {
    return j.unknownFields();
  }

  /** The whole record as a JSON value (the bytes as read). */
  public JsonValue json() {
    return j.json();
  }
}
