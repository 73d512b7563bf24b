package io.cloudir.iam.internal.catalog;

/**
 * IAM wildcard matching as used in the {@code Action} element: {@code *} matches any run of
 * characters (also none), {@code ?} matches exactly one character, everything else matches itself
 * ignoring ASCII case. No escapes.
 *
 * <p>The algorithm is the greedy one with a single back-tracking point (the last {@code *} seen):
 * O(pattern × text) in the worst case, no recursion, no allocation. Stateless and thread-safe.
 */
public final class Wildcard {
  private Wildcard() {}

  /** Whether {@code pattern} contains {@code *} or {@code ?}. */
  public static boolean hasWildcard(CharSequence pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        return true;
      }
    }
    return false;
  }

  /** Whether the whole {@code text} matches the whole {@code pattern}, ignoring ASCII case. */
  public static boolean matches(CharSequence pattern, CharSequence text) {
    int p = 0;
    int t = 0;
    int starP = -1;
    int starT = -1;
    int pn = pattern.length();
    int tn = text.length();
    while (t < tn) {
      if (p < pn) {
        char pc = pattern.charAt(p);
        if (pc == '*') {
          starP = p++;
          starT = t;
          continue;
        }
        if (pc == '?' || lower(pc) == lower(text.charAt(t))) {
          p++;
          t++;
          continue;
        }
      }
      if (starP < 0) {
        return false;
      }
      p = starP + 1;
      t = ++starT;
    }
    while (p < pn && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pn;
  }

  /** ASCII lower case of one character; other characters unchanged. */
  public static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** ASCII lower case of a string (AWS names are ASCII; other characters are kept as they are). */
  public static String lower(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        char[] chars = s.toCharArray();
        for (int j = i; j < chars.length; j++) {
          chars[j] = lower(chars[j]);
        }
        return new String(chars);
      }
    }
    return s;
  }

  /** Compares two strings by their ASCII lower case, then exactly (a total order). */
  public static int compareIgnoreCase(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = lower(a.charAt(i));
      char y = lower(b.charAt(i));
      if (x != y) {
        return x - y;
      }
    }
    if (a.length() != b.length()) {
      return a.length() - b.length();
    }
    return a.compareTo(b);
  }
}
