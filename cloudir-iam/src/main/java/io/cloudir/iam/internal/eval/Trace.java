package io.cloudir.iam.internal.eval;

import io.cloudir.iam.policy.Statement;

/** Receives the explain path's observations. Implementations need not be thread-safe. */
public interface Trace {
  /**
   * One statement was evaluated.
   *
   * @param layer an {@code Engine} layer constant
   * @param level the SCP/RCP level, or -1
   * @param policy the policy name
   * @param statement the statement
   * @param result {@code 0} not matched, {@code 1} matched, {@code 2} depends on unknown keys
   * @param reason why
   */
  void statement(int layer, int level, String policy, Statement statement, int result, String reason);

  /**
   * A condition or policy variable depends on a key the caller did not supply.
   *
   * @param key the context key as written in the policy
   */
  void unknownKey(String key);

  /**
   * A note on the evaluation (a rule that applied, such as an exemption).
   *
   * @param text the note
   */
  void note(String text);
}
