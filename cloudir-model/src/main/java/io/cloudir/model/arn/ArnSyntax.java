package io.cloudir.model.arn;

/**
 * The syntax of a valid ARN as one small deterministic automaton over characters. It is the
 * reference definition: {@link ArnPattern#intersectsArn} multiplies it with two pattern automata so
 * that its witness is a valid ARN, and {@link Arn#parse} runs it to say where and why an input is
 * rejected. The accepting path of {@link Arn} is a hand-written scanner of the same language
 * (segment by segment, keying names on the way); {@code ArnFastPathTest} checks that the two accept
 * exactly the same strings.
 *
 * <p>The language: {@code arn:} partition {@code :} service {@code :} region {@code :} account
 * {@code :} resource, where
 *
 * <ul>
 *   <li>partition = {@code aws(-[a-z]+)*};
 *   <li>service = {@code [a-z0-9-]+};
 *   <li>region = empty, or {@code [a-z]{2,}(-[a-z0-9]+)*-[0-9]+} (lenient: the last dash-part is
 *       digits; covers {@code us-east-1}, {@code us-gov-west-1}, {@code us-isob-east-1}, {@code
 *       eusc-de-east-1} and future codes of that shape);
 *   <li>account = empty, 12 digits, or the literal {@code aws};
 *   <li>resource = one or more characters, none of them an ASCII control character (U+0000 to
 *       U+001F, U+007F). Colons and slashes are allowed.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class ArnSyntax {
  private ArnSyntax() {}

  static final int DEAD = -1;
  static final int START = 0;
  // prefix "arn:"
  private static final int P_R = 1;
  private static final int P_N = 2;
  private static final int P_COLON = 3;
  // partition aws(-[a-z]+)*
  static final int PT_A = 4;
  private static final int PT_W = 5;
  private static final int PT_S = 6;
  private static final int PT_END = 7; // after "aws"
  private static final int PT_DASH = 8;
  private static final int PT_PART = 9; // inside a "-[a-z]+" part
  // service [a-z0-9-]+
  static final int SV0 = 10;
  private static final int SV1 = 11;
  // region
  static final int RG0 = 12;
  private static final int RG_L1 = 13;
  private static final int RG_L2 = 14;
  private static final int RG_DASH = 15;
  private static final int RG_NUM = 16;
  private static final int RG_ALNUM = 17;
  // account
  static final int AC0 = 18;
  private static final int AC_A = 19;
  private static final int AC_AW = 20;
  private static final int AC_AWS = 21;
  private static final int AC_D1 = 22; // AC_D1 + k - 1 = after k digits, k = 1..12
  private static final int AC_D12 = AC_D1 + 11;
  // resource
  static final int RS0 = AC_D12 + 1;
  static final int RS1 = RS0 + 1;
  /** Number of live states (0 .. STATES - 1). */
  static final int STATES = RS1 + 1;

  private static boolean lower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Whether {@code c} may appear in the resource part. */
  static boolean resourceChar(char c) {
    return c >= 0x20 && c != 0x7f;
  }

  /** Whether {@code state} accepts (the input so far is a complete ARN). */
  static boolean accepting(int state) {
    return state == RS1;
  }

  /** The state after reading {@code c} in {@code state}, or {@link #DEAD}. */
  static int step(int state, char c) {
    if (state >= RS0) {
      return resourceChar(c) ? RS1 : DEAD;
    }
    if (state >= AC_D1) {
      if (state < AC_D12) {
        return digit(c) ? state + 1 : DEAD;
      }
      return c == ':' ? RS0 : DEAD;
    }
    switch (state) {
      case START:
        return c == 'a' ? P_R : DEAD;
      case P_R:
        return c == 'r' ? P_N : DEAD;
      case P_N:
        return c == 'n' ? P_COLON : DEAD;
      case P_COLON:
        return c == ':' ? PT_A : DEAD;
      case PT_A:
        return c == 'a' ? PT_W : DEAD;
      case PT_W:
        return c == 'w' ? PT_S : DEAD;
      case PT_S:
        return c == 's' ? PT_END : DEAD;
      case PT_END:
        if (c == ':') {
          return SV0;
        }
        return c == '-' ? PT_DASH : DEAD;
      case PT_DASH:
        return lower(c) ? PT_PART : DEAD;
      case PT_PART:
        if (c == ':') {
          return SV0;
        }
        if (c == '-') {
          return PT_DASH;
        }
        return lower(c) ? PT_PART : DEAD;
      case SV0:
        return lower(c) || digit(c) || c == '-' ? SV1 : DEAD;
      case SV1:
        if (c == ':') {
          return RG0;
        }
        return lower(c) || digit(c) || c == '-' ? SV1 : DEAD;
      case RG0:
        if (c == ':') {
          return AC0;
        }
        return lower(c) ? RG_L1 : DEAD;
      case RG_L1:
        return lower(c) ? RG_L2 : DEAD;
      case RG_L2:
        if (c == '-') {
          return RG_DASH;
        }
        return lower(c) ? RG_L2 : DEAD;
      case RG_DASH:
        if (digit(c)) {
          return RG_NUM;
        }
        return lower(c) ? RG_ALNUM : DEAD;
      case RG_NUM:
        if (c == ':') {
          return AC0;
        }
        if (c == '-') {
          return RG_DASH;
        }
        if (digit(c)) {
          return RG_NUM;
        }
        return lower(c) ? RG_ALNUM : DEAD;
      case RG_ALNUM:
        if (c == '-') {
          return RG_DASH;
        }
        return lower(c) || digit(c) ? RG_ALNUM : DEAD;
      case AC0:
        if (c == ':') {
          return RS0;
        }
        if (c == 'a') {
          return AC_A;
        }
        return digit(c) ? AC_D1 : DEAD;
      case AC_A:
        return c == 'w' ? AC_AW : DEAD;
      case AC_AW:
        return c == 's' ? AC_AWS : DEAD;
      case AC_AWS:
        return c == ':' ? RS0 : DEAD;
      default:
        return DEAD;
    }
  }

  /** The segment a state belongs to. */
  static ArnSegment segmentOf(int state) {
    if (state < PT_A) {
      return ArnSegment.PREFIX;
    }
    if (state < SV0) {
      return ArnSegment.PARTITION;
    }
    if (state < RG0) {
      return ArnSegment.SERVICE;
    }
    if (state < AC0) {
      return ArnSegment.REGION;
    }
    if (state < RS0) {
      return ArnSegment.ACCOUNT;
    }
    return ArnSegment.RESOURCE;
  }

  /** What the automaton expected in {@code state}: used in error messages. */
  static String expectation(int state) {
    switch (segmentOf(state)) {
      case PREFIX:
        return "an ARN starts with 'arn:'";
      case PARTITION:
        return "the partition must match aws(-[a-z]+)* and end with ':'";
      case SERVICE:
        return "the service must be one or more of [a-z0-9-] and end with ':'";
      case REGION:
        return "the region must be empty or a Region code like us-east-1 (lower-case letters,"
            + " dash-separated parts, the last one digits) and end with ':'";
      case ACCOUNT:
        return "the account must be empty, 12 digits or 'aws', and end with ':'";
      default:
        return "the resource must be non-empty and contain no control characters";
    }
  }
}
