/**
 * JMH benchmarks that measure cloudir and its peers on the same in-memory inputs, plus the
 * deterministic input generators and the canonical answer ({@link io.cloudir.benchmarks.FieldChecksum})
 * every variant must reproduce.
 */
@NullMarked
package io.cloudir.benchmarks;

import org.jspecify.annotations.NullMarked;
