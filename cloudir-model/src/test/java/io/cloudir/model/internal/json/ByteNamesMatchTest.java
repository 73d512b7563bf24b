package io.cloudir.model.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link ByteNames#matchQuoted}: a match is always exactly the name; plain known names match. */
class ByteNamesMatchTest {
  private static final String ALPHABET = "aeEiIonrstvD\"\\/\u00e9 :{";

  private static String randomName(SplittableRandom rnd, int maxLen) {
    int n = rnd.nextInt(maxLen + 1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("eventSourceIDrVcp".charAt(rnd.nextInt(17)));
    }
    return sb.toString();
  }

  /** One to {@code maxCount} distinct random names of up to {@code maxLen} bytes. */
  private static String[] randomNames(SplittableRandom rnd, int maxCount, int maxLen) {
    Set<String> set = new LinkedHashSet<>();
    int count = 1 + rnd.nextInt(maxCount);
    while (set.size() < count) {
      set.add(randomName(rnd, maxLen));
    }
    return set.toArray(new String[0]);
  }

  @Test
  void matchesAreExactAndPlainKnownNamesAlwaysMatch() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      String[] names = randomNames(rnd, 40, 30);
      ByteNames t = new ByteNames(names);
      for (int i = 0; i < 200; i++) {
        String text;
        int pick = rnd.nextInt(4);
        if (pick == 0) {
          text = names[rnd.nextInt(names.length)];
        } else if (pick == 1) {
          // a known name with something appended or cut off
          String k = names[rnd.nextInt(names.length)];
          text = rnd.nextBoolean() ? k + randomName(rnd, 3) : k.substring(0, rnd.nextInt(k.length() + 1));
        } else {
          StringBuilder sb = new StringBuilder();
          int n = rnd.nextInt(24);
          for (int j = 0; j < n; j++) {
            sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
          }
          text = sb.toString();
        }
        // "text" then a random tail: the string ends at the first quote of text + '"'
        String tail = "\":" + randomName(rnd, 10) + "\"" + randomName(rnd, 12);
        int lead = rnd.nextInt(3);
        byte[] b = (" ".repeat(lead) + "\"" + text + tail).getBytes(StandardCharsets.UTF_8);
        int limit = rnd.nextInt(4) == 0 ? lead + 1 + rnd.nextInt(b.length - lead) : b.length;
        int id = t.matchQuoted(b, lead, limit);
        String msg = "seed " + seed + ": " + Arrays.toString(names) + " text " + text + " limit " + limit;
        if (id >= 0) {
          byte[] name = t.name(id);
          int close = lead + 1 + name.length;
          assertTrue(close < limit, msg);
          assertEquals(new String(name, StandardCharsets.UTF_8),
              new String(b, lead + 1, name.length, StandardCharsets.UTF_8), msg);
          assertEquals('"', b[close], msg);
          for (int j = lead + 1; j < close; j++) {
            assertTrue(b[j] != '"' && b[j] != '\\', msg); // no earlier quote, no escape
          }
        }
        int known = Arrays.asList(names).indexOf(text);
        if (known >= 0 && lead + 1 + Math.max(8, text.length() + 1) <= limit) {
          assertEquals(known, id, msg);
        }
      }
    }
  }

  @Test
  void unknownAndShortInputsDoNotMatch() {
    ByteNames t = new ByteNames("type", "eventTime", "eventTimeX", "vpcEndpointId", "vpcEndpointAccountId");
    List<String> none = new ArrayList<>(List.of("\"typ\":1234567", "\"types\":123456", "\"eventTim\":12345",
        "\"vpcEndpointIdX\":1", "\"vpcEndpoint\\u0049d\":1", "\"t\\\"ype\":12345678"));
    for (String s : none) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      assertEquals(-1, t.matchQuoted(b, 0, b.length), s);
    }
    byte[] b = "\"eventTimeX\":1".getBytes(StandardCharsets.UTF_8);
    assertEquals(2, t.matchQuoted(b, 0, b.length));
    assertEquals(-1, t.matchQuoted(b, 0, 11), "the closing quote lies beyond the limit");
    byte[] v = "\"vpcEndpointAccountId\":\"1\"".getBytes(StandardCharsets.UTF_8);
    assertEquals(4, t.matchQuoted(v, 0, v.length));
    byte[] shortB = "\"type\"".getBytes(StandardCharsets.UTF_8);
    assertEquals(-1, t.matchQuoted(shortB, 0, shortB.length), "fewer than eight bytes: undecided");
  }

  /**
   * The rule {@link ByteNames#matchQuoted} follows, written plainly: with {@code s} after the
   * opening quote and at least eight bytes before {@code limit}, a name shorter than eight bytes
   * matches when the eight bytes hold a quote and the bytes before the first one are the name
   * (then zero bytes); a longer name when the eight bytes hold no quote, the name's bytes follow
   * and its closing quote lies before {@code limit}.
   */
  private static int reference(String[] names, byte[] b, int q, int limit) {
    int s = q + 1;
    if (s + 8 > limit) {
      return -1;
    }
    int fq = -1;
    for (int i = s; i < s + 8; i++) {
      if (b[i] == '"') {
        fq = i;
        break;
      }
    }
    for (int id = 0; id < names.length; id++) {
      byte[] k = names[id].getBytes(StandardCharsets.UTF_8);
      int n = k.length;
      boolean ok;
      if (n < 8) {
        ok = fq >= 0 && fq - s >= n;
        for (int i = 0; ok && i < fq - s; i++) {
          ok = b[s + i] == (i < n ? k[i] : 0);
        }
      } else {
        ok = fq < 0 && s + n < limit && b[s + n] == '"' && Arrays.equals(b, s, s + n, k, 0, n);
      }
      if (ok) {
        return id;
      }
    }
    return -1;
  }

  @Test
  void agreesWithThePlainRuleAtEveryAlignmentAndLimit() {
    String alphabet = "eventSourcAD\"\\\0\u00e9";
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 400; round++) {
      String[] names = randomNames(rnd, 30, 40);
      ByteNames t = new ByteNames(names);
      for (int i = 0; i < 300; i++) {
        StringBuilder text = new StringBuilder();
        String k = names[rnd.nextInt(names.length)];
        switch (rnd.nextInt(4)) {
          case 0 -> text.append(k);
          case 1 -> {
            // the name with one byte changed (also its last one, and the quote after it)
            int at = rnd.nextInt(k.length() + 1);
            char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
            text.append(k, 0, at).append(c).append(k.substring(Math.min(k.length(), at + 1)));
          }
          case 2 -> text.append(k, 0, rnd.nextInt(k.length() + 1)).append(alphabet.charAt(rnd.nextInt(alphabet.length())));
          default -> {
            for (int j = rnd.nextInt(36); j > 0; j--) {
              text.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
          }
        }
        int lead = rnd.nextInt(9);
        String after = rnd.nextBoolean() ? "\":" : "";
        StringBuilder pad = new StringBuilder();
        for (int j = rnd.nextInt(40); j > 0; j--) {
          pad.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        byte[] b = ("x".repeat(lead) + "\"" + text + "\"" + after + pad).getBytes(StandardCharsets.UTF_8);
        int limit = rnd.nextInt(3) == 0 ? lead + 1 + rnd.nextInt(b.length - lead) : b.length;
        assertEquals(reference(names, b, lead, limit), t.matchQuoted(b, lead, limit),
            "seed " + seed + ": " + Arrays.toString(names) + " input " + new String(b, StandardCharsets.UTF_8)
                + " limit " + limit);
      }
    }
  }

  @Test
  void lookupFindsExactlyTheEqualName() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      String[] names = randomNames(rnd, 30, 40);
      ByteNames t = new ByteNames(names);
      for (int i = 0; i < 300; i++) {
        String k = names[rnd.nextInt(names.length)];
        String text = switch (rnd.nextInt(3)) {
          case 0 -> k;
          case 1 -> k.isEmpty() ? "x" : k.substring(0, k.length() - 1) + (char) (k.charAt(k.length() - 1) ^ 1);
          default -> randomName(rnd, 40);
        };
        int lead = rnd.nextInt(9);
        // bytes that continue a name after it, so that the words past its end hold name bytes
        String after = randomName(rnd, 40);
        byte[] b = ("#".repeat(lead) + text + after).getBytes(StandardCharsets.UTF_8);
        int want = Arrays.asList(names).indexOf(text);
        assertEquals(want, t.lookup(b, lead, lead + text.length()),
            "seed " + seed + ": " + Arrays.toString(names) + " text " + text + " after " + after);
      }
    }
  }
}
