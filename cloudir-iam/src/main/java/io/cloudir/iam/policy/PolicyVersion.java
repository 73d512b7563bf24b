package io.cloudir.iam.policy;

/**
 * The policy language version. Policy variables exist only in {@link #V2012_10_17}; in {@link
 * #V2008_10_17} (also assumed when {@code Version} is absent) {@code ${…}} is literal text.
 * Immutable and thread-safe.
 */
public enum PolicyVersion {
  /** {@code 2008-10-17}, or no {@code Version} element. */
  V2008_10_17("2008-10-17"),
  /** {@code 2012-10-17}. */
  V2012_10_17("2012-10-17");

  private final String text;

  PolicyVersion(String text) {
    this.text = text;
  }

  /** The version string. */
  public String text() {
    return text;
  }

  /** Whether policy variables are interpreted. */
  public boolean hasVariables() {
    return this == V2012_10_17;
  }
}
