package io.cloudir.investigate.enrich;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Distances on the Earth and the impossible-travel test: two sightings of one identity whose
 * addresses are farther apart than anyone could travel in the time between them.
 *
 * <p>With coordinates on both sides (a city database), the great-circle (haversine) distance less
 * both accuracy radii is divided by the elapsed time and compared with a maximum speed. Without
 * coordinates (country-only or ASN databases) the test falls back to the country level: two
 * different countries within a short window. Stateless and thread-safe.
 */
public final class Geo {
  /** The mean Earth radius in kilometres (IUGG). */
  public static final double EARTH_RADIUS_KM = 6371.0088;

  private Geo() {}

  /**
   * A point on the Earth in decimal degrees.
   *
   * <p>Immutable and thread-safe.
   *
   * @param latitude -90..90
   * @param longitude -180..180
   */
  public record Point(double latitude, double longitude) {
    /** Checks the ranges. */
    public Point {
      if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
        throw new IllegalArgumentException("not a coordinate: " + latitude + "," + longitude);
      }
    }
  }

  /** The great-circle distance between two points in kilometres (haversine formula). */
  public static double distanceKm(Point a, Point b) {
    double p1 = Math.toRadians(a.latitude());
    double p2 = Math.toRadians(b.latitude());
    double dp = p2 - p1;
    double dl = Math.toRadians(b.longitude() - a.longitude());
    double s1 = Math.sin(dp / 2);
    double s2 = Math.sin(dl / 2);
    double h = s1 * s1 + Math.cos(p1) * Math.cos(p2) * s2 * s2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  /** What the impossible-travel test was based on. Immutable and thread-safe. */
  public enum Basis {
    /** Coordinates on both sides. */
    COORDINATES,
    /** Countries on both sides (at least one side had no coordinates). */
    COUNTRY,
    /** Not enough data: never impossible. */
    UNKNOWN
  }

  /**
   * The thresholds of the impossible-travel test.
   *
   * <p>Immutable and thread-safe.
   *
   * @param maxSpeedKmh the fastest plausible travel (an airliner: about 1000 km/h)
   * @param countryWindow at country level, a change of country within this time is impossible
   */
  public record TravelPolicy(double maxSpeedKmh, Duration countryWindow) {
    /** 1000 km/h, and one hour at country level. */
    public static final TravelPolicy DEFAULT = new TravelPolicy(1000, Duration.ofHours(1));

    /** Checks the values. */
    public TravelPolicy {
      if (!(maxSpeedKmh > 0)) {
        throw new IllegalArgumentException("maxSpeedKmh must be positive");
      }
      if (countryWindow.isNegative()) {
        throw new IllegalArgumentException("countryWindow must not be negative");
      }
    }
  }

  /**
   * The outcome of the test.
   *
   * <p>Immutable and thread-safe.
   *
   * @param basis what it was based on
   * @param distanceKm the distance less the accuracy radii (NaN unless {@link Basis#COORDINATES})
   * @param elapsed the time between the sightings (never negative)
   * @param speedKmh the speed needed (NaN unless coordinates; infinite for a distance in no time)
   * @param impossible whether the travel is impossible under the policy
   */
  public record Travel(Basis basis, double distanceKm, Duration elapsed, double speedKmh,
      boolean impossible) {}

  /**
   * Tests whether going from {@code a} (seen at {@code ta}) to {@code b} (seen at {@code tb}) is
   * possible. The order of the two sightings does not matter.
   */
  public static Travel travel(IpDetails a, Instant ta, IpDetails b, Instant tb,
      TravelPolicy policy) {
    Duration elapsed = Duration.between(ta, tb).abs();
    Point pa = a.location();
    Point pb = b.location();
    if (pa != null && pb != null) {
      double d = distanceKm(pa, pb) - Math.max(0, a.accuracyRadiusKm())
          - Math.max(0, b.accuracyRadiusKm());
      d = Math.max(0, d);
      double hours = elapsed.toNanos() / 3.6e12;
      double speed = d == 0 ? 0 : hours == 0 ? Double.POSITIVE_INFINITY : d / hours;
      return new Travel(Basis.COORDINATES, d, elapsed, speed, speed > policy.maxSpeedKmh());
    }
    String ca = a.country();
    String cb = b.country();
    if (ca != null && cb != null) {
      boolean moved = !ca.equalsIgnoreCase(cb);
      return new Travel(Basis.COUNTRY, Double.NaN, elapsed, Double.NaN,
          moved && elapsed.compareTo(policy.countryWindow()) < 0);
    }
    return new Travel(Basis.UNKNOWN, Double.NaN, elapsed, Double.NaN, false);
  }

  /** {@link #travel(IpDetails, Instant, IpDetails, Instant, TravelPolicy)} with the default policy. */
  public static Travel travel(IpDetails a, Instant ta, IpDetails b, Instant tb) {
    return travel(Objects.requireNonNull(a), ta, Objects.requireNonNull(b), tb,
        TravelPolicy.DEFAULT);
  }
}
