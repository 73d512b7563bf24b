package io.cloudir.investigate.enrich;

import io.cloudir.investigate.IpEnricher;
import io.cloudir.model.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * An {@link IpEnricher} that can tell more than the autonomous system and the country: city,
 * coordinates and their accuracy, and the AWS ranges an address belongs to.
 *
 * <p>Implementations must be thread-safe.
 */
public interface DetailedIpEnricher extends IpEnricher {
  /** Everything this source knows about {@code ip}, or null when it knows nothing. */
  @Nullable IpDetails details(IpAddress ip);

  /** The {@link IpDetails#info()} of {@link #details}. */
  @Override
  default @Nullable Info lookup(IpAddress ip) {
    IpDetails d = details(ip);
    return d == null ? null : d.info();
  }
}
