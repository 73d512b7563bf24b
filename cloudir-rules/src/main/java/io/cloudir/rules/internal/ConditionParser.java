package io.cloudir.rules.internal;

import io.cloudir.rules.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses condition text: {@code expr := or; or := and ("or" and)*; and := unary ("and" unary)*;
 * unary := "not" unary | "(" expr ")" | ("1"|"any"|"all") "of" pattern | name}. Keywords are
 * case-insensitive. Depth is bounded (64 levels) so hostile text cannot overflow the stack.
 */
public final class ConditionParser {
  private static final int MAX_DEPTH = 64;
  private static final int MAX_LENGTH = 4096;
  private final String text;
  private final List<String> tokens = new ArrayList<>();
  private final List<Integer> columns = new ArrayList<>();
  private int pos;
  private int depth;

  private ConditionParser(String text) {
    this.text = text;
  }

  /**
   * Parses a condition.
   *
   * @throws IllegalArgumentException naming the column of the error
   */
  public static Condition parse(String text) {
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("condition longer than " + MAX_LENGTH + " characters");
    }
    ConditionParser p = new ConditionParser(text);
    p.tokenize();
    if (p.tokens.isEmpty()) {
      throw new IllegalArgumentException("empty condition");
    }
    Condition c = p.or();
    if (p.pos < p.tokens.size()) {
      throw p.error("unexpected '" + p.tokens.get(p.pos) + "'");
    }
    return c;
  }

  /** Whether a selection name matches a pattern of {@code 1 of} ({@code *} as wildcard). */
  public static boolean nameMatches(String pattern, String name) {
    return Glob.compile(pattern, true).matches(name);
  }

  private void tokenize() {
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        columns.add(i + 1);
        i++;
      } else if (Character.isLetterOrDigit(c) || c == '_' || c == '*' || c == '-' || c == '.') {
        int s = i;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i))
            || "_*-.".indexOf(text.charAt(i)) >= 0)) {
          i++;
        }
        tokens.add(text.substring(s, i));
        columns.add(s + 1);
      } else {
        throw new IllegalArgumentException("column " + (i + 1) + ": unexpected character '" + c
            + "' in condition" + (c == '|' ? " (aggregations such as '| count()' belong in a"
            + " correlation, not in the condition)" : ""));
      }
    }
  }

  private IllegalArgumentException error(String msg) {
    int col = pos < columns.size() ? columns.get(pos) : text.length() + 1;
    return new IllegalArgumentException("column " + col + ": " + msg + " in condition '" + text
        + "'");
  }

  private boolean keyword(String k) {
    if (pos < tokens.size() && tokens.get(pos).toLowerCase(Locale.ROOT).equals(k)) {
      pos++;
      return true;
    }
    return false;
  }

  private Condition or() {
    List<Condition> ops = new ArrayList<>();
    ops.add(and());
    while (keyword("or")) {
      ops.add(and());
    }
    return ops.size() == 1 ? ops.get(0) : new Condition.Or(ops);
  }

  private Condition and() {
    List<Condition> ops = new ArrayList<>();
    ops.add(unary());
    while (keyword("and")) {
      ops.add(unary());
    }
    return ops.size() == 1 ? ops.get(0) : new Condition.And(ops);
  }

  private Condition unary() {
    if (++depth > MAX_DEPTH) {
      throw error("condition nested deeper than " + MAX_DEPTH);
    }
    try {
      if (pos >= tokens.size()) {
        throw error("expected a selection, 'not', '(' or 'N of'");
      }
      if (keyword("not")) {
        return new Condition.Not(unary());
      }
      String t = tokens.get(pos);
      if (t.equals("(")) {
        pos++;
        Condition c = or();
        if (!keyword(")")) {
          throw error("expected ')'");
        }
        return c;
      }
      String lt = t.toLowerCase(Locale.ROOT);
      if ((lt.equals("1") || lt.equals("any") || lt.equals("all")) && pos + 1 < tokens.size()
          && tokens.get(pos + 1).equalsIgnoreCase("of")) {
        pos += 2;
        if (pos >= tokens.size() || tokens.get(pos).equals("(") || tokens.get(pos).equals(")")
            || isKeyword(tokens.get(pos))) {
          throw error("expected a selection name pattern or 'them' after 'of'");
        }
        String pat = tokens.get(pos++);
        return new Condition.Of(lt.equals("all"),
            pat.equalsIgnoreCase("them") ? "them" : pat);
      }
      if (t.equals(")") || isKeyword(t)) {
        throw error("expected a selection but found '" + t + "'");
      }
      if (t.indexOf('*') >= 0) {
        throw error("wildcard '" + t + "' outside '1 of' / 'all of'");
      }
      if (Character.isDigit(t.charAt(0))) {
        throw error("'" + t + "' is not a selection name (did you mean '1 of'?)");
      }
      pos++;
      return new Condition.Ref(t);
    } finally {
      depth--;
    }
  }

  private static boolean isKeyword(String t) {
    String l = t.toLowerCase(Locale.ROOT);
    return l.equals("and") || l.equals("or") || l.equals("not") || l.equals("of");
  }
}
