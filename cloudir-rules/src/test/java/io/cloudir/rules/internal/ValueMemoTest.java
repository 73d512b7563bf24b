package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** {@link ValueMemo} against a map that never forgets: the memo may forget, never lie. */
class ValueMemoTest {
  /** A value over a two-letter alphabet (many near-equal values, some of them long). */
  private static byte[] value(SplittableRandom r) {
    int len = r.nextInt(4) == 0 ? r.nextInt(ValueMemo.MAX_KEY + 40) : r.nextInt(12);
    byte[] b = new byte[len];
    for (int i = 0; i < len; i++) {
      b[i] = (byte) (r.nextBoolean() ? 'a' : 'b');
    }
    return b;
  }

  @Test
  void answersOnlyWhatWasLastRememberedForTheSameTestAndBytes() {
    qt().withExamples(200).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      ValueMemo memo = new ValueMemo();
      Map<List<Object>, Boolean> truth = new HashMap<>();
      byte[][] pool = new byte[r.nextInt(1, 3000)][];
      for (int i = 0; i < pool.length; i++) {
        pool[i] = value(r);
      }
      for (int op = 0; op < 4000; op++) {
        int test = r.nextInt(4);
        byte[] v = pool[r.nextInt(pool.length)];
        // the value sits somewhere inside a larger buffer, as a field inside a record
        int pad = r.nextInt(5);
        byte[] buf = new byte[pad + v.length + r.nextInt(5)];
        java.util.Arrays.fill(buf, (byte) 'a');
        System.arraycopy(v, 0, buf, pad, v.length);
        int s = pad;
        int e = pad + v.length;
        int h = ValueMemo.hash(buf, s, e);
        assertEquals(ValueMemo.hash(v, 0, v.length), h, "hash depends on the bytes only");
        List<Object> key = List.of(test, new String(v, java.nio.charset.StandardCharsets.ISO_8859_1));
        int got = memo.get(test, buf, s, e, h);
        Boolean want = truth.get(key);
        if (got >= 0) {
          assertEquals(want, got == 1, "seed " + seed + ": a remembered answer is the last one given");
        }
        if (r.nextBoolean()) {
          boolean answer = r.nextBoolean();
          memo.put(test, buf, s, e, h, answer);
          truth.put(key, answer);
          int again = memo.get(test, buf, s, e, h);
          if (v.length <= ValueMemo.MAX_KEY) {
            assertEquals(answer ? 1 : 0, again, "seed " + seed + ": just remembered");
          } else {
            assertEquals(-1, again, "seed " + seed + ": too long to remember");
          }
        }
      }
    });
  }

  @Test
  void differentTestsAndDifferentBytesDoNotShareAnswers() {
    ValueMemo memo = new ValueMemo();
    byte[] ua = "aws-cli/2.15.0 Python/3.11".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int h = ValueMemo.hash(ua, 0, ua.length);
    memo.put(1, ua, 0, ua.length, h, true);
    assertEquals(1, memo.get(1, ua, 0, ua.length, h));
    assertEquals(-1, memo.get(2, ua, 0, ua.length, h));
    byte[] other = ua.clone();
    other[other.length - 1] = '2';
    assertTrue(memo.get(1, other, 0, other.length, ValueMemo.hash(other, 0, other.length)) < 0);
    assertEquals(-1, memo.get(1, ua, 0, ua.length - 1, ValueMemo.hash(ua, 0, ua.length - 1)));
  }
}
