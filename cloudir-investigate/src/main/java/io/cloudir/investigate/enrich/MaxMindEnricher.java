package io.cloudir.investigate.enrich;

import io.cloudir.model.net.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Country, city, coordinates and AS facts from a MaxMind DB. It reads whichever of these fields a
 * record has, so one class serves every common layout:
 *
 * <ul>
 *   <li>{@code country.iso_code} (GeoLite2/GeoIP2 Country and City, DB-IP), else {@code
 *       country_code} (ip-location-db country databases);
 *   <li>{@code city.names.en}, {@code location.latitude}/{@code location.longitude} and {@code
 *       location.accuracy_radius} (city databases), else top-level {@code city}, {@code
 *       latitude}/{@code longitude};
 *   <li>{@code autonomous_system_number} and {@code autonomous_system_organization} (GeoLite2
 *       ASN and ip-location-db ASN databases).
 * </ul>
 *
 * <p>Records are shared between networks, so the facts are cached per record (at most {@link
 * #CACHE_RECORDS} records). Thread-safe.
 */
public final class MaxMindEnricher implements DetailedIpEnricher {
  /** How many distinct records are cached. */
  public static final int CACHE_RECORDS = 65_536;

  private final MaxMindDb db;
  private final Map<Integer, IpDetails> cache = new ConcurrentHashMap<>();

  /** An enricher over an open database. */
  public MaxMindEnricher(MaxMindDb db) {
    this.db = db;
  }

  /**
   * Opens a database file.
   *
   * @throws IOException when it cannot be read
   * @throws EnrichmentDataException when it is not a valid MaxMind DB
   */
  public static MaxMindEnricher open(Path file) throws IOException {
    return new MaxMindEnricher(MaxMindDb.open(file));
  }

  /** The database. */
  public MaxMindDb database() {
    return db;
  }

  /**
   * {@inheritDoc}
   *
   * @throws EnrichmentDataException when the record of this address is corrupt
   */
  @Override
  public @Nullable IpDetails details(IpAddress ip) {
    long off = db.dataOffset(ip);
    if (off < 0) {
      return null;
    }
    int o = (int) off;
    IpDetails d = cache.get(o);
    if (d == null) {
      d = facts(db.decode(o));
      if (cache.size() < CACHE_RECORDS) {
        cache.put(o, d);
      }
    }
    return d.isEmpty() ? null : d;
  }

  /** The facts a record holds (empty details when it holds none). */
  public static IpDetails facts(MmdbValue r) {
    String country = upper(first(r.stringAt("country.iso_code"), r.stringAt("country_code")));
    String city = first(r.stringAt("city.names.en"), r.stringAt("city"));
    Geo.Point loc = point(first(r.at("location.latitude"), r.get("latitude")),
        first(r.at("location.longitude"), r.get("longitude")));
    MmdbValue radius = r.at("location.accuracy_radius");
    int acc = loc != null && radius != null && radius.isInteger()
        && radius.asBigInteger().bitLength() < 31 ? (int) radius.asLong() : -1;
    MmdbValue asnv = r.get("autonomous_system_number");
    long asn = asnv != null && asnv.isInteger() && asnv.asBigInteger().signum() >= 0
        && asnv.asBigInteger().bitLength() <= 32 ? asnv.asLong() : -1;
    String org = r.stringAt("autonomous_system_organization");
    return new IpDetails(asn, org, country, city, loc, acc, List.of());
  }

  private static @Nullable String upper(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s.toUpperCase(java.util.Locale.ROOT);
  }

  private static <T> @Nullable T first(@Nullable T a, @Nullable T b) {
    return a != null ? a : b;
  }

  private static Geo.@Nullable Point point(@Nullable MmdbValue lat, @Nullable MmdbValue lon) {
    if (lat == null || lon == null || !lat.isNumber() || !lon.isNumber()) {
      return null;
    }
    double a = lat.asDouble();
    double o = lon.asDouble();
    return a >= -90 && a <= 90 && o >= -180 && o <= 180 ? new Geo.Point(a, o) : null;
  }
}
