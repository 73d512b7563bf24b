package io.cloudir.investigate;

import io.cloudir.model.Provenance;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** Builds CloudTrail events as JSON text for tests. */
final class Ev {
  static final String ACCT = "111122223333";
  private static final AtomicLong IDS = new AtomicLong();

  private Ev() {}

  static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String user(String name, String key) {
    return "{\"type\":\"IAMUser\",\"principalId\":\"AIDA" + name.toUpperCase() + "\",\"arn\":"
        + q("arn:aws:iam::" + ACCT + ":user/" + name) + ",\"accountId\":" + q(ACCT)
        + ",\"accessKeyId\":" + q(key) + ",\"userName\":" + q(name) + "}";
  }

  static String userSession(String name, String key, String created, boolean console) {
    return "{\"type\":\"IAMUser\",\"principalId\":\"AIDAX\",\"arn\":"
        + q("arn:aws:iam::" + ACCT + ":user/" + name) + ",\"accountId\":" + q(ACCT)
        + ",\"accessKeyId\":" + q(key) + ",\"userName\":" + q(name)
        + ",\"sessionContext\":{\"attributes\":{\"creationDate\":" + q(created)
        + ",\"mfaAuthenticated\":\"true\"}}}";
  }

  /** An assumed-role identity; {@code extra} is added to sessionContext (e.g. ec2RoleDelivery). */
  static String role(String roleName, String session, String key, String created, String extra) {
    String roleArn = "arn:aws:iam::" + ACCT + ":role/" + roleName;
    return "{\"type\":\"AssumedRole\",\"principalId\":\"AROAX:" + session + "\",\"arn\":"
        + q("arn:aws:sts::" + ACCT + ":assumed-role/" + roleName.substring(roleName.lastIndexOf('/') + 1)
            + "/" + session)
        + ",\"accountId\":" + q(ACCT) + (key == null ? "" : ",\"accessKeyId\":" + q(key))
        + ",\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAX\","
        + "\"arn\":" + q(roleArn) + ",\"accountId\":" + q(ACCT) + ",\"userName\":"
        + q(roleName) + "},\"attributes\":{\"creationDate\":" + q(created)
        + ",\"mfaAuthenticated\":\"false\"}" + extra + "}}";
  }

  static String service(String svc) {
    return "{\"type\":\"AWSService\",\"invokedBy\":" + q(svc) + "}";
  }

  static String event(String identity, String time, String source, String name, String rp,
      String re, String extra) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity + ",\"eventTime\":" + q(time)
        + ",\"eventSource\":" + q(source) + ",\"eventName\":" + q(name)
        + ",\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"t\","
        + "\"requestParameters\":" + rp + ",\"responseElements\":" + re
        + ",\"eventID\":" + q("ev-" + IDS.incrementAndGet()) + ",\"eventType\":\"AwsApiCall\","
        + "\"recipientAccountId\":" + q(ACCT) + extra + "}";
  }

  static CloudTrailEvent parse(String json) {
    return CloudTrailEvent.parse(json.getBytes(StandardCharsets.UTF_8), Provenance.inMemory());
  }

  /** An STS mint: {@code name} called by {@code identity}, minting {@code newKey} for the role. */
  static CloudTrailEvent mint(String identity, String time, String name, String roleName,
      String session, String newKey, String extraRp) {
    String roleArn = "arn:aws:iam::" + ACCT + ":role/" + roleName;
    String rp = "{\"roleArn\":" + q(roleArn) + ",\"roleSessionName\":" + q(session) + extraRp + "}";
    String re = "{\"credentials\":{\"accessKeyId\":" + q(newKey) + ",\"sessionToken\":\"x\","
        + "\"expiration\":\"Jul 10, 2023, 6:30:22 PM\"},\"assumedRoleUser\":{\"arn\":"
        + q("arn:aws:sts::" + ACCT + ":assumed-role/" + roleName + "/" + session) + "}}";
    return parse(event(identity, time, "sts.amazonaws.com", name, rp, re, ""));
  }

  static CloudTrailEvent call(String identity, String time, String source, String name) {
    return parse(event(identity, time, source, name, "null", "null", ""));
  }
}
