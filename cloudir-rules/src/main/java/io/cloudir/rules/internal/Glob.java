package io.cloudir.rules.internal;

/**
 * A Sigma wildcard pattern: {@code *} any run of characters, {@code ?} one character, {@code \*},
 * {@code \?} and {@code \\} the literal characters; any other backslash is literal. Matching is
 * iterative with one backtrack point (the last {@code *}), so it takes at most O(n·m) steps and
 * never recurses. Case-insensitive unless built {@code cased} (simple case folding per character).
 *
 * <p>Immutable and thread-safe.
 */
public final class Glob {
  private static final int STAR = -1;
  private static final int ONE = -2;
  private final int[] p;
  private final boolean cased;
  private final boolean literal;
  private final String literalText;

  private Glob(int[] p, boolean cased) {
    this.p = p;
    this.cased = cased;
    boolean lit = true;
    StringBuilder sb = new StringBuilder(p.length);
    for (int c : p) {
      if (c < 0) {
        lit = false;
      } else {
        sb.append((char) c);
      }
    }
    this.literal = lit;
    this.literalText = sb.toString();
  }

  /** Compiles a Sigma wildcard pattern. */
  public static Glob compile(String pattern, boolean cased) {
    int[] out = new int[pattern.length()];
    int k = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        char n = pattern.charAt(i + 1);
        if (n == '*' || n == '?' || n == '\\') {
          out[k++] = n;
          i++;
          continue;
        }
        out[k++] = c;
      } else if (c == '*') {
        out[k++] = STAR;
      } else if (c == '?') {
        out[k++] = ONE;
      } else {
        out[k++] = c;
      }
    }
    return new Glob(java.util.Arrays.copyOf(out, k), cased);
  }

  /** A pattern that matches exactly {@code text} (no wildcards). */
  public static Glob literal(String text, boolean cased) {
    int[] out = new int[text.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = text.charAt(i);
    }
    return new Glob(out, cased);
  }

  /** This pattern with {@code *} added before and/or after. */
  public Glob wrap(boolean before, boolean after) {
    int[] out = new int[p.length + (before ? 1 : 0) + (after ? 1 : 0)];
    int k = 0;
    if (before) {
      out[k++] = STAR;
    }
    System.arraycopy(p, 0, out, k, p.length);
    if (after) {
      out[out.length - 1] = STAR;
    }
    return new Glob(out, cased);
  }

  /** Whether the pattern has no wildcard. */
  public boolean isLiteral() {
    return literal;
  }

  private boolean same(int pc, char b) {
    char a = (char) pc;
    if (a == b) {
      return true;
    }
    if (cased) {
      return false;
    }
    if (a < 128 && b < 128) {
      return (a | 0x20) == (b | 0x20) && ((a | 0x20) >= 'a' && (a | 0x20) <= 'z');
    }
    char ua = Character.toUpperCase(a);
    char ub = Character.toUpperCase(b);
    return ua == ub || Character.toLowerCase(ua) == Character.toLowerCase(ub);
  }

  /** Whether the whole of {@code s} matches. */
  public boolean matches(String s) {
    if (literal) {
      return cased ? literalText.equals(s) : (literalText.length() == s.length() && eqFold(s));
    }
    int n = s.length();
    int m = p.length;
    int i = 0;
    int j = 0;
    int starJ = -1;
    int starI = 0;
    while (i < n) {
      if (j < m && p[j] == STAR) {
        starJ = j++;
        starI = i;
      } else if (j < m && (p[j] == ONE || same(p[j], s.charAt(i)))) {
        i++;
        j++;
      } else if (starJ >= 0) {
        j = starJ + 1;
        i = ++starI;
      } else {
        return false;
      }
    }
    while (j < m && p[j] == STAR) {
      j++;
    }
    return j == m;
  }

  private boolean eqFold(String s) {
    for (int k = 0; k < p.length; k++) {
      if (!same(p[k], s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int c : p) {
      if (c == STAR) {
        sb.append('*');
      } else if (c == ONE) {
        sb.append('?');
      } else if (c == '*' || c == '?' || c == '\\') {
        sb.append('\\').append((char) c);
      } else {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }
}
