package io.cloudir.iam.internal.catalog;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An ARN template of the AWS Service Authorization Reference, such as {@code
 * arn:${Partition}:s3:::${BucketName}/${ObjectName}}, compiled into a matcher for concrete ARNs.
 *
 * <p>Matching rules (our reading of how the templates are meant; AWS does not define it):
 *
 * <ul>
 *   <li>Text outside {@code ${…}} matches itself exactly (ARNs are case-sensitive).
 *   <li>A variable matches a non-empty run of characters.
 *   <li>In the first five fields ({@code arn:partition:service:region:account:}) a variable never
 *       contains {@code :}.
 *   <li>In the resource part a variable may contain {@code /} (role paths, S3 keys, log group
 *       names) but not {@code :} — except a variable that ends the template, which may contain
 *       anything ({@code function:${FunctionName}} also covers {@code function:f:PROD}, {@code
 *       log-group:${LogGroupName}} also {@code log-group:g:*}).
 * </ul>
 *
 * <p>Several templates can match one ARN ({@code arn:aws:s3:::b/k} matches both {@code
 * ${BucketName}} and {@code ${BucketName}/${ObjectName}}); {@link #specificity()} (the number of
 * literal characters) lets the caller prefer the most specific one.
 *
 * <p>Matching is linear in the ARN's length per template element (a set-of-positions walk, no
 * back-tracking, no regex). Immutable and thread-safe.
 */
public final class ArnTemplate {
  private static final int HEADER_FIELDS = 5;

  private final String template;
  /** literals[i] comes before variable i; the last one ends the template. */
  private final String[] literals;
  /** Whether variable i may contain ':'. */
  private final boolean[] colonAllowed;
  private final int literalChars;
  private final @Nullable String service;

  private ArnTemplate(
      String template, String[] literals, boolean[] colonAllowed, @Nullable String service) {
    this.template = template;
    this.literals = literals;
    this.colonAllowed = colonAllowed;
    int n = 0;
    for (String l : literals) {
      n += l.length();
    }
    this.literalChars = n;
    this.service = service;
  }

  /**
   * Compiles a template.
   *
   * @throws IllegalArgumentException if a <code>${</code> has no closing brace or a variable is empty
   */
  public static ArnTemplate compile(String template) {
    List<String> lits = new ArrayList<>();
    List<Boolean> colon = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int colons = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '$' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        int end = template.indexOf('}', i + 2);
        if (end < 0 || end == i + 2) {
          throw new IllegalArgumentException("bad variable at " + i + " in " + template);
        }
        lits.add(lit.toString());
        lit.setLength(0);
        boolean last = end + 1 == template.length();
        colon.add(last && colons >= HEADER_FIELDS);
        i = end + 1;
      } else {
        if (c == ':') {
          colons++;
        }
        lit.append(c);
        i++;
      }
    }
    lits.add(lit.toString());
    boolean[] colonAllowed = new boolean[colon.size()];
    for (int v = 0; v < colonAllowed.length; v++) {
      colonAllowed[v] = colon.get(v);
    }
    return new ArnTemplate(
        template, lits.toArray(new String[0]), colonAllowed, literalService(template));
  }

  private static @Nullable String literalService(String template) {
    int a = template.indexOf(':');
    int b = a < 0 ? -1 : template.indexOf(':', a + 1);
    int c = b < 0 ? -1 : template.indexOf(':', b + 1);
    if (c < 0) {
      return null;
    }
    String s = template.substring(b + 1, c);
    return s.isEmpty() || s.contains("${") ? null : s;
  }

  /** The template as written. */
  public String template() {
    return template;
  }

  /** The literal service field ({@code s3}), or {@code null} when it is a variable or absent. */
  public @Nullable String service() {
    return service;
  }

  /** The number of literal (non-variable) characters: higher is more specific. */
  public int specificity() {
    return literalChars;
  }

  /** The number of variables. */
  public int variableCount() {
    return colonAllowed.length;
  }

  /** Whether the whole {@code arn} matches this template. */
  public boolean matches(String arn) {
    int n = arn.length();
    if (n < literalChars + colonAllowed.length) {
      return false;
    }
    String first = literals[0];
    String lastLit = literals[literals.length - 1];
    if (!arn.startsWith(first) || !arn.endsWith(lastLit)) {
      return false;
    }
    if (colonAllowed.length == 0) {
      return arn.equals(first);
    }
    boolean[] reach = new boolean[n + 1];
    reach[first.length()] = true;
    boolean[] next = new boolean[n + 1];
    for (int v = 0; v < colonAllowed.length; v++) {
      // the variable: from a reachable p to every q > p with no forbidden character in [p, q)
      boolean any = false;
      boolean active = false;
      boolean colonOk = colonAllowed[v];
      for (int q = 0; q <= n; q++) {
        next[q] = active;
        any |= active;
        if (q == n) {
          break;
        }
        if (!colonOk && arn.charAt(q) == ':') {
          active = false;
        } else {
          active |= reach[q];
        }
      }
      if (!any) {
        return false;
      }
      // the literal after it
      String lit = literals[v + 1];
      java.util.Arrays.fill(reach, false);
      any = false;
      int len = lit.length();
      for (int p = 0; p + len <= n; p++) {
        if (next[p] && arn.regionMatches(p, lit, 0, len)) {
          reach[p + len] = true;
          any = true;
        }
      }
      if (!any) {
        return false;
      }
    }
    return reach[n];
  }

  @Override
  public String toString() {
    return template;
  }
}
