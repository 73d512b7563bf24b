package io.cloudir.iam.policy;

/** The {@code Effect} of a statement. Immutable and thread-safe. */
public enum Effect {
  /** {@code "Allow"}. */
  ALLOW("Allow"),
  /** {@code "Deny"}. */
  DENY("Deny");

  private final String text;

  Effect(String text) {
    this.text = text;
  }

  /** The policy text ({@code Allow} or {@code Deny}). */
  public String text() {
    return text;
  }
}
