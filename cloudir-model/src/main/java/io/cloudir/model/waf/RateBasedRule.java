package io.cloudir.model.waf;

import io.cloudir.model.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code rateBasedRuleList}. Numbers AWS sometimes writes as strings ({@code
 * "evaluationWindowSec": "120"}) are read either way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rateBasedRuleId the rule's id
 * @param rateBasedRuleName the rule's name, or null
 * @param limitKey what the rate is aggregated on ({@code IP}, {@code FORWARDED_IP},
 *     {@code CUSTOMKEYS}, {@code CONSTANT}), or null
 * @param maxRateAllowed the limit, or {@link WafLogRecord#ABSENT}
 * @param evaluationWindowSec the window in seconds, or {@link WafLogRecord#ABSENT}
 * @param limitValue the aggregation value (e.g. the IP address), or null
 * @param customValues the custom aggregation keys as logged, or null
 * @param json the whole object as logged
 */
public record RateBasedRule(@Nullable String rateBasedRuleId, @Nullable String rateBasedRuleName,
    @Nullable String limitKey, long maxRateAllowed, long evaluationWindowSec, @Nullable String limitValue,
    @Nullable JsonValue customValues, JsonValue json) {

  static RateBasedRule of(JsonValue v) {
    return new RateBasedRule(WafLogRecord.textOf(v.get("rateBasedRuleId")),
        WafLogRecord.textOf(v.get("rateBasedRuleName")), WafLogRecord.textOf(v.get("limitKey")),
        WafLogRecord.longOf(v.get("maxRateAllowed")), WafLogRecord.longOf(v.get("evaluationWindowSec")),
        WafLogRecord.textOf(v.get("limitValue")), WafLogRecord.nonNull(v.get("customValues")), v);
  }
}
