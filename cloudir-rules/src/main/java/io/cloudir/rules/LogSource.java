package io.cloudir.rules;

import io.cloudir.model.SourceType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which records a rule reads: one or more record types ({@code cloudtrail}, {@code vpcflow},
 * {@code waf}, {@code route53-resolver}, {@code route53-public}, {@code s3-access}, {@code alb}),
 * and for CloudTrail optionally the {@code eventSource}s and {@code eventName}s it is about. The
 * engine routes records by these keys so a rule is only evaluated on records it can match;
 * matching of event sources and names is case-insensitive and exact (no wildcards).
 *
 * <p>Immutable and thread-safe.
 */
public final class LogSource {
  private final Set<SourceType> types;
  private final Set<String> eventSources;
  private final Set<String> eventNames;

  private LogSource(Set<SourceType> types, Set<String> eventSources, Set<String> eventNames) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("a log source names at least one record type");
    }
    this.types = Collections.unmodifiableSet(new LinkedHashSet<>(types));
    this.eventSources = lower(eventSources);
    this.eventNames = lower(eventNames);
  }

  private static Set<String> lower(Collection<String> in) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : in) {
      out.add(Objects.requireNonNull(s).toLowerCase(Locale.ROOT));
    }
    return Collections.unmodifiableSet(out);
  }

  /** Records of the given types, without further routing. */
  public static LogSource of(SourceType... types) {
    return new LogSource(new LinkedHashSet<>(List.of(types)), Set.of(), Set.of());
  }

  /** Records of the given types, by name ({@code cloudtrail}, {@code vpcflow}…). */
  public static LogSource ofNames(Collection<String> typeNames) {
    Set<SourceType> t = new LinkedHashSet<>();
    for (String n : typeNames) {
      t.add(typeOf(n));
    }
    return new LogSource(t, Set.of(), Set.of());
  }

  /** All CloudTrail events. */
  public static LogSource cloudTrail() {
    return of(SourceType.CLOUDTRAIL);
  }

  /**
   * The record type of a name as used in rule files and on the command line.
   *
   * @throws IllegalArgumentException for names that are not a supported record type
   */
  public static SourceType typeOf(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (SourceType t : SUPPORTED) {
      if (t.name().equals(n)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown record type '" + name + "' (expected one of "
        + String.join(", ", SUPPORTED.stream().map(SourceType::name).toList()) + ")");
  }

  /** The record types rules can read, in documentation order. */
  public static final List<SourceType> SUPPORTED = List.of(SourceType.CLOUDTRAIL,
      SourceType.VPC_FLOW, SourceType.WAF, SourceType.ROUTE53_RESOLVER, SourceType.ROUTE53_PUBLIC,
      SourceType.S3_ACCESS, SourceType.ALB);

  /** This log source restricted to CloudTrail events from these event sources (added up). */
  public LogSource eventSource(String... sources) {
    checkCloudTrailOnly();
    List<String> s = new ArrayList<>(eventSources);
    s.addAll(List.of(sources));
    return new LogSource(types, new LinkedHashSet<>(s), eventNames);
  }

  /** This log source restricted to CloudTrail events with these names (added up). */
  public LogSource eventName(String... names) {
    checkCloudTrailOnly();
    List<String> s = new ArrayList<>(eventNames);
    s.addAll(List.of(names));
    return new LogSource(types, eventSources, new LinkedHashSet<>(s));
  }

  private void checkCloudTrailOnly() {
    if (!types.equals(Set.of(SourceType.CLOUDTRAIL))) {
      throw new IllegalArgumentException("eventSource/eventName routing is for CloudTrail only");
    }
  }

  /** The record types. */
  public Set<SourceType> types() {
    return types;
  }

  /** The CloudTrail event sources (lower case); empty for any. */
  public Set<String> eventSources() {
    return eventSources;
  }

  /** The CloudTrail event names (lower case); empty for any. */
  public Set<String> eventNames() {
    return eventNames;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LogSource l && l.types.equals(types) && l.eventSources.equals(eventSources)
        && l.eventNames.equals(eventNames);
  }

  @Override
  public int hashCode() {
    return Objects.hash(types, eventSources, eventNames);
  }

  /** For example {@code cloudtrail[eventSource=cloudtrail.amazonaws.com]}. */
  @Override
  public String toString() {
    return String.join(",", types.stream().map(SourceType::name).toList())
        + (eventSources.isEmpty() ? "" : "[eventSource=" + String.join(",", eventSources) + "]")
        + (eventNames.isEmpty() ? "" : "[eventName=" + String.join(",", eventNames) + "]");
  }
}
