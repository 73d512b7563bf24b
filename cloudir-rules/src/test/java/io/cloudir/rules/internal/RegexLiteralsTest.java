package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The literal analysis of {@code re} values never contradicts RE2: on random texts built from the
 * pattern's own characters (plus case variants, fold partners such as the Kelvin sign, newlines
 * and noise), whenever it answers, the answer is RE2's.
 */
class RegexLiteralsTest {
  private static final List<String[]> PATTERNS = List.of(
      new String[] {".", ""}, new String[] {".", "s"}, new String[] {"^(List|Get|Describe)", ""},
      new String[] {"trufflehog|pacu|aws_consoler|kali|parrot", "i"},
      new String[] {"^.{12,}$", ""}, new String[] {".+:assumed-role/aws:.+", ""},
      new String[] {"^(arn:aws:iam::)?\\d{12}", ""}, new String[] {":i-[0-9a-f]{8,17}$", ""},
      new String[] {"^\\d{12}$", ""}, new String[] {"(^|\\.)(xmr|stratum|mine|pool)[-.]", "i"},
      new String[] {"\\.(pool|mining)\\.[a-z]+\\.?$", "i"},
      new String[] {"^(p[2-6][a-z]*|g[3-6][a-z]*|inf[12]|trn[12][a-z]*)\\.|\\.metal|\\.(24|32)xlarge$",
          "i"},
      new String[] {"sqli|sql_?injection|xss", "i"}, new String[] {"^ab$|cd$|^ef|gh", ""},
      new String[] {"^ab$", "m"}, new String[] {"(how|howto)[_ -]?to[_ -]?(decrypt|unlock)|ransom",
          "i"},
      new String[] {"ks", "i"}, new String[] {"a(?i)b", ""}, new String[] {"x\\by", ""},
      new String[] {":role/(.*/)?[^/]*(admin|root)[^/]*$", "i"}, new String[] {"", ""},
      new String[] {"a{2}b+", ""}, new String[] {"(ab)?c*", ""});

  @Test
  void neverContradictsRe2() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (String[] pf : PATTERNS) {
      Pattern p = Matchers.regex(pf[0], pf[1]);
      RegexLiterals lit = RegexLiterals.analyse(pf[0], pf[1]);
      String alphabet = pf[0].replaceAll("[\\\\^$()|?*+{}\\[\\]]", "") + "ABKS\u212a\u017f\u0131\n.:/-_ 0123456789";
      for (int i = 0; i < 3000; i++) {
        StringBuilder sb = new StringBuilder();
        int len = rnd.nextInt(30);
        for (int k = 0; k < len; k++) {
          char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
          sb.append(rnd.nextInt(4) == 0 ? Character.toUpperCase(c) : c);
        }
        String s = sb.toString();
        int known = lit.test(s);
        if (known >= 0) {
          assertEquals(p.matcher(s).find(), known == 1,
              "seed " + seed + ": /" + pf[0] + "/" + pf[1] + " on '" + s + "'");
        }
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        if (s.chars().allMatch(ch -> ch >= 0x20 && ch < 0x80 && ch != '\\')) {
          assertTrue(AsciiText.plain(bytes, 0, bytes.length), s);
          int knownBytes = lit.testAscii(bytes, 0, bytes.length);
          if (knownBytes >= 0) {
            assertEquals(p.matcher(s).find(), knownBytes == 1,
                "seed " + seed + ": bytes, /" + pf[0] + "/" + pf[1] + " on '" + s + "'");
          }
        }
      }
    }
  }

  @Test
  void decidesSimpleForms() {
    assertTrue(RegexLiterals.analyse("^(List|Get|Describe)", "").decides());
    assertTrue(RegexLiterals.analyse("trufflehog|pacu", "i").decides());
    assertTrue(RegexLiterals.analyse(".", "").decides());
    assertFalse(RegexLiterals.analyse("^\\d{12}$", "").decides());
    assertFalse(RegexLiterals.analyse("^ab$", "m").decides());
    assertEquals(1, RegexLiterals.analyse("^(List|Get)", "").test("GetObject"));
    assertEquals(0, RegexLiterals.analyse("^(List|Get)", "").test("getObject"));
    assertEquals(1, RegexLiterals.analyse("pacu", "i").test("x-PACU/1.0"));
    assertEquals(1, RegexLiterals.analyse("kali", "i").test("\u212aALI"));
    assertEquals(0, RegexLiterals.analyse("ix", "i").test("\u0131x"));
    assertEquals(0, RegexLiterals.analyse(".", "").test("\n\n"));
    assertEquals(0, RegexLiterals.analyse(":i-[0-9a-f]{8,17}$", "").test("arn:aws:ec2:role/x"));
  }
}
