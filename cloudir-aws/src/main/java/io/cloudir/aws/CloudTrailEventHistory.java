package io.cloudir.aws;

import io.cloudir.aws.internal.ApiCalls;
import io.cloudir.aws.internal.Clients;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.ReadStats;
import io.cloudir.parsers.RecordStream;
import io.cloudir.parsers.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * CloudTrail's 90-day event history of one region ({@code LookupEvents}) as {@link
 * CloudTrailEvent}s: every page is fetched (throttling retried with backoff, see {@link
 * RetryPolicy}), and the {@code CloudTrailEvent} field of each result — the raw JSON event — is
 * parsed by {@code cloudir-parsers}. A result whose JSON is not well-formed is a {@link
 * Rejection}, and reading goes on.
 *
 * <p>Each event's provenance source is {@code cloudtrail-lookup://REGION/EVENT_ID}.
 *
 * <p>Thread-safe; one lookup at a time per instance is advised (LookupEvents allows two calls per
 * second per account and region).
 */
public final class CloudTrailEventHistory implements AutoCloseable {
  private final CloudTrailClient client;
  private final boolean owned;
  private final RetryPolicy retry;
  private final String region;

  private CloudTrailEventHistory(CloudTrailClient client, boolean owned, RetryPolicy retry) {
    this.client = Objects.requireNonNull(client);
    this.owned = owned;
    this.retry = Objects.requireNonNull(retry);
    this.region = String.valueOf(client.serviceClientConfiguration().region());
  }

  /** The event history of the configured region, with its own client. */
  public static CloudTrailEventHistory create(AwsConfig config) {
    return new CloudTrailEventHistory(
        Clients.build(CloudTrailClient.builder(), config, null, 4, "cloudtrail"), true,
        RetryPolicy.defaults());
  }

  /** The event history through a caller's client (not closed by {@link #close()}). */
  public static CloudTrailEventHistory of(CloudTrailClient client, RetryPolicy retry) {
    return new CloudTrailEventHistory(client, false, retry);
  }

  /**
   * What a lookup did.
   *
   * @param pages pages fetched
   * @param retries calls retried (throttling, server errors)
   * @param stats the parsers' counts
   */
  public record Summary(int pages, int retries, ReadStats stats) {}

  /**
   * Looks events up and hands each to {@code sink}, newest first (the API's order).
   *
   * @param since the start time (inclusive), or null
   * @param until the end time (exclusive), or null
   * @param attributeKey a lookup attribute ({@code EventName}, {@code Username}, {@code
   *     AccessKeyId}, {@code ResourceName}…), or null for all events
   * @param attributeValue its value (required with a key)
   * @param onRejection receives results that could not be parsed
   * @throws AwsSourceException when a page cannot be fetched (after retries) or is malformed
   */
  public Summary lookup(@Nullable Instant since, @Nullable Instant until,
      @Nullable String attributeKey, @Nullable String attributeValue,
      Consumer<Rejection> onRejection, Consumer<CloudTrailEvent> sink) {
    LogReader reader = LogReader.builder().type(SourceType.CLOUDTRAIL).onRejection(onRejection).build();
    ApiCalls calls = new ApiCalls(retry);
    ReadStats stats = ReadStats.EMPTY;
    String token = null;
    int pages = 0;
    do {
      LookupEventsRequest.Builder b = LookupEventsRequest.builder().maxResults(50);
      if (since != null) {
        b.startTime(since);
      }
      if (until != null) {
        b.endTime(until);
      }
      if (attributeKey != null) {
        b.lookupAttributes(LookupAttribute.builder().attributeKey(attributeKey)
            .attributeValue(Objects.requireNonNull(attributeValue, "attributeValue")).build());
      }
      if (token != null) {
        b.nextToken(token);
      }
      LookupEventsRequest req = b.build();
      LookupEventsResponse page = calls.call("cloudtrail:LookupEvents", () -> client.lookupEvents(req));
      pages++;
      List<LogSource> sources = new ArrayList<>();
      for (Event e : page.events()) {
        String raw = e.cloudTrailEvent();
        String name = "cloudtrail-lookup://" + region + "/" + (e.eventId() == null ? "" : e.eventId());
        if (raw == null || raw.isBlank()) {
          // a result without its event: one rejection, never dropped silently
          onRejection.accept(new Rejection(name, 0, -1, "result without a CloudTrailEvent", ""));
          stats = stats.plus(new ReadStats(0, 1, 0, 1, 0, 0, 0));
          continue;
        }
        sources.add(LogSource.of(name, raw.getBytes(StandardCharsets.UTF_8)));
      }
      try (RecordStream records = reader.open(sources)) {
        for (LogRecord r : records) {
          if (r instanceof CloudTrailEvent c) {
            sink.accept(c);
          }
        }
        stats = stats.plus(records.stats());
      }
      String next = page.nextToken();
      token = next == null || next.isEmpty() ? null : next;
    } while (token != null);
    return new Summary(pages, calls.retries(), stats);
  }

  /** Closes the client if this instance built it. */
  @Override
  public void close() {
    if (owned) {
      client.close();
    }
  }
}
