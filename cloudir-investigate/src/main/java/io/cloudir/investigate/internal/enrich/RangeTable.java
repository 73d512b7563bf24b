package io.cloudir.investigate.internal.enrich;

import io.cloudir.model.net.IpAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorted, non-overlapping IP ranges of one family (overlaps in the input are resolved: the
 * range that starts later wins where two overlap, and reported), each with a number and a label, searched by
 * binary search. Addresses are held as two unsigned 64-bit halves (IPv4: high 0, low the 32 bits).
 *
 * <p>Immutable and thread-safe once built.
 */
public final class RangeTable {
  /** How many overlap warnings are kept. */
  public static final int MAX_WARNINGS = 20;

  private final long[] sHi;
  private final long[] sLo;
  private final long[] eHi;
  private final long[] eLo;
  private final long[] number;
  private final int[] label;
  private final String[] labels;
  /** Every address fits the low half (IPv4): searches read one array. */
  private final boolean narrow;

  private RangeTable(long[] sHi, long[] sLo, long[] eHi, long[] eLo, long[] number, int[] label,
      String[] labels) {
    this.sHi = sHi;
    this.sLo = sLo;
    this.eHi = eHi;
    this.eLo = eLo;
    this.number = number;
    this.label = label;
    this.labels = labels;
    boolean allLow = true;
    for (int i = 0; i < sHi.length && allLow; i++) {
      allLow = sHi[i] == 0 && eHi[i] == 0;
    }
    this.narrow = allLow;
  }

  /** The number of ranges. */
  public int size() {
    return sHi.length;
  }

  /** The index of the range holding {@code (hi, lo)}, or -1. */
  public int find(long hi, long lo) {
    if (narrow) {
      return hi == 0 ? findLow(lo) : -1;
    }
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

  private int findLow(long lo) {
    int a = 0;
    int b = sLo.length - 1;
    int best = -1;
    while (a <= b) {
      int m = (a + b) >>> 1;
      if (Long.compareUnsigned(sLo[m], lo) <= 0) {
        best = m;
        a = m + 1;
      } else {
        b = m - 1;
      }
    }
    return best >= 0 && Long.compareUnsigned(lo, eLo[best]) <= 0 ? best : -1;
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
   * Collects ranges from one or more files, then sorts them and resolves overlaps (each reported
   * naming both files and lines).
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
    private final List<String> warnings = new ArrayList<>();
    private int overlaps;

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
     * The table. Overlapping ranges are resolved (see {@link #overlaps()}, {@link #warnings()}).
     */
    public RangeTable build() {
      boolean sorted = true;
      for (int i = 1; i < n && sorted; i++) {
        int c = cmp(sHi[i - 1], sLo[i - 1], sHi[i], sLo[i]);
        sorted = c < 0 || (c == 0 && cmp(eHi[i - 1], eLo[i - 1], eHi[i], eLo[i]) >= 0);
      }
      if (!sorted) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
          order[i] = i;
        }
        // by start; for one start the larger range first, so the smaller one wins
        Arrays.sort(order, (x, y) -> {
          int c = cmp(sHi[x], sLo[x], sHi[y], sLo[y]);
          return c != 0 ? c : cmp(eHi[y], eLo[y], eHi[x], eLo[x]);
        });
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
      // overlaps: find them (against the furthest end so far), report, then resolve
      long maxHi = 0;
      long maxLo = 0;
      int maxAt = -1;
      for (int i = 0; i < n; i++) {
        if (maxAt >= 0 && cmp(sHi[i], sLo[i], maxHi, maxLo) <= 0) {
          overlaps++;
          if (warnings.size() < MAX_WARNINGS) {
            warnings.add(where(i) + ": range overlaps the range at " + where(maxAt)
                + "; where they overlap the later-starting range wins");
          }
        }
        if (maxAt < 0 || cmp(eHi[i], eLo[i], maxHi, maxLo) > 0) {
          maxHi = eHi[i];
          maxLo = eLo[i];
          maxAt = i;
        }
      }
      if (overlaps > 0) {
        resolve();
      }
      return new RangeTable(Arrays.copyOf(sHi, n), Arrays.copyOf(sLo, n), Arrays.copyOf(eHi, n),
          Arrays.copyOf(eLo, n), Arrays.copyOf(number, n), Arrays.copyOf(label, n),
          labels.toArray(new String[0]));
    }

    private String where(int i) {
      long w = where[i];
      return sources.get((int) (w >>> 32)) + ":line " + (w & 0xFFFFFFFFL);
    }

    /** How many ranges overlap an earlier one. */
    public int overlaps() {
      return overlaps;
    }

    /** The first {@value #MAX_WARNINGS} overlaps, each naming both files and lines. */
    public List<String> warnings() {
      return List.copyOf(warnings);
    }

    /**
     * Rewrites the sorted ranges as non-overlapping pieces: at every address the range that
     * started last (among those holding it) wins; a range interrupted by a nested one resumes
     * after it.
     */
    private void resolve() {
      Piece out = new Piece(n + 16);
      int[] stack = new int[16];
      int top = -1;
      long cHi = 0;
      long cLo = 0; // the first address not yet assigned
      boolean done = false; // cursor passed the last address of the space
      for (int i = 0; i <= n; i++) {
        boolean end = i == n;
        // assign [cursor, start(i) - 1] to the stack
        while (top >= 0 && !done) {
          int t = stack[top];
          if (cmp(eHi[t], eLo[t], cHi, cLo) < 0) {
            top--;
            continue;
          }
          if (!end && cmp(sHi[i], sLo[i], cHi, cLo) <= 0) {
            break; // nothing to assign before the new range
          }
          boolean endsBefore = end || cmp(eHi[t], eLo[t], sHi[i], sLo[i]) < 0;
          long pHi;
          long pLo;
          if (endsBefore) {
            pHi = eHi[t];
            pLo = eLo[t];
          } else {
            pLo = sLo[i] - 1;
            pHi = sLo[i] == 0 ? sHi[i] - 1 : sHi[i];
          }
          out.add(cHi, cLo, pHi, pLo, t);
          if (pLo == -1L && pHi == -1L) {
            done = true; // the very last IPv6 address
            break;
          }
          cLo = pLo + 1;
          cHi = cLo == 0 ? pHi + 1 : pHi;
          if (endsBefore) {
            top--;
          } else {
            break;
          }
        }
        if (!end) {
          if (++top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
          }
          stack[top] = i;
          cHi = sHi[i];
          cLo = sLo[i];
          done = false;
        }
      }
      int m = out.size;
      long[] nsHi = new long[m];
      long[] nsLo = new long[m];
      long[] neHi = new long[m];
      long[] neLo = new long[m];
      long[] num = new long[m];
      int[] lab = new int[m];
      long[] wh = new long[m];
      for (int k = 0; k < m; k++) {
        int id = out.id[k];
        nsHi[k] = out.sHi[k];
        nsLo[k] = out.sLo[k];
        neHi[k] = out.eHi[k];
        neLo[k] = out.eLo[k];
        num[k] = number[id];
        lab[k] = label[id];
        wh[k] = where[id];
      }
      sHi = nsHi;
      sLo = nsLo;
      eHi = neHi;
      eLo = neLo;
      number = num;
      label = lab;
      where = wh;
      n = m;
    }

    /** Growable pieces (adjacent pieces of one range merged). */
    private static final class Piece {
      long[] sHi;
      long[] sLo;
      long[] eHi;
      long[] eLo;
      int[] id;
      int size;

      Piece(int cap) {
        sHi = new long[cap];
        sLo = new long[cap];
        eHi = new long[cap];
        eLo = new long[cap];
        id = new int[cap];
      }

      void add(long aHi, long aLo, long bHi, long bLo, int of) {
        if (size > 0 && id[size - 1] == of) {
          long nLo = eLo[size - 1] + 1;
          long nHi = nLo == 0 ? eHi[size - 1] + 1 : eHi[size - 1];
          if (nHi == aHi && nLo == aLo) {
            eHi[size - 1] = bHi;
            eLo[size - 1] = bLo;
            return;
          }
        }
        if (size == id.length) {
          int c = size * 2;
          sHi = Arrays.copyOf(sHi, c);
          sLo = Arrays.copyOf(sLo, c);
          eHi = Arrays.copyOf(eHi, c);
          eLo = Arrays.copyOf(eLo, c);
          id = Arrays.copyOf(id, c);
        }
        sHi[size] = aHi;
        sLo[size] = aLo;
        eHi[size] = bHi;
        eLo[size] = bLo;
        id[size] = of;
        size++;
      }
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
