package io.cloudir.investigate.enrich;

import io.cloudir.investigate.internal.enrich.Csv;
import io.cloudir.investigate.internal.enrich.EnrichFiles;
import io.cloudir.investigate.internal.enrich.PrefixIndex;
import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The address ranges AWS publishes in {@code ip-ranges.json}: {@code prefixes[]} with {@code
 * ip_prefix}, {@code region}, {@code service} and {@code network_border_group}, and {@code
 * ipv6_prefixes[]} with {@code ipv6_prefix} and the same members. Answers "is this address AWS,
 * which service and region". The same block is usually listed more than once (as {@code AMAZON}
 * and as the service); every listing is returned.
 *
 * <p>The file is read with cloudir's strict JSON reader; an invalid file raises {@link
 * EnrichmentDataException} with the JSON path of the problem (unknown members are ignored, as AWS
 * adds members over time). Files of at most {@link #MAX_BYTES} are read (gzip'd or plain).
 *
 * <p>Immutable and thread-safe.
 */
public final class AwsIpRanges implements DetailedIpEnricher {
  /** The largest file read: 64 MiB (the published file is a few MB). */
  public static final long MAX_BYTES = 64L << 20;

  private final List<Prefix> prefixes;
  private final PrefixIndex index;
  private final @Nullable String syncToken;
  private final @Nullable String createDate;

  private AwsIpRanges(List<Prefix> prefixes, @Nullable String syncToken,
      @Nullable String createDate) {
    this.prefixes = List.copyOf(prefixes);
    PrefixIndex.Builder b = new PrefixIndex.Builder();
    for (int i = 0; i < prefixes.size(); i++) {
      b.add(prefixes.get(i).network(), prefixes.get(i).prefixLength(), i);
    }
    this.index = b.build();
    this.syncToken = syncToken;
    this.createDate = createDate;
  }

  /**
   * Loads an {@code ip-ranges.json} file.
   *
   * @throws IOException when it cannot be read
   * @throws EnrichmentDataException when it is not valid
   */
  public static AwsIpRanges load(Path file) throws IOException {
    return parse(file.toString(), EnrichFiles.readAll(file, MAX_BYTES, true));
  }

  /**
   * Parses {@code ip-ranges.json} content (UTF-8, possibly gzip'd).
   *
   * @param source the name used in error locations
   * @throws EnrichmentDataException when it is not valid
   */
  public static AwsIpRanges parse(String source, byte[] content) {
    byte[] json;
    try {
      json = EnrichFiles.maybeGunzip(source, content, MAX_BYTES);
    } catch (IOException e) {
      throw new EnrichmentDataException(Location.of(source, 0), "not a valid gzip file: "
          + e.getMessage());
    }
    JsonValue root;
    try {
      root = JsonValue.parse(json);
    } catch (MalformedInputException e) {
      throw new EnrichmentDataException(e.location().withSource(source), "not JSON: "
          + e.reason());
    }
    if (!root.isObject()) {
      throw error(source, "$", "must be a JSON object");
    }
    List<Prefix> out = new ArrayList<>();
    read(source, root, "prefixes", "ip_prefix", true, out, true);
    read(source, root, "ipv6_prefixes", "ipv6_prefix", false, out, false);
    return new AwsIpRanges(out, optString(source, root, "syncToken", "$.syncToken"),
        optString(source, root, "createDate", "$.createDate"));
  }

  private static void read(String source, JsonValue root, String list, String key, boolean v4,
      List<Prefix> out, boolean required) {
    JsonValue arr = root.get(list);
    if (arr == null) {
      if (required) {
        throw error(source, "$", "has no \"" + list + "\" array");
      }
      return;
    }
    if (!arr.isArray()) {
      throw error(source, "$." + list, "must be an array");
    }
    int i = 0;
    for (JsonValue p : arr.elements()) {
      String path = "$." + list + "[" + i + "]";
      if (!p.isObject()) {
        throw error(source, path, "must be an object");
      }
      String cidr = string(source, p, key, path);
      int slash = cidr.indexOf('/');
      IpAddress net = slash < 0 ? null : IpAddress.tryParse(cidr.substring(0, slash));
      int len = slash < 0 ? -1 : Csv.decimal(cidr.substring(slash + 1), 3);
      if (net == null || net.isV4() != v4 || len < 0 || len > (v4 ? 32 : 128)) {
        throw error(source, path + "." + key, "not an " + (v4 ? "IPv4" : "IPv6")
            + " CIDR block: " + cidr);
      }
      if (!PrefixIndex.isNetwork(net, len)) {
        throw error(source, path + "." + key, "host bits set in " + cidr);
      }
      out.add(new Prefix(net, len, string(source, p, "region", path),
          string(source, p, "service", path), optString(source, p, "network_border_group",
              path + ".network_border_group")));
      i++;
    }
  }

  private static String string(String source, JsonValue o, String key, String path) {
    String s = optString(source, o, key, path + "." + key);
    if (s == null || s.isEmpty()) {
      throw error(source, path + "." + key, "missing or empty");
    }
    return s;
  }

  private static @Nullable String optString(String source, JsonValue o, String key,
      String path) {
    JsonValue v = o.get(key);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw error(source, path, "must be a string");
    }
    return v.asString();
  }

  private static EnrichmentDataException error(String source, String path, String why) {
    return new EnrichmentDataException(new Location(source, -1, -1, path), why);
  }

  /** Every listed block, in file order (IPv4 first). */
  public List<Prefix> prefixes() {
    return prefixes;
  }

  /** The file's {@code syncToken}, or null. */
  public @Nullable String syncToken() {
    return syncToken;
  }

  /** The file's {@code createDate}, or null. */
  public @Nullable String createDate() {
    return createDate;
  }

  /** The blocks holding {@code ip}, most specific first (file order within one block). */
  public List<Prefix> matches(IpAddress ip) {
    int[] ids = index.find(ip);
    List<Prefix> out = new ArrayList<>(ids.length);
    for (int id : ids) {
      out.add(prefixes.get(id));
    }
    return out;
  }

  /** Whether {@code ip} is in an AWS block. */
  public boolean contains(IpAddress ip) {
    return index.find(ip).length > 0;
  }

  @Override
  public @Nullable IpDetails details(IpAddress ip) {
    List<Prefix> m = matches(ip);
    return m.isEmpty() ? null : new IpDetails(-1, null, null, null, null, -1, m);
  }

  /**
   * One listed block.
   *
   * <p>Immutable and thread-safe.
   *
   * @param network the first address
   * @param prefixLength the prefix length
   * @param region the region ({@code us-east-1}, {@code GLOBAL})
   * @param service the service ({@code AMAZON}, {@code EC2}, {@code S3}, {@code CLOUDFRONT}…)
   * @param networkBorderGroup the network border group, or null when not given
   */
  public record Prefix(IpAddress network, int prefixLength, String region, String service,
      @Nullable String networkBorderGroup) {
    /** The block in CIDR notation. */
    public String cidr() {
      return network + "/" + prefixLength;
    }
  }
}
