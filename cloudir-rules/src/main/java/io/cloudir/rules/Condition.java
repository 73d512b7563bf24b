package io.cloudir.rules;

import io.cloudir.rules.internal.ConditionParser;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A rule's condition over its selections, Sigma-shaped: {@code sel and not filter}, {@code 1 of
 * sel*}, {@code all of them}, parentheses. {@code and} binds tighter than {@code or}; {@code not}
 * tighter than both. Name patterns in {@code 1 of} / {@code all of} use {@code *} as a wildcard.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Condition {

  /**
   * Parses a condition.
   *
   * @throws IllegalArgumentException with the column of the error
   */
  static Condition parse(String text) {
    return ConditionParser.parse(text);
  }

  /**
   * Evaluates this condition given the value of each selection ({@code selections} lists the
   * rule's selection names, for the patterns of {@code of} expressions).
   */
  boolean evaluate(List<String> selections, Predicate<String> value);

  /** The canonical text of this condition (fully parenthesised where it matters). */
  @Override
  String toString();

  /** A selection by name. @param name the selection */
  record Ref(String name) implements Condition {
    /** Checks the name. */
    public Ref {
      Objects.requireNonNull(name);
    }

    @Override
    public boolean evaluate(List<String> selections, Predicate<String> value) {
      return value.test(name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Negation. @param operand what is negated */
  record Not(Condition operand) implements Condition {
    /** Checks the operand. */
    public Not {
      Objects.requireNonNull(operand);
    }

    @Override
    public boolean evaluate(List<String> selections, Predicate<String> value) {
      return !operand.evaluate(selections, value);
    }

    @Override
    public String toString() {
      return "not " + operand.wrapped();
    }
  }

  /** Conjunction. @param operands at least two */
  record And(List<Condition> operands) implements Condition {
    /** Copies the operands. */
    public And {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean evaluate(List<String> selections, Predicate<String> value) {
      for (Condition c : operands) {
        if (!c.evaluate(selections, value)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return String.join(" and ", operands.stream().map(Condition::wrapped).toList());
    }
  }

  /** Disjunction. @param operands at least two */
  record Or(List<Condition> operands) implements Condition {
    /** Copies the operands. */
    public Or {
      operands = List.copyOf(operands);
    }

    @Override
    public boolean evaluate(List<String> selections, Predicate<String> value) {
      for (Condition c : operands) {
        if (c.evaluate(selections, value)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      return String.join(" or ", operands.stream().map(Condition::wrapped).toList());
    }
  }

  /**
   * {@code 1 of pattern} (any) or {@code all of pattern}; the pattern {@code them} means every
   * selection. @param all whether every selection must hold @param pattern the name pattern
   */
  record Of(boolean all, String pattern) implements Condition {
    /** Checks the pattern. */
    public Of {
      Objects.requireNonNull(pattern);
    }

    /** The selection names this pattern covers, in rule order. */
    public List<String> expand(List<String> selections) {
      if (pattern.equals("them")) {
        return selections;
      }
      return selections.stream().filter(s -> ConditionParser.nameMatches(pattern, s)).toList();
    }

    @Override
    public boolean evaluate(List<String> selections, Predicate<String> value) {
      List<String> names = expand(selections);
      for (String n : names) {
        if (value.test(n) != all) {
          return !all;
        }
      }
      return all && !names.isEmpty();
    }

    @Override
    public String toString() {
      return (all ? "all of " : "1 of ") + pattern;
    }
  }

  /** This condition as an operand of {@code and}/{@code or}/{@code not}. */
  private String wrapped() {
    return this instanceof Ref || this instanceof Of || this instanceof Not
        ? toString() : "(" + this + ")";
  }
}
