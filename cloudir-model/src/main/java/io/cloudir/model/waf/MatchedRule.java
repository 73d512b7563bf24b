package io.cloudir.model.waf;

import io.cloudir.model.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A rule that matched a request, as listed in {@code nonTerminatingMatchingRules} or as a rule
 * group's {@code terminatingRule}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ruleId the rule's name or id
 * @param action the rule's action (e.g. {@code COUNT}), or null
 * @param overriddenAction the action the rule would have taken before an override, or null
 * @param ruleMatchDetails the match details (condition type, location, matched data), or null
 * @param json the whole object as logged
 */
public record MatchedRule(@Nullable String ruleId, @Nullable WafAction action,
    @Nullable String overriddenAction, @Nullable JsonValue ruleMatchDetails, JsonValue json) {

  static MatchedRule of(JsonValue v) {
    String action = WafLogRecord.textOf(v.get("action"));
    return new MatchedRule(WafLogRecord.textOf(v.get("ruleId")), action == null ? null : WafAction.of(action),
        WafLogRecord.textOf(v.get("overriddenAction")), WafLogRecord.nonNull(v.get("ruleMatchDetails")), v);
  }
}
