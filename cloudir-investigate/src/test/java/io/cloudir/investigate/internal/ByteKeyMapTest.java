package io.cloudir.investigate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteKeyMapTest {

  /** A random key: mostly access-key-like, some longer or with other bytes (escapes, UTF-8). */
  private static String key(SplittableRandom rnd) {
    String packable = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    String other = "pazq_\\\"-é0PA";
    int n = 1 + rnd.nextInt(rnd.nextInt(4) == 0 ? 26 : 21);
    StringBuilder k = new StringBuilder();
    boolean odd = rnd.nextInt(5) == 0;
    for (int i = 0; i < n; i++) {
      String from = odd && rnd.nextInt(3) == 0 ? other : packable;
      k.append(from.charAt(rnd.nextInt(from.length())));
    }
    return k.toString();
  }

  /** A key next to {@code k}: one byte shorter, one longer, or one byte changed. */
  private static String near(String k, SplittableRandom rnd) {
    String other = key(rnd);
    int i = rnd.nextInt(k.length());
    return switch (rnd.nextInt(3)) {
      case 0 -> k.length() > 1 ? k.substring(0, k.length() - 1) : other;
      case 1 -> k + other.charAt(0);
      default -> k.substring(0, i) + other.charAt(0) + k.substring(i + 1);
    };
  }

  @Test
  void sameAnswersAsAHashMapWithEvictionsInTheRecentTable() {
    qt().withExamples(60).forAll(longs().all(), integers().between(0, 4))
        .checkAssert((seed, recentBits) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          // 0 to 16 recent slots: far fewer than keys, so keys are evicted there all the time
          ByteKeyMap<Integer> map = new ByteKeyMap<>(recentBits == 0 ? 0 : 1 << recentBits);
          Map<String, Integer> ref = new HashMap<>();
          List<String> pool = new ArrayList<>();
          for (int i = 0; i < 40; i++) {
            pool.add(i == 0 || rnd.nextInt(3) == 0 ? key(rnd) : near(pool.get(rnd.nextInt(i)), rnd));
          }
          for (int i = 0; i < 3000; i++) {
            String k = rnd.nextInt(10) == 0 ? key(rnd) : pool.get(rnd.nextInt(pool.size()));
            byte[] kb = k.getBytes(StandardCharsets.UTF_8);
            // the key at a random place of a buffer, sometimes right at its end
            int pre = rnd.nextInt(30);
            int post = rnd.nextBoolean() ? 0 : rnd.nextInt(30);
            byte[] buf = new byte[pre + kb.length + post];
            for (int j = 0; j < buf.length; j++) {
              buf[j] = (byte) "A9z\\\" ".charAt(rnd.nextInt(6));
            }
            System.arraycopy(kb, 0, buf, pre, kb.length);
            int s = pre;
            int e = pre + kb.length;
            String why = "seed " + seed + " key " + k;
            switch (rnd.nextInt(5)) {
              case 0 -> {
                map.put(k, i);
                ref.put(k, i);
              }
              case 1 -> assertEquals(ref.remove(k), map.remove(buf, s, e), why);
              case 2 -> {
                // the recent table may not know a key, but never answers wrong
                Integer r = map.recent(buf, s, e);
                if (r != null) {
                  assertEquals(ref.get(k), r, why);
                }
              }
              default -> assertEquals(ref.get(k), rnd.nextBoolean() ? map.get(buf, s, e)
                  : map.getPastRecent(buf, s, e), why);
            }
            assertEquals(ref.size(), map.size(), why);
          }
          for (var x : ref.entrySet()) {
            assertEquals(x.getValue(), map.get(x.getKey()), "seed " + seed);
          }
        });
  }
}
