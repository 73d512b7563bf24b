package io.cloudir.iam.eval;

/** The outcome of an evaluation. Immutable and thread-safe. */
public enum Decision {
  /** Allowed. */
  ALLOWED("Allowed"),
  /** Denied by an explicit {@code Deny} statement. */
  EXPLICIT_DENY("ExplicitlyDenied"),
  /** Denied because nothing (or not every required layer) allowed it. */
  IMPLICIT_DENY("ImplicitlyDenied"),
  /** Depends on context keys the caller did not supply ({@link Result#dependsOn()}). */
  CONDITIONAL("Conditional");

  private final String text;

  Decision(String text) {
    this.text = text;
  }

  /** The name used by {@code cloudir iam simulate}: {@code Allowed}, {@code ExplicitlyDenied}… */
  public String text() {
    return text;
  }
}
