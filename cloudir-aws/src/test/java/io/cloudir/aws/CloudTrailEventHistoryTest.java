package io.cloudir.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.parsers.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;

class CloudTrailEventHistoryTest {
  static final RetryPolicy FAST = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);

  /** One LookupEvents result: the raw event is a JSON string inside the JSON response. */
  static String result(String id, String rawEvent) {
    return "{\"EventId\":\"" + id + "\",\"EventName\":\"GetObject\",\"ReadOnly\":\"true\","
        + "\"EventTime\":1773478800.0,\"EventSource\":\"s3.amazonaws.com\",\"Username\":\"alice\","
        + "\"Resources\":[],\"CloudTrailEvent\":" + io.cloudir.aws.internal.Json.quote(rawEvent) + "}";
  }

  static String event(String id) {
    return "{\"eventVersion\":\"1.10\",\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":"
        + "\"111122223333\",\"arn\":\"arn:aws:iam::111122223333:user/alice\"},\"eventTime\":"
        + "\"2026-03-14T09:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\","
        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\",\"eventID\":\"" + id + "\"}";
  }

  @Test
  void pagesThrottlingAndMalformedEvents() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("LookupEvents",
          ReplayServer.Reply.jsonError(400, "ThrottlingException", "Rate exceeded"),
          ReplayServer.Reply.json("{\"Events\":[" + result("e1", event("e1")) + ","
              + result("e2", event("e2")) + "],\"NextToken\":\"page-2\"}"),
          ReplayServer.Reply.jsonError(400, "ThrottlingException", "Rate exceeded"),
          ReplayServer.Reply.json("{\"Events\":[" + result("e3", "{\"eventID\": broken") + ","
              + result("e4", event("e4")) + "]}"));
      CloudTrailClient client = srv.client(CloudTrailClient.builder());
      List<String> ids = new ArrayList<>();
      List<Rejection> rejections = new ArrayList<>();
      CloudTrailEventHistory.Summary s = CloudTrailEventHistory.of(client, FAST).lookup(
          Instant.parse("2026-03-14T00:00:00Z"), Instant.parse("2026-03-15T00:00:00Z"),
          "EventName", "GetObject", rejections::add, e -> ids.add(e.eventID()));
      assertEquals(List.of("e1", "e2", "e4"), ids);
      assertEquals(1, rejections.size());
      assertEquals("cloudtrail-lookup://us-east-1/e3", rejections.get(0).source());
      assertEquals(2, s.pages());
      assertEquals(2, s.retries());
      assertEquals(3, s.stats().parsed());
      assertEquals(1, s.stats().rejected());
      List<String> bodies = srv.bodies("LookupEvents");
      assertEquals(4, bodies.size());
      assertTrue(bodies.get(3).contains("\"NextToken\":\"page-2\""), bodies.get(3));
      assertTrue(bodies.get(0).contains("\"AttributeKey\":\"EventName\""), bodies.get(0));
      assertTrue(bodies.get(0).contains("\"StartTime\":1773446400"), bodies.get(0));
    }
  }

  @Test
  void eventsCarryTheirProvenance() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("LookupEvents", ReplayServer.Reply.json("{\"Events\":[" + result("x1", event("x1")) + "]}"));
      List<CloudTrailEvent> got = new ArrayList<>();
      CloudTrailEventHistory.of(srv.client(CloudTrailClient.builder()), FAST)
          .lookup(null, null, null, null, r -> {}, got::add);
      assertEquals(1, got.size());
      assertEquals("cloudtrail-lookup://us-east-1/x1", got.get(0).provenance().source());
      assertEquals("GetObject", got.get(0).eventName());
    }
  }

  @Test
  void aMalformedResponseFailsWithTheCall() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.script("LookupEvents", ReplayServer.Reply.json("{\"Events\":[{\"EventId\": tru"));
      AwsSourceException e = assertThrows(AwsSourceException.class, () ->
          CloudTrailEventHistory.of(srv.client(CloudTrailClient.builder()), FAST)
              .lookup(null, null, null, null, r -> {}, x -> {}));
      assertEquals("cloudtrail:LookupEvents", e.location().source());
      assertEquals(1, srv.bodies("LookupEvents").size(), "malformed responses are not retried");
    }
  }

  @Test
  void throttlingRetriesAreBounded() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.handle("LookupEvents", b -> ReplayServer.Reply.jsonError(400, "ThrottlingException", "slow down"));
      AwsSourceException e = assertThrows(AwsSourceException.class, () ->
          CloudTrailEventHistory.of(srv.client(CloudTrailClient.builder()), FAST)
              .lookup(null, null, null, null, r -> {}, x -> {}));
      assertTrue(e.reason().startsWith("gave up after 3 attempts"), e.reason());
      assertEquals(3, srv.bodies("LookupEvents").size());
    }
  }

  @Test
  void accessErrorsAreNotRetried() throws Exception {
    try (ReplayServer srv = new ReplayServer()) {
      srv.handle("LookupEvents", b -> ReplayServer.Reply.jsonError(400, "AccessDeniedException", "no"));
      AwsSourceException e = assertThrows(AwsSourceException.class, () ->
          CloudTrailEventHistory.of(srv.client(CloudTrailClient.builder()), FAST)
              .lookup(null, null, null, null, r -> {}, x -> {}));
      assertTrue(e.reason().contains("AccessDenied"), e.reason());
      assertEquals(1, srv.bodies("LookupEvents").size());
    }
  }
}
