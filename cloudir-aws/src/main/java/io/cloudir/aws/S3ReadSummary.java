package io.cloudir.aws;

import io.cloudir.parsers.ReadStats;
import java.util.List;
import java.util.Objects;

/**
 * What a read of S3 objects did: how many objects were listed and read, how many bytes came over
 * the network, the parsers' counts, and every object that could not be read whole.
 *
 * <p>Immutable and thread-safe.
 *
 * @param listed objects listed
 * @param read objects read whole
 * @param bytes bytes downloaded (compressed, as stored)
 * @param stats the parsers' counts over all objects
 * @param failures the objects that could not be read whole, in list order
 */
public record S3ReadSummary(
    int listed, int read, long bytes, ReadStats stats, List<ObjectFailure> failures) {
  /** Copies the list. */
  public S3ReadSummary {
    Objects.requireNonNull(stats);
    failures = List.copyOf(failures);
  }
}
