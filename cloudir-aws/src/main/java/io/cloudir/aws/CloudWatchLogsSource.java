package io.cloudir.aws;

import io.cloudir.aws.internal.ApiCalls;
import io.cloudir.aws.internal.Clients;
import io.cloudir.model.LogRecord;
import io.cloudir.parsers.LogReader;
import io.cloudir.parsers.LogSource;
import io.cloudir.parsers.ReadStats;
import io.cloudir.parsers.RecordStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Log events of a CloudWatch Logs log group ({@code FilterLogEvents}, every page, throttling
 * retried with backoff) read through {@code cloudir-parsers}: VPC flow logs (one flow record per
 * message; a custom format is given with the reader option {@code vpcflow.format}), Route 53
 * public DNS query logs (one query per message) and CloudTrail (one JSON event per message). The
 * format is detected per message unless the reader fixes it.
 *
 * <p>Each message is one source named {@code cloudwatchlogs://LOG_GROUP/LOG_STREAM#EVENT_ID}
 * (the log group keeps its own slashes); the sink also receives the {@link LogEvent} itself.
 *
 * <p>Thread-safe.
 */
public final class CloudWatchLogsSource implements AutoCloseable {
  private final CloudWatchLogsClient client;
  private final boolean owned;
  private final RetryPolicy retry;

  private CloudWatchLogsSource(CloudWatchLogsClient client, boolean owned, RetryPolicy retry) {
    this.client = Objects.requireNonNull(client);
    this.owned = owned;
    this.retry = Objects.requireNonNull(retry);
  }

  /** A source with its own client for the configured region. */
  public static CloudWatchLogsSource create(AwsConfig config) {
    return new CloudWatchLogsSource(
        Clients.build(CloudWatchLogsClient.builder(), config, null, 4, "logs"), true,
        RetryPolicy.defaults());
  }

  /** A source through a caller's client (not closed by {@link #close()}). */
  public static CloudWatchLogsSource of(CloudWatchLogsClient client, RetryPolicy retry) {
    return new CloudWatchLogsSource(client, false, retry);
  }

  /**
   * One log event: where it is and when it was logged.
   *
   * @param logGroup the log group
   * @param logStream the log stream
   * @param eventId the event id
   * @param timestamp the event's time, or null
   * @param ingestionTime when CloudWatch Logs received it, or null
   */
  public record LogEvent(String logGroup, String logStream, String eventId,
      @Nullable Instant timestamp, @Nullable Instant ingestionTime) {
    /** The source name of the event's message. */
    public String sourceName() {
      return "cloudwatchlogs://" + logGroup + "/" + logStream + "#" + eventId;
    }
  }

  /** Receives records with the log event they came from. */
  @FunctionalInterface
  public interface Sink {
    /** One record. */
    void accept(LogEvent event, LogRecord record);
  }

  /**
   * What a read did.
   *
   * @param pages pages fetched
   * @param events log events received
   * @param retries calls retried
   * @param stats the parsers' counts
   */
  public record Summary(int pages, long events, int retries, ReadStats stats) {}

  /**
   * Reads a log group.
   *
   * @param logGroup the log group name
   * @param logStreams streams to read (empty: all)
   * @param since the start (inclusive), or null
   * @param until the end (exclusive), or null
   * @param filterPattern a CloudWatch Logs filter pattern, or null for every event
   * @param reader the reader (its type, options, limits and rejection handler apply)
   * @throws AwsSourceException when a page cannot be fetched (after retries) or is malformed
   */
  public Summary read(String logGroup, List<String> logStreams, @Nullable Instant since,
      @Nullable Instant until, @Nullable String filterPattern, LogReader reader, Sink sink) {
    ApiCalls calls = new ApiCalls(retry);
    ReadStats stats = ReadStats.EMPTY;
    String token = null;
    int pages = 0;
    long events = 0;
    do {
      FilterLogEventsRequest.Builder b = FilterLogEventsRequest.builder().logGroupName(logGroup);
      if (!logStreams.isEmpty()) {
        b.logStreamNames(logStreams);
      }
      if (since != null) {
        b.startTime(since.toEpochMilli());
      }
      if (until != null) {
        b.endTime(until.toEpochMilli() - 1); // the API's end is inclusive
      }
      if (filterPattern != null) {
        b.filterPattern(filterPattern);
      }
      if (token != null) {
        b.nextToken(token);
      }
      FilterLogEventsRequest req = b.build();
      FilterLogEventsResponse page =
          calls.call("logs:FilterLogEvents", () -> client.filterLogEvents(req));
      pages++;
      for (FilteredLogEvent e : page.events()) {
        events++;
        LogEvent ev = new LogEvent(logGroup, String.valueOf(e.logStreamName()),
            String.valueOf(e.eventId()),
            e.timestamp() == null ? null : Instant.ofEpochMilli(e.timestamp()),
            e.ingestionTime() == null ? null : Instant.ofEpochMilli(e.ingestionTime()));
        String msg = e.message() == null ? "" : e.message();
        try (RecordStream records = reader.open(
            List.of(LogSource.of(ev.sourceName(), msg.getBytes(StandardCharsets.UTF_8))))) {
          for (LogRecord r : records) {
            sink.accept(ev, r);
          }
          stats = stats.plus(records.stats());
        }
      }
      String next = page.nextToken();
      token = next == null || next.isEmpty() ? null : next;
    } while (token != null);
    return new Summary(pages, events, calls.retries(), stats);
  }

  /** Closes the client if this source built it. */
  @Override
  public void close() {
    if (owned) {
      client.close();
    }
  }
}
