package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.rules.Correlation;
import io.cloudir.rules.Evidence;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import io.cloudir.rules.internal.FiredRecorder.Fired;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The threshold correlator's running counts (a ring of hits per group with per-value counters)
 * against a reference that keeps each group's hits in a plain list and recounts the window from
 * scratch at every hit: the same findings, made of the same hits, in the same order.
 */
class ThresholdPropertyTest {
  private static final long SECOND = 1_000_000_000L;

  private static Hit hit(long seq, long time, String group, String value) {
    Evidence ev = new Evidence(SourceType.CLOUDTRAIL, "e" + seq, null,
        new Provenance("test", seq, seq, null, null));
    return new Hit(0, seq, time, time, 1, List.of(List.of(group)), value, "", "t", null, null, ev);
  }

  /** The reference: plain lists, the window and the aggregate recomputed at every hit. */
  private static List<Fired> reference(List<Hit> hits, Correlation.Aggregate agg, long limit,
      BigDecimal total, long window) {
    return reference(hits, agg, limit, total, window, Integer.MAX_VALUE, new int[1]);
  }

  /**
   * The reference with at most {@code maxKeys} groups in a {@code LinkedHashMap} in access
   * order, the least recently used evicted (counted in {@code evicted[0]}).
   */
  private static List<Fired> reference(List<Hit> hits, Correlation.Aggregate agg, long limit,
      BigDecimal total, long window, int maxKeys, int[] evicted) {
    Map<String, List<Hit>> groups = new LinkedHashMap<>(16, 0.75f, true);
    List<Fired> out = new ArrayList<>();
    for (Hit h : hits) {
      String key = h.keys().get(0).get(0);
      List<Hit> g = groups.get(key);
      if (g == null) {
        g = new ArrayList<>();
        groups.put(key, g);
        while (groups.size() > maxKeys) {
          groups.remove(groups.keySet().iterator().next());
          evicted[0]++;
        }
      }
      g.removeIf(x -> x.time() < h.time() - window);
      g.add(h);
      boolean reached;
      if (agg == Correlation.Aggregate.COUNT) {
        reached = g.size() >= limit;
      } else if (agg == Correlation.Aggregate.DISTINCT) {
        HashSet<String> d = new HashSet<>();
        for (Hit x : g) {
          if (!x.value().isEmpty()) {
            d.add(x.value());
          }
        }
        reached = d.size() >= limit;
      } else {
        BigDecimal sum = BigDecimal.ZERO;
        for (Hit x : g) {
          BigDecimal v = x.value().isEmpty() ? null : Values.number(x.value());
          if (v != null) {
            sum = sum.add(v);
          }
        }
        reached = sum.compareTo(total) >= 0;
      }
      if (reached) {
        out.add(Fired.of(g, h));
        groups.remove(key);
      }
    }
    return out;
  }

  @Test
  void runningCountsAgreeWithRecountingTheWindow() {
    qt().withExamples(300).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      Correlation.Aggregate agg = Correlation.Aggregate.values()[r.nextInt(3)];
      long limit = 1 + r.nextInt(25);
      BigDecimal total = BigDecimal.valueOf(r.nextInt(1, 200));
      Duration window = Duration.ofSeconds(1 + r.nextInt(120));
      Correlation.Builder b = Correlation.threshold().groupBy("g").window(window);
      Correlation c = switch (agg) {
        case COUNT -> b.count(limit).build();
        case DISTINCT -> b.distinct("v", limit).build();
        case SUM -> b.sum("v", total).build();
      };
      int groups = 1 + r.nextInt(4);
      int values = 1 + r.nextInt(r.nextBoolean() ? 40 : 300); // many: values dropped in bulk
      List<Hit> hits = new ArrayList<>();
      long time = 1_700_000_000L * SECOND;
      for (int i = 0; i < 600; i++) {
        time += r.nextInt(4) * SECOND; // ties and gaps, in time order as the buffer delivers
        String v = r.nextInt(10) == 0 ? "" : agg == Correlation.Aggregate.SUM
            ? Integer.toString(r.nextInt(-5, 30)) : "v" + r.nextInt(values);
        hits.add(hit(i, time, "g" + r.nextInt(groups), v));
      }
      List<Fired> want = reference(hits, agg, limit, total, window.toNanos());
      Correlator t = Correlator.of(c);
      FiredRecorder out = new FiredRecorder();
      List<Fired> got = out.fired;
      for (Hit h : hits) {
        t.onHit(h, out);
      }
      assertEquals(want, got, "seed " + seed + " " + agg + " limit " + limit);
    });
  }

  @Test
  void boundedGroupsEvictTheLeastRecentlyUsedAcrossACheckpoint() {
    qt().withExamples(300).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      Correlation.Aggregate agg = r.nextBoolean() ? Correlation.Aggregate.COUNT
          : Correlation.Aggregate.DISTINCT;
      long limit = 2 + r.nextInt(8);
      int maxKeys = 1 + r.nextInt(6);
      Duration window = Duration.ofSeconds(5 + r.nextInt(120));
      Correlation.Builder b = Correlation.threshold().groupBy("g").window(window).maxKeys(maxKeys);
      Correlation c = agg == Correlation.Aggregate.COUNT ? b.count(limit).build()
          : b.distinct("v", limit).build();
      List<Hit> hits = new ArrayList<>();
      long time = 1_700_000_000L * SECOND;
      int groups = 1 + r.nextInt(12);
      for (int i = 0; i < 400; i++) {
        time += r.nextInt(4) * SECOND;
        String g = "arn:aws:iam::111122223333:user/u" + r.nextInt(groups);
        hits.add(hit(i, time, new String(g.toCharArray()), "v" + r.nextInt(12)));
      }
      int[] wantEvicted = {0};
      List<Fired> want = reference(hits, agg, limit, BigDecimal.ZERO, window.toNanos(), maxKeys,
          wantEvicted);
      FiredRecorder out = new FiredRecorder();
      List<Fired> got = out.fired;
      Correlator t = Correlator.of(c);
      int cut = r.nextInt(hits.size());
      for (int i = 0; i < hits.size(); i++) {
        if (i == cut) {
          t = restored(t, c);
        }
        t.onHit(hits.get(i), out);
      }
      assertEquals(want, got, "seed " + seed + " " + c);
      assertEquals(wantEvicted[0], out.evicted, "seed " + seed + " evictions");
    });
  }

  /** {@code from} written and read back into a new correlator (also used by other tests). */
  static Correlator restored(Correlator from, Correlation c) {
    try {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.DataOutputStream o = new java.io.DataOutputStream(bytes)) {
        from.write(o);
      }
      Correlator to = Correlator.of(c);
      to.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
      return to;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
