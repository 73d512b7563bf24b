package io.cloudir.rules.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A correlator's output as the correlator property tests compare it: each finding as the sequence
 * numbers of its hits and of its last hit, and the evictions counted. Not thread-safe.
 */
final class FiredRecorder implements Correlator.Out {
  /** One finding: the sequence numbers of its hits, and of the hit that completed it. */
  record Fired(List<Long> hits, long last) {
    static Fired of(List<Hit> hits, Hit last) {
      return new Fired(hits.stream().map(Hit::seq).toList(), last.seq());
    }
  }

  final List<Fired> fired = new ArrayList<>();
  int evicted;

  @Override
  public void finding(List<Hit> hits, Hit last) {
    fired.add(Fired.of(hits, last));
  }

  @Override
  public void evicted() {
    evicted++;
  }
}
