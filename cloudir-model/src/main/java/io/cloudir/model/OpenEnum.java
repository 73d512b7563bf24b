package io.cloudir.model;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The base of cloudir's <em>open</em> enumerations of AWS vocabularies (identity types, event
 * types, protocols…): a set of known constants plus any other value AWS may add later, which is
 * kept with its raw text instead of being rejected or lost.
 *
 * <p>Two values are equal when they are of the same class and have the same text; known values
 * are singletons, so {@code ==} also works for them. Subclasses are immutable and thread-safe.
 *
 * @param <T> the concrete open enumeration
 */
public abstract class OpenEnum<T extends OpenEnum<T>> implements Comparable<T> {
  private final String value;
  private final boolean known;

  /** For subclasses: a value with its text, known or not. */
  protected OpenEnum(String value, boolean known) {
    this.value = Objects.requireNonNull(value);
    this.known = known;
  }

  /** The text exactly as AWS writes it. */
  public final String value() {
    return value;
  }

  /** Whether this is one of the constants cloudir knows (otherwise a value added by AWS later). */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final int compareTo(T o) {
    return value.compareTo(o.value());
  }

  @Override
  public final boolean equals(@Nullable Object o) {
    return o != null && o.getClass() == getClass() && ((OpenEnum<?>) o).value.equals(value);
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** The text exactly as AWS writes it. */
  @Override
  public final String toString() {
    return value;
  }
}
