package io.cloudir.rules.internal;

import io.cloudir.rules.Correlation;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The correlation state of one rule in one session, fed {@link Hit}s in (end, provenance, arrival)
 * order. State is bounded: at most {@link Correlation#maxKeys()} keys, the least recently updated
 * evicted first. Not thread-safe (owned by a session).
 */
public abstract class Correlator {
  /** Most hits kept per threshold group (older ones are dropped: an approximation, documented). */
  static final int MAX_GROUP_HITS = 10_000;
  /** Most partial sequences per key. */
  static final int MAX_PARTIALS = 16;
  /** Most hits named as evidence of one finding. */
  static final int MAX_EVIDENCE = 1_000;

  /** Where a correlator sends what it finds. */
  public interface Out {
    /** A finding made of these hits (in order); {@code last} made it. */
    void finding(List<Hit> hits, Hit last);

    /**
     * A finding whose title gets {@code titleSuffix} and which carries {@code details} (see
     * {@link io.cloudir.rules.Finding#details()}).
     */
    default void finding(List<Hit> hits, Hit last, String titleSuffix,
        Map<String, String> details) {
      finding(hits, last);
    }

    /** A key was evicted. */
    void evicted();
  }

  final Correlation c;
  final long window;

  Correlator(Correlation c) {
    this.c = c;
    this.window = c.window().toNanos();
  }

  /** A correlator for a rule's correlation. */
  public static Correlator of(Correlation c) {
    return switch (c.kind()) {
      case THRESHOLD -> new Threshold(c);
      case NEW_TERM -> new NewTerm(c);
      case SEQUENCE -> new Sequence(c);
      case TRAVEL -> new TravelCorrelator(c);
    };
  }

  /** Processes one hit. */
  public abstract void onHit(Hit h, Out out);

  /**
   * Whether a hit at this event time, not yet processed, can still be named by a finding (false
   * lets the session drop what only findings need from it). True unless the state proves
   * otherwise.
   */
  public boolean mayName(long time) {
    return true;
  }

  /** Event time has reached {@code now}: deadlines before it fire. */
  public void advance(long now, Out out) {}

  /** End of input: everything pending is decided. */
  public void flush(Out out) {}

  /** Writes the state. */
  public abstract void write(DataOutput out) throws IOException;

  /** Replaces the state by one written by {@link #write}. */
  public abstract void read(DataInput in) throws IOException;

  /** A map in least-recently-updated order, bounded by maxKeys. */
  static <V> Map<String, V> lru() {
    return new LinkedHashMap<>(16, 0.75f, true);
  }

  <V> void put(Map<String, V> m, String k, V v, Out out) {
    m.put(k, v);
    while (m.size() > c.maxKeys()) {
      Iterator<Map.Entry<String, V>> it = m.entrySet().iterator();
      it.next();
      it.remove();
      out.evicted();
    }
  }

  /** {@link #put(Map, String, Object, Out)} for a {@link KeyLru}. */
  <V> void put(KeyLru<V> m, String k, int hash, V v, Out out) {
    m.put(k, hash, v);
    trim(m, out);
  }

  /** Evicts the least recently used keys over {@link Correlation#maxKeys()}. */
  void trim(KeyLru<?> m, Out out) {
    while (m.size() > c.maxKeys()) {
      m.removeEldest();
      out.evicted();
    }
  }

  /** Normalises a key value: lower case, a single-address CIDR as the address. */
  public static String normalize(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.endsWith("/32") || t.endsWith("/128")) {
      String a = t.substring(0, t.lastIndexOf('/'));
      if (io.cloudir.model.net.IpAddress.tryParse(a) != null) {
        return a;
      }
    }
    return t;
  }

  static void writeHits(DataOutput out, java.util.Collection<Hit> hits) throws IOException {
    out.writeInt(hits.size());
    for (Hit h : hits) {
      h.write(out);
    }
  }

  static List<Hit> readHits(DataInput in) throws IOException {
    int n = StateIo.count(in.readInt());
    List<Hit> out = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      out.add(Hit.read(in));
    }
    return out;
  }

  static List<Hit> lastEvidence(List<Hit> hits) {
    return hits.size() <= MAX_EVIDENCE ? hits : hits.subList(hits.size() - MAX_EVIDENCE, hits.size());
  }

  /** Count, distinct count or sum per group within a sliding window. */
  static final class Threshold extends Correlator {
    /**
     * The hits of one group in the window (oldest first), with the running distinct counts and
     * sum. The hits sit in a ring beside their times and, for DISTINCT, the counter of their
     * value, so that dropping the oldest reads neither the hit's value nor its hash (old hits
     * are rarely still in the processor's cache).
     */
    private static final class Group {
      private Hit[] hits = new Hit[8];
      private long[] times = new long[8];
      /** DISTINCT only: per hit, the counter of its value in {@link #distinct} (null: none). */
      private ValueCounts.@Nullable Counter @Nullable [] counters;
      private int head;
      private int size;
      /** Distinct values (DISTINCT only) with their counts in the window. */
      final ValueCounts distinct = new ValueCounts();
      BigDecimal sum = BigDecimal.ZERO;

      int size() {
        return size;
      }

      boolean isEmpty() {
        return size == 0;
      }

      /** Time of the oldest hit (the group is not empty). */
      long firstTime() {
        return times[head];
      }

      /** The hits, oldest first. */
      List<Hit> list() {
        List<Hit> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          out.add(hits[(head + i) & (hits.length - 1)]);
        }
        return out;
      }

      private void grow() {
        int n = hits.length;
        Hit[] h = new Hit[2 * n];
        long[] t = new long[2 * n];
        ValueCounts.Counter[] old = counters;
        ValueCounts.Counter[] c = old == null ? null : new ValueCounts.Counter[2 * n];
        for (int i = 0; i < size; i++) {
          int k = (head + i) & (n - 1);
          h[i] = hits[k];
          t[i] = times[k];
          if (c != null && old != null) {
            c[i] = old[k];
          }
        }
        hits = h;
        times = t;
        counters = c;
        head = 0;
      }

      void add(Hit h, Correlation.Aggregate agg) {
        if (size == hits.length) {
          grow();
        }
        int k = (head + size) & (hits.length - 1);
        hits[k] = h;
        times[k] = h.time();
        size++;
        if (agg == Correlation.Aggregate.COUNT || h.value().isEmpty()) {
          if (counters != null) {
            counters[k] = null;
          }
          return;
        }
        if (agg == Correlation.Aggregate.DISTINCT) {
          ValueCounts.Counter n = distinct.add(h.value(), h.value().hashCode());
          ValueCounts.Counter[] c = counters;
          if (c == null) {
            c = new ValueCounts.Counter[hits.length];
            counters = c;
          }
          c[k] = n;
        } else {
          BigDecimal v = Values.number(h.value());
          if (v != null) {
            sum = sum.add(v);
          }
        }
      }

      /** Drops the oldest hit, which no finding can name any more. */
      void removeFirst(Correlation.Aggregate agg) {
        if (size == 0) {
          return;
        }
        int k = head;
        Hit h = hits[k];
        hits[k] = null;
        head = (head + 1) & (hits.length - 1);
        size--;
        h.release();
        if (agg == Correlation.Aggregate.COUNT) {
          return;
        }
        if (agg == Correlation.Aggregate.DISTINCT) {
          ValueCounts.Counter[] c = counters;
          ValueCounts.Counter n = c == null ? null : c[k];
          if (c != null && n != null) {
            c[k] = null;
            distinct.drop(n);
          }
        } else if (!h.value().isEmpty()) {
          BigDecimal v = Values.number(h.value());
          if (v != null) {
            sum = sum.subtract(v);
          }
        }
      }
    }

    private KeyLru<Group> groups = new KeyLru<>();

    private final Correlation.Aggregate agg;
    /** Most hits kept per group. */
    private final int cap;
    /**
     * For COUNT and DISTINCT: the smallest count that reaches the limit (a count is an integer,
     * so {@code n >= limit} iff {@code n >= ceil(limit)}); unused for SUM.
     */
    private final long minCount;

    Threshold(Correlation c) {
      super(c);
      this.agg = c.aggregate();
      this.cap = agg == Correlation.Aggregate.COUNT
          ? (int) Math.min(MAX_GROUP_HITS, c.limit().longValue()) : MAX_GROUP_HITS;
      BigDecimal ceil = c.limit().setScale(0, java.math.RoundingMode.CEILING);
      this.minCount = ceil.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE
          : ceil.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 ? Long.MIN_VALUE
          : ceil.longValueExact();
    }

    @Override
    public void onHit(Hit h, Out out) {
      String key = h.key();
      int hash = h.keyHash();
      Group g = groups.get(key, hash);
      if (g == null) {
        g = new Group();
        put(groups, key, hash, g, out);
      }
      while (!g.isEmpty() && g.firstTime() < h.time() - window) {
        g.removeFirst(agg);
      }
      g.add(h, agg);
      while (g.size() > cap) {
        g.removeFirst(agg);
      }
      if (reached(g)) {
        List<Hit> hits = g.list();
        groups.remove(key, hash);
        out.finding(lastEvidence(hits), h);
        for (Hit x : hits) {
          x.release(); // rendered what the finding needed; no state holds them any more
        }
      }
    }

    private boolean reached(Group g) {
      return switch (agg) {
        case COUNT -> g.size() >= minCount;
        case DISTINCT -> g.distinct.size() >= minCount;
        case SUM -> g.sum.compareTo(c.limit()) >= 0;
      };
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeInt(groups.size());
      for (KeyLru.Entry<Group> e = groups.eldest(); e != null; e = e.after()) {
        StateIo.writeString(out, e.key());
        writeHits(out, e.value().list());
      }
    }

    @Override
    public void read(DataInput in) throws IOException {
      groups = new KeyLru<>();
      int n = StateIo.count(in.readInt());
      for (int i = 0; i < n; i++) {
        String k = StateIo.readString(in);
        Group g = new Group();
        for (Hit h : readHits(in)) {
          g.add(h, agg);
        }
        groups.put(k, KeyLru.hash(k), g);
      }
    }
  }

  /**
   * First value of the terms seen per group: per (group key, term) the time last seen, keyed by
   * the pair (no string is built per hit; the checkpoint names a pair {@code key + U+0000 +
   * term}).
   */
  static final class NewTerm extends Correlator {
    private KeyLru<long[]> seen = new KeyLru<>();
    private long start = Hit.NO_TIME;

    NewTerm(Correlation c) {
      super(c);
    }

    @Override
    public void onHit(Hit h, Out out) {
      if (start == Hit.NO_TIME && h.time() != Hit.NO_TIME) {
        start = h.time();
      }
      String key = h.key();
      String term = h.value();
      int hash = KeyLru.hash(h.keyHash(), term);
      long[] last = seen.get(key, term, hash);
      boolean fresh = last == null || (h.time() != Hit.NO_TIME && h.time() - last[0] > window);
      if (last == null) {
        seen.put(key, term, hash, new long[] {h.time()});
      } else {
        last[0] = h.time();
      }
      trim(seen, out);
      if (fresh && h.time() != Hit.NO_TIME && h.time() - start >= c.learn().toNanos()) {
        out.finding(List.of(h), h);
      }
      h.release(); // no state holds the hit
    }

    /**
     * A hit at {@code time} can name a finding only when it is at least the learning period
     * after the first hit seen (which never changes once set).
     */
    @Override
    public boolean mayName(long time) {
      return start == Hit.NO_TIME || time == Hit.NO_TIME || time - start >= c.learn().toNanos();
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeLong(start);
      out.writeInt(seen.size());
      for (KeyLru.Entry<long[]> e = seen.eldest(); e != null; e = e.after()) {
        StateIo.writeString(out, e.key());
        out.writeLong(e.value()[0]);
      }
    }

    @Override
    public void read(DataInput in) throws IOException {
      start = in.readLong();
      seen = new KeyLru<>();
      int n = StateIo.count(in.readInt());
      for (int i = 0; i < n; i++) {
        String k = StateIo.readString(in);
        int cut = k.indexOf('\u0000');
        if (cut < 0) {
          throw new IOException("new-term key without a term");
        }
        String key = k.substring(0, cut);
        String term = k.substring(cut + 1);
        seen.put(key, term, KeyLru.hash(key.hashCode(), term), new long[] {in.readLong()});
      }
    }
  }

  /** Ordered steps by key within a span, with absence steps. */
  static final class Sequence extends Correlator {
    /** A partial match: the hits of the present steps matched so far. */
    private static final class Partial {
      final List<Hit> hits;
      /** Index of the last step matched. */
      int done;

      Partial(List<Hit> hits, int done) {
        this.hits = hits;
        this.done = done;
      }

      long start() {
        return hits.get(0).time();
      }

      long last() {
        return hits.get(hits.size() - 1).end();
      }
    }

    /**
     * A partial's deadline, with its key and the list that held it: a queue of these tells which
     * lists hold a partial past its deadline, so that moving time scans only those. An entry
     * outlives its partial (completed, cancelled, dropped) until its deadline passes; it then
     * finds nothing. A list is either in {@link #partials} under {@code key} or empty (lists are
     * unmapped only when emptied, or cleared when evicted).
     */
    private record Due(long deadline, String key, List<Partial> list) {}

    private static final java.util.Comparator<Due> BY_DEADLINE =
        (a, b) -> Long.compare(a.deadline, b.deadline);
    /** The least number of queue entries that triggers a rebuild from the live partials. */
    static final int MIN_DUE_LIMIT = 1024;

    private final List<Correlation.Step> steps;
    private final int lastPresent;
    private Map<String, List<Partial>> partials = lru();
    /** One entry per partial made (and stale ones, bounded by {@link #dueLimit}). */
    private final java.util.PriorityQueue<Due> due = new java.util.PriorityQueue<>(BY_DEADLINE);
    /** Rebuild {@link #due} from the live partials past this size (twice the live count). */
    private int dueLimit = MIN_DUE_LIMIT;

    Sequence(Correlation c) {
      super(c);
      this.steps = c.steps();
      int lp = 0;
      for (int i = 0; i < steps.size(); i++) {
        if (!steps.get(i).absent()) {
          lp = i;
        }
      }
      this.lastPresent = lp;
    }

    private int nextPresent(int done) {
      for (int i = done + 1; i < steps.size(); i++) {
        if (!steps.get(i).absent()) {
          return i;
        }
      }
      return -1;
    }

    private boolean complete(Partial p) {
      return p.done == lastPresent;
    }

    @Override
    public void onHit(Hit h, Out out) {
      advance(h.time(), out);
      boolean kept = false;
      // absence steps first: an absent event cancels the partials it falls inside
      for (int i = 0; i < steps.size(); i++) {
        if (!steps.get(i).absent() || (h.mask() & (1 << i)) == 0) {
          continue;
        }
        for (String k : h.keys().get(i)) {
          List<Partial> ps = partials.get(k);
          if (ps == null) {
            continue;
          }
          int step = i;
          ps.removeIf(p -> p.done < step && (nextPresent(p.done) > step || nextPresent(p.done) < 0)
              && h.end() >= p.last() && h.time() <= p.start() + window);
          if (ps.isEmpty()) {
            partials.remove(k);
          }
        }
      }
      // present steps, last first so that one event cannot advance a partial twice
      for (int i = steps.size() - 1; i >= 0; i--) {
        if (steps.get(i).absent() || (h.mask() & (1 << i)) == 0) {
          continue;
        }
        for (String k : h.keys().get(i)) {
          if (i == 0) {
            List<Partial> ps = partials.get(k);
            if (ps == null) {
              ps = new ArrayList<>();
              putList(k, ps, out);
            }
            ps.add(new Partial(new ArrayList<>(List.of(h)), 0));
            kept = true;
            due.add(new Due(deadline(h.time()), k, ps));
            if (due.size() > dueLimit) {
              rebuildDue();
            }
            if (ps.size() > MAX_PARTIALS) {
              ps.remove(0);
            }
            continue;
          }
          List<Partial> ps = partials.get(k);
          if (ps == null) {
            continue;
          }
          List<Partial> done = new ArrayList<>();
          for (Partial p : ps) {
            if (nextPresent(p.done) == i && h.end() >= p.last() && h.time() <= p.start() + window
                && !p.hits.contains(h)) {
              p.hits.add(h);
              kept = true;
              p.done = i;
              if (complete(p) && lastPresent == steps.size() - 1) {
                done.add(p);
              }
            }
          }
          for (Partial p : done) {
            ps.remove(p);
            out.finding(lastEvidence(p.hits), h);
          }
          if (ps.isEmpty()) {
            partials.remove(k);
          }
        }
      }
      if (!kept) {
        h.release(); // it started or joined no partial: no finding can name it
      }
    }

    private long deadline(long start) {
      return start == Hit.NO_TIME ? Hit.NO_TIME : start + window;
    }

    /** Maps a new key, evicting the least recently used keys over the bound. */
    private void putList(String k, List<Partial> ps, Out out) {
      partials.put(k, ps);
      while (partials.size() > c.maxKeys()) {
        Iterator<Map.Entry<String, List<Partial>>> it = partials.entrySet().iterator();
        List<Partial> gone = it.next().getValue();
        it.remove();
        gone.clear(); // its queue entries find nothing
        out.evicted();
      }
    }

    /** Replaces the deadline queue by one entry per live partial. */
    private void rebuildDue() {
      due.clear();
      for (Map.Entry<String, List<Partial>> e : partials.entrySet()) {
        for (Partial p : e.getValue()) {
          due.add(new Due(deadline(p.start()), e.getKey(), e.getValue()));
        }
      }
      dueLimit = Math.max(MIN_DUE_LIMIT, 2 * due.size());
    }

    /**
     * Drops every partial whose deadline is before {@code now} and fires the complete ones in
     * {@link Hit#ORDER} of their last hit; partials with the same last hit in the order of their
     * keys in {@link #partials}, then of their lists (what scanning every list in map order and
     * sorting stably gives). Scans only the lists the deadline queue names.
     */
    @Override
    public void advance(long now, Out out) {
      Due d = due.peek();
      if (now == Hit.NO_TIME || d == null || d.deadline >= now) {
        return;
      }
      List<Partial> fire = new ArrayList<>();
      List<List<Partial>> from = new ArrayList<>();
      List<Due> emptied = new ArrayList<>();
      while ((d = due.peek()) != null && d.deadline < now) {
        due.poll();
        List<Partial> ps = d.list;
        if (ps.isEmpty()) {
          continue; // stale: emptied, evicted or already scanned in this call
        }
        Iterator<Partial> pi = ps.iterator();
        while (pi.hasNext()) {
          Partial p = pi.next();
          if (deadline(p.start()) < now) {
            pi.remove();
            if (complete(p)) {
              fire.add(p);
              from.add(ps);
            }
          }
        }
        if (ps.isEmpty()) {
          emptied.add(d);
        }
      }
      if (!fire.isEmpty()) {
        order(fire, from);
      }
      for (Due e : emptied) {
        partials.remove(e.key);
      }
      for (Partial p : fire) {
        out.finding(lastEvidence(p.hits), p.hits.get(p.hits.size() - 1));
      }
    }

    /**
     * Sorts fired partials by {@link Hit#ORDER} of their last hit; ties (one hit last in partials
     * of several keys) by the position of their lists in {@link #partials}, which still holds the
     * lists emptied by this advance. {@code from[i]} is the list of {@code fire[i]}; the partials
     * of one list come in list order.
     */
    private void order(List<Partial> fire, List<List<Partial>> from) {
      int n = fire.size();
      Integer[] idx = new Integer[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      java.util.Comparator<Integer> byHit = (a, b) -> Hit.ORDER.compare(lastHit(fire.get(a)),
          lastHit(fire.get(b)));
      Arrays.sort(idx, byHit);
      boolean crossTie = false;
      for (int i = 1; i < n && !crossTie; i++) {
        crossTie = byHit.compare(idx[i - 1], idx[i]) == 0
            && from.get(idx[i - 1]) != from.get(idx[i]);
      }
      if (crossTie) {
        java.util.IdentityHashMap<List<Partial>, Integer> pos = new java.util.IdentityHashMap<>();
        int i = 0;
        for (List<Partial> l : partials.values()) {
          pos.put(l, i++);
        }
        Arrays.sort(idx, byHit.thenComparing(a -> pos.getOrDefault(from.get(a), -1)));
      }
      List<Partial> sorted = new ArrayList<>(n);
      for (Integer i : idx) {
        sorted.add(fire.get(i));
      }
      fire.clear();
      fire.addAll(sorted);
    }

    private static Hit lastHit(Partial p) {
      return p.hits.get(p.hits.size() - 1);
    }

    @Override
    public void flush(Out out) {
      advance(Long.MAX_VALUE, out);
    }

    @Override
    public void write(DataOutput out) throws IOException {
      out.writeInt(partials.size());
      for (Map.Entry<String, List<Partial>> e : partials.entrySet()) {
        StateIo.writeString(out, e.getKey());
        out.writeInt(e.getValue().size());
        for (Partial p : e.getValue()) {
          out.writeInt(p.done);
          writeHits(out, p.hits);
        }
      }
    }

    @Override
    public void read(DataInput in) throws IOException {
      partials = lru();
      int n = StateIo.count(in.readInt());
      for (int i = 0; i < n; i++) {
        String k = StateIo.readString(in);
        int m = StateIo.count(in.readInt());
        List<Partial> ps = new ArrayList<>();
        for (int j = 0; j < m; j++) {
          int done = in.readInt();
          if (done < 0 || done >= steps.size()) {
            throw new IOException("bad sequence step " + done);
          }
          ps.add(new Partial(new ArrayList<>(readHits(in)), done));
        }
        partials.put(k, ps);
      }
      rebuildDue();
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + Objects.toString(c) + "]";
  }
}
