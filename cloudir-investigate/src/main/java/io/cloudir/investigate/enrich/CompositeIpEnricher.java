package io.cloudir.investigate.enrich;

import io.cloudir.model.net.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Several enrichment sources asked in turn: for each fact (AS number and organisation, country,
 * city, coordinates, AWS ranges) the first source that knows it wins. A typical set-up is a
 * country or city database, then an ASN database or range files, then AWS {@code ip-ranges.json}:
 *
 * <pre>{@code
 * CompositeIpEnricher en = CompositeIpEnricher.builder()
 *     .addGeoIp(Path.of("GeoLite2-City.mmdb"))
 *     .addAsn(Path.of("asn-ipv4.csv.gz"))
 *     .addAsn(Path.of("asn-ipv6.csv.gz"))
 *     .addAwsIpRanges(Path.of("ip-ranges.json"))
 *     .build();
 * Entities entities = timeline.entities(en);
 * }</pre>
 *
 * <p>Immutable and thread-safe when its sources are (every source in this package is).
 */
public final class CompositeIpEnricher implements DetailedIpEnricher {
  private final List<DetailedIpEnricher> sources;

  private CompositeIpEnricher(List<DetailedIpEnricher> sources) {
    this.sources = List.copyOf(sources);
  }

  /** A builder with no source. */
  public static Builder builder() {
    return new Builder();
  }

  /** The sources, in the order they are asked. */
  public List<DetailedIpEnricher> sources() {
    return sources;
  }

  @Override
  public @Nullable IpDetails details(IpAddress ip) {
    IpDetails acc = IpDetails.EMPTY;
    for (DetailedIpEnricher s : sources) {
      IpDetails d = s.details(ip);
      if (d != null) {
        acc = acc == IpDetails.EMPTY ? d : acc.orElse(d);
      }
    }
    return acc.isEmpty() ? null : acc;
  }

  /**
   * Collects sources.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private final List<DetailedIpEnricher> sources = new ArrayList<>();

    private Builder() {}

    /** Adds a source. */
    public Builder add(DetailedIpEnricher source) {
      sources.add(source);
      return this;
    }

    /**
     * Adds a MaxMind DB (country, city or ASN).
     *
     * @throws IOException when it cannot be read
     * @throws EnrichmentDataException when it is not a valid MaxMind DB
     */
    public Builder addGeoIp(Path file) throws IOException {
      return add(MaxMindEnricher.open(file));
    }

    /**
     * Adds an ASN source: a MaxMind DB (recognised by its metadata marker) or a range file
     * ({@code first_ip,last_ip,asn,"organisation"}, gzip'd or plain).
     *
     * @throws IOException when it cannot be read
     * @throws EnrichmentDataException when it is not valid
     */
    public Builder addAsn(Path file) throws IOException {
      return add(MaxMindDb.isMaxMindDb(file) ? MaxMindEnricher.open(file) : AsnRanges.load(file));
    }

    /**
     * Adds AWS {@code ip-ranges.json}.
     *
     * @throws IOException when it cannot be read
     * @throws EnrichmentDataException when it is not valid
     */
    public Builder addAwsIpRanges(Path file) throws IOException {
      return add(AwsIpRanges.load(file));
    }

    /** The enricher. */
    public CompositeIpEnricher build() {
      return new CompositeIpEnricher(sources);
    }
  }
}
