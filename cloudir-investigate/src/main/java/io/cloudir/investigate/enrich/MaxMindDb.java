package io.cloudir.investigate.enrich;

import io.cloudir.investigate.internal.enrich.EnrichFiles;
import io.cloudir.investigate.internal.enrich.MmdbReader;
import io.cloudir.model.net.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A MaxMind DB file (binary format 2.x: GeoLite2/GeoIP2, DB-IP, ip-location-db and other
 * MaxMind-DB-format databases), read by cloudir's own reader written from the published format
 * specification: search trees with 24, 28 and 32-bit records, IPv4 and IPv6 trees (IPv4 addresses
 * are looked up under {@code ::/96} of an IPv6 tree), and every data type of the data section.
 *
 * <p>The whole file is read into memory (a GeoLite2 City database is about 60 MB); {@link
 * #open(Path)} refuses files larger than {@link #DEFAULT_MAX_BYTES}, {@link #open(Path, long)}
 * takes another limit up to {@link #MAX_BYTES}. A corrupt file raises {@link
 * EnrichmentDataException} with the file offset of the problem, at open time (metadata, tree
 * layout) or at lookup time (a record or value that points where it must not); decoding is
 * bounded (nesting at most 64 deep, at most 200,000 values per record, no pointer to a pointer).
 *
 * <p>Immutable and thread-safe: lookups may run concurrently.
 */
public final class MaxMindDb {
  /** The default limit for the file size: 1 GiB. */
  public static final long DEFAULT_MAX_BYTES = 1L << 30;
  /** The largest file this reader can hold (a Java byte array). */
  public static final long MAX_BYTES = Integer.MAX_VALUE - 8;

  private final MmdbReader reader;
  private final Metadata metadata;

  private MaxMindDb(MmdbReader reader) {
    this.reader = reader;
    this.metadata = Metadata.of(reader.metadata());
  }

  /**
   * Opens a database file (at most {@link #DEFAULT_MAX_BYTES}).
   *
   * @throws IOException when the file cannot be read
   * @throws EnrichmentDataException when it is not a valid MaxMind DB
   * @throws io.cloudir.model.LimitExceededException when it is larger than the limit
   */
  public static MaxMindDb open(Path file) throws IOException {
    return open(file, DEFAULT_MAX_BYTES);
  }

  /**
   * Opens a database file of at most {@code maxBytes} bytes (at most {@link #MAX_BYTES}).
   *
   * @throws IOException when the file cannot be read
   * @throws EnrichmentDataException when it is not a valid MaxMind DB
   * @throws io.cloudir.model.LimitExceededException when it is larger than the limit
   */
  public static MaxMindDb open(Path file, long maxBytes) throws IOException {
    byte[] b = EnrichFiles.readAll(file, Math.min(maxBytes, MAX_BYTES), false);
    return new MaxMindDb(new MmdbReader(file.toString(), b));
  }

  /**
   * A database held in memory (the bytes are copied).
   *
   * @param source the name used in error locations
   * @throws EnrichmentDataException when the bytes are not a valid MaxMind DB
   */
  public static MaxMindDb of(String source, byte[] bytes) {
    return new MaxMindDb(new MmdbReader(source, bytes.clone()));
  }

  /**
   * Whether {@code file} looks like a MaxMind DB: its last 128 KiB hold the metadata marker.
   *
   * @throws IOException when it cannot be read
   */
  public static boolean isMaxMindDb(Path file) throws IOException {
    return EnrichFiles.hasMmdbMarker(file);
  }

  /** The database's metadata. */
  public Metadata metadata() {
    return metadata;
  }

  /**
   * The record for {@code ip}, or null when the database has none (also for IPv6 addresses in an
   * IPv4-only database).
   *
   * @throws EnrichmentDataException when the part of the file this lookup reads is corrupt
   */
  public @Nullable MmdbValue lookup(IpAddress ip) {
    Match m = match(ip);
    return m == null ? null : m.value();
  }

  /**
   * The record for {@code ip} with the network it was found for, or null.
   *
   * @throws EnrichmentDataException when the part of the file this lookup reads is corrupt
   */
  public @Nullable Match match(IpAddress ip) {
    long f = reader.find(ip);
    if (f < 0) {
      return null;
    }
    int prefix = (int) (f >>> 32);
    int off = (int) f;
    return new Match(network(ip, prefix), prefix, off, reader.decode(off));
  }

  /** The data section offset of the record for {@code ip}, or -1 (records are shared). */
  long dataOffset(IpAddress ip) {
    long f = reader.find(ip);
    return f < 0 ? -1 : (int) f;
  }

  /** Decodes the record at a data section offset. */
  MmdbValue decode(int dataOffset) {
    return reader.decode(dataOffset);
  }

  static IpAddress network(IpAddress ip, int prefix) {
    if (ip.isV4()) {
      int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
      return IpAddress.ofV4(ip.v4Bits() & mask);
    }
    long mh = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
    long ml = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
    return IpAddress.ofV6(ip.high() & mh, ip.low() & ml);
  }

  /**
   * A lookup result.
   *
   * <p>Immutable and thread-safe.
   *
   * @param network the first address of the matched network
   * @param prefixLength the prefix length of the network (in the address's own family: 0..32 for
   *     IPv4, 0..128 for IPv6)
   * @param dataOffset where the record is in the data section (equal offsets mean the same record)
   * @param value the decoded record
   */
  public record Match(IpAddress network, int prefixLength, int dataOffset, MmdbValue value) {}

  /**
   * The metadata of a database.
   *
   * <p>Immutable and thread-safe.
   *
   * @param databaseType the {@code database_type}, such as {@code GeoLite2-City}
   * @param ipVersion 4 or 6
   * @param recordSize 24, 28 or 32
   * @param nodeCount the number of nodes in the search tree
   * @param binaryFormatMajorVersion always 2
   * @param binaryFormatMinorVersion the minor format version
   * @param buildTime the {@code build_epoch}, or null when absent
   * @param languages the {@code languages}, possibly empty
   * @param description the {@code description} by language, possibly empty
   * @param raw the whole metadata map
   */
  public record Metadata(@Nullable String databaseType, int ipVersion, int recordSize,
      long nodeCount, int binaryFormatMajorVersion, int binaryFormatMinorVersion,
      @Nullable Instant buildTime, List<String> languages, Map<String, String> description,
      MmdbValue raw) {
    /** Copies the collections. */
    public Metadata {
      languages = List.copyOf(languages);
      description = Collections.unmodifiableMap(new LinkedHashMap<>(description));
    }

    static Metadata of(MmdbValue m) {
      List<String> langs = new ArrayList<>();
      MmdbValue l = m.get("languages");
      if (l != null && l.type() == MmdbValue.Type.ARRAY) {
        for (MmdbValue e : l.elements()) {
          String s = e.stringOrNull();
          if (s != null) {
            langs.add(s);
          }
        }
      }
      Map<String, String> desc = new LinkedHashMap<>();
      MmdbValue d = m.get("description");
      if (d != null && d.type() == MmdbValue.Type.MAP) {
        for (Map.Entry<String, MmdbValue> e : d.members().entrySet()) {
          String s = e.getValue().stringOrNull();
          if (s != null) {
            desc.put(e.getKey(), s);
          }
        }
      }
      MmdbValue epoch = m.get("build_epoch");
      Instant built = epoch != null && epoch.isInteger() && epoch.asBigInteger().bitLength() < 40
          ? Instant.ofEpochSecond(epoch.asLong()) : null;
      return new Metadata(m.stringAt("database_type"), (int) num(m, "ip_version"),
          (int) num(m, "record_size"), num(m, "node_count"),
          (int) num(m, "binary_format_major_version"), (int) num(m, "binary_format_minor_version"),
          built, langs, desc, m);
    }

    private static long num(MmdbValue m, String key) {
      MmdbValue v = m.get(key);
      return v != null && v.isInteger() && v.asBigInteger().bitLength() < 63 ? v.asLong() : -1;
    }
  }
}
