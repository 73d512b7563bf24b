package io.cloudir.rules.internal;

import io.cloudir.model.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The modifier chain of a field test ({@code field|json(p)|contains|cased}): at most one
 * operator, transforms before it, flags anywhere after the field. See {@code RULES-FORMAT.md}.
 */
public final class Modifiers {
  private Modifiers() {}

  /** The comparison a test makes. */
  public enum Op {
    /** Equality with wildcards (the default). */
    EQUALS,
    /** Substring. */
    CONTAINS,
    /** Prefix. */
    STARTSWITH,
    /** Suffix. */
    ENDSWITH,
    /** RE2 regular expression, unanchored. */
    RE,
    /** CIDR membership. */
    CIDR,
    /** Greater than. */
    GT,
    /** Greater or equal. */
    GTE,
    /** Less than. */
    LT,
    /** Less or equal. */
    LTE,
    /** Presence. */
    EXISTS,
    /** Policy grants administrator access. */
    GRANTSADMIN,
    /** Policy allows anyone. */
    ALLOWSPUBLIC,
    /** Policy allows a principal outside an account. */
    EXTERNALPRINCIPAL
  }

  /**
   * A parsed chain.
   *
   * @param transforms {@code json(path)} steps (the path) and {@code prefixlen} (the string
   *     {@code "/"}), in order
   * @param op the operator
   * @param cased case-sensitive comparison
   * @param all every value must match
   * @param fieldref values are field paths of the same record
   * @param reFlags RE2 flags ({@code i}, {@code m}, {@code s})
   */
  public record Chain(List<String> transforms, Op op, boolean cased, boolean all,
      boolean fieldref, String reFlags) {}

  /** The prefix-length transform's marker in {@link Chain#transforms()}. */
  public static final String PREFIXLEN = "/";

  /**
   * Parses a chain.
   *
   * @throws IllegalArgumentException naming the bad modifier
   */
  public static Chain parse(List<String> mods) {
    List<String> transforms = new ArrayList<>();
    Op op = null;
    boolean cased = false;
    boolean all = false;
    boolean fieldref = false;
    StringBuilder flags = new StringBuilder();
    for (String raw : mods) {
      String m = raw.trim();
      String lm = m.toLowerCase(Locale.ROOT);
      if (lm.startsWith("json(") && m.endsWith(")")) {
        if (op != null) {
          throw new IllegalArgumentException("transform '" + m + "' after the operator '"
              + op.name().toLowerCase(Locale.ROOT) + "'");
        }
        String path = m.substring(5, m.length() - 1).trim();
        checkJsonPath(path);
        transforms.add(path);
        continue;
      }
      switch (lm) {
        case "prefixlen" -> {
          if (op != null) {
            throw new IllegalArgumentException("transform 'prefixlen' after the operator");
          }
          transforms.add(PREFIXLEN);
        }
        case "cased" -> cased = true;
        case "all" -> all = true;
        case "fieldref" -> fieldref = true;
        case "i", "m", "s" -> {
          if (op != Op.RE) {
            throw new IllegalArgumentException("modifier '" + lm + "' only follows 're'");
          }
          flags.append(lm);
        }
        case "equals", "contains", "startswith", "endswith", "re", "cidr", "gt", "gte", "lt",
            "lte", "exists", "grantsadmin", "allowspublic", "externalprincipal" -> {
          if (op != null) {
            throw new IllegalArgumentException("two operators: '" + op.name().toLowerCase(Locale.ROOT)
                + "' and '" + lm + "'");
          }
          op = Op.valueOf(lm.toUpperCase(Locale.ROOT));
        }
        default -> throw new IllegalArgumentException("unknown modifier '" + m + "'"
            + (lm.equals("base64") || lm.equals("base64offset") || lm.equals("windash")
                || lm.equals("utf16le") || lm.equals("wide") || lm.equals("expand")
                ? " (a Sigma modifier cloudir does not support)" : ""));
      }
    }
    if (op == null) {
      op = Op.EQUALS;
    }
    if (cased && !(op == Op.EQUALS || op == Op.CONTAINS || op == Op.STARTSWITH
        || op == Op.ENDSWITH)) {
      throw new IllegalArgumentException("'cased' only applies to equals, contains, startswith"
          + " and endswith (use (?i) or the 'i' flag with re)");
    }
    if (all && (op == Op.EXISTS || op == Op.GRANTSADMIN || op == Op.ALLOWSPUBLIC)) {
      throw new IllegalArgumentException("'all' does not apply to '" + op.name().toLowerCase(
          Locale.ROOT) + "'");
    }
    if (fieldref && (op == Op.EXISTS || op == Op.GRANTSADMIN || op == Op.ALLOWSPUBLIC
        || op == Op.RE || op == Op.CIDR)) {
      throw new IllegalArgumentException("'fieldref' does not apply to '"
          + op.name().toLowerCase(Locale.ROOT) + "'");
    }
    return new Chain(List.copyOf(transforms), op, cased, all, fieldref, flags.toString());
  }

  private static void checkJsonPath(String path) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("json() needs a path");
    }
    try {
      JsonValue.parse("{}").select(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad path in json(" + path + "): " + e.getMessage(), e);
    }
  }

  /**
   * Checks a chain and its values.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static void validate(List<String> mods, List<Object> values) {
    Chain c = parse(mods);
    if (c.fieldref()) {
      requireStrings(values, "fieldref values are field paths");
      return;
    }
    switch (c.op()) {
      case EXISTS, GRANTSADMIN, ALLOWSPUBLIC -> {
        if (values.size() != 1 || !(values.get(0) instanceof Boolean)) {
          throw new IllegalArgumentException("'" + c.op().name().toLowerCase(Locale.ROOT)
              + "' takes one value, true or false");
        }
      }
      case RE -> {
        requireStrings(values, "re values are regular expressions");
        for (Object v : values) {
          Matchers.regex((String) v, c.reFlags());
        }
      }
      case CIDR -> {
        requireStrings(values, "cidr values are CIDR blocks");
        for (Object v : values) {
          Cidr.parse((String) v);
        }
      }
      case GT, GTE, LT, LTE -> {
        for (Object v : values) {
          if (v instanceof Boolean || (v instanceof String s && Values.number(s) == null
              && Values.time(s) == null)) {
            throw new IllegalArgumentException("'" + c.op().name().toLowerCase(Locale.ROOT)
                + "' compares with a number or an ISO-8601 time, not '" + v + "'");
          }
        }
      }
      case CONTAINS, STARTSWITH, ENDSWITH -> requireStrings(values,
          c.op().name().toLowerCase(Locale.ROOT) + " values are strings");
      case EXTERNALPRINCIPAL -> {
        for (Object v : values) {
          if (!(v instanceof String s) || !s.matches("\\d{12}")) {
            throw new IllegalArgumentException(
                "externalprincipal takes a 12-digit account id (or a field with fieldref)");
          }
        }
      }
      case EQUALS -> { }
    }
  }

  private static void requireStrings(List<Object> values, String what) {
    for (Object v : values) {
      if (!(v instanceof String)) {
        throw new IllegalArgumentException(what + ", not " + v);
      }
    }
  }
}
