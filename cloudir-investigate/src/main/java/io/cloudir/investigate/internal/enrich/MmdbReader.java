package io.cloudir.investigate.internal.enrich;

import io.cloudir.investigate.enrich.EnrichmentDataException;
import io.cloudir.investigate.enrich.MmdbValue;
import io.cloudir.model.LimitExceededException;
import io.cloudir.model.Location;
import io.cloudir.model.net.IpAddress;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A MaxMind DB (format 2.x) held in a byte array: the metadata, the binary search tree (24, 28 or
 * 32-bit records) and the data section decoder. Written from the published format specification.
 *
 * <p>Every read is bounds-checked against the section it belongs to; a corrupt file raises {@link
 * EnrichmentDataException} (or {@link LimitExceededException}) with the file offset. Decoding is
 * bounded: nesting (maps, arrays and pointers followed) at most {@link #MAX_DEPTH} deep, at most
 * {@link #MAX_VALUES} values per record, and a pointer may not point to a pointer, so no file can
 * make a lookup loop or explode.
 *
 * <p>Immutable and thread-safe.
 */
public final class MmdbReader {
  /** The metadata marker. */
  static final byte[] MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i',
      'n', 'd', '.', 'c', 'o', 'm'};
  /** The metadata section (with its marker) is at most this large. */
  static final int METADATA_MAX = 128 * 1024;
  /** Maximum nesting of maps, arrays and followed pointers in one value. */
  public static final int MAX_DEPTH = 64;
  /** Maximum number of values decoded for one record. */
  public static final int MAX_VALUES = 200_000;

  private final String source;
  private final byte[] buf;
  private final long nodeCount;
  private final int recordSize;
  private final int nodeBytes;
  private final int ipVersion;
  private final int dataStart;
  private final int dataLimit;
  private final long ipv4Start;
  private final MmdbValue metadata;

  /**
   * Reads the database in {@code buf} (not copied; the caller never changes it).
   *
   * @throws EnrichmentDataException when the metadata or the tree layout is invalid
   */
  public MmdbReader(String source, byte[] buf) {
    this.source = source;
    this.buf = buf;
    int marker = lastMarker(buf);
    if (marker < 0) {
      throw error(buf.length, "no MaxMind DB metadata marker in the last " + METADATA_MAX
          + " bytes: not a MaxMind DB file");
    }
    int metaStart = marker + MARKER.length;
    MmdbValue meta = new Decoder(metaStart, buf.length).decodeAt(metaStart);
    if (meta.type() != MmdbValue.Type.MAP) {
      throw error(metaStart, "metadata is a " + meta.type() + ", not a map");
    }
    this.metadata = meta;
    long major = metaInt(meta, "binary_format_major_version", metaStart);
    if (major != 2) {
      throw error(metaStart, "unsupported binary format major version " + major + " (2 is read)");
    }
    this.nodeCount = metaInt(meta, "node_count", metaStart);
    long rs = metaInt(meta, "record_size", metaStart);
    if (rs != 24 && rs != 28 && rs != 32) {
      throw error(metaStart, "unsupported record size " + rs + " (24, 28 and 32 are read)");
    }
    this.recordSize = (int) rs;
    this.nodeBytes = recordSize / 4;
    long ipv = metaInt(meta, "ip_version", metaStart);
    if (ipv != 4 && ipv != 6) {
      throw error(metaStart, "ip_version is " + ipv + ", not 4 or 6");
    }
    this.ipVersion = (int) ipv;
    if (nodeCount <= 0 || nodeCount >= (1L << recordSize)) {
      throw error(metaStart, "node_count " + nodeCount + " impossible for " + recordSize
          + "-bit records");
    }
    long treeSize = nodeCount * nodeBytes;
    if (treeSize + 16 > marker) {
      throw error(marker, "search tree of " + nodeCount + " nodes (" + treeSize
          + " bytes) and the 16-byte separator do not fit before the metadata");
    }
    this.dataStart = (int) treeSize + 16;
    this.dataLimit = marker;
    long node = 0;
    int depth = 0;
    if (ipVersion == 6) {
      while (depth < 96 && node < nodeCount) {
        node = record(node, 0);
        depth++;
      }
    }
    this.ipv4Start = node;
  }

  static int lastMarker(byte[] b) {
    int floor = Math.max(0, b.length - METADATA_MAX);
    outer:
    for (int i = b.length - MARKER.length; i >= floor; i--) {
      for (int j = 0; j < MARKER.length; j++) {
        if (b[i + j] != MARKER[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private long metaInt(MmdbValue meta, String key, int at) {
    MmdbValue v = meta.get(key);
    if (v == null) {
      throw error(at, "metadata has no " + key);
    }
    if (!v.isInteger() || v.asBigInteger().bitLength() > 62) {
      throw error(at, "metadata " + key + " is not an unsigned integer: " + v);
    }
    return v.asLong();
  }

  /** The metadata map. */
  public MmdbValue metadata() {
    return metadata;
  }

  /** The node count. */
  public long nodeCount() {
    return nodeCount;
  }

  /** The record size in bits. */
  public int recordSize() {
    return recordSize;
  }

  /** 4 or 6. */
  public int ipVersion() {
    return ipVersion;
  }

  /** The size of the data section in bytes. */
  public int dataSectionSize() {
    return dataLimit - dataStart;
  }

  /** The record value {@code bit} (0 left, 1 right) of node {@code node}. */
  private long record(long node, int bit) {
    long off = node * nodeBytes;
    int o = (int) off;
    return switch (recordSize) {
      case 24 -> bit == 0 ? u24(o) : u24(o + 3);
      case 28 -> bit == 0 ? (((long) (buf[o + 3] & 0xF0)) << 20) | u24(o)
          : (((long) (buf[o + 3] & 0x0F)) << 24) | u24(o + 4);
      default -> bit == 0 ? u32(o) : u32(o + 4);
    };
  }

  private long u24(int o) {
    return ((buf[o] & 0xFFL) << 16) | ((buf[o + 1] & 0xFFL) << 8) | (buf[o + 2] & 0xFFL);
  }

  private long u32(int o) {
    return ((buf[o] & 0xFFL) << 24) | u24(o + 1);
  }

  /**
   * Walks the tree for {@code ip}: {@code -1} when the database has no data for it, else {@code
   * (prefixLength << 32) | dataOffset} with the offset from the start of the data section and the
   * prefix length of the matched network in the address's own family. IPv6 addresses in an IPv4
   * database have no data.
   *
   * @throws EnrichmentDataException when a record points outside the tree and the data section
   */
  public long find(IpAddress ip) {
    long node;
    int bits;
    if (ip.isV4()) {
      node = ipv4Start;
      bits = 32;
    } else {
      if (ipVersion == 4) {
        return -1;
      }
      node = 0;
      bits = 128;
    }
    long hi = ip.high();
    long lo = ip.isV4() ? ip.low() << 32 : ip.low();
    long parent = -1;
    int i = 0; // an IPv4 subtree reached early (a block larger than ::/96) matches as prefix 0
    while (i < bits && node < nodeCount) {
      int bit;
      if (ip.isV4()) {
        bit = (int) (lo >>> (63 - i)) & 1;
      } else {
        bit = i < 64 ? (int) (hi >>> (63 - i)) & 1 : (int) (lo >>> (127 - i)) & 1;
      }
      parent = node;
      node = record(node, bit);
      i++;
    }
    if (node == nodeCount) {
      return -1;
    }
    if (node < nodeCount) {
      throw error(parent * nodeBytes, "search tree deeper than the " + bits
          + " bits of the address " + ip);
    }
    long off = node - nodeCount - 16;
    if (off < 0 || off >= dataLimit - dataStart) {
      throw error(parent < 0 ? 0 : parent * nodeBytes, "record value " + node
          + " points outside the data section (" + (dataLimit - dataStart) + " bytes)");
    }
    return ((long) i << 32) | off;
  }

  /**
   * Decodes the value at {@code dataOffset} (from the start of the data section).
   *
   * @throws EnrichmentDataException when the value is corrupt
   * @throws LimitExceededException when it is nested too deeply or too large
   */
  public MmdbValue decode(int dataOffset) {
    if (dataOffset < 0 || dataOffset >= dataLimit - dataStart) {
      throw error(dataStart + (long) Math.max(0, dataOffset), "data offset " + dataOffset
          + " outside the data section");
    }
    return new Decoder(dataStart, dataLimit).decodeAt(dataStart + dataOffset);
  }

  private EnrichmentDataException error(long offset, String reason) {
    return new EnrichmentDataException(Location.of(source, offset), reason);
  }

  /** One decoding pass over a section {@code [base, limit)}; pointers are relative to base. */
  private final class Decoder {
    private final int base;
    private final int limit;
    private int pos;
    private int budget = MAX_VALUES;

    Decoder(int base, int limit) {
      this.base = base;
      this.limit = limit;
    }

    MmdbValue decodeAt(int at) {
      pos = at;
      return value(0);
    }

    private int u8() {
      if (pos >= limit) {
        throw error(pos, "truncated: data ends inside a value");
      }
      return buf[pos++] & 0xFF;
    }

    private long uint(int n) {
      long v = 0;
      for (int k = 0; k < n; k++) {
        v = (v << 8) | u8();
      }
      return v;
    }

    private void need(int start, long n) {
      if (n > limit - pos) {
        throw error(start, "truncated: value needs " + n + " bytes, " + (limit - pos)
            + " left in the section");
      }
    }

    /** Reads a pointer's target (absolute offset) after its control byte. */
    private int pointer(int ctrl, int start) {
      int ss = (ctrl >>> 3) & 3;
      long v = ctrl & 7;
      long p = switch (ss) {
        case 0 -> (v << 8) | uint(1);
        case 1 -> ((v << 16) | uint(2)) + 2048;
        case 2 -> ((v << 24) | uint(3)) + 526336;
        default -> uint(4);
      };
      if (p >= limit - base) {
        throw error(start, "pointer to " + p + " outside the section (" + (limit - base)
            + " bytes)");
      }
      int target = (int) (base + p);
      if ((buf[target] & 0xFF) >>> 5 == 1) {
        throw error(start, "pointer points to another pointer at offset " + target);
      }
      return target;
    }

    private MmdbValue value(int depth) {
      int start = pos;
      depth(start, depth);
      if (--budget < 0) {
        throw new LimitExceededException(Location.of(source, start),
            "record has more than " + MAX_VALUES + " values");
      }
      int ctrl = u8();
      int type = ctrl >>> 5;
      if (type == 1) {
        int target = pointer(ctrl, start);
        int after = pos;
        pos = target;
        MmdbValue v = value(depth + 1);
        pos = after;
        return v;
      }
      if (type == 0) {
        int ext = u8();
        type = 7 + ext;
        if (ext == 0 || type > 15) {
          throw error(start, "invalid extended type " + type);
        }
      }
      int size = size(ctrl & 0x1F);
      switch (type) {
        case 2 -> {
          return MmdbValue.ofString(string(start, size));
        }
        case 3 -> {
          fixed(start, size, 8, "double");
          return MmdbValue.ofDouble(Double.longBitsToDouble(uint(8)));
        }
        case 4 -> {
          need(start, size);
          byte[] b = new byte[size];
          System.arraycopy(buf, pos, b, 0, size);
          pos += size;
          return MmdbValue.ofBytes(b);
        }
        case 5 -> {
          return MmdbValue.ofLong(MmdbValue.Type.UINT16, unsigned(start, size, 2, "uint16"));
        }
        case 6 -> {
          return MmdbValue.ofLong(MmdbValue.Type.UINT32, unsigned(start, size, 4, "uint32"));
        }
        case 7 -> {
          need(start, size);
          Map<String, MmdbValue> m = new LinkedHashMap<>(Math.min(size, 64) * 2);
          for (int k = 0; k < size; k++) {
            int keyAt = pos;
            String key = key(depth + 1);
            MmdbValue v = value(depth + 1);
            if (m.put(key, v) != null) {
              throw error(keyAt, "duplicate map key \"" + key + "\"");
            }
          }
          return MmdbValue.ofMap(m);
        }
        case 8 -> {
          long u = unsigned(start, size, 4, "int32");
          return MmdbValue.ofLong(MmdbValue.Type.INT32, (int) u);
        }
        case 9 -> {
          if (size > 8) {
            throw error(start, "uint64 of " + size + " bytes");
          }
          need(start, size);
          return size == 8 && (buf[pos] & 0x80) != 0
              ? MmdbValue.ofInteger(MmdbValue.Type.UINT64, big(size))
              : MmdbValue.ofLong(MmdbValue.Type.UINT64, uint(size));
        }
        case 10 -> {
          if (size > 16) {
            throw error(start, "uint128 of " + size + " bytes");
          }
          need(start, size);
          return MmdbValue.ofInteger(MmdbValue.Type.UINT128, big(size));
        }
        case 11 -> {
          need(start, size);
          List<MmdbValue> l = new ArrayList<>(Math.min(size, 64));
          for (int k = 0; k < size; k++) {
            l.add(value(depth + 1));
          }
          return MmdbValue.ofArray(l);
        }
        case 12 -> throw error(start, "data cache container where a value was expected");
        case 13 -> throw error(start, "end marker where a value was expected");
        case 14 -> {
          if (size > 1) {
            throw error(start, "boolean with size " + size);
          }
          return MmdbValue.ofBoolean(size == 1);
        }
        default -> {
          fixed(start, size, 4, "float");
          return MmdbValue.ofFloat(Float.intBitsToFloat((int) uint(4)));
        }
      }
    }

    private void depth(int start, int depth) {
      if (depth > MAX_DEPTH) {
        throw new LimitExceededException(Location.of(source, start),
            "values nested (or pointers followed) deeper than " + MAX_DEPTH);
      }
    }

    private String key(int depth) {
      int start = pos;
      depth(start, depth);
      int ctrl = u8();
      if (ctrl >>> 5 == 1) {
        int target = pointer(ctrl, start);
        int after = pos;
        pos = target;
        String k = key(depth + 1);
        pos = after;
        return k;
      }
      if (ctrl >>> 5 != 2) {
        throw error(start, "map key is not a string (type " + (ctrl >>> 5 == 0 ? "extended"
            : Integer.toString(ctrl >>> 5)) + ")");
      }
      return string(start, size(ctrl & 0x1F));
    }

    private int size(int s) {
      return switch (s) {
        case 29 -> 29 + u8();
        case 30 -> 285 + (int) uint(2);
        case 31 -> 65821 + (int) uint(3);
        default -> s;
      };
    }

    private void fixed(int start, int size, int want, String what) {
      if (size != want) {
        throw error(start, what + " of " + size + " bytes (must be " + want + ")");
      }
      need(start, size);
    }

    private long unsigned(int start, int size, int max, String what) {
      if (size > max) {
        throw error(start, what + " of " + size + " bytes (at most " + max + ")");
      }
      need(start, size);
      return uint(size);
    }

    private BigInteger big(int size) {
      byte[] b = new byte[size + 1];
      System.arraycopy(buf, pos, b, 1, size);
      pos += size;
      return new BigInteger(b);
    }

    private String string(int start, int size) {
      need(start, size);
      int s = pos;
      int bad = Utf8.firstInvalid(buf, s, s + size);
      if (bad >= 0) {
        throw error(bad, "invalid UTF-8 in the string at offset " + start);
      }
      pos += size;
      return new String(buf, s, size, StandardCharsets.UTF_8);
    }
  }

  /** The source name used in errors. */
  public String source() {
    return source;
  }
}
