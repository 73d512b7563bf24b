package io.cloudir.iam.eval;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The result of an evaluation.
 *
 * @param decision the decision
 * @param decidedBy the layer that decided a deny (the explicit deny's layer, or the first layer that
 *     failed to allow), or null for an allow or a conditional answer
 * @param level the SCP/RCP level (0 = root) when {@code decidedBy} is {@link Layer#SCP} or {@link
 *     Layer#RCP}, else -1
 * @param possible for {@link Decision#CONDITIONAL}: the decisions that the unknown keys can lead to
 *     (an over-approximation when two conditions test the same key); else just the decision
 * @param dependsOn for {@link Decision#CONDITIONAL}: the context keys the result depends on, as
 *     written in the policies; else empty
 * @param explanation each statement evaluated and notes, in evaluation order (empty on the
 *     decision path)
 *     <p>Immutable and thread-safe.
 */
public record Result(
    Decision decision,
    @Nullable Layer decidedBy,
    int level,
    Set<Decision> possible,
    List<String> dependsOn,
    List<Explanation> explanation) {

  /** Copies the collections. */
  public Result {
    Objects.requireNonNull(decision, "decision");
    possible = Set.copyOf(possible);
    dependsOn = List.copyOf(dependsOn);
    explanation = List.copyOf(explanation);
  }
}
