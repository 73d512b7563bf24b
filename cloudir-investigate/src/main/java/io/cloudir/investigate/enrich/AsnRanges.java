package io.cloudir.investigate.enrich;

import io.cloudir.investigate.internal.enrich.AsnCsv;
import io.cloudir.investigate.internal.enrich.EnrichFiles;
import io.cloudir.investigate.internal.enrich.RangeTable;
import io.cloudir.model.net.IpAddress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * IP ranges to autonomous systems, from CSV files with one range a line: {@code
 * first_ip,last_ip,asn,"organisation"} (the layout of the ip-location-db ASN files and DB-IP's IP
 * to ASN Lite). IPv4 and IPv6 lines may be in one file or in several; files may be gzip'd.
 * Ranges are sorted and searched by binary search. A first address after the last, a bad AS
 * number, bad quoting or a wrong field count are rejected with the file and line; overlapping
 * ranges are resolved (the later-starting range wins) and reported by {@link #warnings()}.
 *
 * <p>Files are read into memory; each (decompressed) may be at most {@link #MAX_BYTES}.
 *
 * <p>Immutable and thread-safe.
 */
public final class AsnRanges implements DetailedIpEnricher {
  /** The largest (decompressed) file read: 512 MiB. */
  public static final long MAX_BYTES = 512L << 20;

  private final RangeTable v4;
  private final RangeTable v6;
  private final int overlaps;
  private final List<String> warnings;

  private AsnRanges(RangeTable v4, RangeTable v6, int overlaps, List<String> warnings) {
    this.v4 = v4;
    this.v6 = v6;
    this.overlaps = overlaps;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Loads one or more files.
   *
   * @throws IOException when a file cannot be read
   * @throws EnrichmentDataException naming the file and line of an invalid range
   */
  public static AsnRanges load(List<Path> files) throws IOException {
    Loader l = new Loader();
    for (Path f : files) {
      l.add(f.toString(), EnrichFiles.readAll(f, MAX_BYTES, true));
    }
    return l.build();
  }

  /** {@link #load(List)} for one file. */
  public static AsnRanges load(Path file) throws IOException {
    return load(List.of(file));
  }

  /**
   * Parses content held in memory (gzip'd or plain).
   *
   * @param source the name used in error locations
   * @throws EnrichmentDataException naming the line of an invalid range
   */
  public static AsnRanges parse(String source, byte[] content) {
    Loader l = new Loader();
    l.add(source, content);
    return l.build();
  }

  /** Collects files; not thread-safe. */
  private static final class Loader {
    final RangeTable.Builder b4 = new RangeTable.Builder();
    final RangeTable.Builder b6 = new RangeTable.Builder(b4);

    void add(String source, byte[] content) {
      byte[] plain;
      try {
        plain = EnrichFiles.maybeGunzip(source, content, MAX_BYTES);
      } catch (IOException e) {
        throw new EnrichmentDataException(io.cloudir.model.Location.of(source, 0),
            "not a valid gzip file: " + e.getMessage());
      }
      AsnCsv.parse(source, plain, b4, b6);
    }

    AsnRanges build() {
      RangeTable t4 = b4.build();
      RangeTable t6 = b6.build();
      List<String> w = new ArrayList<>(b4.warnings());
      w.addAll(b6.warnings());
      return new AsnRanges(t4, t6, b4.overlaps() + b6.overlaps(), w);
    }
  }

  /**
   * How many ranges overlapped an earlier one (published data has a few). Where two overlap, the
   * range that starts later wins (a nested range interrupts the range around it, which resumes
   * after it); {@link #ranges()} lists the resolved pieces.
   */
  public int overlaps() {
    return overlaps;
  }

  /** The first overlaps (at most 20 per family), each naming both files and lines. */
  public List<String> warnings() {
    return warnings;
  }

  /** The number of (resolved) ranges. */
  public int size() {
    return v4.size() + v6.size();
  }

  /** The range holding {@code ip}, or null. */
  public @Nullable AsnRange range(IpAddress ip) {
    RangeTable t = ip.isV4() ? v4 : v6;
    int i = t.find(ip.high(), ip.low());
    return i < 0 ? null : range(t, i, ip.isV4());
  }

  private static AsnRange range(RangeTable t, int i, boolean isV4) {
    return new AsnRange(t.first(i, isV4), t.last(i, isV4), t.number(i), t.label(i));
  }

  /** Every (resolved) range, IPv4 first, each family in address order. */
  public List<AsnRange> ranges() {
    List<AsnRange> out = new ArrayList<>(size());
    for (int i = 0; i < v4.size(); i++) {
      out.add(range(v4, i, true));
    }
    for (int i = 0; i < v6.size(); i++) {
      out.add(range(v6, i, false));
    }
    return out;
  }

  @Override
  public @Nullable IpDetails details(IpAddress ip) {
    RangeTable t = ip.isV4() ? v4 : v6;
    int i = t.find(ip.high(), ip.low());
    if (i < 0) {
      return null;
    }
    String org = t.label(i);
    return new IpDetails(t.number(i), org.isEmpty() ? null : org, null, null, null, -1, List.of());
  }

  /**
   * One range.
   *
   * <p>Immutable and thread-safe.
   *
   * @param first the first address
   * @param last the last address (inclusive)
   * @param asn the AS number (0..4294967295)
   * @param organisation the AS organisation (possibly empty)
   */
  public record AsnRange(IpAddress first, IpAddress last, long asn, String organisation) {
    /** Whether {@code ip} is in this range. */
    public boolean contains(IpAddress ip) {
      return ip.isV4() == first.isV4() && first.compareTo(ip) <= 0 && ip.compareTo(last) <= 0;
    }
  }
}
