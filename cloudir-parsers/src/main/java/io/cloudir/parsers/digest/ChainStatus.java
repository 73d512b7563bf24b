package io.cloudir.parsers.digest;

import java.util.Locale;

/**
 * How a digest links to the previous digest of its trail and region. Immutable and thread-safe.
 */
public enum ChainStatus {
  /** The previous digest is present, and its hash and signature are those this digest records. */
  LINKED,
  /** The digest starts a chain (no previous digest) and is the earliest of its trail and region. */
  START,
  /**
   * The digest starts a new chain after earlier digests of the same trail and region: log file
   * validation (or logging) was turned off and on again. Not tampering; the period between the
   * earlier digest's end and this one's start is covered by no digest.
   */
  RESTART,
  /**
   * The previous digest is absent, but no earlier digest of the trail and region is present
   * either: the chain continues before the evidence that was given.
   */
  OPEN_START,
  /**
   * The previous digest was changed (hash or signature differ from what this digest records), or
   * is absent while earlier digests are present: one or more consecutive digests were deleted.
   */
  BROKEN,
  /**
   * The chain was not checked (a malformed digest, an unsupported previous-digest hash
   * algorithm, a missing digest only known from the next one's link).
   */
  NOT_CHECKED;

  /** The lower snake case name used in JSON reports ({@code open_start}). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Words for human summaries. */
  public String words() {
    return jsonName().replace('_', ' ');
  }
}
