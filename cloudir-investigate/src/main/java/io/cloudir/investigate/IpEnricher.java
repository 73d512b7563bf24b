package io.cloudir.investigate;

import io.cloudir.model.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * Looks up what is known about a public address (autonomous system, country) in a database the
 * caller supplies. cloudir ships no database and never goes to the network for this.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface IpEnricher {
  /** What the database knows about {@code ip}, or null. */
  @Nullable Info lookup(IpAddress ip);

  /**
   * Facts about one address.
   *
   * <p>Immutable and thread-safe.
   *
   * @param asn the autonomous system number, or -1
   * @param asOrganization the AS organisation name, or null
   * @param country the ISO 3166 country code, or null
   */
  record Info(long asn, @Nullable String asOrganization, @Nullable String country) {}
}
