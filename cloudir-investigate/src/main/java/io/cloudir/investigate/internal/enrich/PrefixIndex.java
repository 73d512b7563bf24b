package io.cloudir.investigate.internal.enrich;

import io.cloudir.model.net.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * CIDR blocks (possibly nested, possibly repeated) indexed by prefix length: a lookup masks the
 * address once per length present and binary-searches that length's sorted networks, so it costs
 * at most 33 (IPv4) or 129 (IPv6) searches whatever the number of blocks.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class PrefixIndex {
  private final Level[] v4;
  private final Level[] v6;

  private record Level(int length, long[] hi, long[] lo, int[] from, int[] ids) {}

  private PrefixIndex(Level[] v4, Level[] v6) {
    this.v4 = v4;
    this.v6 = v6;
  }

  /** The ids of the blocks holding {@code ip}, longest prefix first, ids ascending within one. */
  public int[] find(IpAddress ip) {
    Level[] levels = ip.isV4() ? v4 : v6;
    int[] out = new int[4];
    int n = 0;
    for (Level l : levels) {
      long hi = ip.high() & maskHi(l.length, ip.isV4());
      long lo = ip.low() & maskLo(l.length, ip.isV4());
      int a = 0;
      int b = l.hi.length - 1;
      while (a <= b) {
        int m = (a + b) >>> 1;
        int c = RangeTable.cmp(l.hi[m], l.lo[m], hi, lo);
        if (c == 0) {
          for (int k = l.from[m]; k < l.from[m + 1]; k++) {
            if (n == out.length) {
              out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = l.ids[k];
          }
          break;
        } else if (c < 0) {
          a = m + 1;
        } else {
          b = m - 1;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  static long maskHi(int len, boolean v4) {
    if (v4) {
      return 0;
    }
    return len >= 64 ? -1L : len == 0 ? 0 : -1L << (64 - len);
  }

  static long maskLo(int len, boolean v4) {
    if (v4) {
      return len == 0 ? 0 : (0xFFFF_FFFFL << (32 - len)) & 0xFFFF_FFFFL;
    }
    return len <= 64 ? 0 : len == 128 ? -1L : -1L << (128 - len);
  }

  /** Whether {@code (hi, lo)} has no bits set beyond the prefix. */
  public static boolean isNetwork(IpAddress a, int len) {
    return (a.high() & ~maskHi(len, a.isV4())) == 0
        && (a.low() & ~maskLo(len, a.isV4()) & (a.isV4() ? 0xFFFF_FFFFL : -1L)) == 0;
  }

  /**
   * Collects blocks.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private record Block(long hi, long lo, int id) {}

    private final TreeMap<Integer, List<Block>> v4 = new TreeMap<>();
    private final TreeMap<Integer, List<Block>> v6 = new TreeMap<>();

    /** Adds the block {@code network/length} (host bits must be zero) with an id. */
    public void add(IpAddress network, int length, int id) {
      (network.isV4() ? v4 : v6).computeIfAbsent(length, k -> new ArrayList<>())
          .add(new Block(network.high(), network.low(), id));
    }

    /** The index. */
    public PrefixIndex build() {
      return new PrefixIndex(levels(v4), levels(v6));
    }

    private static Level[] levels(TreeMap<Integer, List<Block>> m) {
      List<Level> out = new ArrayList<>();
      for (var e : m.descendingMap().entrySet()) {
        List<Block> bl = new ArrayList<>(e.getValue());
        bl.sort((x, y) -> {
          int c = RangeTable.cmp(x.hi, x.lo, y.hi, y.lo);
          return c != 0 ? c : Integer.compare(x.id, y.id);
        });
        long[] hi = new long[bl.size()];
        long[] lo = new long[bl.size()];
        int[] from = new int[bl.size() + 1];
        int[] ids = new int[bl.size()];
        int u = -1;
        for (int i = 0; i < bl.size(); i++) {
          Block b = bl.get(i);
          if (u < 0 || hi[u] != b.hi || lo[u] != b.lo) {
            u++;
            hi[u] = b.hi;
            lo[u] = b.lo;
            from[u] = i;
          }
          ids[i] = b.id;
        }
        int distinct = u + 1;
        int[] f = Arrays.copyOf(from, distinct + 1);
        f[distinct] = bl.size();
        out.add(new Level(e.getKey(), Arrays.copyOf(hi, distinct), Arrays.copyOf(lo, distinct), f,
            ids));
      }
      return out.toArray(new Level[0]);
    }
  }
}
