package io.cloudir.iam.internal.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A string with IAM policy variables and (optionally) wildcards, compiled to tokens: a token
 * {@code >= 0} is a literal {@code char}, {@link #STAR} and {@link #ONE} are the wildcards {@code *}
 * and {@code ?}, and {@code VAR0 - i} is variable {@code i}. {@code ${*}}, {@code ${?}}, {@code
 * ${$}} are literal characters. Immutable and thread-safe.
 */
public final class Template {
  /** The {@code *} wildcard token. */
  public static final int STAR = -1;
  /** The {@code ?} wildcard token. */
  public static final int ONE = -2;
  /** Tokens {@code <= VAR0} are variables. */
  public static final int VAR0 = -3;

  final String text;
  final int[] tokens;
  /** Lower-cased variable names (context keys). */
  final String[] varKeys;
  final @Nullable String[] varDefaults;

  private Template(String text, int[] tokens, String[] varKeys, @Nullable String[] varDefaults) {
    this.text = text;
    this.tokens = tokens;
    this.varKeys = varKeys;
    this.varDefaults = varDefaults;
  }

  /**
   * Compiles text.
   *
   * @param text the text
   * @param variables whether {@code ${…}} is a policy variable (2012-10-17) or literal text
   * @param wildcards whether {@code *} and {@code ?} are wildcards
   * @return the template
   * @throws IllegalArgumentException for a malformed variable
   */
  public static Template compile(String text, boolean variables, boolean wildcards) {
    List<String> keys = new ArrayList<>();
    List<@Nullable String> defaults = new ArrayList<>();
    int[] out = new int[text.length()];
    int n = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (variables && c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        int close = text.indexOf('}', i + 2);
        if (close < 0) {
          throw new IllegalArgumentException("policy variable without '}' at index " + i);
        }
        String body = text.substring(i + 2, close);
        String trimmed = body.strip();
        if (trimmed.equals("*") || trimmed.equals("?") || trimmed.equals("$")) {
          out[n++] = trimmed.charAt(0);
        } else {
          String name = trimmed;
          String dflt = null;
          int comma = body.indexOf(',');
          if (comma >= 0) {
            name = body.substring(0, comma).strip();
            String d = body.substring(comma + 1).strip();
            if (d.length() < 2 || d.charAt(0) != '\'' || d.charAt(d.length() - 1) != '\''
                || d.indexOf('\'', 1) != d.length() - 1) {
              throw new IllegalArgumentException(
                  "policy variable default must be quoted with ' at index " + i);
            }
            dflt = d.substring(1, d.length() - 1);
          }
          if (name.isEmpty() || name.indexOf('$') >= 0 || name.indexOf('{') >= 0) {
            throw new IllegalArgumentException("malformed policy variable at index " + i);
          }
          String key = name.toLowerCase(Locale.ROOT);
          int idx = -1;
          for (int k = 0; k < keys.size(); k++) {
            if (keys.get(k).equals(key) && java.util.Objects.equals(defaults.get(k), dflt)) {
              idx = k;
            }
          }
          if (idx < 0) {
            idx = keys.size();
            keys.add(key);
            defaults.add(dflt);
          }
          out[n++] = VAR0 - idx;
        }
        i = close + 1;
        continue;
      }
      if (wildcards && c == '*') {
        out[n++] = STAR;
      } else if (wildcards && c == '?') {
        out[n++] = ONE;
      } else {
        out[n++] = c;
      }
      i++;
    }
    return new Template(
        text,
        java.util.Arrays.copyOf(out, n),
        keys.toArray(new String[0]),
        defaults.toArray(new String[0]));
  }

  /** Whether there are variables. */
  public boolean hasVariables() {
    return varKeys.length > 0;
  }

  /** Whether there are wildcard tokens. */
  public boolean hasWildcards() {
    for (int t : tokens) {
      if (t == STAR || t == ONE) {
        return true;
      }
    }
    return false;
  }

  /** The lower-cased names of the variables. */
  public List<String> variableKeys() {
    return List.of(varKeys);
  }

  /** The literal text of a template without variables and wildcards. */
  public String literal() {
    StringBuilder sb = new StringBuilder(tokens.length);
    for (int t : tokens) {
      sb.append((char) t);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return text;
  }
}
