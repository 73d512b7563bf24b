package io.cloudir.investigate;

import io.cloudir.model.LogRecord;
import io.cloudir.investigate.internal.IdSet;
import io.cloudir.investigate.internal.IdWindow;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.CloudTrailField;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
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
 * #late()}. Memory in windowed mode: about 100 bytes per remembered eventID.
 *
 * <p>Not thread-safe.
 */
public final class Deduplicator {
  private final @Nullable Duration window;
  private final long windowMillis;
  /**
   * Unbounded mode: event ids in the canonical UUID form (nearly all of them), as two longs: no
   * Strings kept.
   */
  private final IdSet uuids = new IdSet();
  /**
   * Windowed mode: the same, each with its event time, in the order they were added (forgotten in
   * that order); the other ids keep their place there as markers.
   */
  private final IdWindow recent = new IdWindow();
  /** Any other event ids. */
  private final Set<String> others = new HashSet<>();
  /** Windowed mode: the other ids remembered, in the order of their markers in {@link #recent}. */
  private final ArrayDeque<String> otherOrder = new ArrayDeque<>();
  private final long[] parsed = new long[2];
  private long latestMillis = Long.MIN_VALUE;
  private long duplicates;
  private long late;

  private Deduplicator(@Nullable Duration window) {
    this.window = window;
    this.windowMillis = window == null ? 0 : window.toMillis();
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
    // the common case read in place: a plain JSON string holding a canonical UUID
    String text = null;
    int vs = e.valueStart(CloudTrailField.EVENT_ID);
    if (vs < 0) {
      return true;
    }
    byte[] b = e.buffer();
    boolean uuid = e.valueEnd(CloudTrailField.EVENT_ID) - vs == 38 && b[vs] == '"'
        && IdSet.parseUuid(b, vs + 1, parsed);
    if (!uuid) {
      text = e.eventID();
      if (text == null) {
        return true;
      }
      // the same id spelled with escapes must meet its plain copies
      byte[] t = text.getBytes(StandardCharsets.UTF_8);
      if (t.length == 36 && IdSet.parseUuid(t, 0, parsed)) {
        uuid = true;
        text = null;
      }
    }
    long hi = parsed[0];
    long lo = parsed[1];
    long t = window == null ? 0 : e.eventTimeMillis();
    boolean timed = t != Long.MIN_VALUE;
    long millis = timed ? t : latestMillis;
    // one probe: adding tells whether it was there (the window is trimmed after adding, and never
    // forgets the entry just added: its time is the latest then)
    boolean added;
    if (text != null) {
      added = others.add(text);
      if (added && window != null) {
        recent.mark(millis);
        otherOrder.addLast(text);
      }
    } else {
      added = window == null ? uuids.add(hi, lo) : recent.add(hi, lo, millis);
    }
    if (!added) {
      duplicates++;
      return false;
    }
    if (window == null) {
      return true;
    }
    if (timed && millis > latestMillis) {
      latestMillis = millis;
      for (int n = recent.expireBefore(latestMillis - windowMillis); n > 0; n--) {
        others.remove(otherOrder.pollFirst());
      }
    }
    if (timed && latestMillis != Long.MIN_VALUE && millis < latestMillis - windowMillis) {
      late++;
    }
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
    return uuids.size() + recent.size() + others.size();
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
