package io.cloudir.iam.policy;

/**
 * Something valid but suspicious in a policy, such as an action the catalog does not know.
 *
 * @param jsonPath where, such as {@code $.Statement[0].Action[2]}
 * @param message what
 *     <p>Immutable and thread-safe.
 */
public record PolicyWarning(String jsonPath, String message) {
  @Override
  public String toString() {
    return jsonPath + ": " + message;
  }
}
