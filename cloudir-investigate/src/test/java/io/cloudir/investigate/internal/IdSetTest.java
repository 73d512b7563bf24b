package io.cloudir.investigate.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdSetTest {

  @Test
  void parsesCanonicalUuidsLikeTheJdk() {
    qt().forAll(longs().all(), longs().all()).checkAssert((hi, lo) -> {
      String s = new UUID(hi, lo).toString(); // lowercase 8-4-4-4-12
      long[] out = new long[2];
      assertTrue(IdSet.parseUuid(s.getBytes(StandardCharsets.US_ASCII), 0, out), s);
      assertArrayEquals(new long[] {hi, lo}, out, s);
    });
  }

  @Test
  void acceptsExactlyTheCanonicalFormAfterAnyOneByteChange() {
    // a canonical UUID at a random offset with one byte replaced by any byte value: accepted
    // exactly when the result is still canonical, and then with the JDK's value
    qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      for (int k = 0; k < 200; k++) {
        byte[] id = new UUID(rnd.nextLong(), rnd.nextLong()).toString()
            .getBytes(StandardCharsets.US_ASCII);
        id[rnd.nextInt(36)] = (byte) rnd.nextInt(256);
        int off = rnd.nextInt(10);
        byte[] b = new byte[off + 36 + rnd.nextInt(4)];
        System.arraycopy(id, 0, b, off, 36);
        String s = new String(id, StandardCharsets.ISO_8859_1);
        long[] out = new long[2];
        boolean canonical = isCanonical(s);
        assertEquals(canonical, IdSet.parseUuid(b, off, out), s);
        if (canonical) {
          UUID u = UUID.fromString(s);
          assertArrayEquals(new long[] {u.getMostSignificantBits(), u.getLeastSignificantBits()},
              out, s);
        }
      }
    });
  }

  /** The definition, character by character: 8-4-4-4-12 digits 0-9a-f separated by '-'. */
  private static boolean isCanonical(String s) {
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  @Test
  void rejectsEverythingThatIsNotTheCanonicalForm() {
    long[] out = new long[2];
    String ok = "7cf3ce50-1846-488c-a993-95df63a3e5d2";
    assertTrue(IdSet.parseUuid(ok.getBytes(StandardCharsets.US_ASCII), 0, out));
    for (String bad : new String[] {
        "7CF3CE50-1846-488C-A993-95DF63A3E5D2", // upper case is another string
        "7cf3ce50-1846-488c-a993-95df63a3e5dg",
        "7cf3ce50_1846-488c-a993-95df63a3e5d2",
        "7cf3ce501846-488c-a993-95df63a3e5d2-",
        "7cf3ce50-1846-488c-a993-95df63a3e5d"}) {
      byte[] b = (bad + "  ").getBytes(StandardCharsets.US_ASCII);
      assertFalse(IdSet.parseUuid(b, 0, out), bad);
    }
    assertFalse(IdSet.parseUuid("short".getBytes(StandardCharsets.US_ASCII), 0, out));
  }

  @Test
  void behavesLikeAHashSetUnderRandomAddsAndRemoves() {
    // small value range so that adds, removes and probe-run collisions interleave a lot
    qt().withExamples(200).forAll(longs().all(), integers().between(1, 3000))
        .checkAssert((seed, ops) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          IdSet set = new IdSet();
          Set<Long> ref = new HashSet<>();
          for (int i = 0; i < ops; i++) {
            long v = rnd.nextInt(200);
            // v = 0 is (0, 0), the value free slots are marked with
            long hi = v * 31;
            long lo = v == 0 ? 0 : v ^ 0x5555;
            switch (rnd.nextInt(3)) {
              case 0 -> assertEquals(ref.add(v), set.add(hi, lo), "seed " + seed);
              case 1 -> {
                ref.remove(v);
                set.remove(hi, lo);
              }
              default -> assertEquals(ref.contains(v), set.contains(hi, lo), "seed " + seed);
            }
            assertEquals(ref.size(), set.size(), "seed " + seed);
          }
          for (long v = 0; v < 200; v++) {
            assertEquals(ref.contains(v), set.contains(v * 31, v == 0 ? 0 : v ^ 0x5555),
                "seed " + seed);
          }
        });
  }

  @Test
  void byteKeyMapFindsSlicesAndAgreesWithAHashMap() {
    qt().withExamples(100).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      ByteKeyMap<Integer> map = new ByteKeyMap<>();
      Map<String, Integer> ref = new HashMap<>();
      for (int i = 0; i < 300; i++) {
        // short keys pack into two longs; longer ones, or with other bytes, are kept as arrays
        String k = (rnd.nextBoolean() ? "ASIA" : "AKIA") + rnd.nextInt(400)
            + "x".repeat(rnd.nextInt(24)) + (rnd.nextInt(5) == 0 ? "-\u00e9" : "")
            + (rnd.nextInt(5) == 0 ? "_Zz9" : "");
        int op = rnd.nextInt(4);
        if (op == 0) {
          map.put(k, i);
          ref.put(k, i);
        } else if (op == 1 && rnd.nextInt(10) == 0) {
          // the predicate sees each key's text (unpacked for packed keys)
          int cut = rnd.nextInt(3);
          map.removeIf((key, v) -> Math.floorMod(v + key.hashCode(), 3) == cut);
          ref.entrySet()
              .removeIf(x -> Math.floorMod(x.getValue() + x.getKey().hashCode(), 3) == cut);
        } else {
          // look the key up as a slice in the middle of a larger buffer
          byte[] buf = ("{\"k\":\"" + k + "\",\"n\":1}").getBytes(StandardCharsets.UTF_8);
          int n = k.getBytes(StandardCharsets.UTF_8).length;
          assertEquals(ref.get(k), map.get(buf, 6, 6 + n), "seed " + seed + " key " + k);
          assertEquals(ref.get(k), map.get(k), "seed " + seed);
        }
        assertEquals(ref.size(), map.size(), "seed " + seed);
      }
      map.clear();
      assertEquals(0, map.size());
    });
  }

  @Test
  void byteKeyMapRemovesAndKeepsItsRecentTableRight() {
    qt().withExamples(100).forAll(longs().all(), integers().between(0, 3))
        .checkAssert((seed, recentBits) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          // a recent table of 0, 2, 4 or 8 slots: small, so that keys evict each other there
          ByteKeyMap<Integer> map = new ByteKeyMap<>(recentBits == 0 ? 0 : 1 << recentBits);
          Map<String, Integer> ref = new HashMap<>();
          for (int i = 0; i < 1500; i++) {
            // packed keys and array keys, few of them, so removals shift probe runs often
            String k = (rnd.nextBoolean() ? "ASIA" : "AKIA") + rnd.nextInt(60)
                + (rnd.nextInt(4) == 0 ? "-long-key-not-packed" : "");
            byte[] buf = ("[\"" + k + "\"]").getBytes(StandardCharsets.UTF_8);
            int n = k.length();
            switch (rnd.nextInt(4)) {
              case 0 -> {
                map.put(k, i);
                ref.put(k, i);
              }
              case 1 -> assertEquals(ref.remove(k),
                  rnd.nextBoolean() ? map.remove(k) : map.remove(buf, 2, 2 + n), "seed " + seed);
              // past the recent table: every key of the map is in its table too
              default -> assertEquals(ref.get(k), rnd.nextBoolean() ? map.get(buf, 2, 2 + n)
                  : map.getPastRecent(buf, 2, 2 + n), "seed " + seed);
            }
            assertEquals(ref.size(), map.size(), "seed " + seed);
          }
          for (var x : ref.entrySet()) {
            assertEquals(x.getValue(), map.get(x.getKey()), "seed " + seed);
          }
        });
  }

  @Test
  void byteKeyMapRecentTableIsExactForSlicesWithBackslashesAndAtBufferEnds() {
    qt().withExamples(100).forAll(longs().all(), integers().between(1, 3))
        .checkAssert((seed, recentBits) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          ByteKeyMap<Integer> map = new ByteKeyMap<>(1 << recentBits);
          Map<String, Integer> ref = new HashMap<>();
          String alphabet = "AB\\u0041";
          for (int i = 0; i < 2000; i++) {
            // keys of 1 to 30 bytes over few symbols, some with backslashes (never in the table
            // of recent keys), found at the end of a buffer or inside a longer one
            StringBuilder sb = new StringBuilder();
            int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 30);
            for (int j = 0; j < n; j++) {
              sb.append(alphabet.charAt(rnd.nextInt(rnd.nextInt(3) == 0 ? alphabet.length() : 2)));
            }
            String k = sb.toString();
            String pad = "x".repeat(rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(40));
            byte[] buf = ("\"" + k + pad).getBytes(StandardCharsets.UTF_8);
            switch (rnd.nextInt(5)) {
              case 0 -> {
                map.put(k, i);
                ref.put(k, i);
              }
              case 1 -> assertEquals(ref.remove(k), map.remove(buf, 1, 1 + n), "seed " + seed);
              case 2 -> {
                Integer r = map.recent(buf, 1, 1 + n);
                if (r != null) {
                  assertEquals(ref.get(k), r, "seed " + seed + " key " + k);
                  assertEquals(-1, k.indexOf('\\'), "seed " + seed + " key " + k);
                }
              }
              default -> assertEquals(ref.get(k), map.get(buf, 1, 1 + n), "seed " + seed);
            }
          }
          for (var x : ref.entrySet()) {
            assertEquals(x.getValue(), map.get(x.getKey()), "seed " + seed);
          }
        });
  }
}
