package io.cloudir.rules;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the tests. */
final class Fixtures {
  private Fixtures() {}

  /** A CloudTrail event with the given extra top-level members (JSON text without braces). */
  static CloudTrailEvent event(String members) {
    return CloudTrailEvent.parse("{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-03-14T09:00:00Z\","
        + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\","
        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\","
        + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::111122223333:user/alice\","
        + "\"accountId\":\"111122223333\",\"userName\":\"alice\"},"
        + "\"eventID\":\"ev-1\",\"recipientAccountId\":\"111122223333\""
        + (members.isEmpty() ? "" : "," + members) + "}");
  }

  /** The findings of a one-rule engine over the records. */
  static List<Finding> run(Rule rule, LogRecord... records) {
    List<Finding> out = new ArrayList<>();
    Session s = Engine.compile(List.of(rule)).newSession(out::add);
    for (LogRecord r : records) {
      s.accept(r);
    }
    s.flush();
    return out;
  }

  /** Whether a single field test holds for a record (a rule with just that test). */
  static boolean holds(FieldTest t, LogRecord r) {
    Rule rule = Rule.builder("t").logSource(io.cloudir.rules.LogSource.of(r.source())).when(t)
        .build();
    return !run(rule, r).isEmpty();
  }
}
