package io.cloudir.model.internal;

/**
 * Byte-slice helpers shared by the zero-copy views of the model (flow log views, CloudTrail
 * views): comparisons of raw bytes with ASCII text, without decoding or allocating.
 *
 * <p>Stateless and thread-safe.
 */
public final class Ascii {
  private Ascii() {}

  /** Whether the bytes {@code [s, e)} of {@code b} are exactly the ASCII text {@code ascii}. */
  public static boolean equals(byte[] b, int s, int e, String ascii) {
    int n = e - s;
    if (n != ascii.length()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[s + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
