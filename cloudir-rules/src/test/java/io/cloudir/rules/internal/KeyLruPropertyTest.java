package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * {@link KeyLru} against a {@code LinkedHashMap} in access order keyed by the strings the keys
 * stand for, and {@link ValueCounts} against a map of counts: the same values, sizes and order
 * after every operation of a random sequence.
 */
class KeyLruPropertyTest {
  /** Keys that collide as strings when a part holds U+0000, and strings with equal hashes. */
  private static final String[] PARTS = {"", "a", "b", "a\u0000b", "b\u0000", "\u0000", "Aa", "BB",
      "arn:aws:iam::111122223333:user/alice", "us-east-1"};

  private static String part(SplittableRandom r) {
    return r.nextInt(4) == 0 ? "k" + r.nextInt(40) : PARTS[r.nextInt(PARTS.length)];
  }

  private static List<String> order(KeyLru<Integer> m) {
    List<String> out = new ArrayList<>();
    for (KeyLru.Entry<Integer> e = m.eldest(); e != null; e = e.after()) {
      out.add(e.key() + "=" + e.value());
    }
    return out;
  }

  private static List<String> order(Map<String, Integer> m) {
    List<String> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(k + "=" + v));
    return out;
  }

  @Test
  void pairHashIsTheHashOfTheJoinedString() {
    qt().withExamples(500).forAll(SourceDSL.strings().allPossible().ofLengthBetween(0, 40),
        SourceDSL.strings().allPossible().ofLengthBetween(0, 70)).checkAssert((k, t) ->
        assertEquals((k + '\u0000' + t).hashCode(), KeyLru.hash(k.hashCode(), t), k + "|" + t));
  }

  @Test
  void behavesAsAnAccessOrderedLinkedHashMap() {
    qt().withExamples(300).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      boolean pairs = r.nextBoolean();
      KeyLru<Integer> m = new KeyLru<>();
      Map<String, Integer> ref = new LinkedHashMap<>(16, 0.75f, true);
      for (int i = 0; i < 400; i++) {
        String k = part(r);
        String t = pairs ? part(r) : null;
        String whole = t == null ? k : k + '\u0000' + t;
        int hash = t == null ? KeyLru.hash(k) : KeyLru.hash(k.hashCode(), t);
        // fresh copies: lookups must not depend on identity
        String kc = new String(k.toCharArray());
        String op = "seed " + seed + " step " + i;
        switch (r.nextInt(5)) {
          case 0, 1 -> {
            Integer v = r.nextInt(1000);
            if (t == null) {
              m.put(kc, hash, v);
            } else {
              m.put(kc, t, hash, v);
            }
            ref.put(whole, v);
          }
          case 2 -> assertEquals(ref.get(whole), t == null ? m.get(kc, hash) : m.get(kc, t, hash),
              op);
          case 3 -> {
            if (t == null) {
              assertEquals(ref.remove(whole), m.remove(kc, hash), op);
            }
          }
          default -> {
            if (!ref.isEmpty()) {
              ref.remove(ref.keySet().iterator().next());
              m.removeEldest();
            }
          }
        }
        assertEquals(ref.size(), m.size(), op);
        assertEquals(order(ref), order(m), op);
      }
    });
  }

  @Test
  void valueCountsAgreeWithAMapOfCounts() {
    qt().withExamples(300).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      ValueCounts vc = new ValueCounts();
      Map<String, Integer> ref = new HashMap<>();
      List<ValueCounts.Counter> held = new ArrayList<>();
      List<String> heldValues = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        if (held.isEmpty() || r.nextInt(3) != 0) {
          String v = part(r);
          String copy = new String(v.toCharArray());
          held.add(vc.add(copy, copy.hashCode()));
          heldValues.add(v);
          ref.merge(v, 1, Integer::sum);
        } else {
          int j = r.nextInt(held.size());
          vc.drop(held.remove(j));
          String v = heldValues.remove(j);
          ref.computeIfPresent(v, (k, n) -> n == 1 ? null : n - 1);
        }
        assertEquals(ref.size(), vc.size(), "seed " + seed + " step " + i);
        for (int j = 0; j < held.size(); j++) {
          assertEquals(ref.get(heldValues.get(j)), held.get(j).n, "seed " + seed);
        }
      }
    });
  }
}
