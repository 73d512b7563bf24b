package io.cloudir.iam.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EventActionMap} says about one CloudTrail (eventSource, eventName) pair.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind how the answer was found
 * @param actions the IAM actions the call needed, main one first; empty for {@link
 *     Kind#NO_IAM_ACTION} and {@link Kind#UNKNOWN}
 */
public record EventMapping(Kind kind, List<ActionInfo> actions) {

  /** How an answer was found. */
  public enum Kind {
    /** The default rule: the service prefix of the eventSource and the eventName. */
    DEFAULT_RULE,
    /** The hand-kept table of events whose action differs from the default. */
    TABLE,
    /** The table says the event needs no IAM action (console sign-in, AWS's own work). */
    NO_IAM_ACTION,
    /** Neither the default rule nor the table gives an action of the catalog. */
    UNKNOWN
  }

  /** Copies the list and checks that it is empty exactly when the kind has no action. */
  public EventMapping {
    Objects.requireNonNull(kind, "kind");
    actions = List.copyOf(actions);
    boolean none = kind == Kind.NO_IAM_ACTION || kind == Kind.UNKNOWN;
    if (none != actions.isEmpty()) {
      throw new IllegalArgumentException(kind + " with actions " + actions);
    }
  }

  /** The main action, if any. */
  public Optional<ActionInfo> action() {
    return actions.isEmpty() ? Optional.empty() : Optional.of(actions.get(0));
  }
}
