package io.cloudir.model.arn;

import io.cloudir.model.LimitExceededException;
import io.cloudir.model.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An ARN pattern as written in the {@code Resource} / {@code NotResource} element of an IAM
 * policy: IAM wildcards and policy-variable placeholders.
 *
 * <h2>Syntax</h2>
 *
 * <ul>
 *   <li>{@code *} matches any run of characters (possibly empty) and {@code ?} exactly one
 *       character, in any of the six segments;
 *   <li>{@code ${name}} and {@code ${name, 'default'}} are policy variables (whitespace around the
 *       name and around the quoted default is ignored; the default runs to the next {@code '}).
 *       {@code ${*}}, {@code ${?}} and {@code ${$}} are a literal {@code *}, {@code ?} and {@code
 *       $}. A {@code $} not followed by <code>{</code> is literal. A malformed variable (<code>${</code>
 *       with no <code>}</code>, an empty name, a default without quotes) is an {@link
 *       ArnPatternException}.
 *       {@link #parseWithoutVariables} reads a pattern of a {@code 2008-10-17} policy, where
 *       {@code ${…}} is literal text;
 *   <li>every other character is literal. Matching is <b>case-sensitive</b> in every segment: IAM
 *       compares the {@code Resource} element case-sensitively (its documentation notes that the
 *       IAM user name in a resource ARN is case sensitive); partition and service are lower case
 *       by definition. Characters are UTF-16 {@code char}s: {@code ?} matches one {@code char}, so
 *       a character outside the Basic Multilingual Plane needs {@code ??}.
 * </ul>
 *
 * <h2>Segments and colons</h2>
 *
 * <p>Let the (bound) pattern have {@code k} literal colons, and {@code s = min(k, 5)}. The pattern
 * is cut at its first {@code s} colons into {@code s + 1} segments; the input is cut at its first
 * {@code s} colons in the same way (an input with fewer colons does not match). Each of the first
 * {@code s} pattern segments must match the corresponding input segment, in which {@code *} and
 * {@code ?} therefore never match a colon. The <b>last</b> pattern segment is matched against the
 * whole rest of the input, and there {@code *} and {@code ?} match any character including {@code
 * :} and {@code /}. Consequences:
 *
 * <ul>
 *   <li>with five colons or more (a full ARN), the last segment is the resource, matched as the
 *       rest of the string: {@code arn:aws:logs:*:*:log-group:x:*} matches {@code
 *       arn:aws:logs:us-east-1:123456789012:log-group:x:log-stream:y}, and {@code
 *       arn:aws:s3:::bucket/*} matches every object of the bucket;
 *   <li>a pattern that is just {@code *} (no colon) matches every ARN;
 *   <li>a pattern with fewer than five colons lets its last segment span the remaining ARN
 *       segments: {@code arn:aws:s3:*} matches every S3 ARN, while {@code arn:aws:s3} (no
 *       wildcard) matches only that string, hence no ARN. This follows IAM's rule that a {@code *}
 *       ending the pattern expands beyond colon boundaries; IAM's policy validator usually
 *       rejects such patterns anyway;
 *   <li>a {@code *} inside one of the first five segments never crosses into the next segment
 *       ({@code arn:aws:iam::*:role/x} needs the account segment to be colon-free).
 * </ul>
 *
 * <h2>Variables</h2>
 *
 * <p>A pattern keeps its placeholders; {@link #bind} substitutes values and returns concrete
 * patterns. Substituted values are literal text (a {@code *} in a tag value is not a wildcard). IAM
 * makes a resource containing a variable with no value match nothing, so {@link #bind} returns an
 * empty list when a variable without default has no value. {@link #matches}, {@link #covers} and
 * {@link #intersects} on a pattern that still has variables behave as if it were bound with no
 * values ({@link Bindings#none()}): variables with a default use the default, and a variable
 * without default makes the pattern match nothing.
 *
 * <h2>Complexity</h2>
 *
 * <ul>
 *   <li>{@link #matches}: no allocation; per segment the classic iterative wildcard match that
 *       backtracks only to the last {@code *}: {@code O(p·t)} in the worst case for a pattern of
 *       length {@code p} and an input of length {@code t} (for example {@code *a*a*a*b} against
 *       {@code aaaa…}); {@code O(p + t)} for patterns without {@code *} and for the common shape
 *       of literals followed by one trailing {@code *}. No regex, no recursion, no exponential
 *       backtracking. (A guaranteed {@code O(p + t)} would need a precomputed automaton per
 *       pattern; not done.)
 *   <li>{@link #intersects}: breadth-first search over the product of the two pattern NFAs
 *       (only reachable pairs are stored): at most {@code (p+1)(q+1)} states and {@code
 *       O(p·q·|Σ|·(p+q))} time for patterns of lengths {@code p}, {@code q}, where {@code |Σ|}
 *       is the number of distinct literal characters plus two; {@link #intersectsArn} multiplies
 *       the state bound by the 36 states of the ARN syntax automaton. Bounded by 250,000
 *       explored states ({@link LimitExceededException} beyond).
 *   <li>{@link #covers}: product of the other pattern's NFA with the determinised (complemented)
 *       automaton of this one, subsets memoised; at most {@code (q+1)·2^(p+1)} states in theory,
 *       far fewer in practice (many {@code ?} after a {@code *} are what makes it grow); bounded by
 *       250,000 explored states, beyond which a {@link LimitExceededException} is thrown.
 * </ul>
 *
 * <p>{@code equals}/{@code hashCode} compare the pattern text (and whether variables are
 * interpreted), not the language; use {@link #covers} both ways for language equality.
 *
 * <p>Immutable and thread-safe.
 */
public final class ArnPattern {

  private static final int STAR = GlobAutomaton.STAR;
  private static final int ONE = GlobAutomaton.ONE;
  /** Template tokens {@code <= VAR0} are variables: index {@code VAR0 - token}. */
  private static final int VAR0 = -3;
  /** Limit on the number of concrete patterns {@link #bind} returns. */
  public static final int MAX_BINDINGS = 1024;

  private final String text;
  private final boolean variablesEnabled;
  private final int[] template;
  private final String[] varNames;
  private final @Nullable String[] varDefaults;
  /** The program with every variable unbound, or null when that matches nothing. */
  private final int @Nullable [] prog;
  /** Indices in prog of the first min(k, 5) literal colons. */
  private final int[] colons;
  private volatile @Nullable GlobAutomaton automaton;

  private ArnPattern(
      String text,
      boolean variablesEnabled,
      int[] template,
      String[] varNames,
      @Nullable String[] varDefaults) {
    this.text = text;
    this.variablesEnabled = variablesEnabled;
    this.template = template;
    this.varNames = varNames;
    this.varDefaults = varDefaults;
    this.prog = varNames.length == 0 ? template : unbound(template, varDefaults);
    this.colons = prog == null ? new int[0] : segmentColons(prog);
  }

  private static int @Nullable [] unbound(int[] template, @Nullable String[] defaults) {
    int len = 0;
    for (int tok : template) {
      if (tok <= VAR0) {
        String d = defaults[VAR0 - tok];
        if (d == null) {
          return null;
        }
        len += d.length();
      } else {
        len++;
      }
    }
    int[] out = new int[len];
    int k = 0;
    for (int tok : template) {
      if (tok <= VAR0) {
        String d = Objects.requireNonNull(defaults[VAR0 - tok]);
        for (int i = 0; i < d.length(); i++) {
          out[k++] = d.charAt(i);
        }
      } else {
        out[k++] = tok;
      }
    }
    return out;
  }

  private static int[] segmentColons(int[] prog) {
    int[] found = new int[5];
    int k = 0;
    for (int i = 0; i < prog.length && k < 5; i++) {
      if (prog[i] == ':') {
        found[k++] = i;
      }
    }
    return Arrays.copyOf(found, k);
  }

  // ---------------------------------------------------------------- construction

  /**
   * Parses a pattern with IAM wildcards and policy variables ({@code 2012-10-17} policies).
   *
   * @param text the pattern, such as {@code arn:aws:s3:::bucket/${aws:username}/*}
   * @return the pattern; its {@link #toString()} is {@code text}
   * @throws ArnPatternException if {@code text} has a malformed variable
   */
  public static ArnPattern parse(String text) {
    return parse(text, true);
  }

  /**
   * Parses a pattern in which {@code ${…}} is literal text ({@code 2008-10-17} policies, which have
   * no policy variables). Only {@code *} and {@code ?} are special.
   *
   * @param text the pattern
   * @return the pattern (never throws {@link ArnPatternException})
   */
  public static ArnPattern parseWithoutVariables(String text) {
    return parse(text, false);
  }

  /**
   * The pattern that matches exactly one ARN ({@code *}, {@code ?} and {@code $} in it are
   * escaped).
   *
   * @param arn the ARN
   * @return a pattern whose only match is {@code arn}
   */
  public static ArnPattern of(Arn arn) {
    String s = arn.toString();
    int[] prog = new int[s.length()];
    for (int i = 0; i < prog.length; i++) {
      prog[i] = s.charAt(i);
    }
    return concrete(prog);
  }

  private static ArnPattern concrete(int[] prog) {
    return new ArnPattern(render(prog), true, prog, new String[0], new String[0]);
  }

  /** The canonical text of a variable-free program in variables mode. */
  private static String render(int[] prog) {
    StringBuilder sb = new StringBuilder(prog.length + 8);
    for (int tok : prog) {
      if (tok == STAR) {
        sb.append('*');
      } else if (tok == ONE) {
        sb.append('?');
      } else if (tok == '*' || tok == '?' || tok == '$') {
        sb.append("${").append((char) tok).append('}');
      } else {
        sb.append((char) tok);
      }
    }
    return sb.toString();
  }

  private static ArnPattern parse(String text, boolean variables) {
    Objects.requireNonNull(text, "text");
    int n = text.length();
    int[] template = new int[n];
    int len = 0;
    List<String> names = new ArrayList<>();
    List<@Nullable String> defaults = new ArrayList<>();
    Map<String, Integer> byKey = new LinkedHashMap<>();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '*') {
        template[len++] = STAR;
        i++;
      } else if (c == '?') {
        template[len++] = ONE;
        i++;
      } else if (variables && c == '$' && i + 1 < n && text.charAt(i + 1) == '{') {
        int open = i;
        int j = i + 2;
        if (j + 1 < n && text.charAt(j + 1) == '}'
            && (text.charAt(j) == '*' || text.charAt(j) == '?' || text.charAt(j) == '$')) {
          template[len++] = text.charAt(j);
          i = j + 2;
          continue;
        }
        int nameStart = j;
        while (j < n && text.charAt(j) != '}' && text.charAt(j) != ',') {
          char x = text.charAt(j);
          if (x == '$' || x == '{' || x == '\'') {
            throw new ArnPatternException(j, "unexpected '" + x + "' in the policy variable at index " + open);
          }
          j++;
        }
        if (j >= n) {
          throw new ArnPatternException(open, "unterminated policy variable: no '}' after '${' at index " + open);
        }
        String name = text.substring(nameStart, j).trim();
        if (name.isEmpty()) {
          throw new ArnPatternException(nameStart, "empty policy variable name at index " + nameStart);
        }
        String dflt = null;
        if (text.charAt(j) == ',') {
          j++;
          while (j < n && text.charAt(j) == ' ') {
            j++;
          }
          if (j >= n || text.charAt(j) != '\'') {
            throw new ArnPatternException(j, "a policy variable default is quoted with ' (at index " + j + ")");
          }
          int q = text.indexOf('\'', j + 1);
          if (q < 0) {
            throw new ArnPatternException(j, "unterminated default value starting at index " + j);
          }
          dflt = text.substring(j + 1, q);
          j = q + 1;
          while (j < n && text.charAt(j) == ' ') {
            j++;
          }
          if (j >= n || text.charAt(j) != '}') {
            throw new ArnPatternException(j, "expected '}' to close the policy variable at index " + open);
          }
        }
        String key = name.toLowerCase(Locale.ROOT) + (dflt == null ? "\u0000" : "\u0001" + dflt);
        Integer idx = byKey.get(key);
        if (idx == null) {
          idx = names.size();
          byKey.put(key, idx);
          names.add(name);
          defaults.add(dflt);
        }
        template[len++] = VAR0 - idx;
        i = j + 1;
      } else {
        template[len++] = c;
        i++;
      }
    }
    return new ArnPattern(
        text,
        variables,
        Arrays.copyOf(template, len),
        names.toArray(new String[0]),
        defaults.toArray(new String[0]));
  }

  // ---------------------------------------------------------------- variables

  /** Whether the pattern has policy variables left to bind. */
  public boolean hasVariables() {
    return varNames.length > 0;
  }

  /**
   * The names of the pattern's policy variables as first written, in order of first appearance,
   * without duplicates (names compare case-insensitively; the same name with different defaults is
   * listed once per default).
   */
  public List<String> variableNames() {
    return List.of(varNames);
  }

  /**
   * Substitutes policy variables.
   *
   * <p>Each variable takes each of its values; occurrences of the same variable (same name,
   * case-insensitively, and same default) take the same value. A variable with no value (the
   * bindings return {@code null} or an empty list) takes its default; without a default, the
   * pattern matches nothing and the result is empty, as in IAM. IAM does not allow multivalued
   * keys as policy variables; here a variable with several values gives one pattern per
   * combination (a set of alternatives: a resource matches if it matches any of them).
   *
   * @param bindings the values of the variables
   * @return the concrete patterns (no variables), in a deterministic order; just this pattern if it
   *     has no variables; empty if it matches nothing
   * @throws LimitExceededException if there would be more than {@link #MAX_BINDINGS} patterns
   */
  public List<ArnPattern> bind(Bindings bindings) {
    Objects.requireNonNull(bindings, "bindings");
    if (varNames.length == 0) {
      return List.of(this);
    }
    List<List<String>> values = new ArrayList<>();
    long combos = 1;
    for (int v = 0; v < varNames.length; v++) {
      List<String> vs = bindings.values(varNames[v]);
      if (vs == null || vs.isEmpty()) {
        String d = varDefaults[v];
        if (d == null) {
          return List.of();
        }
        vs = List.of(d);
      }
      values.add(vs);
      combos *= vs.size();
      if (combos > MAX_BINDINGS) {
        throw new LimitExceededException(
            Location.UNKNOWN,
            "binding " + text + " gives more than " + MAX_BINDINGS + " patterns");
      }
    }
    List<ArnPattern> out = new ArrayList<>((int) combos);
    int[] choice = new int[varNames.length];
    while (true) {
      out.add(concrete(substitute(values, choice)));
      int v = varNames.length - 1;
      while (v >= 0 && ++choice[v] == values.get(v).size()) {
        choice[v] = 0;
        v--;
      }
      if (v < 0) {
        return Collections.unmodifiableList(out);
      }
    }
  }

  private int[] substitute(List<List<String>> values, int[] choice) {
    int len = 0;
    for (int tok : template) {
      len += tok <= VAR0 ? values.get(VAR0 - tok).get(choice[VAR0 - tok]).length() : 1;
    }
    int[] out = new int[len];
    int k = 0;
    for (int tok : template) {
      if (tok <= VAR0) {
        String s = values.get(VAR0 - tok).get(choice[VAR0 - tok]);
        for (int i = 0; i < s.length(); i++) {
          out[k++] = s.charAt(i);
        }
      } else {
        out[k++] = tok;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- matching

  /**
   * Whether the pattern matches the ARN (see the class comment for segments, case and variables).
   * Allocation-free.
   *
   * @param arn the ARN
   * @return true if it matches
   */
  public boolean matches(Arn arn) {
    return matches(arn.toString());
  }

  /**
   * Whether the pattern matches the string, which need not be a valid ARN. Allocation-free; {@code
   * O(p·t)} worst case (see the class comment).
   *
   * @param input the string
   * @return true if it matches
   */
  public boolean matches(String input) {
    int[] p = prog;
    if (p == null) {
      return false;
    }
    int n = input.length();
    int ps = 0;
    int is = 0;
    for (int colon : colons) {
      int ie = input.indexOf(':', is);
      if (ie < 0 || !glob(p, ps, colon, input, is, ie)) {
        return false;
      }
      ps = colon + 1;
      is = ie + 1;
    }
    return glob(p, ps, p.length, input, is, n);
  }

  /**
   * Iterative wildcard match of {@code p[ps, pe)} against {@code s[ss, se)}, backtracking only to
   * the most recent star (earlier stars never need to be revisited: the last star can absorb
   * anything they could).
   */
  private static boolean glob(int[] p, int ps, int pe, String s, int ss, int se) {
    int pi = ps;
    int si = ss;
    int starP = -1;
    int starS = -1;
    while (si < se) {
      if (pi < pe) {
        int tok = p[pi];
        if (tok == STAR) {
          starP = pi++;
          starS = si;
          continue;
        }
        if (tok == ONE || tok == s.charAt(si)) {
          pi++;
          si++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      pi = starP + 1;
      si = ++starS;
    }
    while (pi < pe && p[pi] == STAR) {
      pi++;
    }
    return pi == pe;
  }

  /** Whether the pattern (with unbound variables) matches no string at all. */
  public boolean matchesNothing() {
    return prog == null;
  }

  // ---------------------------------------------------------------- language algebra

  private @Nullable GlobAutomaton automaton() {
    int[] p = prog;
    if (p == null) {
      return null;
    }
    GlobAutomaton a = automaton;
    if (a == null) {
      int lastSegStart = colons.length == 0 ? 0 : colons[colons.length - 1] + 1;
      a = new GlobAutomaton(p, lastSegStart);
      automaton = a;
    }
    return a;
  }

  /**
   * Whether every string matched by {@code other} is matched by this pattern ({@code L(other) ⊆
   * L(this)}), over all strings (not only valid ARNs). Exact; see the class comment for the
   * algorithm and its bound.
   *
   * @param other the pattern that should be covered
   * @return true if this pattern covers it
   * @throws LimitExceededException if the search exceeds its state bound
   */
  public boolean covers(ArnPattern other) {
    return uncoveredExample(other).isEmpty();
  }

  /**
   * A shortest string matched by {@code other} but not by this pattern, or empty if this pattern
   * {@link #covers} {@code other}.
   *
   * @param other the other pattern
   * @return a counterexample to coverage, or empty
   * @throws LimitExceededException if the search exceeds its state bound
   */
  public Optional<String> uncoveredExample(ArnPattern other) {
    GlobAutomaton sub = other.automaton();
    if (sub == null || (prog != null && Arrays.equals(prog, other.prog) && Arrays.equals(colons, other.colons))) {
      return Optional.empty(); // nothing to cover, or the same program
    }
    return GlobAutomaton.counterexample(sub, automaton(), GlobAutomaton.DEFAULT_MAX_STATES);
  }

  /**
   * A shortest string matched by both patterns (over all strings, not only valid ARNs: {@code
   * arn:aws:s3:::*} and itself give {@code arn:aws:s3:::}), or empty if no string is. See {@link
   * #intersectsArn} for a witness that is a valid ARN.
   *
   * @param other the other pattern
   * @return a witness, or empty if the languages are disjoint
   * @throws LimitExceededException if the search explores more than 250,000 product states
   */
  public Optional<String> intersects(ArnPattern other) {
    GlobAutomaton a = automaton();
    GlobAutomaton b = other.automaton();
    if (a == null || b == null) {
      return Optional.empty();
    }
    return GlobAutomaton.intersection(a, b, false, GlobAutomaton.DEFAULT_MAX_STATES);
  }

  /**
   * A shortest valid {@link Arn} matched by both patterns, or empty if there is none: the product
   * of the two pattern automata with the ARN syntax automaton of {@link Arn#parse}. Two patterns
   * can intersect as string languages and still have no ARN in common (for example when an
   * account segment is not an account id).
   *
   * @param other the other pattern
   * @return an ARN matched by both, or empty
   * @throws LimitExceededException if the search explores more than 250,000 product states
   */
  public Optional<Arn> intersectsArn(ArnPattern other) {
    GlobAutomaton a = automaton();
    GlobAutomaton b = other.automaton();
    if (a == null || b == null) {
      return Optional.empty();
    }
    return GlobAutomaton.intersection(a, b, true, GlobAutomaton.DEFAULT_MAX_STATES)
        .map(Arn::parse);
  }

  // ---------------------------------------------------------------- value

  /** The pattern text as parsed (or, for {@link #bind} and {@link #of} results, canonical text). */
  @Override
  public String toString() {
    return text;
  }

  /** Equal when the texts are equal and both interpret (or both ignore) policy variables. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ArnPattern
        && ((ArnPattern) o).text.equals(text)
        && ((ArnPattern) o).variablesEnabled == variablesEnabled;
  }

  /** A hash of the text. */
  @Override
  public int hashCode() {
    return text.hashCode() * 31 + (variablesEnabled ? 1 : 0);
  }
}
