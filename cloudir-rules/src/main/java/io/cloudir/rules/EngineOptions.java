package io.cloudir.rules;

import io.cloudir.investigate.IpEnricher;
import org.jspecify.annotations.Nullable;
import io.cloudir.model.SourceType;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of an {@link Engine}: the allowed lateness of each record type (how far behind the
 * newest record of its type a record may arrive and still be correlated in time order) and the
 * bound on records buffered for correlation.
 *
 * <p>The watermark of a session is, over the record types it has seen, the smallest of (newest
 * time seen of the type − its lateness). Records held for correlation are released in (time,
 * provenance) order once the watermark passes them; {@link Session#flush()} releases everything.
 *
 * <p>An optional {@link IpEnricher} (GeoIP country, autonomous system — see {@code
 * io.cloudir.investigate.enrich}) makes the {@code geo.source.*} and {@code geo.destination.*}
 * fields available to rules and places records for impossible travel ({@link
 * Correlation#travel()}: coordinates when it is an {@code
 * io.cloudir.investigate.enrich.DetailedIpEnricher} with a city database, else countries); without
 * one those fields are absent and travel correlations never fire.
 *
 * <p>Defaults: CloudTrail 15 minutes, VPC flow logs 20 minutes, WAF and Route 53 10 minutes, S3
 * access logs 6 hours, load balancer logs 30 minutes; at most 1 000 000 buffered records (beyond
 * that the oldest are released early and counted as late).
 *
 * <p>Immutable and thread-safe.
 */
public final class EngineOptions {
  private final Map<SourceType, Duration> lateness;
  private final Duration defaultLateness;
  private final int maxBuffered;
  private final @Nullable IpEnricher ipEnricher;

  private EngineOptions(Map<SourceType, Duration> lateness, Duration defaultLateness,
      int maxBuffered, @Nullable IpEnricher ipEnricher) {
    this.lateness = Map.copyOf(lateness);
    this.defaultLateness = defaultLateness;
    this.maxBuffered = maxBuffered;
    this.ipEnricher = ipEnricher;
  }

  /** The defaults (see the class comment). */
  public static EngineOptions defaults() {
    Map<SourceType, Duration> m = new HashMap<>();
    m.put(SourceType.CLOUDTRAIL, Duration.ofMinutes(15));
    m.put(SourceType.VPC_FLOW, Duration.ofMinutes(20));
    m.put(SourceType.WAF, Duration.ofMinutes(10));
    m.put(SourceType.ROUTE53_RESOLVER, Duration.ofMinutes(10));
    m.put(SourceType.ROUTE53_PUBLIC, Duration.ofMinutes(10));
    m.put(SourceType.S3_ACCESS, Duration.ofHours(6));
    m.put(SourceType.ALB, Duration.ofMinutes(30));
    return new EngineOptions(m, Duration.ofMinutes(15), 1_000_000, null);
  }

  /** These options with another allowed lateness for a record type. */
  public EngineOptions lateness(SourceType type, Duration allowed) {
    if (allowed.isNegative()) {
      throw new IllegalArgumentException("lateness cannot be negative");
    }
    Map<SourceType, Duration> m = new HashMap<>(lateness);
    m.put(Objects.requireNonNull(type), allowed);
    return new EngineOptions(m, defaultLateness, maxBuffered, ipEnricher);
  }

  /** These options with another bound on buffered records. */
  public EngineOptions maxBuffered(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("maxBuffered must be positive");
    }
    return new EngineOptions(lateness, defaultLateness, n, ipEnricher);
  }

  /**
   * These options with an IP enricher (it must be thread-safe, as {@link IpEnricher} requires:
   * sessions of one engine share it).
   */
  public EngineOptions ipEnricher(IpEnricher enricher) {
    return new EngineOptions(lateness, defaultLateness, maxBuffered,
        Objects.requireNonNull(enricher, "enricher"));
  }

  /** The IP enricher, or null when none was given. */
  public @Nullable IpEnricher ipEnricher() {
    return ipEnricher;
  }

  /** The allowed lateness of a record type. */
  public Duration lateness(SourceType type) {
    return lateness.getOrDefault(type, defaultLateness);
  }

  /** The bound on buffered records. */
  public int maxBuffered() {
    return maxBuffered;
  }
}
