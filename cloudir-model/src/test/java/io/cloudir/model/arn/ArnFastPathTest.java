package io.cloudir.model.arn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The single-pass scanner of {@link Arn} ({@link Arn#isValid}, {@link Arn#tryParse}, {@link
 * Arn#parse}) accepts exactly the language of the {@link ArnSyntax} automaton.
 */
class ArnFastPathTest {

  private static boolean automaton(String s) {
    int state = ArnSyntax.START;
    for (int i = 0; i < s.length() && state != ArnSyntax.DEAD; i++) {
      state = ArnSyntax.step(state, s.charAt(i));
    }
    return ArnSyntax.accepting(state);
  }

  private static final String[] VALID = {
    "arn:aws:s3:::b",
    "arn:aws-cn:s3:::b/k",
    "arn:aws-us-gov:iam::123456789012:role/x",
    "arn:aws-iso-b:ec2:us-isob-east-1:123456789012:instance/i-1",
    "arn:aws:iam::aws:policy/AdministratorAccess",
    "arn:aws:lambda:eusc-de-east-1:123456789012:function:f:1",
    "arn:aws:logs:us-east-1:123456789012:log-group:/a:*",
    "arn:aws:ec2:ab-c1d-22:123456789012:x",
  };

  /** Characters that matter to some segment, plus a few that matter to none. */
  private static final String ALPHABET =
      "arnws-:0123456789bcdez/*A \u0001\u007f\u00e9\u4e2d?\u00ff\u0161\u013a\ud83d\ude00";

  @Test
  void handPickedBoundaries() {
    String[] cases = {
      "", "arn", "arn:", "arn:aws", "arn:aws:", "arn:aws:s3", "arn:aws:s3:", "arn:aws:s3::",
      "arn:aws:s3:::", "arn:awsx:s3:::b", "arn:aws-:s3:::b", "arn:aws--cn:s3:::b", "arn:aw:s3:::b",
      "arn:aws-c1:s3:::b", "arn:aws::::b", "arn:aws:S3:::b", "arn:aws:s3:u-east-1::b",
      "arn:aws:s3:us::b", "arn:aws:s3:us-::b", "arn:aws:s3:us-east::b", "arn:aws:s3:us-east-1a::b",
      "arn:aws:s3:us--1::b", "arn:aws:s3:us1::b", "arn:aws:s3:us-1::b", "arn:aws:s3::12345678901:b",
      "arn:aws:s3::1234567890123:b", "arn:aws:s3::aw:b", "arn:aws:s3::awss:b",
      "arn:aws:s3::12345678901a:b", "arn:aws:s3:::\u001f", "arn:aws:s3:::b\u007f", "ARN:aws:s3:::b",
      "arn:aws:s3:::b:c:d/e",
      // a partition's colon last: nothing after it to read a word from
      "arn:aws-abcdefgh:", "arn:aws-abcdefghij:", "arn:aws-cn-abcde:", "arn:aws-abcdefgh:x",
      "arn:aws-abcdefg:", "arn:aws-abcdefghijklmnop:",

      // the byte view: characters above U+00FF (one or two chars) read as '?', which no header allows
      "arn:aws:s3:::b\ud83d\ude00/k", "arn:aws:s\ud83d\ude00:::b", "arn:aws:s\u0161:::b",
      "arn:aws:s3:us-east-\u0131::b", "arn:aws:s3::12345678901\u0130:b", "arn:aws:s3:::\u0100",
      "arn:aws:s3:::b\u017f", "arn:aws:s3:::?", "arn:aws:s?:::b", "arn:aws\u013aiam::123456789012:x",
    };
    for (String s : cases) {
      assertEquals(automaton(s), Arn.isValid(s), s);
      assertEquals(automaton(s), Arn.tryParse(s).isPresent(), s);
    }
    for (String s : VALID) {
      assertTrue(Arn.isValid(s), s);
      assertTrue(automaton(s), s);
    }
  }

  /**
   * Services of every length up to 20 after partitions of three lengths, with Regions and accounts
   * of every kind: the colons after the service and the Region fall in the same eight bytes or not.
   * The parts agree with a split on ':', and removing any one header colon agrees with the
   * automaton.
   */
  @Test
  void headerColonsAtEveryOffset() {
    String[] partitions = {"aws", "aws-cn", "aws-us-gov"};
    String[] regions = {"", "us-east-1", "eu-west-3", "ap-southeast-2", "us-gov-west-1", "xy-1"};
    String[] accounts = {"", "123456789012", "aws"};
    String chars = "s3-lambda0123456789abcdefgh";
    for (String p : partitions) {
      for (int len = 1; len <= 20; len++) {
        String svc = chars.substring(0, len);
        for (String rg : regions) {
          for (String ac : accounts) {
            String s = "arn:" + p + ":" + svc + ":" + rg + ":" + ac + ":r/x";
            Arn a = Arn.parse(s);
            String[] parts = s.split(":", -1);
            assertEquals(parts[1], a.partition(), s);
            assertEquals(parts[2], a.service(), s);
            assertEquals(parts[3], a.region(), s);
            assertEquals(parts[4], a.account(), s);
            for (int i = s.indexOf(':'); i >= 0 && i < s.length() - 4; i = s.indexOf(':', i + 1)) {
              String cut = s.substring(0, i) + s.substring(i + 1);
              assertEquals(automaton(cut), Arn.isValid(cut), cut);
            }
          }
        }
      }
    }
  }

  /** Valid ARNs with random edits, and random strings over a small alphabet: both agree. */
  @Test
  void mutatedAndRandomInputs() {
    long seed = System.nanoTime();
    SplittableRandom rnd = new SplittableRandom(seed);
    int accepted = 0;
    for (int iter = 0; iter < 200_000; iter++) {
      String s;
      if (rnd.nextInt(4) == 0) {
        StringBuilder sb = new StringBuilder("arn:");
        int n = rnd.nextInt(30);
        for (int i = 0; i < n; i++) {
          sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
        }
        s = sb.toString();
      } else {
        StringBuilder sb = new StringBuilder(VALID[rnd.nextInt(VALID.length)]);
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
          int at = rnd.nextInt(sb.length());
          char c = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
          switch (rnd.nextInt(4)) {
            case 0 -> sb.setCharAt(at, c);
            case 1 -> sb.insert(at, c == '\ud83d' ? "\ud83d\ude00" : String.valueOf(c));
            case 2 -> sb.deleteCharAt(at);
            default -> sb.setLength(at); // cut short, often right after a colon
          }
        }
        s = sb.toString();
      }
      boolean want = automaton(s);
      assertEquals(want, Arn.isValid(s), "seed " + seed + ": " + s);
      assertEquals(want, Arn.tryParse(s).isPresent(), "seed " + seed + ": " + s);
      if (want) {
        accepted++;
        // the fast path cuts at the same (first four) colons as the automaton path
        Arn a = Arn.parse(s);
        assertEquals(s, "arn:" + a.partition() + ":" + a.service() + ":" + a.region() + ":"
            + a.account() + ":" + a.resource());
        assertTrue((a.partition() + a.service() + a.region() + a.account()).indexOf(':') < 0, s);
      } else {
        try {
          Arn.parse(s);
          throw new AssertionError("accepted " + s);
        } catch (ArnParseException expected) {
          assertTrue(expected.position() >= 0 && expected.position() <= s.length(), s);
        }
      }
    }
    assertTrue(accepted > 10_000, "accepted " + accepted + " (seed " + seed + ")");
  }
}
