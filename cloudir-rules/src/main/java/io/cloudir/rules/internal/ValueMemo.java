package io.cloudir.rules.internal;

import java.util.Arrays;

/**
 * Remembered answers of costly field tests by the exact bytes of the value they were asked
 * about. A test whose answer depends only on the value of one field (a regular expression or a
 * list of substrings on a user agent, a principal id, an event name) gives the same answer for
 * the same bytes, and such values repeat record after record (one user agent per tool, one
 * principal id per session); asking the memo costs a hash and a comparison of the bytes instead
 * of decoding the value and running the test.
 *
 * <p>Direct-mapped and bounded: {@value #SLOTS} entries of at most {@value #MAX_KEY} bytes each
 * (a longer value is never remembered); a new entry replaces whatever had its slot. An entry is
 * keyed by the test's id as well, so tests sharing a memo never see each other's answers.
 *
 * <p>Not thread-safe: one per {@link EvalContext} (one per session).
 */
final class ValueMemo {
  /** Number of entries (a power of two). */
  static final int SLOTS = 1024;
  /** Longest value remembered, in bytes. */
  static final int MAX_KEY = 512;

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
          java.nio.ByteOrder.LITTLE_ENDIAN);

  private final int[] tests = new int[SLOTS];
  private final int[] hashes = new int[SLOTS];
  private final byte[][] keys = new byte[SLOTS][];
  private final boolean[] answers = new boolean[SLOTS];

  /** A hash of {@code b[s, e)} (eight bytes at a time). */
  static int hash(byte[] b, int s, int e) {
    long h = 0x9E3779B97F4A7C15L ^ (e - s);
    int i = s;
    for (; i + 8 <= e; i += 8) {
      h = Long.rotateLeft((h ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL, 29);
    }
    long tail = 0;
    for (int k = 0; i < e; i++, k += 8) {
      tail |= (b[i] & 0xFFL) << k;
    }
    h = (h ^ tail) * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 31));
  }

  private static int slot(int test, int hash) {
    return (hash ^ test * 0x61C88647) & (SLOTS - 1);
  }

  /**
   * The remembered answer of test {@code test} for the value {@code b[s, e)} whose {@link #hash}
   * is {@code hash}: 1 true, 0 false, -1 not remembered.
   */
  int get(int test, byte[] b, int s, int e, int hash) {
    int i = slot(test, hash);
    byte[] k = keys[i];
    if (k == null || tests[i] != test || hashes[i] != hash
        || !Arrays.equals(k, 0, k.length, b, s, e)) {
      return -1;
    }
    return answers[i] ? 1 : 0;
  }

  /** Remembers the answer of {@code test} for {@code b[s, e)}; a value too long is not kept. */
  void put(int test, byte[] b, int s, int e, int hash, boolean answer) {
    if (e - s > MAX_KEY) {
      return;
    }
    int i = slot(test, hash);
    tests[i] = test;
    hashes[i] = hash;
    keys[i] = Arrays.copyOfRange(b, s, e);
    answers[i] = answer;
  }
}
