package io.cloudir.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Correlated hits are rendered only when their finding is emitted, yet name what the session
 * knew when their record came: a hit whose credentials' minting event arrives between the hit
 * and the finding keeps the attribution it had (as the reference path, which renders every hit
 * at once, shows).
 */
class LazyHitTest {
  private static final String KEY = "ASIAEXAMPLELAZY00001";

  private static CloudTrailEvent call(int minute, String id) {
    return CloudTrailEvent.parse("{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-03-14T09:"
        + String.format(java.util.Locale.ROOT, "%02d", minute) + ":00Z\","
        + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\","
        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.9\","
        + "\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:s\","
        + "\"arn\":\"arn:aws:sts::111122223333:assumed-role/ops/s\",\"accountId\":"
        + "\"111122223333\",\"accessKeyId\":\"" + KEY + "\",\"sessionContext\":{"
        + "\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::111122223333:role/ops\","
        + "\"accountId\":\"111122223333\",\"userName\":\"ops\"}}},"
        + "\"eventID\":\"" + id + "\",\"recipientAccountId\":\"111122223333\"}");
  }

  /** The AssumeRole by an IAM user that minted {@link #KEY} (delivered late). */
  private static CloudTrailEvent mint(int minute) {
    return CloudTrailEvent.parse("{\"eventVersion\":\"1.09\",\"eventTime\":\"2026-03-14T09:"
        + String.format(java.util.Locale.ROOT, "%02d", minute) + ":00Z\","
        + "\"eventSource\":\"sts.amazonaws.com\",\"eventName\":\"AssumeRole\","
        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"198.51.100.9\","
        + "\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE\","
        + "\"arn\":\"arn:aws:iam::111122223333:user/mallory\",\"accountId\":\"111122223333\","
        + "\"accessKeyId\":\"AKIAEXAMPLELAZY00001\",\"userName\":\"mallory\"},"
        + "\"requestParameters\":{\"roleArn\":\"arn:aws:iam::111122223333:role/ops\","
        + "\"roleSessionName\":\"s\"},\"responseElements\":{\"credentials\":{\"accessKeyId\":\""
        + KEY + "\",\"expiration\":\"Mar 14, 2026, 10:00:00 AM\"},\"assumedRoleUser\":{"
        + "\"arn\":\"arn:aws:sts::111122223333:assumed-role/ops/s\"}},"
        + "\"eventID\":\"mint-1\",\"recipientAccountId\":\"111122223333\"}");
  }

  private static List<String> run(Engine e, List<LogRecord> records) {
    List<String> out = new ArrayList<>();
    Session s = e.newSession(f -> out.add(f.toJson()));
    records.forEach(s::accept);
    s.flush();
    return out;
  }

  @Test
  void hitsKeepTheAttributionOfTheirTime() {
    Rule rule = Rule.builder("lazy").title("calls by {actor.arn}")
        .logSource(LogSource.cloudTrail())
        .when(Field.of("eventName").equalsAny("DescribeInstances"))
        .correlation(Correlation.threshold().groupBy("sourceIPAddress")
            .window(Duration.ofHours(1)).count(2).build())
        .build();
    // the first call comes before its credentials' mint, the second after it
    List<LogRecord> records = List.of(call(1, "c-1"), mint(0), call(2, "c-2"));
    List<String> fast = run(Engine.compile(List.of(rule)), records);
    List<String> reference = run(Engine.compileUnrouted(List.of(rule), EngineOptions.defaults()),
        records);
    assertEquals(1, reference.size(), reference.toString());
    assertEquals(reference, fast);
    // the case is not vacuous: the two calls are attributed differently
    List<String> titles = new ArrayList<>();
    Session s = Engine.compile(List.of(Rule.builder("each").title("{actor.arn}")
        .logSource(LogSource.cloudTrail())
        .when(Field.of("eventName").equalsAny("DescribeInstances")).build()))
        .newSession(f -> titles.add(f.title() + " " + f.principal()));
    records.forEach(s::accept);
    s.flush();
    assertEquals(2, titles.size(), titles.toString());
    assertNotEquals(titles.get(0), titles.get(1));
  }
}
