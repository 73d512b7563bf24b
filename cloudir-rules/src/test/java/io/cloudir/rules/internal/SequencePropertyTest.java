package io.cloudir.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.rules.Correlation;
import io.cloudir.rules.Evidence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import io.cloudir.rules.internal.FiredRecorder.Fired;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/**
 * The sequence correlator (partials per key, deadlines, absence steps, bounded keys) against a
 * plain reference that rescans every partial whenever time moves: the same findings, made of the
 * same hits, in the same order, with the same evictions — also across a checkpoint and restore.
 */
class SequencePropertyTest {
  private static final long SECOND = 1_000_000_000L;

  private static Hit hit(long seq, long time, int mask, List<List<String>> keys) {
    Evidence ev = new Evidence(SourceType.CLOUDTRAIL, "e" + seq, null,
        new Provenance("test", seq, seq, null, null));
    return new Hit(0, seq, time, time, mask, keys, "", "", "t", null, null, ev);
  }

  /** The reference: every partial of every key rescanned at every move of time. */
  private static final class Reference {
    private static final class Partial {
      final List<Hit> hits = new ArrayList<>();
      int done;
    }

    final List<Correlation.Step> steps;
    final long window;
    final int maxKeys;
    final Map<String, List<Partial>> partials = new LinkedHashMap<>(16, 0.75f, true);
    final List<Fired> fired = new ArrayList<>();
    int evicted;

    Reference(Correlation c) {
      this.steps = c.steps();
      this.window = c.window().toNanos();
      this.maxKeys = c.maxKeys();
    }

    int nextPresent(int done) {
      for (int i = done + 1; i < steps.size(); i++) {
        if (!steps.get(i).absent()) {
          return i;
        }
      }
      return -1;
    }

    int lastPresent() {
      int lp = 0;
      for (int i = 0; i < steps.size(); i++) {
        if (!steps.get(i).absent()) {
          lp = i;
        }
      }
      return lp;
    }

    static long start(Partial p) {
      return p.hits.get(0).time();
    }

    static Hit last(Partial p) {
      return p.hits.get(p.hits.size() - 1);
    }

    void fire(Partial p) {
      List<Hit> ev = p.hits.size() <= Correlator.MAX_EVIDENCE ? p.hits
          : p.hits.subList(p.hits.size() - Correlator.MAX_EVIDENCE, p.hits.size());
      fired.add(Fired.of(ev, last(p)));
    }

    void advance(long now) {
      if (now == Hit.NO_TIME) {
        return;
      }
      List<Partial> fire = new ArrayList<>();
      Iterator<Map.Entry<String, List<Partial>>> it = partials.entrySet().iterator();
      while (it.hasNext()) {
        List<Partial> ps = it.next().getValue();
        Iterator<Partial> pi = ps.iterator();
        while (pi.hasNext()) {
          Partial p = pi.next();
          if (start(p) + window < now) {
            pi.remove();
            if (p.done == lastPresent()) {
              fire.add(p);
            }
          }
        }
        if (ps.isEmpty()) {
          it.remove();
        }
      }
      fire.sort((a, b) -> Hit.ORDER.compare(last(a), last(b)));
      fire.forEach(this::fire);
    }

    void onHit(Hit h) {
      advance(h.time());
      for (int i = 0; i < steps.size(); i++) {
        if (!steps.get(i).absent() || (h.mask() & (1 << i)) == 0) {
          continue;
        }
        for (String k : h.keys().get(i)) {
          List<Partial> ps = partials.get(k);
          if (ps == null) {
            continue;
          }
          int step = i;
          ps.removeIf(p -> p.done < step
              && (nextPresent(p.done) > step || nextPresent(p.done) < 0)
              && h.end() >= last(p).end() && h.time() <= start(p) + window);
          if (ps.isEmpty()) {
            partials.remove(k);
          }
        }
      }
      for (int i = steps.size() - 1; i >= 0; i--) {
        if (steps.get(i).absent() || (h.mask() & (1 << i)) == 0) {
          continue;
        }
        for (String k : h.keys().get(i)) {
          List<Partial> ps = partials.get(k);
          if (i == 0) {
            if (ps == null) {
              ps = new ArrayList<>();
              partials.put(k, ps);
              while (partials.size() > maxKeys) {
                partials.remove(partials.keySet().iterator().next());
                evicted++;
              }
            }
            Partial p = new Partial();
            p.hits.add(h);
            ps.add(p);
            if (ps.size() > Correlator.MAX_PARTIALS) {
              ps.remove(0);
            }
            continue;
          }
          if (ps == null) {
            continue;
          }
          List<Partial> done = new ArrayList<>();
          for (Partial p : ps) {
            if (nextPresent(p.done) == i && h.end() >= last(p).end()
                && h.time() <= start(p) + window && !p.hits.contains(h)) {
              p.hits.add(h);
              p.done = i;
              if (p.done == lastPresent() && lastPresent() == steps.size() - 1) {
                done.add(p);
              }
            }
          }
          for (Partial p : done) {
            ps.remove(p);
            fire(p);
          }
          if (ps.isEmpty()) {
            partials.remove(k);
          }
        }
      }
    }
  }

  @Test
  void agreesWithRescanningEveryPartialAcrossACheckpoint() {
    qt().withExamples(400).forAll(SourceDSL.longs().all()).checkAssert(seed -> {
      SplittableRandom r = new SplittableRandom(seed);
      int n = 2 + r.nextInt(3);
      // now and then a long span and many hits: the deadline queue outgrows its bound and is
      // rebuilt from the live partials
      boolean longSpan = r.nextInt(4) == 0;
      Correlation.Builder b = Correlation.sequence()
          .window(longSpan ? Duration.ofHours(1) : Duration.ofSeconds(5 + r.nextInt(60)))
          .maxKeys(1 + r.nextInt(longSpan ? 400 : 8));
      b.step("s0", "k");
      for (int i = 1; i < n; i++) {
        if (r.nextInt(3) == 0) {
          b.absent("s" + i, "k");
        } else {
          b.step("s" + i, "k");
        }
      }
      Correlation c = b.build();
      int keys = 1 + r.nextInt(longSpan ? 600 : 10);
      List<Hit> hits = new ArrayList<>();
      long time = 1_700_000_000L * SECOND;
      for (int s = 0; s < (longSpan ? 3 * Correlator.Sequence.MIN_DUE_LIMIT : 500); s++) {
        time += r.nextInt(4) * SECOND;
        int mask = 1 + r.nextInt((1 << n) - 1);
        List<List<String>> ks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          List<String> k = new ArrayList<>();
          if ((mask & (1 << i)) != 0) {
            int first = r.nextInt(keys);
            k.add("k" + first);
            if (r.nextInt(4) == 0 && keys > 1) {
              k.add("k" + ((first + 1 + r.nextInt(keys - 1)) % keys)); // two keys, distinct
            }
          }
          ks.add(List.copyOf(k));
        }
        hits.add(hit(s, time, mask, ks));
      }
      long lateness = r.nextInt(20) * SECOND;
      Reference want = new Reference(c);
      FiredRecorder out = new FiredRecorder();
      List<Fired> got = out.fired;
      Correlator seq = Correlator.of(c);
      int cut = r.nextInt(hits.size());
      for (int i = 0; i < hits.size(); i++) {
        if (i == cut) {
          seq = ThresholdPropertyTest.restored(seq, c);
        }
        Hit h = hits.get(i);
        seq.onHit(h, out);
        want.onHit(h);
        // the session moves time to its watermark after each record
        seq.advance(h.time() - lateness, out);
        want.advance(h.time() - lateness);
      }
      seq.flush(out);
      want.advance(Long.MAX_VALUE);
      assertEquals(want.fired, got, "seed " + seed + " " + c);
      assertEquals(want.evicted, out.evicted, "seed " + seed + " evictions");
    });
  }
}
