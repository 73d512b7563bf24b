package io.cloudir.rules;

import io.cloudir.model.Location;
import io.cloudir.model.SourceType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input record of a {@link RuleTest}, in the record type's native form: a JSON object for
 * CloudTrail, WAF and Route 53 Resolver; a log line for VPC flow logs (default version 2 format),
 * Route 53 public query logs, S3 access logs and ALB/NLB/CLB logs. Times come from the record
 * itself, so a test of a sequence is a list of events with increasing times.
 *
 * <p>Immutable and thread-safe.
 *
 * @param type the record type
 * @param text the JSON text or log line
 * @param location where the event was written in a rule file, or null
 */
public record TestEvent(SourceType type, String text, @Nullable Location location) {
  /** Checks the parts. */
  public TestEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
  }

  /** A CloudTrail event given as JSON. */
  public static TestEvent cloudTrail(String json) {
    return new TestEvent(SourceType.CLOUDTRAIL, json, null);
  }

  /** A record of any type. */
  public static TestEvent of(SourceType type, String text) {
    return new TestEvent(type, text, null);
  }
}
