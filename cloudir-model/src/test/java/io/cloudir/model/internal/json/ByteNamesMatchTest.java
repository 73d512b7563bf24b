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

  @Test
  void matchesAreExactAndPlainKnownNamesAlwaysMatch() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int round = 0; round < 300; round++) {
      Set<String> set = new LinkedHashSet<>();
      int count = 1 + rnd.nextInt(40);
      while (set.size() < count) {
        set.add(randomName(rnd, 30));
      }
      String[] names = set.toArray(new String[0]);
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
}
