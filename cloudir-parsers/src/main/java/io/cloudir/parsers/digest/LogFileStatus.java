package io.cloudir.parsers.digest;

import java.util.Locale;

/** What verifying one log file found. Immutable and thread-safe. */
public enum LogFileStatus {
  /** The SHA-256 of the decompressed file is the one a valid digest records. */
  VALID,
  /** The SHA-256 differs from the digest's (or the file is not readable gzip): it was changed. */
  ALTERED,
  /** A digest lists the file, but it is absent. */
  MISSING,
  /** The file is present, but no digest lists it. */
  UNLISTED,
  /**
   * The hash matches, but the digest that lists it could not be verified (its signature is
   * invalid, its key unknown, its metadata missing…), or the hash algorithm is not SHA-256.
   */
  UNVERIFIABLE;

  /** The lower snake case name used in JSON reports. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Words for human summaries. */
  public String words() {
    return jsonName().replace('_', ' ');
  }
}
