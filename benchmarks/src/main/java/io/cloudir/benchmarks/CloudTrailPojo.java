package io.cloudir.benchmarks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The POJOs Jackson databind binds one CloudTrail record into, holding only the twelve benchmark
 * fields; every other member is skipped ({@code ignoreUnknown}), which is how an application
 * written against databind would read CloudTrail.
 *
 * <p>Not thread-safe (mutable beans); each parse creates its own instances.
 */
public final class CloudTrailPojo {
  private CloudTrailPojo() {}

  /** One CloudTrail record; Jackson fills the public fields by name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Event {
    /** {@code eventTime}. */
    public @Nullable String eventTime;

    /** {@code eventSource}. */
    public @Nullable String eventSource;

    /** {@code eventName}. */
    public @Nullable String eventName;

    /** {@code awsRegion}. */
    public @Nullable String awsRegion;

    /** {@code sourceIPAddress}. */
    public @Nullable String sourceIPAddress;

    /** {@code userAgent}. */
    public @Nullable String userAgent;

    /** {@code userIdentity}. */
    public @Nullable UserIdentity userIdentity;

    /** {@code errorCode}. */
    public @Nullable String errorCode;

    /** {@code eventID}. */
    public @Nullable String eventID;

    /** {@code recipientAccountId}. */
    public @Nullable String recipientAccountId;

    /** Creates an empty record (for Jackson). */
    public Event() {}

    /**
     * Mixes the twelve fields, in {@link FieldChecksum#FIELDS} order, and closes the record.
     *
     * @param sum the accumulator
     */
    public void mixInto(FieldChecksum sum) {
      sum.mix(eventTime);
      sum.mix(eventSource);
      sum.mix(eventName);
      sum.mix(awsRegion);
      sum.mix(sourceIPAddress);
      sum.mix(userAgent);
      UserIdentity u = userIdentity;
      if (u == null) {
        sum.mixAbsent();
        sum.mixAbsent();
        sum.mixAbsent();
      } else {
        sum.mix(u.type);
        sum.mix(u.arn);
        sum.mix(u.accountId);
      }
      sum.mix(errorCode);
      sum.mix(eventID);
      sum.mix(recipientAccountId);
      sum.endRecord();
    }
  }

  /** The {@code userIdentity} member, reduced to the three benchmark fields. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class UserIdentity {
    /** {@code userIdentity.type}. */
    public @Nullable String type;

    /** {@code userIdentity.arn}. */
    public @Nullable String arn;

    /** {@code userIdentity.accountId}. */
    public @Nullable String accountId;

    /** Creates an empty identity (for Jackson). */
    public UserIdentity() {}
  }
}
