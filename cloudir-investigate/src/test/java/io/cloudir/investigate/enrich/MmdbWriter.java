package io.cloudir.investigate.enrich;

import io.cloudir.model.net.IpAddress;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small MaxMind DB writer for tests, written from the format specification: a binary trie of
 * the inserted networks (numbered breadth-first, root 0), 24/28/32-bit records, the 16-byte
 * separator, a data section (optionally padded, optionally with every string of three or more
 * bytes stored once in a data cache container and referenced by pointers), and the metadata map
 * after the marker. Not thread-safe.
 */
final class MmdbWriter {
  static final byte[] MARKER = {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 'M', 'a', 'x', 'M', 'i',
      'n', 'd', '.', 'c', 'o', 'm'};

  private final int ipVersion;
  private final int recordSize;
  private final Node root = new Node();
  private final List<MmdbValue> values = new ArrayList<>();
  private int padding;
  private boolean sharedStrings;
  private boolean longPointers;
  private String databaseType = "cloudir-test";

  /** The result and where its parts are. */
  record Built(byte[] bytes, int nodeCount, int treeSize, int dataStart, int metaStart,
      Map<String, Integer> stringOffsets) {}

  private static final class Node {
    final Object[] child = new Object[2]; // null, Node or Integer (value index)
  }

  MmdbWriter(int ipVersion, int recordSize) {
    this.ipVersion = ipVersion;
    this.recordSize = recordSize;
  }

  /** Zero bytes at the start of the data section (to make offsets and pointers large). */
  MmdbWriter padding(int bytes) {
    this.padding = bytes;
    return this;
  }

  /** Store strings of 3+ bytes once in a cache container and point at them. */
  MmdbWriter sharedStrings(boolean on) {
    this.sharedStrings = on;
    return this;
  }

  /** Write every pointer in the 4-byte form (size 3). */
  MmdbWriter longPointers(boolean on) {
    this.longPointers = on;
    return this;
  }

  MmdbWriter databaseType(String t) {
    this.databaseType = t;
    return this;
  }

  /** Maps {@code cidr} to {@code v}; a later, more specific network splits an earlier one. */
  MmdbWriter insert(String cidr, MmdbValue v) {
    int slash = cidr.indexOf('/');
    IpAddress a = IpAddress.parse(cidr.substring(0, slash));
    int len = Integer.parseInt(cidr.substring(slash + 1));
    int idx = values.size();
    values.add(v);
    int offset = 0;
    int bits = len;
    if (a.isV4() && ipVersion == 6) {
      offset = 96;
    } else if (!a.isV4() && ipVersion == 4) {
      throw new IllegalArgumentException("IPv6 network in an IPv4 database");
    }
    Node n = root;
    int total = offset + bits;
    for (int i = 0; i < total; i++) {
      int bit = i < offset ? 0 : bit(a, i - offset);
      if (i == total - 1) {
        n.child[bit] = idx;
        break;
      }
      Object c = n.child[bit];
      if (c instanceof Node next) {
        n = next;
      } else {
        Node split = new Node();
        split.child[0] = c;
        split.child[1] = c;
        n.child[bit] = split;
        n = split;
      }
    }
    return this;
  }

  private static int bit(IpAddress a, int i) {
    if (a.isV4()) {
      return (a.v4Bits() >>> (31 - i)) & 1;
    }
    return i < 64 ? (int) (a.high() >>> (63 - i)) & 1 : (int) (a.low() >>> (127 - i)) & 1;
  }

  Built build() {
    // number the nodes breadth-first
    List<Node> nodes = new ArrayList<>();
    Map<Node, Integer> ids = new IdentityHashMap<>();
    ArrayDeque<Node> q = new ArrayDeque<>();
    q.add(root);
    ids.put(root, 0);
    nodes.add(root);
    while (!q.isEmpty()) {
      Node n = q.poll();
      for (Object c : n.child) {
        if (c instanceof Node k && !ids.containsKey(k)) {
          ids.put(k, nodes.size());
          nodes.add(k);
          q.add(k);
        }
      }
    }
    int nodeCount = nodes.size();
    // data section
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.write(new byte[padding], 0, padding);
    Map<String, Integer> strings = new LinkedHashMap<>();
    if (sharedStrings) {
      List<String> all = new ArrayList<>();
      for (MmdbValue v : values) {
        collect(v, all);
      }
      ByteArrayOutputStream c = new ByteArrayOutputStream();
      Map<String, Integer> rel = new LinkedHashMap<>();
      for (String s : all) {
        if (!rel.containsKey(s)) {
          rel.put(s, c.size());
          enc(c, MmdbValue.ofString(s), Map.of());
        }
      }
      header(data, 12, c.size());
      int base = data.size();
      for (Map.Entry<String, Integer> e : rel.entrySet()) {
        strings.put(e.getKey(), base + e.getValue());
      }
      data.write(c.toByteArray(), 0, c.size());
    }
    Map<MmdbValue, Integer> offsets = new HashMap<>();
    int[] valueOffset = new int[values.size()];
    for (int i = 0; i < values.size(); i++) {
      MmdbValue v = values.get(i);
      Integer at = offsets.get(v);
      if (at == null) {
        at = data.size();
        offsets.put(v, at);
        enc(data, v, strings);
      }
      valueOffset[i] = at;
    }
    int nodeBytes = recordSize / 4;
    int treeSize = nodeCount * nodeBytes;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Node n : nodes) {
      long[] r = new long[2];
      for (int b = 0; b < 2; b++) {
        Object c = n.child[b];
        r[b] = c == null ? nodeCount
            : c instanceof Node k ? ids.get(k) : (long) nodeCount + 16 + valueOffset[(Integer) c];
        if (r[b] >= (1L << recordSize)) {
          throw new IllegalStateException("record value too large for " + recordSize + " bits");
        }
      }
      switch (recordSize) {
        case 24 -> {
          be(out, r[0], 3);
          be(out, r[1], 3);
        }
        case 28 -> {
          be(out, r[0] & 0xFFFFFF, 3);
          out.write((int) (((r[0] >>> 24) << 4) | (r[1] >>> 24)));
          be(out, r[1] & 0xFFFFFF, 3);
        }
        default -> {
          be(out, r[0], 4);
          be(out, r[1], 4);
        }
      }
    }
    out.write(new byte[16], 0, 16);
    int dataStart = out.size();
    out.write(data.toByteArray(), 0, data.size());
    out.write(MARKER, 0, MARKER.length);
    int metaStart = out.size();
    Map<String, MmdbValue> meta = new LinkedHashMap<>();
    meta.put("node_count", MmdbValue.ofLong(MmdbValue.Type.UINT32, nodeCount));
    meta.put("record_size", MmdbValue.ofLong(MmdbValue.Type.UINT16, recordSize));
    meta.put("ip_version", MmdbValue.ofLong(MmdbValue.Type.UINT16, ipVersion));
    meta.put("database_type", MmdbValue.ofString(databaseType));
    meta.put("languages", MmdbValue.ofArray(List.of(MmdbValue.ofString("en"))));
    meta.put("binary_format_major_version", MmdbValue.ofLong(MmdbValue.Type.UINT16, 2));
    meta.put("binary_format_minor_version", MmdbValue.ofLong(MmdbValue.Type.UINT16, 0));
    meta.put("build_epoch", MmdbValue.ofLong(MmdbValue.Type.UINT64, 1_700_000_000L));
    meta.put("description", MmdbValue.ofMap(Map.of("en", MmdbValue.ofString("test database"))));
    enc(out, MmdbValue.ofMap(meta), Map.of());
    return new Built(out.toByteArray(), nodeCount, treeSize, dataStart, metaStart, strings);
  }

  private static void collect(MmdbValue v, List<String> out) {
    switch (v.type()) {
      case STRING -> {
        if (v.asString().getBytes(StandardCharsets.UTF_8).length >= 3) {
          out.add(v.asString());
        }
      }
      case MAP -> v.members().forEach((k, x) -> {
        if (k.getBytes(StandardCharsets.UTF_8).length >= 3) {
          out.add(k);
        }
        collect(x, out);
      });
      case ARRAY -> v.elements().forEach(x -> collect(x, out));
      default -> { }
    }
  }

  private void string(ByteArrayOutputStream o, String s, Map<String, Integer> shared) {
    Integer p = shared.get(s);
    if (p != null) {
      pointer(o, p);
    } else {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      header(o, 2, b.length);
      o.write(b, 0, b.length);
    }
  }

  void enc(ByteArrayOutputStream o, MmdbValue v, Map<String, Integer> shared) {
    switch (v.type()) {
      case STRING -> string(o, v.asString(), shared);
      case DOUBLE -> {
        header(o, 3, 8);
        be(o, Double.doubleToRawLongBits(v.asDouble()), 8);
      }
      case FLOAT -> {
        header(o, 15, 4);
        be(o, Float.floatToRawIntBits(v.asFloat()) & 0xFFFFFFFFL, 4);
      }
      case BYTES -> {
        byte[] b = v.asBytes();
        header(o, 4, b.length);
        o.write(b, 0, b.length);
      }
      case BOOLEAN -> header(o, 14, v.asBoolean() ? 1 : 0);
      case UINT16 -> integer(o, 5, v.asBigInteger());
      case UINT32 -> integer(o, 6, v.asBigInteger());
      case UINT64 -> integer(o, 9, v.asBigInteger());
      case UINT128 -> integer(o, 10, v.asBigInteger());
      case INT32 -> {
        long x = v.asLong();
        if (x < 0) {
          header(o, 8, 4);
          be(o, x & 0xFFFFFFFFL, 4);
        } else {
          integer(o, 8, BigInteger.valueOf(x));
        }
      }
      case MAP -> {
        header(o, 7, v.members().size());
        for (Map.Entry<String, MmdbValue> e : v.members().entrySet()) {
          string(o, e.getKey(), shared);
          enc(o, e.getValue(), shared);
        }
      }
      case ARRAY -> {
        header(o, 11, v.elements().size());
        for (MmdbValue e : v.elements()) {
          enc(o, e, shared);
        }
      }
    }
  }

  private static void integer(ByteArrayOutputStream o, int type, BigInteger x) {
    byte[] b = x.toByteArray();
    int s = 0;
    while (s < b.length && b[s] == 0) {
      s++;
    }
    header(o, type, b.length - s);
    o.write(b, s, b.length - s);
  }

  static void header(ByteArrayOutputStream o, int type, int size) {
    int bits;
    int extra;
    int extraBytes;
    if (size < 29) {
      bits = size;
      extra = 0;
      extraBytes = 0;
    } else if (size < 285) {
      bits = 29;
      extra = size - 29;
      extraBytes = 1;
    } else if (size < 65821) {
      bits = 30;
      extra = size - 285;
      extraBytes = 2;
    } else {
      bits = 31;
      extra = size - 65821;
      extraBytes = 3;
    }
    if (type <= 7) {
      o.write((type << 5) | bits);
    } else {
      o.write(bits);
      o.write(type - 7);
    }
    be(o, extra, extraBytes);
  }

  void pointer(ByteArrayOutputStream o, int p) {
    if (longPointers) {
      o.write(0x20 | (3 << 3));
      be(o, p, 4);
    } else if (p < 2048) {
      o.write(0x20 | (p >>> 8));
      o.write(p & 0xFF);
    } else if (p < 526336) {
      int v = p - 2048;
      o.write(0x20 | (1 << 3) | (v >>> 16));
      be(o, v & 0xFFFF, 2);
    } else if (p < 526336 + (1 << 27)) {
      int v = p - 526336;
      o.write(0x20 | (2 << 3) | (v >>> 24));
      be(o, v & 0xFFFFFF, 3);
    } else {
      o.write(0x20 | (3 << 3));
      be(o, p & 0xFFFFFFFFL, 4);
    }
  }

  static void be(ByteArrayOutputStream o, long v, int n) {
    for (int i = n - 1; i >= 0; i--) {
      o.write((int) (v >>> (8 * i)) & 0xFF);
    }
  }
}
