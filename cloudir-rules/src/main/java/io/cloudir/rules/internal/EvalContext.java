package io.cloudir.rules.internal;

import io.cloudir.investigate.IpEnricher;
import io.cloudir.investigate.enrich.DetailedIpEnricher;
import io.cloudir.investigate.enrich.IpDetails;
import io.cloudir.model.net.IpAddress;
import io.cloudir.investigate.Attribution;
import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The record being evaluated and what is derived from it on demand (the attribution of a
 * CloudTrail event). One per session, reused record after record; not thread-safe.
 */
public final class EvalContext {
  private final Function<CloudTrailEvent, Attribution> attributor;
  private final SignInMfa signInMfa;
  private final @Nullable IpEnricher ipEnricher;
  private @Nullable LogRecord record;
  private @Nullable Attribution attribution;

  /**
   * A context.
   *
   * @param attributor resolves the attribution of an event
   * @param signInMfa whether the sign-in with this event id used MFA (null when unknown)
   * @param ipEnricher facts about addresses for {@code geo.*} fields, or null
   */
  public EvalContext(Function<CloudTrailEvent, Attribution> attributor,
      SignInMfa signInMfa, @Nullable IpEnricher ipEnricher) {
    this.attributor = attributor;
    this.signInMfa = signInMfa;
    this.ipEnricher = ipEnricher;
  }

  /** What the enricher knows about an address, or null (no enricher, or nothing known). */
  public IpEnricher.@Nullable Info ipInfo(@Nullable IpAddress ip) {
    IpEnricher e = ipEnricher;
    return e == null || ip == null ? null : e.lookup(ip);
  }

  /**
   * Everything the enricher knows about an address (coordinates and city only from a {@link
   * DetailedIpEnricher}), or null (no enricher, or nothing known).
   */
  // NullAway does not read the type-use @Nullable of IpDetails' components from its class file
  @SuppressWarnings("NullAway")
  public @Nullable IpDetails ipDetails(@Nullable IpAddress ip) {
    IpEnricher e = ipEnricher;
    if (e == null || ip == null) {
      return null;
    }
    if (e instanceof DetailedIpEnricher d) {
      return d.details(ip);
    }
    IpEnricher.Info i = e.lookup(ip);
    return i == null ? null
        : new IpDetails(i.asn(), i.asOrganization(), i.country(), null, null, -1, java.util.List.of());
  }

  /** Moves to the next record. */
  public void reset(LogRecord r) {
    this.record = r;
    this.attribution = null;
  }

  /** Looks up whether a sign-in used MFA. */
  @FunctionalInterface
  public interface SignInMfa {
    /** Whether the sign-in event with this id used MFA, or null when unknown. */
    @Nullable Boolean mfa(String eventId);
  }

  /** The current record. */
  public LogRecord record() {
    LogRecord r = record;
    if (r == null) {
      throw new IllegalStateException("no record");
    }
    return r;
  }

  /** The attribution of the current record, or null when it is not a CloudTrail event. */
  public @Nullable Attribution attribution() {
    if (attribution == null && record instanceof CloudTrailEvent e) {
      attribution = attributor.apply(e);
    }
    return attribution;
  }

  /** Whether the sign-in event with this id used MFA, or null when unknown. */
  public @Nullable Boolean signInMfa(String eventId) {
    return signInMfa.mfa(eventId);
  }
}
