package io.cloudir.investigate.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class GeoTest {
  private static final Gen<Geo.Point> POINTS = doubles().between(-90, 90)
      .zip(doubles().between(-180, 180), Geo.Point::new);

  @Test
  void haversineIsSymmetricZeroOnTheDiagonalAndBounded() {
    qt().forAll(POINTS, POINTS).checkAssert((a, b) -> {
      double d = Geo.distanceKm(a, b);
      assertEquals(d, Geo.distanceKm(b, a), 1e-9);
      assertEquals(0, Geo.distanceKm(a, a), 1e-9);
      assertTrue(d >= 0 && d <= Math.PI * Geo.EARTH_RADIUS_KM + 1e-6, Double.toString(d));
    });
  }

  @Test
  void haversineTriangleInequality() {
    qt().forAll(POINTS, POINTS, POINTS).checkAssert((a, b, c) ->
        assertTrue(Geo.distanceKm(a, c) <= Geo.distanceKm(a, b) + Geo.distanceKm(b, c) + 1e-6,
            a + " " + b + " " + c));
  }

  @Test
  void arcsAlongTheEquatorAndAMeridianAreRadiusTimesAngle() {
    // on a great circle the distance is R times the central angle (in radians)
    double oneDegree = Geo.EARTH_RADIUS_KM * Math.PI / 180;
    assertEquals(oneDegree * 10, Geo.distanceKm(new Geo.Point(0, 0), new Geo.Point(0, 10)), 1e-6);
    assertEquals(oneDegree * 30, Geo.distanceKm(new Geo.Point(10, 5), new Geo.Point(40, 5)), 1e-6);
    assertEquals(oneDegree * 180, Geo.distanceKm(new Geo.Point(90, 0), new Geo.Point(-90, 0)), 1e-6);
    assertEquals(oneDegree * 2, Geo.distanceKm(new Geo.Point(0, 179), new Geo.Point(0, -179)), 1e-6,
        "across the antimeridian");
    assertThrows(IllegalArgumentException.class, () -> new Geo.Point(91, 0));
    assertThrows(IllegalArgumentException.class, () -> new Geo.Point(0, Double.NaN));
  }

  private static IpDetails at(String country, Geo.Point p, int radius) {
    return new IpDetails(-1, null, country, null, p, radius, List.of());
  }

  @Test
  void impossibleTravelByCoordinatesAndCountryFallback() {
    Instant t0 = Instant.parse("2026-03-14T09:00:00Z");
    double oneDegree = Geo.EARTH_RADIUS_KM * Math.PI / 180;
    IpDetails a = at("AA", new Geo.Point(0, 0), 10);
    IpDetails b = at("BB", new Geo.Point(0, 90), 10); // a quarter of the equator away
    Geo.Travel fast = Geo.travel(a, t0, b, t0.plus(Duration.ofHours(1)));
    assertEquals(Geo.Basis.COORDINATES, fast.basis());
    assertEquals(oneDegree * 90 - 20, fast.distanceKm(), 1e-6, "less both accuracy radii");
    assertEquals(fast.distanceKm(), fast.speedKmh(), 1e-6);
    assertTrue(fast.impossible());
    Geo.Travel slow = Geo.travel(b, t0.plus(Duration.ofHours(24)), a, t0);
    assertFalse(slow.impossible(), "order does not matter and a day is enough");
    assertEquals(Duration.ofHours(24), slow.elapsed());
    // within the accuracy radii: never impossible, even at once
    Geo.Travel near = Geo.travel(at("AA", new Geo.Point(0, 0), 100), t0,
        at("AA", new Geo.Point(0, 1), 100), t0);
    assertEquals(0, near.distanceKm());
    assertFalse(near.impossible());
    // country level when a side has no coordinates
    IpDetails onlyCountry = at("BB", null, -1);
    Geo.Travel c = Geo.travel(a, t0, onlyCountry, t0.plus(Duration.ofMinutes(20)));
    assertEquals(Geo.Basis.COUNTRY, c.basis());
    assertTrue(c.impossible());
    assertTrue(Double.isNaN(c.distanceKm()));
    assertFalse(Geo.travel(a, t0, onlyCountry, t0.plus(Duration.ofHours(2))).impossible());
    assertFalse(Geo.travel(at("bb", null, -1), t0, onlyCountry, t0).impossible(), "same country");
    Geo.Travel unknown = Geo.travel(IpDetails.EMPTY, t0, onlyCountry, t0);
    assertEquals(Geo.Basis.UNKNOWN, unknown.basis());
    assertFalse(unknown.impossible());
  }
}
