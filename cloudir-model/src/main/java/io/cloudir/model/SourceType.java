package io.cloudir.model;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The kind of log a record came from: an <em>open</em> enumeration. The known kinds are
 * constants; {@link #of(String)} returns the constant for a known name and a new value for any
 * other (so extensions can add kinds). Names are lower case, as used by {@code cloudir parse
 * --type}.
 *
 * <p>Immutable and thread-safe; equal names give equal (and for known names identical) values.
 */
public final class SourceType implements Comparable<SourceType> {
  private static final Map<String, SourceType> KNOWN = new ConcurrentHashMap<>();

  /** CloudTrail events. */
  public static final SourceType CLOUDTRAIL = known("cloudtrail");
  /** CloudTrail digest files (not records, but a kind of file readers recognise). */
  public static final SourceType CLOUDTRAIL_DIGEST = known("cloudtrail-digest");
  /** VPC flow logs. */
  public static final SourceType VPC_FLOW = known("vpcflow");
  /** AWS WAF logs. */
  public static final SourceType WAF = known("waf");
  /** Route 53 Resolver query logs. */
  public static final SourceType ROUTE53_RESOLVER = known("route53-resolver");
  /** Route 53 public hosted zone query logs. */
  public static final SourceType ROUTE53_PUBLIC = known("route53-public");
  /** S3 server access logs. */
  public static final SourceType S3_ACCESS = known("s3-access");
  /** Application, Network and Classic load balancer access logs. */
  public static final SourceType ALB = known("alb");

  private final String name;

  private SourceType(String name) {
    this.name = name;
  }

  private static SourceType known(String name) {
    SourceType t = new SourceType(name);
    KNOWN.put(name, t);
    return t;
  }

  /** The source type of that name (lower-cased); a known constant or a new open value. */
  public static SourceType of(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    SourceType t = KNOWN.get(n);
    return t != null ? t : new SourceType(n);
  }

  /** Whether this is one of the constants above. */
  public boolean isKnown() {
    return KNOWN.get(name) == this;
  }

  /** The lower-case name. */
  public String name() {
    return name;
  }

  @Override
  public int compareTo(SourceType o) {
    return name.compareTo(o.name);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SourceType t && t.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
