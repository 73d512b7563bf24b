package io.cloudir.iam.catalog;

import java.util.Locale;

/**
 * A deliberately naive reference for IAM wildcard matching, used to check the real matcher: the
 * textbook dynamic program over (pattern prefix, text prefix), row by row, case folded with {@link
 * String#toLowerCase(Locale)}.
 */
final class ReferenceGlob {
  private ReferenceGlob() {}

  static boolean matches(String pattern, String text) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String t = text.toLowerCase(Locale.ROOT);
    // row[j]: does the pattern prefix seen so far match the first j characters of the text?
    boolean[] row = new boolean[t.length() + 1];
    row[0] = true;
    for (int i = 0; i < p.length(); i++) {
      char pc = p.charAt(i);
      boolean[] next = new boolean[t.length() + 1];
      for (int j = 0; j <= t.length(); j++) {
        if (pc == '*') {
          next[j] = row[j] || (j > 0 && next[j - 1]);
        } else if (j > 0) {
          next[j] = row[j - 1] && (pc == '?' || pc == t.charAt(j - 1));
        }
      }
      row = next;
    }
    return row[t.length()];
  }
}
