package io.cloudir.rules.internal;

import io.cloudir.investigate.enrich.Geo;
import io.cloudir.investigate.enrich.IpDetails;
import io.cloudir.model.net.IpAddress;
import io.cloudir.rules.Correlation;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Impossible travel ({@link Correlation.Kind#TRAVEL}): each hit is compared with the previous hit
 * of its key (the attributed principal, or the group-by fields) through {@link Geo#travel}; a
 * finding names both hits and carries the two places, the distance, the time and the speed.
 *
 * <p>A hit's place travels in its {@link Hit#value()} (so buffering and checkpoints need nothing
 * more): {@link #place(EvalContext)} encodes what the enricher knows about the record's source
 * address; an empty value means nothing is known and the record takes no part. Not thread-safe
 * (owned by a session).
 */
public final class TravelCorrelator extends Correlator {
  private static final char SEP = '\u0001';

  private final Geo.TravelPolicy policy;
  private Map<String, Hit> last = lru();

  TravelCorrelator(Correlation c) {
    super(c);
    this.policy = new Geo.TravelPolicy(c.maxSpeedKmh(), c.countryWindow());
  }

  /**
   * The place of the current record's source address as a hit value: address, country,
   * latitude, longitude, accuracy radius and city separated by U+0001; {@code ""} when the record
   * has no source address or the enricher (if any) knows neither its country nor its coordinates.
   */
  public static String place(EvalContext ctx) {
    IpAddress ip = FieldPaths.address(ctx.record(), true);
    IpDetails d = ctx.ipDetails(ip);
    if (ip == null || d == null || (d.country() == null && d.location() == null)) {
      return "";
    }
    Geo.Point p = d.location();
    StringBuilder sb = new StringBuilder(64).append(ip).append(SEP)
        .append(d.country() == null ? "" : d.country()).append(SEP);
    if (p != null) {
      sb.append(p.latitude()).append(SEP).append(p.longitude()).append(SEP)
          .append(d.accuracyRadiusKm());
    } else {
      sb.append(SEP).append(SEP);
    }
    return sb.append(SEP).append(d.city() == null ? "" : clean(d.city())).toString();
  }

  private static String clean(String s) {
    return s.replace(SEP, ' ');
  }

  /** A decoded place. */
  private record Place(String ip, IpDetails details) {
    String describe() {
      StringBuilder sb = new StringBuilder(ip);
      String city = details.city();
      String country = details.country();
      if (city != null || country != null) {
        sb.append(" (");
        if (city != null) {
          sb.append(city);
          if (country != null) {
            sb.append(", ");
          }
        }
        if (country != null) {
          sb.append(country);
        }
        sb.append(')');
      }
      return sb.toString();
    }
  }

  // NullAway does not read the type-use @Nullable of IpDetails' components from its class file
  @SuppressWarnings("NullAway")
  private static @Nullable Place decode(String v) {
    String[] f = v.split(String.valueOf(SEP), -1);
    if (f.length != 6) {
      return null;
    }
    try {
      Geo.Point p = f[2].isEmpty() ? null
          : new Geo.Point(Double.parseDouble(f[2]), Double.parseDouble(f[3]));
      int radius = f[4].isEmpty() ? -1 : Integer.parseInt(f[4]);
      return new Place(f[0], new IpDetails(-1, null, f[1].isEmpty() ? null : f[1],
          f[5].isEmpty() ? null : f[5], p, p == null ? -1 : radius, List.of()));
    } catch (IllegalArgumentException e) {
      return null; // not written by place(): a corrupt checkpoint, ignored like an unknown place
    }
  }

  private @Nullable String key(Hit h) {
    if (!c.groupBy().isEmpty()) {
      return h.keys().get(0).get(0);
    }
    return h.principal() == null ? null : normalize(h.principal());
  }

  @Override
  public void onHit(Hit h, Out out) {
    String key = key(h);
    Place to = decode(h.value());
    if (key == null || to == null || h.time() == Hit.NO_TIME) {
      return;
    }
    Hit prev = last.get(key);
    put(last, key, h, out);
    if (prev == null || h.time() - prev.time() > window) {
      return;
    }
    Place from = decode(prev.value());
    Instant t0 = Hit.instant(prev.time());
    Instant t1 = Hit.instant(h.time());
    if (from == null || t0 == null || t1 == null) {
      return;
    }
    Geo.Travel t = Geo.travel(from.details(), t0, to.details(), t1, policy);
    if (!t.impossible()
        || (t.basis() == Geo.Basis.COORDINATES && t.distanceKm() < c.minDistanceKm())) {
      return;
    }
    Map<String, String> details = new LinkedHashMap<>();
    details.put("from", from.describe());
    details.put("to", to.describe());
    details.put("basis", t.basis().name().toLowerCase(Locale.ROOT));
    details.put("elapsed", elapsed(t.elapsed()));
    String summary;
    if (t.basis() == Geo.Basis.COORDINATES) {
      String km = Long.toString(Math.round(t.distanceKm()));
      String kmh = Double.isInfinite(t.speedKmh()) ? "infinite"
          : Long.toString(Math.round(t.speedKmh()));
      details.put("distanceKm", km);
      details.put("speedKmh", kmh);
      summary = from.describe() + " -> " + to.describe() + ": " + km + " km in "
          + elapsed(t.elapsed()) + ", " + kmh + " km/h";
    } else {
      summary = from.describe() + " -> " + to.describe() + ": another country after "
          + elapsed(t.elapsed());
    }
    out.finding(List.of(prev, h), h, " [" + summary + "]", details);
  }

  /** {@code 1h05m}, {@code 12m30s}, {@code 0s}. */
  static String elapsed(Duration d) {
    long s = d.getSeconds();
    if (s >= 3600) {
      return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + "m";
    }
    if (s >= 60) {
      return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
    return s + "s";
  }

  @Override
  public void write(DataOutput out) throws IOException {
    out.writeInt(last.size());
    for (Map.Entry<String, Hit> e : last.entrySet()) {
      StateIo.writeString(out, e.getKey());
      e.getValue().write(out);
    }
  }

  @Override
  public void read(DataInput in) throws IOException {
    last = lru();
    int n = StateIo.count(in.readInt());
    for (int i = 0; i < n; i++) {
      String k = StateIo.readString(in);
      last.put(k, Objects.requireNonNull(Hit.read(in)));
    }
  }
}
