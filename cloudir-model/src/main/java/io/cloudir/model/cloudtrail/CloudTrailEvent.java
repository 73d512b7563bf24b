package io.cloudir.model.cloudtrail;

import io.cloudir.model.Location;
import io.cloudir.model.LimitExceededException;
import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.model.internal.json.JsonScanner;
import io.cloudir.model.internal.json.JsonStrings;
import io.cloudir.model.internal.json.JsonSyntaxError;
import io.cloudir.model.json.JsonValue;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One CloudTrail event: every documented field typed, every other field kept, and the JSON exactly
 * as delivered ({@link #toJson()} is lossless).
 *
 * <p>Events come from the readers of {@code cloudir-parsers}, from {@link #parse(String)}, or from
 * a {@link Builder} (for tests of rules). See {@link CloudTrailView} for the accessors.
 *
 * <p><b>Retention:</b> an event read by a reader may share an immutable byte block (up to a few
 * MiB) with its neighbours; keeping the event keeps that block reachable. {@link #detach()} copies
 * just this event's bytes when you keep a few events out of a large file for a long time.
 *
 * <p>Immutable and thread-safe.
 */
public final class CloudTrailEvent extends CloudTrailView implements LogRecord {
  private final Provenance provenance;

  /** Copies the index of {@code from} (an indexed view), sharing or copying its bytes. */
  CloudTrailEvent(CloudTrailView from, Provenance provenance, boolean copyBytes) {
    this.provenance = Objects.requireNonNull(provenance);
    int shift = 0;
    if (copyBytes) {
      this.buf = Arrays.copyOfRange(from.buf, from.start, from.end);
      shift = from.start;
    } else {
      this.buf = from.buf;
    }
    this.start = from.start - shift;
    this.end = from.end - shift;
    long sh = ((long) shift << 32) | shift;
    shiftSpans(from.spans, spans, sh);
    shiftSpans(from.uiSpans, uiSpans, sh);
    this.escMask = from.escMask;
    this.uiEscMask = from.uiEscMask;
    this.uiStart = from.uiEnd == 0 ? 0 : from.uiStart - shift;
    this.uiEnd = from.uiEnd == 0 ? 0 : from.uiEnd - shift;
    this.extraCount = from.extraCount;
    this.extras = from.extraCount == 0 ? NO_EXTRAS : Arrays.copyOf(from.extras, from.extraCount * 3);
    for (int i = 0; i < extras.length; i++) {
      extras[i] -= shift;
    }
    this.timeSecs = from.timeSecs;
    this.timeNano = from.timeNano;
    this.strMask = from.strMask;
    this.nullMask = from.nullMask;
    this.uiStrMask = from.uiStrMask;
    this.uiNullMask = from.uiNullMask;
    this.warnMask = from.warnMask;
    // The index lives in fields inherited from CloudTrailView that cannot be final (cursors reuse
    // them). Publish them like final fields: no store of the constructor may be reordered after
    // the publication of this object, so an event handed to another thread, even through a data
    // race, is seen fully built.
    VarHandle.releaseFence();
  }

  /**
   * Copies spans moved by {@code sh} (both halves), leaving absent ones (0) at 0: without a branch
   * on presence, which varies from field to field.
   */
  private static void shiftSpans(long[] from, long[] to, long sh) {
    if (sh == 0) {
      System.arraycopy(from, 0, to, 0, to.length);
      return;
    }
    for (int i = 0; i < to.length; i++) {
      long s = from[i];
      to[i] = s - (sh & ((s | -s) >> 63)); // spans are positive: s | -s is negative iff s != 0
    }
  }

  /**
   * Parses one event from its JSON text (strictly: duplicate top-level or {@code userIdentity}
   * keys are rejected).
   *
   * @throws MalformedInputException if the text is not one JSON object
   */
  public static CloudTrailEvent parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8), Provenance.inMemory());
  }

  /**
   * Parses one event from UTF-8 JSON bytes (copied).
   *
   * @throws MalformedInputException with the byte offset if the bytes are not one JSON object
   */
  public static CloudTrailEvent parse(byte[] utf8, Provenance provenance) {
    byte[] b = utf8.clone();
    JsonScanner sc = new JsonScanner(JsonValue.DEFAULT_MAX_DEPTH, Integer.MAX_VALUE);
    CloudTrailCursor c = new CloudTrailCursor(false);
    try {
      int p = JsonScanner.skipWs(b, 0, b.length);
      if (p >= b.length) {
        throw new JsonSyntaxError(p, "no JSON value");
      }
      int e = c.index(b, p, b.length, true, sc, 0);
      int t = JsonScanner.skipWs(b, e, b.length);
      if (t != b.length) {
        throw new JsonSyntaxError(t, "unexpected data after the event");
      }
    } catch (JsonSyntaxError err) {
      Location loc = new Location(provenance.source(), err.offset(), -1, null);
      throw err.isLimit() ? new LimitExceededException(loc, err.reason())
          : new MalformedInputException(loc, err.reason());
    }
    return new CloudTrailEvent(c, provenance, true);
  }

  @Override
  public SourceType source() {
    return SourceType.CLOUDTRAIL;
  }

  /** The event time (same as {@link #eventTime()}). */
  @Override
  public @Nullable Instant time() {
    return eventTime();
  }

  @Override
  public Provenance provenance() {
    return provenance;
  }

  /** This event holding only a copy of its own bytes (releases a shared block). */
  public CloudTrailEvent detach() {
    return start == 0 && end == buf.length ? this : new CloudTrailEvent(this, provenance, true);
  }

  /** This event with another provenance (same bytes). */
  public CloudTrailEvent withProvenance(Provenance p) {
    return new CloudTrailEvent(this, p, false);
  }

  /** A builder pre-filled with this event's fields (for tests that vary one field). */
  public Builder toBuilder() {
    Builder b = new Builder();
    for (Map.Entry<String, JsonValue> e : json().entries()) {
      b.members.put(e.getKey(), e.getValue().toJson());
    }
    b.provenance = provenance;
    return b;
  }

  /** A new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Equal when the JSON is semantically equal (provenance is not compared). */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CloudTrailEvent other && json().equals(other.json());
  }

  @Override
  public int hashCode() {
    return json().hashCode();
  }

  /** The event's JSON. */
  @Override
  public String toString() {
    return toJson();
  }

  /**
   * Makes events without JSON, for tests: set the fields you need; {@link #build()} writes them
   * as JSON (in the order set) and indexes them exactly like a reader does.
   *
   * <p>Not thread-safe; build() may be called several times.
   */
  public static final class Builder {
    private final Map<String, String> members = new LinkedHashMap<>();
    private Provenance provenance = Provenance.inMemory();

    Builder() {}

    private Builder str(CloudTrailField f, @Nullable String v) {
      return raw(f.jsonName(), v == null ? null : JsonStrings.quote(v));
    }

    /**
     * Sets a member to raw JSON text (any field, known or not); {@code null} removes it.
     *
     * @throws MalformedInputException if {@code json} is not valid JSON
     */
    public Builder raw(String name, @Nullable String json) {
      if (json == null) {
        members.remove(name);
      } else {
        JsonValue.parse(json);
        members.put(name, json);
      }
      return this;
    }

    /** Sets a member to a JSON value. */
    public Builder field(String name, JsonValue value) {
      members.put(name, value.toJson());
      return this;
    }

    /** Sets {@code eventVersion}. */
    public Builder eventVersion(@Nullable String v) {
      return str(CloudTrailField.EVENT_VERSION, v);
    }

    /** Sets {@code userIdentity}. */
    public Builder userIdentity(@Nullable UserIdentity v) {
      return raw("userIdentity", v == null ? null : v.json().toJson());
    }

    /** Sets {@code eventTime} (written as ISO-8601 UTC, seconds precision unless it has nanos). */
    public Builder eventTime(@Nullable Instant v) {
      return str(CloudTrailField.EVENT_TIME, v == null ? null : v.toString());
    }

    /** Sets {@code eventSource}. */
    public Builder eventSource(@Nullable String v) {
      return str(CloudTrailField.EVENT_SOURCE, v);
    }

    /** Sets {@code eventName}. */
    public Builder eventName(@Nullable String v) {
      return str(CloudTrailField.EVENT_NAME, v);
    }

    /** Sets {@code awsRegion}. */
    public Builder awsRegion(@Nullable String v) {
      return str(CloudTrailField.AWS_REGION, v);
    }

    /** Sets {@code sourceIPAddress} (an IP address or a service name). */
    public Builder sourceIPAddress(@Nullable String v) {
      return str(CloudTrailField.SOURCE_IP_ADDRESS, v);
    }

    /** Sets {@code userAgent}. */
    public Builder userAgent(@Nullable String v) {
      return str(CloudTrailField.USER_AGENT, v);
    }

    /** Sets {@code errorCode}. */
    public Builder errorCode(@Nullable String v) {
      return str(CloudTrailField.ERROR_CODE, v);
    }

    /** Sets {@code errorMessage}. */
    public Builder errorMessage(@Nullable String v) {
      return str(CloudTrailField.ERROR_MESSAGE, v);
    }

    /** Sets {@code requestParameters} from JSON text. */
    public Builder requestParameters(@Nullable String json) {
      return raw("requestParameters", json);
    }

    /** Sets {@code responseElements} from JSON text. */
    public Builder responseElements(@Nullable String json) {
      return raw("responseElements", json);
    }

    /** Sets {@code additionalEventData} from JSON text. */
    public Builder additionalEventData(@Nullable String json) {
      return raw("additionalEventData", json);
    }

    /** Sets {@code requestID}. */
    public Builder requestID(@Nullable String v) {
      return str(CloudTrailField.REQUEST_ID, v);
    }

    /** Sets {@code eventID}. */
    public Builder eventID(@Nullable String v) {
      return str(CloudTrailField.EVENT_ID, v);
    }

    /** Sets {@code readOnly}. */
    public Builder readOnly(@Nullable Boolean v) {
      return raw("readOnly", v == null ? null : v.toString());
    }

    /** Sets {@code eventType}. */
    public Builder eventType(@Nullable EventType v) {
      return str(CloudTrailField.EVENT_TYPE, v == null ? null : v.value());
    }

    /** Sets {@code managementEvent}. */
    public Builder managementEvent(@Nullable Boolean v) {
      return raw("managementEvent", v == null ? null : v.toString());
    }

    /** Sets {@code recipientAccountId}. */
    public Builder recipientAccountId(@Nullable String v) {
      return str(CloudTrailField.RECIPIENT_ACCOUNT_ID, v);
    }

    /** Sets {@code sharedEventID}. */
    public Builder sharedEventID(@Nullable String v) {
      return str(CloudTrailField.SHARED_EVENT_ID, v);
    }

    /** Sets {@code vpcEndpointId}. */
    public Builder vpcEndpointId(@Nullable String v) {
      return str(CloudTrailField.VPC_ENDPOINT_ID, v);
    }

    /** Sets {@code eventCategory}. */
    public Builder eventCategory(@Nullable EventCategory v) {
      return str(CloudTrailField.EVENT_CATEGORY, v == null ? null : v.value());
    }

    /** Sets the provenance of the built event (default: in memory). */
    public Builder provenance(Provenance p) {
      this.provenance = Objects.requireNonNull(p);
      return this;
    }

    /** Writes the fields as JSON and indexes them. */
    public CloudTrailEvent build() {
      StringBuilder sb = new StringBuilder(256).append('{');
      for (Map.Entry<String, String> e : members.entrySet()) {
        if (sb.length() > 1) {
          sb.append(',');
        }
        JsonStrings.quote(sb, e.getKey()).append(':').append(e.getValue());
      }
      sb.append('}');
      return parse(sb.toString().getBytes(StandardCharsets.UTF_8), provenance);
    }
  }
}
