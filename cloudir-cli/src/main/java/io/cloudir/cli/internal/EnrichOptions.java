package io.cloudir.cli.internal;

import io.cloudir.investigate.enrich.AwsIpRanges;
import io.cloudir.investigate.enrich.CompositeIpEnricher;
import io.cloudir.investigate.enrich.IpDetails;
import io.cloudir.model.CloudirException;
import io.cloudir.model.net.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The enrichment options shared by {@code timeline}, {@code entities} and {@code hunt} (the rules
 * engine's IP enricher): {@code --geoip FILE},
 * {@code --asn FILE} (both repeatable) and {@code --aws-ip-ranges FILE}, opened into one {@link
 * CompositeIpEnricher} (GeoIP files first, then ASN files, then AWS ranges, each fact from the
 * first that knows it).
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
final class EnrichOptions {
  @Option(names = "--geoip", paramLabel = "FILE",
      description = "MaxMind DB file (GeoLite2/GeoIP2 Country or City, DB-IP, ip-location-db):"
          + " country, city, coordinates. Repeatable.")
  List<Path> geoip = new ArrayList<>();

  @Option(names = "--asn", paramLabel = "FILE",
      description = "ASN data: a MaxMind DB ASN database or first_ip,last_ip,asn,\"organisation\""
          + " CSV ranges (gzip or plain). Repeatable.")
  List<Path> asn = new ArrayList<>();

  @Option(names = "--aws-ip-ranges", paramLabel = "FILE",
      description = "AWS ip-ranges.json: marks AWS addresses with their service and region.")
  @Nullable Path awsIpRanges;

  private final Map<String, Optional<IpDetails>> cache = new HashMap<>();

  /** Whether any enrichment file was given. */
  boolean any() {
    return !geoip.isEmpty() || !asn.isEmpty() || awsIpRanges != null;
  }

  /**
   * Opens the files, or returns null when none was given.
   *
   * @throws IllegalArgumentException with a message naming the option and file when one cannot be
   *     read or is invalid
   */
  @Nullable CompositeIpEnricher open() {
    if (!any()) {
      return null;
    }
    CompositeIpEnricher.Builder b = CompositeIpEnricher.builder();
    String current = "";
    try {
      for (Path p : geoip) {
        current = "--geoip " + p;
        b.addGeoIp(p);
      }
      for (Path p : asn) {
        current = "--asn " + p;
        b.addAsn(p);
      }
      if (awsIpRanges != null) {
        current = "--aws-ip-ranges " + awsIpRanges;
        b.addAwsIpRanges(awsIpRanges);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(current + ": cannot read: " + e, e);
    } catch (CloudirException e) {
      throw new IllegalArgumentException(current + ": " + e.getMessage(), e);
    }
    return b.build();
  }

  /** The details of an address text (cached), or null. */
  static @Nullable IpDetails details(@Nullable CompositeIpEnricher en,
      Map<String, Optional<IpDetails>> cache, @Nullable String ip) {
    if (en == null || ip == null) {
      return null;
    }
    return cache.computeIfAbsent(ip, k -> {
      IpAddress a = IpAddress.tryParse(k);
      return Optional.ofNullable(a == null ? null : en.details(a));
    }).orElse(null);
  }

  /** This instance's lookup cache. */
  Map<String, Optional<IpDetails>> cache() {
    return cache;
  }

  /** The details as a JSON object (only what is known). */
  static String json(IpDetails d) {
    Json j = new Json();
    if (d.asn() >= 0) {
      j.put("asn", d.asn());
    }
    if (d.asOrganization() != null) {
      j.put("asOrganization", d.asOrganization());
    }
    if (d.country() != null) {
      j.put("country", d.country());
    }
    if (d.city() != null) {
      j.put("city", d.city());
    }
    if (d.location() != null) {
      j.putRaw("latitude", Double.toString(d.location().latitude()));
      j.putRaw("longitude", Double.toString(d.location().longitude()));
      if (d.accuracyRadiusKm() >= 0) {
        j.put("accuracyRadiusKm", d.accuracyRadiusKm());
      }
    }
    if (!d.aws().isEmpty()) {
      j.putStrings("aws", aws(d));
    }
    return j.end();
  }

  /** The AWS listings as {@code SERVICE:region:prefix}, most specific first. */
  static List<String> aws(IpDetails d) {
    List<String> out = new ArrayList<>();
    for (AwsIpRanges.Prefix p : d.aws()) {
      out.add(p.service() + ":" + p.region() + ":" + p.cidr());
    }
    return out;
  }

  /** A short text for tables: {@code NL AS64500 Example} (empty when nothing is known). */
  static String text(@Nullable IpDetails d) {
    if (d == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    if (d.country() != null) {
      sb.append(d.country().toUpperCase(Locale.ROOT));
    }
    if (d.asn() >= 0) {
      sb.append(sb.length() > 0 ? " " : "").append("AS").append(d.asn());
    }
    if (!d.aws().isEmpty()) {
      AwsIpRanges.Prefix p = d.aws().get(0);
      sb.append(sb.length() > 0 ? " " : "").append("aws:").append(p.service()).append(':')
          .append(p.region());
    }
    return sb.toString();
  }
}
