package io.cloudir.investigate;

import io.cloudir.investigate.internal.Records;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.UserIdentityField;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One record on a timeline with what the investigation knows about it: for a CloudTrail event its
 * {@link Attribution}; for a flow record or DNS query the instance it belongs to (from the {@link
 * NetworkMap}).
 *
 * <p>Immutable and thread-safe (the record is immutable).
 *
 * @param record the record
 * @param attribution the attribution of a CloudTrail event, else null
 * @param instance the EC2 instance a network record belongs to, when known, else null
 */
public record TimelineEntry(
    LogRecord record, @Nullable Attribution attribution, @Nullable String instance) {

  /** Checks the record is given. */
  public TimelineEntry {
    Objects.requireNonNull(record, "record");
  }

  /** The record's time (a flow record's window start), or null. */
  public @Nullable Instant time() {
    return record.time();
  }

  /** The record's source type. */
  public SourceType source() {
    return record.source();
  }

  /** The CloudTrail eventID, or null for sources without ids. */
  public @Nullable String eventId() {
    return Records.eventId(record);
  }

  /** The event name (CloudTrail), the flow action, {@code DNSQuery}… */
  public @Nullable String eventName() {
    return Records.eventName(record);
  }

  /**
   * The attributed principal: the origin identity's id for CloudTrail events; the instance for
   * network records tied to one; else null.
   */
  public @Nullable String principal() {
    Attribution a = attribution;
    if (a != null) {
      return a.origin().id();
    }
    return instance;
  }

  /** The access key used, or null. */
  public @Nullable String accessKeyId() {
    return record instanceof CloudTrailEvent e
        ? e.userIdentityString(UserIdentityField.ACCESS_KEY_ID) : null;
  }

  /** The caller's address (CloudTrail sourceIPAddress, flow source…), or null. */
  public @Nullable String sourceIp() {
    return Records.sourceIp(record);
  }

  /** Every address the record involves. */
  public List<String> ips() {
    return Records.ips(record);
  }

  /** The resources the record touched (ARNs, ENIs). */
  public List<String> resources() {
    return Records.resources(record);
  }

  /** One human line about the record. */
  public String summary() {
    return Records.summary(record);
  }
}
