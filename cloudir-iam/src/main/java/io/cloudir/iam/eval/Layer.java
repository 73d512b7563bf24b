package io.cloudir.iam.eval;

/** The policy layers of an evaluation. Immutable and thread-safe. */
public enum Layer {
  /** Identity-based policies. */
  IDENTITY("identity"),
  /** The resource-based policy (bucket policy, key policy, trust policy…). */
  RESOURCE("resource"),
  /** The permissions boundary. */
  BOUNDARY("boundary"),
  /** The session policy. */
  SESSION("session"),
  /** Service control policies. */
  SCP("scp"),
  /** Resource control policies. */
  RCP("rcp"),
  /** VPC endpoint policies. */
  VPCE("vpce");

  private final String text;

  Layer(String text) {
    this.text = text;
  }

  /** The name used by {@code cloudir iam simulate} ({@code identity}, {@code scp}…). */
  public String text() {
    return text;
  }
}
