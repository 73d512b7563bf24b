package io.cloudir.investigate.internal.enrich;

import io.cloudir.investigate.enrich.EnrichmentDataException;
import io.cloudir.model.Location;
import io.cloudir.model.net.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorted, non-overlapping IP ranges of one family, each with a number and a label, searched by
 * binary search. Addresses are held as two unsigned 64-bit halves (IPv4: high 0, low the 32 bits).
 *
 * <p>Immutable and thread-safe once built.
 */
public final class RangeTable {
  private final long[] sHi;
  private final long[] sLo;
  private final long[] eHi;
  private final long[] eLo;
  private final long[] number;
  private final int[] label;
  private final String[] labels;

  private RangeTable(long[] sHi, long[] sLo, long[] eHi, long[] eLo, long[] number, int[] label,
      String[] labels) {
    this.sHi = sHi;
    this.sLo = sLo;
    this.eHi = eHi;
    this.eLo = eLo;
    this.number = number;
    this.label = label;
    this.labels = labels;
  }

  /** The number of ranges. */
  public int size() {
    return sHi.length;
  }

  /** The index of the range holding {@code (hi, lo)}, or -1. */
  public int find(long hi, long lo) {
    int a = 0;
    int b = sHi.length - 1;
    int best = -1;
    while (a <= b) {
      int m = (a + b) >>> 1;
      if (cmp(sHi[m], sLo[m], hi, lo) <= 0) {
        best = m;
        a = m + 1;
      } else {
        b = m - 1;
      }
    }
    return best >= 0 && cmp(hi, lo, eHi[best], eLo[best]) <= 0 ? best : -1;
  }

  static int cmp(long h1, long l1, long h2, long l2) {
    int c = Long.compareUnsigned(h1, h2);
    return c != 0 ? c : Long.compareUnsigned(l1, l2);
  }

  /** The first address of range {@code i}. */
  public IpAddress first(int i, boolean v4) {
    return v4 ? IpAddress.ofV4((int) sLo[i]) : IpAddress.ofV6(sHi[i], sLo[i]);
  }

  /** The last address of range {@code i}. */
  public IpAddress last(int i, boolean v4) {
    return v4 ? IpAddress.ofV4((int) eLo[i]) : IpAddress.ofV6(eHi[i], eLo[i]);
  }

  /** The number of range {@code i}. */
  public long number(int i) {
    return number[i];
  }

  /** The label of range {@code i}. */
  public String label(int i) {
    return labels[label[i]];
  }

  /**
   * Collects ranges from one or more files, then sorts them and rejects overlaps (naming both
   * files and lines).
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private long[] sHi = new long[1024];
    private long[] sLo = new long[1024];
    private long[] eHi = new long[1024];
    private long[] eLo = new long[1024];
    private long[] number = new long[1024];
    private int[] label = new int[1024];
    private long[] where = new long[1024]; // source index << 32 | line
    private int n;
    private final List<String> labels;
    private final Map<String, Integer> labelIds;
    private final List<String> sources;

    /** A builder whose labels and sources are shared with {@code other} (the other family). */
    public Builder(Builder other) {
      this.labels = other.labels;
      this.labelIds = other.labelIds;
      this.sources = other.sources;
    }

    /** An empty builder. */
    public Builder() {
      this.labels = new ArrayList<>();
      this.labelIds = new HashMap<>();
      this.sources = new ArrayList<>();
    }

    /** Registers a source name and returns its index. */
    public int source(String name) {
      sources.add(name);
      return sources.size() - 1;
    }

    /** Adds one range (first ≤ last is checked by the caller). */
    public void add(long fHi, long fLo, long lHi, long lLo, long num, String text, int source,
        long line) {
      if (n == sHi.length) {
        int c = n * 2;
        sHi = Arrays.copyOf(sHi, c);
        sLo = Arrays.copyOf(sLo, c);
        eHi = Arrays.copyOf(eHi, c);
        eLo = Arrays.copyOf(eLo, c);
        number = Arrays.copyOf(number, c);
        label = Arrays.copyOf(label, c);
        where = Arrays.copyOf(where, c);
      }
      Integer id = labelIds.get(text);
      if (id == null) {
        id = labels.size();
        labels.add(text);
        labelIds.put(text, id);
      }
      sHi[n] = fHi;
      sLo[n] = fLo;
      eHi[n] = lHi;
      eLo[n] = lLo;
      number[n] = num;
      label[n] = id;
      where[n] = ((long) source << 32) | line;
      n++;
    }

    /**
     * The table.
     *
     * @throws EnrichmentDataException when two ranges overlap
     */
    public RangeTable build() {
      boolean sorted = true;
      for (int i = 1; i < n && sorted; i++) {
        sorted = cmp(sHi[i - 1], sLo[i - 1], sHi[i], sLo[i]) <= 0;
      }
      if (!sorted) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (x, y) -> cmp(sHi[x], sLo[x], sHi[y], sLo[y]));
        sHi = permute(sHi, order);
        sLo = permute(sLo, order);
        eHi = permute(eHi, order);
        eLo = permute(eLo, order);
        number = permute(number, order);
        where = permute(where, order);
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
          l[i] = label[order[i]];
        }
        label = l;
      }
      for (int i = 1; i < n; i++) {
        if (cmp(sHi[i], sLo[i], eHi[i - 1], eLo[i - 1]) <= 0) {
          long w = where[i];
          long p = where[i - 1];
          throw new EnrichmentDataException(
              new Location(sources.get((int) (w >>> 32)), -1, w & 0xFFFFFFFFL, null),
              "range overlaps the range at " + sources.get((int) (p >>> 32)) + ":line "
                  + (p & 0xFFFFFFFFL));
        }
      }
      return new RangeTable(Arrays.copyOf(sHi, n), Arrays.copyOf(sLo, n), Arrays.copyOf(eHi, n),
          Arrays.copyOf(eLo, n), Arrays.copyOf(number, n), Arrays.copyOf(label, n),
          labels.toArray(new String[0]));
    }

    private long[] permute(long[] a, Integer[] order) {
      long[] r = new long[n];
      for (int i = 0; i < n; i++) {
        r[i] = a[order[i]];
      }
      return r;
    }
  }
}
