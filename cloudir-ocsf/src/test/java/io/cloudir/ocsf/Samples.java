package io.cloudir.ocsf;

import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import io.cloudir.rules.Evidence;
import io.cloudir.rules.Finding;
import io.cloudir.rules.Severity;
import java.time.Instant;
import java.util.List;

/** Hand-written records of every type, in the shapes AWS documents. */
final class Samples {
  private Samples() {}

  static CloudTrailEvent cloudTrail(String eventSource, String eventName, String extra) {
    return CloudTrailEvent.parse("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
        + "\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:user/alice\","
        + "\"accountId\":\"111122223333\",\"accessKeyId\":\"AKIAEXAMPLE\",\"userName\":\"alice\"},"
        + "\"eventTime\":\"2026-03-14T09:00:00Z\",\"eventSource\":\"" + eventSource + "\","
        + "\"eventName\":\"" + eventName + "\",\"awsRegion\":\"eu-west-1\","
        + "\"sourceIPAddress\":\"203.0.113.7\",\"userAgent\":\"aws-cli/2.15\","
        + "\"requestID\":\"req-1\",\"eventID\":\"ev-1\",\"eventType\":\"AwsApiCall\","
        + "\"recipientAccountId\":\"111122223333\"" + extra + "}");
  }

  static CloudTrailEvent consoleLogin(boolean success) {
    return CloudTrailEvent.parse("{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
        + "\"principalId\":\"AIDAEXAMPLE\",\"arn\":\"arn:aws:iam::111122223333:user/bob\","
        + "\"accountId\":\"111122223333\",\"userName\":\"bob\"},"
        + "\"eventTime\":\"2026-03-14T08:59:00Z\",\"eventSource\":\"signin.amazonaws.com\","
        + "\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\","
        + "\"sourceIPAddress\":\"198.51.100.9\",\"userAgent\":\"Mozilla/5.0\","
        + "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\""
        + (success ? "Success" : "Failure") + "\"},"
        + (success ? "" : "\"errorMessage\":\"Failed authentication\",")
        + "\"additionalEventData\":{\"MFAUsed\":\"No\",\"MobileVersion\":\"No\"},"
        + "\"eventID\":\"ev-login\",\"eventType\":\"AwsConsoleSignIn\","
        + "\"recipientAccountId\":\"111122223333\"}");
  }

  static FlowLogRecord flow() {
    return FlowLogRecord.parse(
        "2 111122223333 eni-0a1b2c3d 10.0.1.5 198.51.100.20 49152 443 6 12 3400 1773478800 1773478860 REJECT OK");
  }

  static ResolverQueryLogRecord resolver() {
    return ResolverQueryLogRecord.parse("{\"version\":\"1.100000\",\"account_id\":\"111122223333\","
        + "\"region\":\"eu-west-1\",\"vpc_id\":\"vpc-0abc\",\"query_timestamp\":\"2026-03-14T09:01:02Z\","
        + "\"query_name\":\"example.com.\",\"query_type\":\"A\",\"query_class\":\"IN\","
        + "\"rcode\":\"NOERROR\",\"answers\":[{\"Rdata\":\"93.184.216.34\",\"Type\":\"A\","
        + "\"Class\":\"IN\"}],\"srcaddr\":\"10.0.1.5\",\"srcport\":\"53124\",\"transport\":\"UDP\","
        + "\"srcids\":{\"instance\":\"i-0123456789abcdef0\"}}");
  }

  static PublicDnsQueryLogRecord publicDns() {
    return PublicDnsQueryLogRecord.parse(
        "1.0 2026-03-14T09:02:03Z Z123456ABCDEFG example.com A NOERROR UDP FRA6 192.0.2.44 -");
  }

  static WafLogRecord waf(String action) {
    return WafLogRecord.parse("{\"timestamp\":1773478923000,\"formatVersion\":1,"
        + "\"webaclId\":\"arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/acl/1234\","
        + "\"terminatingRuleId\":\"Default_Action\",\"terminatingRuleType\":\"REGULAR\","
        + "\"action\":\"" + action + "\",\"httpSourceName\":\"ALB\",\"httpSourceId\":\"alb-1\","
        + "\"ruleGroupList\":[],\"rateBasedRuleList\":[],\"nonTerminatingMatchingRules\":[],"
        + "\"httpRequest\":{\"clientIp\":\"203.0.113.50\",\"country\":\"FR\",\"headers\":[{\"name\":"
        + "\"Host\",\"value\":\"shop.example\"},{\"name\":\"User-Agent\",\"value\":\"curl/8\"}],"
        + "\"uri\":\"/login\",\"args\":\"next=%2F\",\"httpVersion\":\"HTTP/1.1\","
        + "\"httpMethod\":\"POST\",\"requestId\":\"rid-9\"}}");
  }

  static S3AccessLogRecord s3() {
    return S3AccessLogRecord.parse("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
        + " amzn-s3-demo-bucket1 [14/Mar/2026:09:03:04 +0000] 192.0.2.3"
        + " arn:aws:iam::111122223333:user/alice 3E57427F3EXAMPLE REST.GET.OBJECT photos/cat.jpg"
        + " \"GET /amzn-s3-demo-bucket1/photos/cat.jpg?x=1 HTTP/1.1\" 200 - 113 113 7 6"
        + " \"-\" \"S3Console/0.4\" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234="
        + " SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader amzn-s3-demo-bucket1.s3.us-west-1.amazonaws.com"
        + " TLSV1.2 - -");
  }

  static LoadBalancerLogRecord alb() {
    return LoadBalancerLogRecord.parse("https 2026-03-14T09:04:05.123456Z app/my-lb/50dc6c495c0c9188"
        + " 192.168.131.39:2817 10.0.0.1:80 0.086 0.048 0.037 200 200 0 57"
        + " \"GET https://www.example.com:443/index.html?a=b HTTP/1.1\" \"curl/7.46.0\""
        + " ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2"
        + " arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067"
        + " \"Root=1-58337281-1d84f3d73c47ec4e58577259\" \"www.example.com\""
        + " \"arn:aws:acm:us-east-2:123456789012:certificate/12345678-1234-1234-1234-123456789012\""
        + " 1 2026-03-14T09:04:05.000000Z \"authenticate,forward\" \"-\" \"-\" \"10.0.0.1:80\" \"200\" \"-\" \"-\"");
  }

  static LoadBalancerLogRecord nlb() {
    return LoadBalancerLogRecord.parse("tls 2.0 2026-03-14T09:05:06 net/my-network-lb/c6e77e28c25b2234"
        + " g3d4b5e8bb8464cd 72.21.218.154:51341 172.100.100.185:443 5 2 98 246 - "
        + "arn:aws:acm:us-east-2:671290407336:certificate/2a108f19-aded-46b0-8493-c63eb1ef4a99 - "
        + "ECDHE-RSA-AES128-SHA tlsv12 - my-network-lb-c6e77e28c25b2234.elb.us-east-2.amazonaws.com"
        + " - - - 2026-03-14T09:05:00");
  }

  static List<LogRecord> all() {
    return List.of(
        cloudTrail("ec2.amazonaws.com", "RunInstances", ""),
        cloudTrail("s3.amazonaws.com", "GetObject",
            ",\"readOnly\":true,\"managementEvent\":false,\"eventCategory\":\"Data\","
                + "\"resources\":[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::b/k\"}]"),
        cloudTrail("iam.amazonaws.com", "CreateUser",
            ",\"requestParameters\":{\"userName\":\"mallory\"}"),
        cloudTrail("iam.amazonaws.com", "DeleteAccessKey",
            ",\"errorCode\":\"AccessDenied\",\"errorMessage\":\"no\""),
        consoleLogin(true), consoleLogin(false),
        flow(), resolver(), publicDns(), waf("BLOCK"), waf("ALLOW"), waf("COUNT"), s3(), alb(),
        nlb());
  }

  static Finding finding(Severity severity) {
    return new Finding("aws-console-login-without-mfa", "Console login without MFA by bob",
        severity, List.of("T1078.004", "T1078"), Instant.parse("2026-03-14T08:59:00Z"),
        "arn:aws:iam::111122223333:user/bob", "198.51.100.9",
        List.of(new Evidence(SourceType.CLOUDTRAIL, "ev-login",
            Instant.parse("2026-03-14T08:59:00Z"), Provenance.of("trail.json.gz", 120, -1))),
        "cloudir", "Apache-2.0", null);
  }
}
