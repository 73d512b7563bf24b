package io.cloudir.rules;

/**
 * Counters of a {@link Session}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records records accepted
 * @param findings findings emitted
 * @param evaluations rule evaluations made (what routing did not skip)
 * @param late records that arrived after the watermark had passed their time (correlated anyway,
 *     at once, so results may then depend on arrival order)
 * @param evicted correlation keys evicted because a rule held {@link Correlation#maxKeys()}
 * @param suppressed findings suppressed by a {@link Suppression} window
 * @param buffered records held for correlation, waiting for the watermark
 */
public record SessionStats(long records, long findings, long evaluations, long late, long evicted,
    long suppressed, long buffered) {}
