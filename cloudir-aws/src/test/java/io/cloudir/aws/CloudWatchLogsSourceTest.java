package io.cloudir.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

class CloudWatchLogsSourceTest {
  static final RetryPolicy FAST = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);

  static String ev(String stream, String id, String message) {
    return "{\"logStreamName\":\"" + stream + "\",\"timestamp\":1773478800000,\"message\":"
        + io.cloudir.aws.internal.Json.quote(message) + ",\"ingestionTime\":1773478805000,"
        + "\"eventId\":\"" + id + "\"}";
  }

  @Test
  void flowLogGroupPagesWithThrottling() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("FilterLogEvents",
          ReplayServer.Reply.jsonError(400, "ThrottlingException", "Rate exceeded"),
          ReplayServer.Reply.json("{\"events\":["
              + ev("eni-0a1-all", "1", "2 111122223333 eni-0a1 10.0.0.1 10.0.0.2 443 49152 6 10 840 1773478800 1773478860 ACCEPT OK")
              + "," + ev("eni-0a1-all", "2", "2 111122223333 eni-0a1 10.0.0.9 10.0.0.2 22 50000 6 3 180 1773478800 1773478860 REJECT OK")
              + "],\"nextToken\":\"n1\",\"searchedLogStreams\":[]}"),
          ReplayServer.Reply.json("{\"events\":["
              + ev("eni-0b2-all", "3", "2 111122223333 eni-0b2 10.0.0.3 10.0.0.4 53 53000 17 1 70 1773478800 1773478860 ACCEPT OK")
              + "," + ev("eni-0b2-all", "4", "2 111122223333 eni-0b2 not-enough-fields")
              + "]}"));
      List<String> seen = new ArrayList<>();
      List<Rejection> rejections = new ArrayList<>();
      CloudWatchLogsSource.Summary s = CloudWatchLogsSource.of(srv.client(CloudWatchLogsClient.builder()), FAST)
          .read("/aws/vpc/flowlogs", List.of(), Instant.parse("2026-03-14T00:00:00Z"),
              Instant.parse("2026-03-15T00:00:00Z"), null,
              LogReader.builder().type(io.cloudir.model.SourceType.VPC_FLOW).onRejection(rejections::add).build(),
              (e, r) -> {
                FlowLogRecord f = assertInstanceOf(FlowLogRecord.class, r);
                assertEquals(e.sourceName(), r.provenance().source());
                seen.add(e.logStream() + "#" + e.eventId() + ":" + f.toJson().contains("\"srcaddr\""));
              });
      assertEquals(List.of("eni-0a1-all#1:true", "eni-0a1-all#2:true", "eni-0b2-all#3:true"), seen);
      assertEquals(1, rejections.size());
      assertEquals("cloudwatchlogs:///aws/vpc/flowlogs/eni-0b2-all#4", rejections.get(0).source());
      assertEquals(2, s.pages());
      assertEquals(4, s.events());
      assertEquals(1, s.retries());
      List<String> bodies = srv.bodies("FilterLogEvents");
      assertTrue(bodies.get(2).contains("\"nextToken\":\"n1\""), bodies.get(2));
      assertTrue(bodies.get(1).contains("\"startTime\":1773446400000"), bodies.get(1));
      assertTrue(bodies.get(1).contains("\"endTime\":1773532799999"), bodies.get(1));
    }
  }

  @Test
  void route53AndCloudTrailMessagesAreDetected() throws Exception {
    String trail = "{\"eventVersion\":\"1.10\",\"eventTime\":\"2026-03-14T09:00:00Z\",\"eventSource\":"
        + "\"iam.amazonaws.com\",\"eventName\":\"CreateUser\",\"awsRegion\":\"us-east-1\",\"eventID\":\"c1\"}";
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("FilterLogEvents", ReplayServer.Reply.json("{\"events\":["
          + ev("Z123/edge", "9", "1.0 2026-03-14T09:00:00.000Z Z1D633PJN98FT9 example.com A NOERROR UDP IAD12 192.0.2.1 -")
          + "," + ev("trail-stream", "10", trail) + "]}"));
      List<LogRecord> got = new ArrayList<>();
      CloudWatchLogsSource.of(srv.client(CloudWatchLogsClient.builder()), FAST)
          .read("mixed", List.of("Z123/edge", "trail-stream"), null, null, "{ $.x = 1 }",
              LogReader.create(), (e, r) -> got.add(r));
      assertEquals(2, got.size());
      assertInstanceOf(PublicDnsQueryLogRecord.class, got.get(0));
      assertEquals("c1", assertInstanceOf(CloudTrailEvent.class, got.get(1)).eventID());
      String body = srv.bodies("FilterLogEvents").get(0);
      assertTrue(body.contains("\"logStreamNames\":[\"Z123/edge\",\"trail-stream\"]"), body);
      assertTrue(body.contains("\"filterPattern\""), body);
    }
  }

  @Test
  void aMissingLogGroupFails() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("FilterLogEvents",
          ReplayServer.Reply.jsonError(400, "ResourceNotFoundException", "The specified log group does not exist."));
      AwsSourceException e = assertThrows(AwsSourceException.class, () ->
          CloudWatchLogsSource.of(srv.client(CloudWatchLogsClient.builder()), FAST)
              .read("nope", List.of(), null, null, null, LogReader.create(), (x, r) -> {}));
      assertTrue(e.reason().contains("ResourceNotFound"), e.reason());
    }
  }
}
