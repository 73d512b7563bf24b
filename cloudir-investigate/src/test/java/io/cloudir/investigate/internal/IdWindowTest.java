package io.cloudir.investigate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdWindowTest {

  /** A first-in first-out set: a queue of the members in order and a set of them. */
  private static final class Reference {
    final ArrayDeque<Long> order = new ArrayDeque<>();
    final Set<Long> members = new HashSet<>();

    boolean add(long v) {
      if (!members.add(v)) {
        return false;
      }
      order.addLast(v);
      return true;
    }

    void removeOldest() {
      Long v = order.pollFirst();
      if (v != null) {
        members.remove(v);
      }
    }
  }

  // few distinct values, so that forgotten slots are reused and fingerprints collide often
  private static long hi(long v) {
    return v == 0 ? 0 : v * 0x9E3779B97F4A7C15L;
  }

  private static long lo(long v) {
    return v % 7 == 0 ? 0 : v ^ 0x5555;
  }

  @Test
  void behavesLikeAQueueAndASetUnderRandomOperations() {
    qt().withExamples(200).forAll(longs().all(), integers().between(1, 4000), integers().between(2, 300))
        .checkAssert((seed, ops, values) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          IdWindow w = new IdWindow();
          Reference ref = new Reference();
          for (int i = 0; i < ops; i++) {
            long v = rnd.nextInt(values);
            switch (rnd.nextInt(4)) {
              case 0, 1 -> assertEquals(ref.add(v), w.add(hi(v), lo(v)), "seed " + seed);
              case 2 -> {
                ref.removeOldest();
                w.removeOldest();
              }
              default -> assertEquals(ref.members.contains(v), w.contains(hi(v), lo(v)),
                  "seed " + seed);
            }
            assertEquals(ref.members.size(), w.size(), "seed " + seed);
          }
          for (long v = 0; v < values; v++) {
            assertEquals(ref.members.contains(v), w.contains(hi(v), lo(v)), "seed " + seed);
          }
        });
  }

  @Test
  void aSlidingWindowOverAStreamWithRepeatsIsExact() {
    // the Deduplicator's use: add every id, forget the oldest beyond a window size
    qt().withExamples(50).forAll(longs().all(), integers().between(1, 2000))
        .checkAssert((seed, window) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          IdWindow w = new IdWindow();
          Reference ref = new Reference();
          for (int i = 0; i < 20_000; i++) {
            // mostly new values, some repeats of recent and of long-gone ones
            long v = rnd.nextInt(10) < 8 ? i : Math.max(0, i - rnd.nextInt(3 * window + 1));
            assertEquals(ref.add(v), w.add(hi(v), lo(v)), "seed " + seed + " at " + i);
            while (ref.members.size() > window) {
              ref.removeOldest();
              w.removeOldest();
            }
            assertEquals(ref.members.size(), w.size(), "seed " + seed);
          }
        });
  }

  @Test
  void aWindowThatGrowsAndShrinksStaysExactThroughRebuildsAndRingGrowth() {
    // the table is rebuilt in place (same size) or resized as the window's size changes, and the
    // ring grows; the deleted slots of forgotten members are reused in between
    qt().withExamples(20).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      IdWindow w = new IdWindow();
      Reference ref = new Reference();
      int[] sizes = {1000, 10, 3000, 0, 200};
      long next = 0;
      for (int size : sizes) {
        for (int i = 0; i < 6000; i++) {
          long v = rnd.nextInt(4) == 0 ? Math.max(0, next - rnd.nextInt(4000)) : next++;
          long h = v * 0x9E3779B97F4A7C15L;
          assertEquals(ref.add(v), w.add(h, ~v), "seed " + seed + " at " + v);
          while (ref.members.size() > size) {
            ref.removeOldest();
            w.removeOldest();
          }
          assertEquals(ref.members.size(), w.size(), "seed " + seed);
        }
        for (long v = Math.max(0, next - 5000); v < next; v++) {
          assertEquals(ref.members.contains(v), w.contains(v * 0x9E3779B97F4A7C15L, ~v),
              "seed " + seed);
        }
      }
    });
  }

  /** Entries with times, some of them markers (no value), forgotten by time in insertion order. */
  private static final class TimedReference {
    final ArrayDeque<long[]> order = new ArrayDeque<>(); // {value or -1 for a marker, time}
    final Set<Long> members = new HashSet<>();

    boolean add(long v, long time) {
      if (!members.add(v)) {
        return false;
      }
      order.addLast(new long[] {v, time});
      return true;
    }

    void mark(long time) {
      order.addLast(new long[] {-1, time});
    }

    int expireBefore(long horizon) {
      int markers = 0;
      while (!order.isEmpty() && order.peekFirst()[1] < horizon) {
        long v = order.pollFirst()[0];
        if (v < 0) {
          markers++;
        } else {
          members.remove(v);
        }
      }
      return markers;
    }
  }

  @Test
  void markersAndTimedExpiryAgreeWithAReferenceThroughForcedRebuilds() {
    // times mostly rising with some going back; markers between values; a small rebuild bound so
    // that the table is rebuilt (stale slots dropped) while markers and stale slots are around;
    // 1 to 16 sequence bits a slot (with few, many live entries share a slot's bits)
    qt().withExamples(100).forAll(longs().all(), integers().between(1, 500), integers().between(1, 300))
        .checkAssert((seed, rebuildAfter, values) -> {
          SplittableRandom rnd = new SplittableRandom(seed);
          IdWindow w = new IdWindow(rebuildAfter, 1 + (int) Math.floorMod(seed, 16L));
          TimedReference ref = new TimedReference();
          long time = 0;
          for (int i = 0; i < 3000; i++) {
            time += rnd.nextInt(5) - 1;
            long v = rnd.nextInt(values);
            switch (rnd.nextInt(6)) {
              case 0, 1, 2 -> assertEquals(ref.add(v, time), w.add(hi(v), lo(v), time),
                  "seed " + seed + " at " + i);
              case 3 -> {
                ref.mark(time);
                w.mark(time);
              }
              case 4 -> {
                long horizon = time - rnd.nextInt(40);
                assertEquals(ref.expireBefore(horizon), w.expireBefore(horizon), "seed " + seed);
              }
              default -> assertMember(ref.members, w, v, seed);
            }
            assertEquals(ref.members.size(), w.size(), "seed " + seed + " at " + i);
          }
          for (long v = 0; v < values; v++) {
            assertMember(ref.members, w, v, seed);
          }
        });
  }

  /** The window and the reference agree on {@code v} and on the number of members. */
  private static void assertMember(Set<Long> members, IdWindow w, long v, long seed) {
    assertEquals(members.contains(v), w.contains(hi(v), lo(v)), "seed " + seed + ", value " + v);
    assertEquals(members.size(), w.size(), "seed " + seed);
  }

  @Test
  void aValueForgottenLongAgoIsNotAMemberWhileItsStaleSlotRemains() {
    // one value added, forgotten, then many markers (no value added, so no rebuild by load): its
    // stale slot must never count again, and adding it again must succeed exactly once
    IdWindow w = new IdWindow();
    assertTrue(w.add(7, 9, 0));
    assertEquals(0, w.expireBefore(1));
    for (int i = 0; i < 100_000; i++) {
      w.mark(i + 1);
      assertEquals(1, w.expireBefore(i + 2));
      if (i % 9_999 == 0) {
        assertFalse(w.contains(7, 9));
      }
    }
    assertEquals(0, w.size());
    assertTrue(w.add(7, 9, 200_000));
    assertFalse(w.add(7, 9, 200_000));
    assertEquals(1, w.size());
  }

  @Test
  void aWindowLongerThanItsSequenceBitsFindsOldMembersAndNoMarker() {
    // slots keep 16 bits of a sequence number here (24 by default): in a window of more than
    // 65 536 entries, several live entries share them; a repeat of a member far back must still be
    // found, the value (0, 0) (which the ring holds for markers) must never match a marker, and
    // forgotten values must be new again
    SplittableRandom rnd = new SplittableRandom(61);
    IdWindow w = new IdWindow(1 << 30, 16);
    TimedReference ref = new TimedReference();
    int window = 150_000;
    for (int i = 0; i < 400_000; i++) {
      long v;
      int k = rnd.nextInt(10);
      if (k == 0) {
        ref.mark(i);
        w.mark(i);
        v = -1;
      } else if (k == 1) {
        v = Math.max(0, i - rnd.nextInt(2 * window)); // a member far back, or a forgotten value
      } else {
        v = i;
      }
      if (v >= 0) {
        long h = v == 0 ? 0 : v * 0x9E3779B97F4A7C15L;
        long l = v == 0 ? 0 : ~v;
        assertEquals(ref.add(v, i), w.add(h, l, i), "at " + i);
      }
      assertEquals(ref.expireBefore(i - window), w.expireBefore(i - window), "at " + i);
      assertEquals(ref.members.size(), w.size(), "at " + i);
    }
    assertEquals(ref.members.contains(0L), w.contains(0, 0));
  }

  @Test
  void sequenceCandidatesReachFarMembersAndSkipMarkers() {
    // 16 sequence bits a slot: a member 70 000 entries after the oldest: its slot's bits first
    // name an earlier entry
    IdWindow far = new IdWindow(1 << 30, 16);
    for (int i = 0; i < 70_000; i++) {
      far.mark(i);
    }
    assertTrue(far.add(5, 6, 70_000));
    assertTrue(far.contains(5, 6));
    assertFalse(far.add(5, 6, 70_001));
    // (0, 0), which the ring holds for markers, forgotten: its stale slot's 16 bits name live
    // markers only, and none of them may count as the value
    IdWindow zero = new IdWindow(1 << 30, 16);
    assertTrue(zero.add(0, 0, 0));
    for (int i = 1; i <= 200_000; i++) {
      zero.mark(i);
      zero.expireBefore(i - 100_000);
    }
    assertEquals(0, zero.size());
    assertFalse(zero.contains(0, 0));
    assertTrue(zero.add(0, 0, 200_001));
  }
}
