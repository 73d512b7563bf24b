package io.cloudir.iam.internal.eval;

/**
 * Allocation-free wildcard matching of token programs ({@link Template} tokens without variables:
 * characters, {@link Template#STAR}, {@link Template#ONE}) against strings. Stateless.
 */
final class Glob {
  private Glob() {}

  /** Whether {@code p[0, pn)} matches all of {@code s}; {@code lower} folds {@code s} to lower case. */
  static boolean matches(int[] p, int pn, String s, boolean lower) {
    return glob(p, 0, pn, s, 0, s.length(), lower);
  }

  /** Whether {@code p[0, pn)} equals {@code s} exactly (wildcard tokens never equal). */
  static boolean equalsLiteral(int[] p, int pn, String s, boolean ignoreCase) {
    if (pn != s.length()) {
      return false;
    }
    for (int i = 0; i < pn; i++) {
      int t = p[i];
      char c = s.charAt(i);
      if (t != c && (!ignoreCase || t < 0 || !sameIgnoreCase((char) t, c))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameIgnoreCase(char a, char b) {
    return Character.toLowerCase(a) == Character.toLowerCase(b)
        || Character.toUpperCase(a) == Character.toUpperCase(b);
  }

  /**
   * ARN matching as {@code io.cloudir.model.arn.ArnPattern} defines it: the program is cut at its
   * first {@code min(k, 5)} literal colons; the input at as many colons; each of those segments
   * matches on its own, and the last program segment matches the whole rest of the input.
   */
  static boolean matchesArn(int[] p, int pn, String s) {
    return matchesArn(p, pn, s, false);
  }

  /**
   * {@link #matchesArn(int[], int, String)}; with {@code prefixOnly}, only the segments before the
   * last one are compared (the last is taken to match).
   */
  static boolean matchesArn(int[] p, int pn, String s, boolean prefixOnly) {
    int ps = 0;
    int is = 0;
    int cuts = 0;
    for (int i = 0; i < pn && cuts < 5; i++) {
      if (p[i] == ':') {
        int ie = s.indexOf(':', is);
        if (ie < 0 || !glob(p, ps, i, s, is, ie, false)) {
          return false;
        }
        ps = i + 1;
        is = ie + 1;
        cuts++;
      }
    }
    return prefixOnly || glob(p, ps, pn, s, is, s.length(), false);
  }

  private static boolean glob(int[] p, int ps, int pe, String s, int ss, int se, boolean lower) {
    int pi = ps;
    int si = ss;
    int starP = -1;
    int starS = -1;
    while (si < se) {
      if (pi < pe) {
        int tok = p[pi];
        if (tok == Template.STAR) {
          starP = pi++;
          starS = si;
          continue;
        }
        char c = s.charAt(si);
        if (lower && c >= 'A' && c <= 'Z') {
          c = (char) (c + 32);
        }
        if (tok == Template.ONE || tok == c) {
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
    while (pi < pe && p[pi] == Template.STAR) {
      pi++;
    }
    return pi == pe;
  }
}
