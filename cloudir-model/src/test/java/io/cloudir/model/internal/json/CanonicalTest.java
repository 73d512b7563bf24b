package io.cloudir.model.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@link Canonical} and {@link ByteNames}. */
class CanonicalTest {
  private static final long SEED = Long.getLong("cloudir.test.seed", 0xCA_0001L);

  private static byte[] framed(String s, int before, int after) {
    byte[] v = s.getBytes(StandardCharsets.UTF_8);
    byte[] b = new byte[before + v.length + after];
    java.util.Arrays.fill(b, (byte) '#');
    System.arraycopy(v, 0, b, before, v.length);
    return b;
  }

  private static String canonical(String s, int before, int after) {
    byte[] b = framed(s, before, after);
    return Canonical.of(b, before, b.length - after);
  }

  @Test
  void equalBytesGiveTheSameInstanceWithTheRightValue() {
    for (String s : new String[] {"canonical-test:us-east-1", "canonical-test:AssumeRole", "",
        "canonical-test:" + "x".repeat(Canonical.MAX_LENGTH - 15), "canonical-test:\u00e9t\u00e9"}) {
      String a = canonical(s, 0, 0);
      String b = canonical(s, 7, 3);
      assertEquals(s, a);
      assertSame(a, b, s);
      assertSame(a, Canonical.of(new String(s))); // a fresh String instance in, the canonical out
    }
    // longer than MAX_LENGTH: not canonicalised, but still the right value
    String longer = "canonical-test:" + "y".repeat(Canonical.MAX_LENGTH);
    assertEquals(longer, canonical(longer, 2, 2));
    assertEquals(longer, Canonical.of(longer));
  }

  @Test
  void randomValuesDecodeCorrectly() {
    SplittableRandom rnd = new SplittableRandom(SEED);
    Map<String, String> first = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      StringBuilder sb = new StringBuilder("canonical-random:");
      int n = rnd.nextInt(40);
      for (int k = 0; k < n; k++) {
        sb.append((char) (0x20 + rnd.nextInt(0x5F)));
      }
      String s = sb.toString();
      String c = canonical(s, rnd.nextInt(9), rnd.nextInt(9));
      assertEquals(s, c, "seed " + SEED);
      String prev = first.putIfAbsent(s, c);
      if (prev != null) {
        assertSame(prev, c, "seed " + SEED + ": " + s);
      }
    }
  }

  @Test
  void hashDependsOnEveryByteOfTheRange() {
    byte[] a = "xxabcdyy".getBytes(StandardCharsets.US_ASCII);
    byte[] b = "zabcdzzz".getBytes(StandardCharsets.US_ASCII);
    assertEquals(Canonical.hash(a, 2, 6), Canonical.hash(b, 1, 5));
    byte[] c = "xxabceyy".getBytes(StandardCharsets.US_ASCII);
    org.junit.jupiter.api.Assertions.assertNotEquals(Canonical.hash(a, 2, 6), Canonical.hash(c, 2, 6));
  }

  @Test
  void concurrentUseReturnsOneInstancePerValue() throws Exception {
    int threads = 4;
    int names = 2000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String[]>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = SEED + t;
        Callable<String[]> task = () -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          // every thread visits the names in its own order, from its own byte arrays
          int[] order = new int[names];
          for (int i = 0; i < names; i++) {
            order[i] = i;
          }
          for (int i = names - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int x = order[i];
            order[i] = order[j];
            order[j] = x;
          }
          String[] got = new String[names];
          start.await();
          for (int i : order) {
            byte[] b = framed("canonical-concurrent:" + i, i % 5, 2);
            got[i] = Canonical.of(b, i % 5, b.length - 2);
          }
          return got;
        };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<String[]> results = new ArrayList<>();
      for (Future<String[]> f : futures) {
        results.add(f.get());
      }
      for (int i = 0; i < names; i++) {
        String expected = "canonical-concurrent:" + i;
        String first = results.get(0)[i];
        assertEquals(expected, first);
        for (String[] r : results) {
          assertSame(first, r[i], expected);
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  // ---------------------------------------------------------------- ByteNames

  @Test
  void byteNamesFindsEveryNameAndNothingElse() {
    String[] names = {"eventName", "eventSource", "eventTime", "", "a", "b", "ab", "ba", "aXb", "aYb",
      "\u00e9v\u00e9nement", "userIdentity", "userIdentitx", "xserIdentity", "requestParameters",
      "responseElements", "awsRegion", "sourceIPAddress", "eventID", "eventId"};
    ByteNames t = new ByteNames(names);
    for (int i = 0; i < names.length; i++) {
      byte[] b = framed(names[i], i % 3, 2);
      assertEquals(i, t.lookup(b, i % 3, b.length - 2), names[i]);
    }
    for (String miss : new String[] {"eventNam", "eventNames", "EventName", "eventname", "c", "aZb",
        "abc", "userIdentityy", "\u00e9v\u00e8nement", "  ", "eventTim\u00e9"}) {
      byte[] b = framed(miss, 1, 1);
      assertEquals(-1, t.lookup(b, 1, b.length - 1), miss);
    }
    assertThrows(IllegalArgumentException.class, () -> new ByteNames("a", "b", "a"));
    ByteNames empty = new ByteNames();
    assertEquals(-1, empty.lookup(new byte[] {'a'}, 0, 1));
    assertEquals(-1, empty.lookup(new byte[0], 0, 0));
  }

  @Test
  void byteNamesWithManyCollidingNames() {
    // same length, first, middle and last byte: all collide in the hash; the table must still work
    SplittableRandom rnd = new SplittableRandom(SEED + 9);
    List<String> names = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (names.size() < 500) {
      String s = "k" + (char) ('a' + rnd.nextInt(26)) + (char) ('a' + rnd.nextInt(26)) + "m"
          + (char) ('a' + rnd.nextInt(26)) + (char) ('a' + rnd.nextInt(26)) + "z";
      if (seen.add(s)) {
        names.add(s);
      }
    }
    ByteNames t = new ByteNames(names.toArray(new String[0]));
    for (int i = 0; i < names.size(); i++) {
      byte[] b = names.get(i).getBytes(StandardCharsets.US_ASCII);
      assertEquals(i, t.lookup(b, 0, b.length), names.get(i));
    }
    for (int i = 0; i < 2000; i++) {
      String s = "k" + (char) ('a' + rnd.nextInt(26)) + (char) ('a' + rnd.nextInt(26)) + "m"
          + (char) ('a' + rnd.nextInt(26)) + (char) ('a' + rnd.nextInt(26)) + "z";
      byte[] b = s.getBytes(StandardCharsets.US_ASCII);
      assertEquals(names.indexOf(s), t.lookup(b, 0, b.length), s);
    }
  }
}
