package io.cloudir.rules.internal;

import io.cloudir.model.SourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A title template: text with {@code {field.path}} placeholders ({@code {{} and {@code }}} for
 * literal braces), rendered from the current record; values of a multi-valued field are joined
 * with {@code ,}; an absent field renders as {@code -}. Immutable and thread-safe.
 */
public final class Template {
  private final List<Object> parts;

  private Template(List<Object> parts) {
    this.parts = List.copyOf(parts);
  }

  /**
   * Whether a template or field path may read session state that changes as records come,
   * besides the record and its attribution: {@code actor.mfa} reads the session's memory of
   * console sign-ins. Conservative: any text naming {@code mfa} (in any case) counts. What reads
   * such state must be evaluated when its record comes, not later.
   */
  public static boolean readsSessionState(String text) {
    return text.toLowerCase(java.util.Locale.ROOT).contains("mfa");
  }

  /**
   * Compiles a template for records of the given types.
   *
   * @throws IllegalArgumentException for an unknown field or an unclosed placeholder
   */
  public static Template compile(String text, Set<SourceType> types) {
    List<Object> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        lit.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        lit.append('}');
        i += 2;
      } else if (c == '{') {
        int close = text.indexOf('}', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '{' in title at column " + (i + 1));
        }
        if (lit.length() > 0) {
          parts.add(lit.toString());
          lit.setLength(0);
        }
        parts.add(FieldPaths.compile(text.substring(i + 1, close).trim(), types));
        i = close + 1;
      } else {
        lit.append(c);
        i++;
      }
    }
    if (lit.length() > 0) {
      parts.add(lit.toString());
    }
    return new Template(parts);
  }

  /** Renders the template for the context's record. */
  public String render(EvalContext ctx) {
    StringBuilder sb = new StringBuilder();
    List<Object> vals = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof String s) {
        sb.append(s);
      } else {
        vals.clear();
        ((Accessor) p).collect(ctx, vals);
        if (vals.isEmpty()) {
          sb.append('-');
        }
        for (int k = 0; k < vals.size() && k < 20; k++) {
          if (k > 0) {
            sb.append(',');
          }
          String t = Values.text(vals.get(k));
          sb.append(t.length() > 200 ? t.substring(0, 200) + "…" : t);
        }
      }
    }
    return sb.toString();
  }
}
