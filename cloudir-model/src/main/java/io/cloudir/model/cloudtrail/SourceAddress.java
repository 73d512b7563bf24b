package io.cloudir.model.cloudtrail;

import io.cloudir.model.net.IpAddress;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * CloudTrail's {@code sourceIPAddress}, which is an IP address <em>or</em> a service name: {@code
 * AWS Internal}, {@code ec2.amazonaws.com}, {@code cloudtrail.amazonaws.com}… (and in sanitised
 * data anything at all). Both are modelled; neither is rejected.
 *
 * <p>Immutable and thread-safe.
 */
public final class SourceAddress {
  private final String text;
  private final @Nullable IpAddress ip;

  /** A source address from its text and the IP it parses to (or null). */
  public SourceAddress(String text, @Nullable IpAddress ip) {
    this.text = Objects.requireNonNull(text);
    this.ip = ip;
  }

  /** Parses the text: an IP address when it is one, a name otherwise. */
  public static SourceAddress of(String text) {
    return new SourceAddress(text, IpAddress.tryParse(text));
  }

  /** The text as written. */
  public String text() {
    return text;
  }

  /** The IP address, or null when this is a name. */
  public @Nullable IpAddress ip() {
    return ip;
  }

  /** Whether this is an IP address. */
  public boolean isIp() {
    return ip != null;
  }

  /** Whether this is an AWS service name such as {@code ec2.amazonaws.com}. */
  public boolean isServiceName() {
    return ip == null && (text.endsWith(".amazonaws.com") || text.endsWith(".amazonaws.com.cn")
        || text.endsWith(".aws.internal"));
  }

  /** Whether this is {@code AWS Internal}. */
  public boolean isAwsInternal() {
    return text.equals("AWS Internal");
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SourceAddress s && s.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
