package io.cloudir.rules;

import io.cloudir.model.Location;
import io.cloudir.rules.internal.Modifiers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One test of a selection: a field path, a chain of modifiers and the values to compare with —
 * the model of one YAML line {@code field|modifier|modifier: value-or-list}. Build one with
 * {@link Field} or {@link #of}.
 *
 * <p>Values are {@link String}s, {@link Boolean}s or numbers ({@link Long}, {@link Integer},
 * {@link Double}, {@link BigDecimal}). By default a test holds when the field equals <em>any</em>
 * of the values (case-insensitively, {@code *} and {@code ?} as wildcards); the {@code all}
 * modifier requires every value to match. The modifiers are documented in {@code RULES-FORMAT.md}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FieldTest {
  private final String field;
  private final List<String> modifiers;
  private final List<Object> values;
  private final @Nullable Location location;

  private FieldTest(String field, List<String> modifiers, List<Object> values,
      @Nullable Location location) {
    this.field = Objects.requireNonNull(field, "field");
    this.modifiers = List.copyOf(modifiers);
    List<Object> v = new ArrayList<>();
    for (Object o : values) {
      Objects.requireNonNull(o, "values must not contain null (use the exists modifier)");
      if (!(o instanceof String || o instanceof Boolean || o instanceof Long
          || o instanceof Integer || o instanceof Double || o instanceof BigDecimal)) {
        throw new IllegalArgumentException("unsupported value type " + o.getClass().getName()
            + " (strings, booleans and numbers only)");
      }
      v.add(o instanceof Integer i ? Long.valueOf(i) : o);
    }
    if (v.isEmpty()) {
      throw new IllegalArgumentException("field test " + field + " has no value");
    }
    this.values = List.copyOf(v);
    this.location = location;
    Modifiers.validate(this.modifiers, this.values);
  }

  /**
   * A test of {@code field} with modifiers (lower case, as in YAML: {@code contains}, {@code
   * json(Statement[*].Effect)}…) and values.
   *
   * @throws IllegalArgumentException if a modifier is unknown, the chain is not valid, or a value
   *     does not suit the modifiers
   */
  public static FieldTest of(String field, List<String> modifiers, List<?> values) {
    return new FieldTest(field, modifiers, new ArrayList<>(values), null);
  }

  /** This test, remembered as written at {@code location} (for error messages). */
  public FieldTest at(@Nullable Location where) {
    return new FieldTest(field, modifiers, values, where);
  }

  /** The field path, for example {@code requestParameters.ipPermissions.items[*].ipRanges}. */
  public String field() {
    return field;
  }

  /** The modifiers in order, lower case. */
  public List<String> modifiers() {
    return modifiers;
  }

  /** The values (never empty). */
  public List<Object> values() {
    return values;
  }

  /** Where the test was written, or {@code null} for tests built in code. */
  public @Nullable Location location() {
    return location;
  }

  /** The YAML key: {@code field|mod1|mod2}. */
  public String key() {
    return modifiers.isEmpty() ? field : field + "|" + String.join("|", modifiers);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof FieldTest t && t.field.equals(field) && t.modifiers.equals(modifiers)
        && t.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, modifiers, values);
  }

  /** {@code key: values}. */
  @Override
  public String toString() {
    return key() + ": " + values;
  }
}
