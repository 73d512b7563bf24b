package io.cloudir.investigate.enrich;

import io.cloudir.investigate.IpEnricher;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What enrichment sources know about one address. Every part is optional.
 *
 * <p>Immutable and thread-safe.
 *
 * @param asn the autonomous system number, or -1
 * @param asOrganization the AS organisation, or null
 * @param country the ISO 3166-1 alpha-2 country code, or null
 * @param city the city name (English), or null
 * @param location the coordinates the database gives, or null
 * @param accuracyRadiusKm how far (km) the address may be from {@code location}, or -1 when unknown
 * @param aws the AWS ranges holding the address, most specific first (empty when none)
 */
public record IpDetails(long asn, @Nullable String asOrganization, @Nullable String country,
    @Nullable String city, Geo.@Nullable Point location, int accuracyRadiusKm,
    List<AwsIpRanges.Prefix> aws) {

  /** Nothing known. */
  public static final IpDetails EMPTY = new IpDetails(-1, null, null, null, null, -1, List.of());

  /** Copies the AWS list. */
  public IpDetails {
    aws = List.copyOf(aws);
    if (asn < -1 || asn > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("AS number out of range: " + asn);
    }
  }

  /** Whether nothing is known. */
  public boolean isEmpty() {
    return asn < 0 && asOrganization == null && country == null && city == null
        && location == null && aws.isEmpty();
  }

  /**
   * These details with the parts they lack taken from {@code other} (this one wins where both
   * know something; coordinates and their radius travel together).
   */
  public IpDetails orElse(IpDetails other) {
    boolean ownLoc = location != null;
    return new IpDetails(asn >= 0 ? asn : other.asn,
        asOrganization != null || asn >= 0 ? asOrganization : other.asOrganization,
        country != null ? country : other.country, city != null ? city : other.city,
        ownLoc ? location : other.location, ownLoc ? accuracyRadiusKm : other.accuracyRadiusKm,
        aws.isEmpty() ? other.aws : aws);
  }

  /** The parts {@link IpEnricher} reports, or null when none is known. */
  public IpEnricher.@Nullable Info info() {
    if (asn < 0 && asOrganization == null && country == null) {
      return null;
    }
    return new IpEnricher.Info(asn, asOrganization, country);
  }
}
