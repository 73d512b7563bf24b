package io.cloudir.model.arn;

/**
 * The ARN syntax of {@link ArnSyntax}, checked segment by segment: the colons are found with
 * {@link String#indexOf(int, int)} (an intrinsic) and each segment is checked by a short loop.
 * Accepts exactly the language of {@link ArnSyntax} (a test compares the two on generated and
 * mutated inputs); {@link Arn#parse} uses it first and runs the automaton only to explain a
 * rejection.
 *
 * <p>Stateless; thread-safe.
 */
final class FastSyntax {
  private FastSyntax() {}

  /** Whether the whole string is a valid ARN. */
  static boolean valid(String s) {
    if (!s.startsWith("arn:")) {
      return false;
    }
    int c1 = s.indexOf(':', 4);
    int c2 = c1 < 0 ? -1 : s.indexOf(':', c1 + 1);
    int c3 = c2 < 0 ? -1 : s.indexOf(':', c2 + 1);
    int c4 = c3 < 0 ? -1 : s.indexOf(':', c3 + 1);
    return c4 >= 0
        && partition(s, 4, c1)
        && service(s, c1 + 1, c2)
        && region(s, c2 + 1, c3)
        && account(s, c3 + 1, c4)
        && resource(s, c4 + 1, s.length());
  }

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code aws(-[a-z]+)*} in {@code s[from, to)} (which holds no ':'). */
  static boolean partition(String s, int from, int to) {
    if (to - from < 3 || !s.startsWith("aws", from)) {
      return false;
    }
    boolean afterDash = false;
    for (int i = from + 3; i < to; i++) {
      char c = s.charAt(i);
      if (c == '-') {
        if (afterDash) {
          return false;
        }
        afterDash = true;
      } else if (lower(c) && (afterDash || i > from + 3)) {
        afterDash = false;
      } else {
        return false;
      }
    }
    return !afterDash;
  }

  /** {@code [a-z0-9-]+}. */
  static boolean service(String s, int from, int to) {
    if (to <= from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!lower(c) && !digit(c) && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** Empty, or {@code [a-z]{2,}(-[a-z0-9]+)*-[0-9]+}. */
  static boolean region(String s, int from, int to) {
    if (to == from) {
      return true;
    }
    int i = from;
    while (i < to && lower(s.charAt(i))) {
      i++;
    }
    if (i - from < 2 || i == to) {
      return false; // fewer than two letters, or no dash part
    }
    boolean lastAllDigits = false;
    while (i < to) {
      if (s.charAt(i) != '-' || i + 1 == to) {
        return false;
      }
      i++;
      int start = i;
      boolean allDigits = true;
      while (i < to && s.charAt(i) != '-') {
        char c = s.charAt(i);
        if (digit(c)) {
          // fine
        } else if (lower(c)) {
          allDigits = false;
        } else {
          return false;
        }
        i++;
      }
      if (i == start) {
        return false; // empty part
      }
      lastAllDigits = allDigits;
    }
    return lastAllDigits;
  }

  /** Empty, {@code aws}, or exactly 12 digits. */
  static boolean account(String s, int from, int to) {
    int n = to - from;
    if (n == 0) {
      return true;
    }
    if (n == 3) {
      return s.startsWith("aws", from);
    }
    if (n != 12) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!digit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Non-empty, no ASCII control character. */
  static boolean resource(String s, int from, int to) {
    if (to <= from) {
      return false;
    }
    // branch-free: (c - 0x20) is negative for a control character below 0x20, and
    // ((c ^ 0x7f) - 1) is negative exactly for 0x7f
    int bad = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      bad |= (c - 0x20) | ((c ^ 0x7f) - 1);
    }
    return bad >= 0;
  }
}
