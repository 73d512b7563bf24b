package io.cloudir.rules;

import io.cloudir.model.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A named selection of a rule's detection: alternatives (OR) of groups of field tests (AND). A
 * YAML map is one group; a YAML list of maps is several alternatives.
 *
 * <p>Immutable and thread-safe.
 */
public final class Selection {
  private final String name;
  private final List<List<FieldTest>> alternatives;
  private final @Nullable Location location;

  private Selection(String name, List<List<FieldTest>> alternatives, @Nullable Location location) {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
      throw new IllegalArgumentException("invalid selection name '" + name
          + "' (letters, digits, '_', '-', '.'; not starting with a digit)");
    }
    this.name = name;
    List<List<FieldTest>> a = new ArrayList<>();
    for (List<FieldTest> g : alternatives) {
      if (g.isEmpty()) {
        throw new IllegalArgumentException("selection " + name + " has an empty group");
      }
      a.add(List.copyOf(g));
    }
    if (a.isEmpty()) {
      throw new IllegalArgumentException("selection " + name + " is empty");
    }
    this.alternatives = List.copyOf(a);
    this.location = location;
  }

  /** A selection whose tests must all hold. */
  public static Selection of(String name, FieldTest... tests) {
    return new Selection(name, List.of(List.of(tests)), null);
  }

  /** A selection that holds when every test of at least one group holds. */
  public static Selection anyOf(String name, List<List<FieldTest>> groups) {
    return new Selection(name, groups, null);
  }

  /** This selection, remembered as written at {@code where}. */
  public Selection at(@Nullable Location where) {
    return new Selection(name, alternatives, where);
  }

  /** The name the condition refers to. */
  public String name() {
    return name;
  }

  /** The alternatives (OR), each a group of tests (AND). */
  public List<List<FieldTest>> alternatives() {
    return alternatives;
  }

  /** Where the selection was written, or {@code null}. */
  public @Nullable Location location() {
    return location;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Selection s && s.name.equals(name) && s.alternatives.equals(alternatives);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, alternatives);
  }

  @Override
  public String toString() {
    return name + "=" + alternatives;
  }
}
