package io.cloudir.iam.eval;

import org.jspecify.annotations.Nullable;

/**
 * One line of an explanation: a statement that was evaluated and its outcome, or a note on a rule
 * that applied (then {@code layer}, {@code policy} and {@code statement} are null).
 *
 * @param layer the layer, or null for a note
 * @param level the SCP/RCP level (0 = root), or -1
 * @param policy the policy's name, or null
 * @param statement the statement's {@code Sid} or JSON path, or null
 * @param effect {@code Allow} or {@code Deny}, or null
 * @param outcome {@code matched}, {@code not matched}, {@code unknown}, or {@code note}
 * @param reason why
 *     <p>Immutable and thread-safe.
 */
public record Explanation(
    @Nullable Layer layer,
    int level,
    @Nullable String policy,
    @Nullable String statement,
    @Nullable String effect,
    String outcome,
    String reason) {

  @Override
  public String toString() {
    if (layer == null) {
      return "note: " + reason;
    }
    return layer.text() + (level >= 0 ? "[" + level + "]" : "") + " " + policy + " " + statement
        + " (" + effect + "): " + outcome + " — " + reason;
  }
}
