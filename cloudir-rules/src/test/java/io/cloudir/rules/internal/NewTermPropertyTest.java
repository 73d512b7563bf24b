package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.rules.Correlation;
import io.cloudir.rules.Evidence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The new-term correlator (state keyed by (group key, term) pairs) against the straightforward
 * reference — a {@code LinkedHashMap} in access order keyed by {@code key + U+0000 + term}, its
 * least recently used key evicted past the bound — with a checkpoint and restore of the
 * correlator at a random point: the same findings, in the same order, and the same evictions.
 */
class NewTermPropertyTest {
  private static final long MINUTE = 60_000_000_000L;

  private record Run(List<Long> findings, int evicted) {}

  private static Hit hit(long seq, long time, String group, String term) {
    Evidence ev = new Evidence(SourceType.CLOUDTRAIL, "e" + seq, null,
        new Provenance("test", seq, seq, null, null));
    return new Hit(0, seq, time, time, 1, List.of(List.of(group)), term, "", "t", null, null, ev);
  }

  private static Run reference(List<Hit> hits, Correlation c) {
    Map<String, Long> seen = new LinkedHashMap<>(16, 0.75f, true);
    List<Long> out = new ArrayList<>();
    int evicted = 0;
    long start = Hit.NO_TIME;
    for (Hit h : hits) {
      if (start == Hit.NO_TIME) {
        start = h.time();
      }
      String key = h.keys().get(0).get(0) + "\u0000" + h.value();
      Long last = seen.get(key);
      boolean fresh = last == null || h.time() - last > c.window().toNanos();
      seen.put(key, h.time());
      while (seen.size() > c.maxKeys()) {
        seen.remove(seen.keySet().iterator().next());
        evicted++;
      }
      if (fresh && h.time() - start >= c.learn().toNanos()) {
        out.add(h.seq());
      }
    }
    return new Run(out, evicted);
  }

  private static Correlator restored(Correlator from, Correlation c) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        from.write(out);
      }
      Correlator to = Correlator.of(c);
      to.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      return to;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void agreesWithTheJoinedStringReferenceAcrossACheckpoint() {
    qt().withExamples(300).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      Correlation c = Correlation.newTerm().groupBy("g").terms("v")
          .window(Duration.ofMinutes(1 + r.nextInt(60))).learn(Duration.ofMinutes(r.nextInt(30)))
          .maxKeys(1 + r.nextInt(30)).build();
      // parts with U+0000: ("a", "\0b") and ("a\0", "b") name the same key
      String[] groups = {"a", "a\u0000", "b", "arn:aws:iam::111122223333:user/bob"};
      String[] terms = {"b", "\u0000b", "us-east-1", "eu-west-1", ""};
      List<Hit> hits = new ArrayList<>();
      long time = 1_700_000_000L * 1_000_000_000L;
      for (int i = 0; i < 300; i++) {
        time += r.nextInt(5) * MINUTE;
        String g = r.nextInt(3) == 0 ? "g" + r.nextInt(20) : groups[r.nextInt(groups.length)];
        String t = r.nextInt(3) == 0 ? "t" + r.nextInt(10) : terms[r.nextInt(terms.length)];
        hits.add(hit(i, time, new String(g.toCharArray()), t));
      }
      Run want = reference(hits, c);
      List<Long> got = new ArrayList<>();
      int[] evicted = {0};
      Correlator.Out out = new Correlator.Out() {
        @Override
        public void finding(List<Hit> hs, Hit last) {
          got.add(last.seq());
        }

        @Override
        public void evicted() {
          evicted[0]++;
        }
      };
      Correlator nt = Correlator.of(c);
      int cut = r.nextInt(hits.size());
      for (int i = 0; i < hits.size(); i++) {
        if (i == cut) {
          nt = restored(nt, c);
        }
        nt.onHit(hits.get(i), out);
      }
      assertEquals(want, new Run(got, evicted[0]), "seed " + seed + " " + c);
    });
  }
}
