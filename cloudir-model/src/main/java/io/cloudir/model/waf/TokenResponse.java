package io.cloudir.model.waf;

import io.cloudir.model.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A {@code captchaResponse} or {@code challengeResponse}: the state of the token check.
 *
 * <p>Immutable and thread-safe.
 *
 * @param responseCode the response code (0 when solved), or {@link WafLogRecord#ABSENT}
 * @param solveTimestamp when the puzzle was solved (epoch seconds), or {@link WafLogRecord#ABSENT}
 * @param failureReason why the check failed ({@code TOKEN_MISSING}, {@code TOKEN_EXPIRED}…), or null
 * @param json the whole object as logged
 */
public record TokenResponse(long responseCode, long solveTimestamp, @Nullable String failureReason,
    JsonValue json) {

  static TokenResponse of(JsonValue v) {
    return new TokenResponse(WafLogRecord.longOf(v.get("responseCode")),
        WafLogRecord.longOf(v.get("solveTimestamp")), WafLogRecord.textOf(v.get("failureReason")), v);
  }
}
