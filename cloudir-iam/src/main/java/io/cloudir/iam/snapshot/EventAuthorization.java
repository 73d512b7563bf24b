package io.cloudir.iam.snapshot;

import io.cloudir.iam.eval.Explanation;
import io.cloudir.iam.eval.Result;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a CloudTrail event's call was (or would be) allowed, for one IAM action it needed ({@link
 * Snapshot#authorize}).
 *
 * @param principal the principal ARN from the event's {@code userIdentity}
 * @param action the IAM action
 * @param resource the resource ARN evaluated ({@code *} when the event names none)
 * @param context the request context derived from the event (source IP, region, time, MFA…)
 * @param result the evaluation
 * @param allowedBy the {@code Allow} statements that matched (identity, resource, boundary, SCP…)
 *     <p>Immutable and thread-safe.
 */
public record EventAuthorization(
    String principal, String action, String resource, Map<String, List<String>> context,
    Result result, List<Explanation> allowedBy) {
  /** Copies the collections. */
  public EventAuthorization {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(result, "result");
    context = Map.copyOf(context);
    allowedBy = List.copyOf(allowedBy);
  }
}
