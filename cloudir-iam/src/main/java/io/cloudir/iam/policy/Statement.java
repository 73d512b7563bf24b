package io.cloudir.iam.policy;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One statement of a policy, as written (validated by the parser).
 *
 * @param jsonPath where the statement is in its document ({@code $.Statement[2]}, or {@code
 *     $.Statement} when {@code Statement} is a single object)
 * @param sid the {@code Sid}, or {@code null}
 * @param effect the effect
 * @param principals the {@code Principal} or {@code NotPrincipal} value, or {@code null} when
 *     neither is present (identity policies, SCPs)
 * @param notPrincipal whether {@code principals} came from {@code NotPrincipal}
 * @param actions the {@code Action} or {@code NotAction} values
 * @param notAction whether {@code actions} came from {@code NotAction}
 * @param resources the {@code Resource} or {@code NotResource} values, or {@code null} when neither
 *     is present (role trust policies)
 * @param notResource whether {@code resources} came from {@code NotResource}
 * @param conditions the condition tests, in document order (all must hold)
 *     <p>Immutable and thread-safe.
 */
public record Statement(
    String jsonPath,
    @Nullable String sid,
    Effect effect,
    @Nullable Principals principals,
    boolean notPrincipal,
    List<String> actions,
    boolean notAction,
    @Nullable List<String> resources,
    boolean notResource,
    List<Condition> conditions) {

  /** Validates and copies. */
  public Statement {
    Objects.requireNonNull(jsonPath, "jsonPath");
    Objects.requireNonNull(effect, "effect");
    actions = List.copyOf(actions);
    resources = resources == null ? null : List.copyOf(resources);
    conditions = List.copyOf(conditions);
  }

  /** The {@code Sid} if present, else the JSON path: a label for explanations. */
  public String label() {
    return sid != null ? sid : jsonPath;
  }
}
