package io.cloudir.model.waf;

import io.cloudir.model.json.JsonValue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code ruleGroupList}: a rule group the request was evaluated against.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ruleGroupId the group's id ({@code AWS#AWSManagedRulesCommonRuleSet} or an ARN)
 * @param terminatingRule the group's rule that terminated evaluation, or null
 * @param nonTerminatingMatchingRules the group's rules that matched without terminating
 * @param excludedRules the group's excluded rules as logged, or null
 * @param customerConfig the customer configuration as logged, or null
 * @param json the whole object as logged
 */
public record RuleGroup(@Nullable String ruleGroupId, @Nullable MatchedRule terminatingRule,
    List<MatchedRule> nonTerminatingMatchingRules, @Nullable JsonValue excludedRules,
    @Nullable JsonValue customerConfig, JsonValue json) {

  /** Copies the list. */
  public RuleGroup {
    nonTerminatingMatchingRules = List.copyOf(nonTerminatingMatchingRules);
  }

  static RuleGroup of(JsonValue v) {
    JsonValue t = WafLogRecord.nonNull(v.get("terminatingRule"));
    return new RuleGroup(WafLogRecord.textOf(v.get("ruleGroupId")),
        t != null && t.isObject() ? MatchedRule.of(t) : null,
        WafLogRecord.rules(v.get("nonTerminatingMatchingRules")),
        WafLogRecord.nonNull(v.get("excludedRules")), WafLogRecord.nonNull(v.get("customerConfig")), v);
  }
}
