package io.cloudir.investigate;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Counts every event once: the same CloudTrail event delivered twice (organization trail and
 * account trail, CloudTrail Lake and EventBridge, overlapping exports) has one {@code eventID},
 * and only its first copy is accepted. Cross-account copies of one call have different eventIDs
 * and one {@code sharedEventID}: they are all accepted (each account's record is evidence) and can
 * be grouped by {@link #sharedGroup(LogRecord)}. Records without an id (flow logs, DNS, WAF,
 * access logs, events without eventID) are always accepted.
 *
 * <p><b>Memory bound.</b> {@link #unbounded()} remembers every eventID (exact for any input order;
 * about 100 bytes per distinct event). {@link #windowed(Duration)} remembers only the eventIDs
 * whose event time is within {@code window} of the latest event time seen: memory is bounded by
 * the number of distinct events in any {@code window} of time. It is exact when the input is in
 * time order up to a skew smaller than {@code window} (copies of one event carry the same
 * eventTime, so on a time-ordered stream they are never further apart than the skew); a copy that
 * arrives more than {@code window} behind the latest time is accepted again and counted in {@link
 * #late()}.
 *
 * <p>Not thread-safe.
 */
public final class Deduplicator {
  private final @Nullable Duration window;
  private final Set<String> seen = new HashSet<>();
  private final ArrayDeque<Seen> order = new ArrayDeque<>();
  private long latestMillis = Long.MIN_VALUE;
  private long duplicates;
  private long late;

  private record Seen(String id, long millis) {}

  private Deduplicator(@Nullable Duration window) {
    this.window = window;
  }

  /** A deduplicator that remembers every eventID. */
  public static Deduplicator unbounded() {
    return new Deduplicator(null);
  }

  /** A deduplicator remembering the eventIDs within {@code window} of the latest time seen. */
  public static Deduplicator windowed(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative()) {
      throw new IllegalArgumentException("negative window");
    }
    return new Deduplicator(window);
  }

  /** Whether the record is the first copy of its event (and should be kept). */
  public boolean accept(LogRecord r) {
    if (!(r instanceof CloudTrailEvent e)) {
      return true;
    }
    String id = e.eventID();
    if (id == null) {
      return true;
    }
    Duration w = window;
    if (w == null) {
      if (seen.add(id)) {
        return true;
      }
      duplicates++;
      return false;
    }
    long t = e.eventTimeMillis();
    Instant time = e.eventTime();
    long millis = time == null ? latestMillis : t;
    if (seen.contains(id)) {
      duplicates++;
      return false;
    }
    if (time != null && millis > latestMillis) {
      latestMillis = millis;
      long horizon = latestMillis - w.toMillis();
      while (!order.isEmpty() && order.peekFirst().millis() < horizon) {
        seen.remove(order.pollFirst().id());
      }
    }
    if (time != null && latestMillis != Long.MIN_VALUE && millis < latestMillis - w.toMillis()) {
      late++;
    }
    seen.add(id);
    order.addLast(new Seen(id, millis));
    return true;
  }

  /** The number of copies rejected so far. */
  public long duplicates() {
    return duplicates;
  }

  /** Records accepted although they were older than the window (windowed mode only). */
  public long late() {
    return late;
  }

  /** The number of eventIDs remembered now. */
  public int remembered() {
    return seen.size();
  }

  /**
   * The group a record belongs to across accounts: its {@code sharedEventID} when it has one,
   * else its {@code eventID}, else null.
   */
  public static @Nullable String sharedGroup(LogRecord r) {
    if (!(r instanceof CloudTrailEvent e)) {
      return null;
    }
    String shared = e.sharedEventID();
    return shared != null ? shared : e.eventID();
  }
}
