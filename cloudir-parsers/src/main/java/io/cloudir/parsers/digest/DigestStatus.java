package io.cloudir.parsers.digest;

import java.util.Locale;

/** What verifying one digest file found. Immutable and thread-safe. */
public enum DigestStatus {
  /** The signature verifies with the named public key, and the digest is where it says it is. */
  VALID,
  /** The signature does not verify (the digest or its signature was changed), or is not hex. */
  SIGNATURE_INVALID,
  /** No public key with the digest's fingerprint was supplied: the signature cannot be checked. */
  KEY_UNKNOWN,
  /**
   * The signature verifies, but with a public key whose validity period ({@code
   * ValidityStartTime}..{@code ValidityEndTime} of {@code ListPublicKeys}) does not cover the time
   * the digest was signed: CloudTrail did not sign it then with that key, so whoever holds a
   * retired (or not yet used) private key may have. See {@link DigestVerifier} for the times.
   */
  KEY_OUTSIDE_VALIDITY,
  /** The {@code .metadata.json} beside the digest, which holds the signature, is absent or unreadable. */
  METADATA_MISSING,
  /** The signature verifies, but the digest names another object key than where it was found. */
  WRONG_LOCATION,
  /** The digest is not a readable digest file (corrupt gzip, not JSON, a required member missing). */
  MALFORMED,
  /** The digest is referenced by the next digest's previous-digest link but is absent. */
  MISSING;

  /** The lower snake case name used in JSON reports ({@code signature_invalid}). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Words for human summaries ({@code signature invalid}). */
  public String words() {
    return jsonName().replace('_', ' ');
  }
}
