package io.cloudir.investigate;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the logs say about one entity: a principal (attributed origin identity), an access key, a
 * source IP, a resource, an EC2 instance or an ENI.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of entity
 * @param id its identifier (ARN, key id, address, instance or ENI id)
 * @param firstSeen the earliest record time, or null when no record had a time
 * @param lastSeen the latest record time, or null
 * @param count the number of records (after dedup) involving it
 * @param errors how many of those are CloudTrail events with an {@code errorCode}
 * @param regions the regions seen, sorted
 * @param services the CloudTrail event sources (or other record sources) seen, sorted
 * @param bytesIn bytes received (flow logs), 0 when none
 * @param bytesOut bytes sent (flow logs), 0 when none
 * @param dnsNames DNS names queried (Route 53 Resolver), sorted
 * @param attributes further facts, sorted by name (for example {@code role}, {@code launchedBy},
 *     {@code ips}, {@code instance}, {@code user}, {@code account}, {@code kind}, {@code asn})
 */
public record Entity(
    Kind kind,
    String id,
    @Nullable Instant firstSeen,
    @Nullable Instant lastSeen,
    long count,
    long errors,
    Set<String> regions,
    Set<String> services,
    long bytesIn,
    long bytesOut,
    Set<String> dnsNames,
    Map<String, String> attributes) {

  /** The kinds of entity, in the order {@code cloudir entities} lists them. */
  public enum Kind {
    /** An attributed origin identity. */
    PRINCIPAL,
    /** An access key id. */
    ACCESS_KEY,
    /** An IP address. */
    IP,
    /** A resource ARN. */
    RESOURCE,
    /** An EC2 instance. */
    INSTANCE,
    /** An elastic network interface. */
    ENI
  }

  /** Checks and copies the parts. */
  public Entity {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    regions = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(regions));
    services = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(services));
    dnsNames = java.util.Collections.unmodifiableSet(new java.util.TreeSet<>(dnsNames));
    attributes = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(attributes));
  }
}
