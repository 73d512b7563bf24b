package io.cloudir.rules;

import io.cloudir.investigate.Attribution;
import io.cloudir.investigate.Attributor;
import io.cloudir.investigate.IdentityKind;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.CloudTrailField;
import io.cloudir.model.cloudtrail.UserIdentity;
import io.cloudir.model.elb.LoadBalancerField;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import io.cloudir.rules.internal.Accessor;
import io.cloudir.rules.internal.CompiledRule;
import io.cloudir.rules.internal.Correlator;
import io.cloudir.rules.internal.EvalContext;
import io.cloudir.rules.internal.Hit;
import io.cloudir.rules.internal.HitBuffer;
import io.cloudir.rules.internal.StateIo;
import io.cloudir.rules.internal.TravelCorrelator;
import io.cloudir.rules.internal.Values;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation of one stream of records by an {@link Engine}: feed records with {@link
 * #accept(LogRecord)} (it is a {@code Consumer<LogRecord>}, so it plugs into {@code
 * io.cloudir.parsers.PushReader} directly) or {@link #acceptAll(Iterable)} (a {@code
 * RecordStream}), then call {@link #flush()} at the end of input. Findings go to the sink given
 * to {@link Engine#newSession}, on the feeding thread.
 *
 * <p>Rules without a correlation fire as each record arrives. Records selected by correlated
 * rules are buffered and correlated in (time, provenance) order once the watermark passes them
 * (see {@link EngineOptions}); their findings therefore come when the watermark moves or at {@link
 * #flush()}. The output of a session depends only on the sequence of records, not on how it is
 * cut into calls, and a session restored from a {@link #checkpoint()} continues with exactly the
 * findings the original would have made (except for what depends on identity attribution, see
 * {@link #checkpoint()}).
 *
 * <p>The session attributes CloudTrail calls to their real actor as it goes (an {@code
 * io.cloudir.investigate.Attributor} in streaming mode), so feed CloudTrail events in time order
 * for complete attributions; it also remembers whether each console sign-in used MFA (at most
 * {@link #MAX_SIGN_INS}, oldest forgotten first).
 *
 * <p>Not thread-safe: one session per stream, fed by one thread at a time.
 */
public final class Session implements Consumer<LogRecord> {
  /** The number of console sign-ins whose MFA use is remembered. */
  public static final int MAX_SIGN_INS = 100_000;
  /** The number of suppression keys remembered per rule. */
  public static final int MAX_SUPPRESSION_KEYS = 100_000;
  /** The checkpoint format version this library writes and reads. */
  public static final int CHECKPOINT_VERSION = 1;
  /**
   * How many records a lazy hit keeps its record for (it keeps the record's byte block
   * reachable) before it is materialised.
   */
  static final int MAX_LAZY_RECORDS = 4096;
  private static final int MAGIC = 0x43495253; // "CIRS"

  private final Engine engine;
  private final Consumer<Finding> sink;
  private final Attributor attributor = new Attributor();
  private final Map<String, Boolean> signInMfa = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_SIGN_INS;
    }
  };
  private final EvalContext ctx;
  /** The last record the evaluation context attributed, and its attribution. */
  private @Nullable CloudTrailEvent attributed;
  private @Nullable Attribution attributedAs;
  /** Renders lazy hits (see {@link Hit}); its context reads the record of {@link #rendering}. */
  private final EvalContext renderCtx;
  private @Nullable Hit rendering;
  private final Hit.Renderer renderer = new HitRenderer();
  /**
   * Per rule: whether its hits are rendered when they come (the reference path, or a title or
   * suppression key that reads session state besides the record and its attribution).
   */
  private final boolean[] eager;
  /** Lazy hits whose attribution is not pinned yet (pinned before the attributor learns). */
  private final List<Hit> unpinned = new ArrayList<>();
  /** Lazy hits in arrival order: materialised after {@link #MAX_LAZY_RECORDS} records. */
  private final java.util.ArrayDeque<Hit> lazy = new java.util.ArrayDeque<>();
  private final Correlator[] correlators;
  /** The sink of each correlated rule's correlator (made once). */
  private final Correlator.Out[] outs;
  /** Indices of the correlators with deadlines ({@link Correlator#advance} does something). */
  private final int[] timed;
  /** Lower-case forms of the (canonical, so few) eventName/eventSource strings seen. */
  private final Map<String, String> lower = new java.util.HashMap<>();
  /** {@link #route} by event name as written (names repeat: one lookup, no lower-casing). */
  private final Map<@Nullable String, Engine.Route> routes = new java.util.HashMap<>();
  /** {@link #sourceId} by event source as written. */
  private final Map<@Nullable String, Integer> sourceIds = new java.util.HashMap<>();
  private final java.util.function.Function<String, Engine.Route> routeOf;
  private final java.util.function.Function<String, Integer> sourceIdOf;
  /** Normalised group-key values (see {@link KeyCache}). */
  private final KeyCache keys = new KeyCache();
  /** The last key {@link #joined} made: for these fields, for the record of this generation. */
  private long joinedGeneration;
  private List<Accessor> joinedFields = List.of();
  private String joinedKey = "";
  /** Scratch list for field values read by {@link #joined} and {@link #keyValues}. */
  private final List<Object> scratch = new ArrayList<>();
  private final List<Map<String, Long>> suppression = new ArrayList<>();
  /** Per record type seen: {newest end time, allowed lateness} in nanoseconds. */
  private final Map<SourceType, long[]> newest = new TreeMap<>();
  /** The type of the last record and its entry of {@link #newest} (records come in runs). */
  private @Nullable SourceType lastType;
  private long[] lastNewest = new long[2];
  private HitBuffer buffer = new HitBuffer();
  private long releasedUpTo = Hit.NO_TIME;
  /** The watermark: {@link #computeWatermark()} of {@link #newest}, kept up to date. */
  private long watermark = Hit.NO_TIME;
  private long seq;
  private long records;
  private long findings;
  private long evaluations;
  private long late;
  private long evicted;
  private long suppressed;
  private boolean flushed;

  Session(Engine engine, Consumer<Finding> sink) {
    this.engine = engine;
    this.sink = Objects.requireNonNull(sink);
    this.ctx = new EvalContext(e -> {
      Attribution a = attributor.attribute(e);
      attributed = e;
      attributedAs = a;
      return a;
    }, signInMfa::get, engine.options().ipEnricher());
    this.routeOf = engine::cloudTrailRoute;
    this.sourceIdOf = engine::sourceId;
    this.renderCtx = new EvalContext(e -> Objects.requireNonNull(
        attribution(Objects.requireNonNull(rendering), e)), signInMfa::get,
        engine.options().ipEnricher());
    List<CompiledRule> rules = engine.compiled();
    this.eager = new boolean[rules.size()];
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i).rule();
      Suppression sup = rule.suppression();
      eager[i] = !engine.routed() || io.cloudir.rules.internal.Template.readsSessionState(
          rule.title()) || (sup != null && sup.by().stream().anyMatch(
              io.cloudir.rules.internal.Template::readsSessionState));
    }
    this.correlators = new Correlator[rules.size()];
    this.outs = new Correlator.Out[rules.size()];
    List<Integer> t = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Correlation c = rules.get(i).rule().correlation();
      if (c != null) {
        correlators[i] = Correlator.of(c);
        outs[i] = newOut(rules.get(i));
        if (c.kind() == Correlation.Kind.SEQUENCE) {
          t.add(i);
        }
      }
      suppression.add(rules.get(i).rule().suppression() == null ? Map.of() : lru());
    }
    this.timed = t.stream().mapToInt(Integer::intValue).toArray();
  }

  private static Map<String, Long> lru() {
    return new LinkedHashMap<>(16, 0.75f, true);
  }

  /**
   * Evaluates one record: every rule that can fire on it (by routing) is tested; matches of
   * simple rules are findings at once, matches of correlated rules are buffered for correlation.
   *
   * @throws IllegalStateException after {@link #flush()}
   */
  @Override
  public void accept(LogRecord r) {
    if (flushed) {
      throw new IllegalStateException("session already flushed");
    }
    records++;
    attributed = null; // what the context attributes from here on is this record's attribution
    Engine.Route route;
    if (r instanceof CloudTrailEvent e) {
      beforeObserve(e);
      attributor.observe(e);
      String name = e.eventName();
      if ("ConsoleLogin".equals(name)) {
        rememberSignIn(e);
      }
      route = route(name);
    } else {
      route = engine.route(r.source());
    }
    List<Hit> hits = null;
    CompiledRule[] candidates = route.rules;
    if (candidates.length > 0) {
      ctx.reset(r);
      int sourceId = -2; // not looked up yet
      boolean routed = engine.routed();
      for (int k = 0; k < candidates.length; k++) {
        CompiledRule cr = candidates[k];
        if (routed) {
          long[] admitted = route.sources[k]; // the route admits the event name already
          if (admitted != null) {
            if (sourceId == -2) {
              sourceId = sourceId(((CloudTrailEvent) r).eventSource());
            }
            if (sourceId < 0 || (admitted[sourceId >>> 6] & (1L << sourceId)) == 0) {
              continue;
            }
          }
        } else if (!routed(cr, r)) {
          continue;
        }
        evaluations++;
        Correlation c = cr.rule().correlation();
        if (c == null) {
          if (cr.matches(ctx)) {
            emitSingle(cr, r);
          }
        } else {
          Hit h = hit(cr, c, r);
          if (h != null) {
            if (hits == null) {
              hits = new ArrayList<>(2);
            }
            hits.add(h);
          }
        }
      }
    }
    if (hits != null && attributed == r) {
      for (Hit h : hits) {
        if (h.isLazy() && !h.isPinned()) {
          h.pin(attributedAs); // a later rule attributed the record: no need to again
        }
      }
    }
    if (engine.correlates()) {
      if (hits != null) {
        long wm = watermark();
        for (Hit h : hits) {
          if (h.end() != Hit.NO_TIME && wm != Hit.NO_TIME && h.end() < wm) {
            late++;
            correlate(h);
          } else {
            buffer.add(h);
          }
        }
      }
      long end = end(r);
      if (end != Hit.NO_TIME) {
        SourceType t = r.source();
        long[] n = t == lastType ? lastNewest : newest.get(t);
        if (n == null) {
          newest.put(t, new long[] {end, engine.options().lateness(t).toNanos()});
          watermark = computeWatermark();
        } else {
          lastType = t;
          lastNewest = n;
          if (end > n[0]) {
            n[0] = end;
            watermark = computeWatermark();
          }
        }
      }
      release(watermark);
    }
    expireLazy();
  }

  /**
   * Pins the attribution of the lazy hits not pinned yet when {@code e} may teach the attributor
   * something (so that they render with what it knew when they came). The attributor learns only
   * from events of {@code sts}, {@code signin} and {@code sso} (its {@code observe} contract).
   */
  private void beforeObserve(CloudTrailEvent e) {
    if (unpinned.isEmpty()) {
      return;
    }
    if (e.valueEquals(CloudTrailField.EVENT_SOURCE, "sts.amazonaws.com")
        || e.valueEquals(CloudTrailField.EVENT_SOURCE, "signin.amazonaws.com")
        || e.valueEquals(CloudTrailField.EVENT_SOURCE, "sso.amazonaws.com")) {
      pinAll();
    }
  }

  private void pinAll() {
    LogRecord prev = null;
    Attribution prevAs = null;
    for (Hit h : unpinned) {
      LogRecord r = h.lazyRecord();
      if (r != null && !h.isPinned()) {
        if (r == prev) {
          h.pin(prevAs); // the hits of one record come together: attributed once
        } else {
          prevAs = attribution(h, r);
          prev = r;
        }
      }
    }
    unpinned.clear();
  }

  /** The attribution a lazy hit renders with, pinned on first use. */
  private @Nullable Attribution attribution(Hit h, LogRecord r) {
    if (!h.isPinned()) {
      h.pin(r instanceof CloudTrailEvent e ? attributor.attribute(e) : null);
    }
    return h.attribution();
  }

  /** Materialises the live lazy hits that came more than {@link #MAX_LAZY_RECORDS} ago. */
  private void expireLazy() {
    Hit h;
    while ((h = lazy.peekFirst()) != null
        && (!h.isLazy() || records - h.arrival() > MAX_LAZY_RECORDS)) {
      lazy.pollFirst();
      h.materialize();
    }
    if (unpinned.size() >= MAX_LAZY_RECORDS) {
      pinAll(); // pinning early gives the same attribution (nothing was learnt since)
    }
  }

  /** The route of a CloudTrail event name (as written), remembered per name. */
  private Engine.Route route(@Nullable String name) {
    return byName(routes, name, routeOf);
  }

  /** {@link Engine#sourceId} of an event source (as written), remembered per source. */
  private int sourceId(@Nullable String source) {
    return byName(sourceIds, source, sourceIdOf);
  }

  /**
   * {@code make} of a name's lower-case form, remembered in {@code memo} by the name as written
   * (canonical strings: few, hashed once); forgets everything past 10 000 names.
   */
  private <V> V byName(Map<@Nullable String, V> memo, @Nullable String name,
      java.util.function.Function<String, V> make) {
    V v = memo.get(name);
    if (v == null) {
      if (memo.size() > 10_000) {
        memo.clear();
      }
      v = make.apply(lower(name));
      memo.put(name, v);
    }
    return v;
  }

  /** The lower-case form of an event name or source ("" for null), cached per canonical value. */
  private String lower(@Nullable String s) {
    if (s == null) {
      return "";
    }
    String l = lower.get(s);
    if (l == null) {
      if (lower.size() > 10_000) {
        lower.clear();
      }
      l = s.toLowerCase(Locale.ROOT);
      lower.put(s, l);
    }
    return l;
  }

  /**
   * For the reference path: the event sources (or names) a CloudTrail-only rule's logsource
   * declares — a filter of the rule's meaning, not routing — or null when it declares none.
   */
  private static @Nullable Set<String> declared(CompiledRule cr, boolean sources) {
    if (!cr.types().equals(Set.of(SourceType.CLOUDTRAIL))) {
      return null;
    }
    Set<String> d = sources ? cr.rule().logSource().eventSources()
        : cr.rule().logSource().eventNames();
    return d.isEmpty() ? null : d;
  }

  /** Evaluates every record of an iterable (such as a {@code RecordStream}), in order. */
  public void acceptAll(Iterable<? extends LogRecord> recordsIn) {
    for (LogRecord r : recordsIn) {
      accept(r);
    }
  }

  /**
   * Ends the input: every buffered record is correlated, sequences waiting for an absence step
   * are decided (the absent event did not come), and their findings are emitted. The session
   * accepts no record afterwards; calling flush again does nothing.
   */
  public void flush() {
    if (flushed) {
      return;
    }
    flushed = true;
    release(Long.MAX_VALUE);
    for (int i = 0; i < correlators.length; i++) {
      if (correlators[i] != null) {
        correlators[i].flush(outs[i]);
      }
    }
  }

  /** Records accepted so far. */
  public long records() {
    return records;
  }

  /** Findings emitted so far. */
  public long findings() {
    return findings;
  }

  /** Rule evaluations made so far (what routing did not skip). */
  public long evaluations() {
    return evaluations;
  }

  /** The session's counters. */
  public SessionStats stats() {
    return new SessionStats(records, findings, evaluations, late, evicted, suppressed,
        buffer.size());
  }

  // ---------------------------------------------------------------- distributed evaluation

  /**
   * Learns the identity context from a record without evaluating it: the credentials it mints
   * and the console sign-ins it records (what {@link #accept} learns before it evaluates). For
   * distributed evaluation, where a session sees only part of the records but must attribute
   * them as a session over all records would: observe every identity event (CloudTrail events of
   * {@code sts}, {@code signin} and {@code sso}) that is not accepted, in (time, provenance) order
   * with the accepted ones. Counts nothing and emits nothing.
   *
   * @throws IllegalStateException after {@link #flush()}
   */
  public void observe(LogRecord r) {
    if (flushed) {
      throw new IllegalStateException("session already flushed");
    }
    if (r instanceof CloudTrailEvent e) {
      beforeObserve(e);
      attributor.observe(e);
      if ("ConsoleLogin".equals(e.eventName())) {
        rememberSignIn(e);
      }
    }
  }

  /**
   * For distributed evaluation: learns the identity context from {@code r} (as {@link #observe})
   * and tells, for every rule that keeps state across records (a correlation or a suppression)
   * and selects {@code r}, the rule's index in {@link Engine#rules()} and the key of the state
   * {@code r} touches. Records with different keys of one rule never share state: a session of
   * an engine made of that rule alone (same options), with the same identity context, fed only
   * the records of one key in (time, provenance) order, makes the findings of that rule this
   * engine makes over all records — while no per-rule bound ({@link Correlation#maxKeys()},
   * {@link #MAX_SUPPRESSION_KEYS}) is reached. The key is the group-by values of a threshold or
   * new-term rule, the suppression values of a rule without correlation, and {@code ""} (one
   * group) for sequences (a record can carry several keys) and for correlations suppressed by
   * fields that are not group-by fields. Evaluates nothing else, counts nothing, emits nothing.
   *
   * @throws IllegalStateException after {@link #flush()}
   */
  public void stateKeys(LogRecord r, java.util.function.ObjIntConsumer<String> sink) {
    observe(r);
    List<CompiledRule> candidates = r instanceof CloudTrailEvent e
        ? engine.cloudTrailCandidates(lower(e.eventName()))
        : engine.candidates(r.source());
    if (candidates.isEmpty()) {
      return;
    }
    ctx.reset(r);
    for (CompiledRule cr : candidates) {
      Rule rule = cr.rule();
      Correlation c = rule.correlation();
      Suppression sup = rule.suppression();
      if ((c == null && sup == null) || !routed(cr, r)) {
        continue;
      }
      if (c == null) {
        if (cr.matches(ctx)) {
          sink.accept(suppressKey(cr), cr.index());
        }
      } else if (r.time() != null) {
        if (c.kind() == Correlation.Kind.SEQUENCE) {
          if (cr.stepMask(ctx) != 0) {
            sink.accept("", cr.index());
          }
        } else if (cr.matches(ctx)) {
          boolean split = sup == null || c.groupBy().containsAll(sup.by());
          sink.accept(!split ? "" : sup == null ? joined(cr.groupBy()) : suppressKey(cr),
              cr.index());
        }
      }
    }
  }

  /** Whether a routed candidate's declared event sources and names admit the record. */
  private boolean routed(CompiledRule cr, LogRecord r) {
    if (!(r instanceof CloudTrailEvent e)) {
      return true;
    }
    boolean routedEngine = engine.routed();
    Set<String> sources = routedEngine ? cr.eventSources() : declared(cr, true);
    Set<String> names = routedEngine ? cr.eventNames() : declared(cr, false);
    return (sources == null || sources.contains(lower(e.eventSource())))
        && (names == null || names.contains(lower(e.eventName())));
  }

  // ---------------------------------------------------------------- correlation

  private static long end(LogRecord r) {
    if (r instanceof FlowLogRecord f && f.end() >= 0) {
      return f.end() * 1_000_000_000L;
    }
    return Hit.nanos(r.time());
  }

  private long watermark() {
    return watermark;
  }

  private long computeWatermark() {
    if (newest.size() == 1 && lastType != null) {
      return lastNewest[0] - lastNewest[1];
    }
    long w = Long.MAX_VALUE;
    for (long[] n : newest.values()) {
      w = Math.min(w, n[0] - n[1]);
    }
    return newest.isEmpty() ? Hit.NO_TIME : w;
  }

  private void release(long watermark) {
    int max = engine.options().maxBuffered();
    Hit h;
    while ((h = buffer.pollIf(watermark, max)) != null) {
      if (h.end() > watermark) {
        late++;
      }
      correlate(h);
    }
    if (watermark != Hit.NO_TIME && watermark != Long.MAX_VALUE) {
      for (int i : timed) {
        correlators[i].advance(watermark, outs[i]);
      }
    }
  }

  private void correlate(Hit h) {
    releasedUpTo = Math.max(releasedUpTo, h.end());
    correlators[h.rule()].onHit(h, outs[h.rule()]);
  }

  private Correlator.Out newOut(CompiledRule cr) {
    return new Correlator.Out() {
      @Override
      public void finding(List<Hit> hs, Hit last) {
        correlated(cr, hs, last, "", Map.of());
      }

      @Override
      public void finding(List<Hit> hs, Hit last, String titleSuffix,
          Map<String, String> details) {
        correlated(cr, hs, last, titleSuffix, details);
      }

      @Override
      public void evicted() {
        evicted++;
      }
    };
  }

  private @Nullable Hit hit(CompiledRule cr, Correlation c, LogRecord r) {
    long time = Hit.nanos(r.time());
    if (time == Hit.NO_TIME) {
      return null; // correlation is on event time: a record without one cannot take part
    }
    int mask;
    List<List<String>> keys = null;
    String key = "";
    String value = "";
    if (c.kind() == Correlation.Kind.SEQUENCE) {
      mask = cr.stepMask(ctx);
      if (mask == 0) {
        return null;
      }
      int n = cr.stepKeys().size();
      List<String>[] k = newKeyArray(n);
      for (int i = 0; i < n; i++) {
        k[i] = (mask & (1 << i)) == 0 ? List.of() : keyValues(cr.stepKeys().get(i));
      }
      keys = List.of(k);
    } else {
      if (!cr.matches(ctx)) {
        return null;
      }
      mask = 1;
      if (c.kind() == Correlation.Kind.TRAVEL) {
        value = TravelCorrelator.place(ctx);
        if (value.isEmpty()) {
          return null; // no place known for the source: nothing to compare (no key needed)
        }
      }
      key = joined(cr.groupBy());
      if (c.kind() == Correlation.Kind.NEW_TERM) {
        value = joined(cr.terms());
      } else if (c.kind() == Correlation.Kind.TRAVEL) {
        // the place, above
      } else if (cr.field() != null) {
        value = firstText(cr.field());
      }
    }
    long end = end(r);
    long e = end == Hit.NO_TIME ? time : end;
    Hit h = keys == null ? Hit.lazy(cr.index(), seq++, time, e, key, value, r, records, renderer)
        : Hit.lazy(cr.index(), seq++, time, e, mask, keys, value, r, records, renderer);
    if (!(r instanceof CloudTrailEvent)) {
      h.pin(null);
    } else if (attributed == r) {
      h.pin(attributedAs);
    }
    if (eager[cr.index()]) {
      attribution(h, r);
      h.materialize();
    } else if (!correlators[cr.index()].mayName(time)) {
      h.release(); // only its keys and value matter
    } else {
      if (!h.isPinned()) {
        unpinned.add(h);
      }
      lazy.addLast(h);
    }
    return h;
  }

  /** The text of the first value of {@code field} for the current record, "" when none. */
  private String firstText(Accessor field) {
    scratch.clear();
    field.collect(ctx, scratch);
    return scratch.isEmpty() ? "" : Values.text(scratch.get(0));
  }

  @SuppressWarnings("unchecked")
  private static List<String>[] newKeyArray(int n) {
    return (List<String>[]) new List<?>[n];
  }

  private List<String> keyValues(Accessor a) {
    List<Object> v = scratch;
    v.clear();
    a.collect(ctx, v);
    if (v.size() == 1) {
      return List.of(keys.normalized(Values.text(v.get(0))));
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      String k = keys.normalized(Values.text(v.get(i)));
      if (!out.contains(k)) {
        out.add(k);
      }
    }
    return List.copyOf(out);
  }

  private String joined(List<Accessor> fields) {
    // rules that group by the same fields (several rules per actor) share the record's key
    if (joinedGeneration == ctx.generation() && fields.equals(joinedFields)) {
      return joinedKey;
    }
    String k = joined(ctx, fields, keys, scratch);
    joinedGeneration = ctx.generation();
    joinedFields = fields;
    joinedKey = k;
    return k;
  }

  /**
   * The group key of {@code fields} for the record of {@code ctx}: each field's first value
   * normalised ({@link Correlator#normalize}, "-" for none), each followed by U+0001.
   */
  private static String joined(EvalContext ctx, List<Accessor> fields, KeyCache keys,
      List<Object> v) {
    if (fields.size() == 1) {
      v.clear();
      fields.get(0).collect(ctx, v);
      return v.isEmpty() ? "-\u0001" : keys.joinedOne(Values.text(v.get(0)));
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      v.clear();
      fields.get(i).collect(ctx, v);
      sb.append(v.isEmpty() ? "-" : keys.normalized(Values.text(v.get(0)))).append('\u0001');
    }
    return sb.toString();
  }

  /**
   * Normalised key values of the strings seen lately (group keys repeat: the same principal,
   * key or address over and over), so that a repeated value costs a lookup, not a lower-casing
   * and a concatenation. Bounded: forgets everything past {@link #MAX} entries.
   */
  static final class KeyCache {
    static final int MAX = 4096;
    private final Map<String, String> normalized = new java.util.HashMap<>();
    private final Map<String, String> joinedOne = new java.util.HashMap<>();

    /** {@link Correlator#normalize} of {@code s}. */
    String normalized(String s) {
      String n = normalized.get(s);
      if (n == null) {
        if (normalized.size() >= MAX) {
          normalized.clear();
        }
        n = Correlator.normalize(s);
        normalized.put(s, n);
      }
      return n;
    }

    /** The group key of one field whose first value is {@code s}. */
    String joinedOne(String s) {
      String n = joinedOne.get(s);
      if (n == null) {
        if (joinedOne.size() >= MAX) {
          joinedOne.clear();
        }
        n = normalized(s) + '\u0001';
        joinedOne.put(s, n);
      }
      return n;
    }
  }

  private String suppressKey(CompiledRule cr) {
    return cr.rule().suppression() == null ? "" : joined(cr.suppressBy());
  }

  // ---------------------------------------------------------------- findings

  /**
   * Emits the finding of a simple rule's match, unless suppressed; the finding (title,
   * attribution, evidence) is built only when it is emitted.
   */
  private void emitSingle(CompiledRule cr, LogRecord r) {
    long time = Hit.nanos(r.time());
    Rule rule = cr.rule();
    if (rule.suppression() != null && suppressed(cr, joined(cr.suppressBy()), time)) {
      return;
    }
    emitted(new Finding(rule.id(), cr.title(ctx), rule.severity(), rule.mitre(),
        Hit.instant(time), principal(r, ctx.attribution()), sourceIp(r), List.of(evidence(r)),
        rule.author(), rule.license(), link(rule)));
  }

  /**
   * Emits the finding a correlator made of hits, unless suppressed (by {@code last}'s
   * suppression key); the lazy parts of the hits are rendered only then, and only those the
   * finding shows.
   */
  private void correlated(CompiledRule cr, List<Hit> hs, Hit last, String titleSuffix,
      Map<String, String> details) {
    long time = Hit.NO_TIME;
    for (Hit h : hs) {
      time = Math.max(time, h.time());
    }
    Rule rule = cr.rule();
    if (rule.suppression() != null && suppressed(cr, last.suppressKey(), time)) {
      return;
    }
    String principal = null;
    String ip = null;
    List<Evidence> ev = new ArrayList<>(hs.size());
    for (Hit h : hs) {
      if (principal == null) {
        principal = h.principal();
      }
      if (ip == null) {
        ip = h.sourceIp();
      }
      ev.add(h.evidence());
    }
    emitted(new Finding(rule.id(), last.title() + titleSuffix, rule.severity(), rule.mitre(),
        Hit.instant(time), principal, ip, ev, rule.author(), rule.license(), link(rule), details));
  }

  private static @Nullable String link(Rule rule) {
    return rule.references().isEmpty() ? null : rule.references().get(0);
  }

  /**
   * Whether a finding of the rule with this suppression key at time {@code t} is suppressed
   * (counted); if not, the key is remembered at {@code t}.
   */
  private boolean suppressed(CompiledRule cr, String key, long t) {
    Suppression sup = Objects.requireNonNull(cr.rule().suppression());
    Map<String, Long> m = suppression.get(cr.index());
    Long last = m.get(key);
    if (last != null && t != Hit.NO_TIME && t - last < sup.window().toNanos() && t >= last) {
      suppressed++;
      return true;
    }
    m.put(key, t);
    while (m.size() > MAX_SUPPRESSION_KEYS) {
      m.remove(m.keySet().iterator().next());
      evicted++;
    }
    return false;
  }

  private void emitted(Finding f) {
    findings++;
    sink.accept(f);
  }

  private void rememberSignIn(CloudTrailEvent e) {
    String id = e.eventID();
    JsonValue add = e.additionalEventData();
    JsonValue m = add == null || !add.isObject() ? null : add.get("MFAUsed");
    String s = m == null ? null : m.stringOrNull();
    if (id != null && s != null) {
      signInMfa.put(id, s.equalsIgnoreCase("Yes"));
    }
  }

  /** The principal of a record with this attribution. */
  private static @Nullable String principal(LogRecord r, @Nullable Attribution a) {
    if (!(r instanceof CloudTrailEvent e)) {
      return null;
    }
    if (a != null && a.origin().kind() != IdentityKind.UNKNOWN) {
      return a.origin().id();
    }
    UserIdentity ui = e.userIdentity();
    if (ui == null) {
      return null;
    }
    return ui.arn() != null ? ui.arn() : ui.principalId();
  }

  /** The source address of a record, by type. */
  static @Nullable String sourceIp(LogRecord r) {
    IpAddress ip;
    if (r instanceof CloudTrailEvent e) {
      return e.sourceIPAddress();
    } else if (r instanceof FlowLogRecord f) {
      ip = f.srcaddr();
    } else if (r instanceof WafLogRecord w) {
      return w.clientIpText();
    } else if (r instanceof ResolverQueryLogRecord q) {
      return q.srcaddrText();
    } else if (r instanceof S3AccessLogRecord s) {
      ip = s.remoteIp();
    } else if (r instanceof LoadBalancerLogRecord l) {
      return l.host(LoadBalancerField.CLIENT);
    } else if (r instanceof PublicDnsQueryLogRecord p) {
      return p.resolverIpText();
    } else {
      return null;
    }
    return ip == null ? null : ip.toString();
  }

  /** The evidence of a record. */
  static Evidence evidence(LogRecord r) {
    String id = null;
    if (r instanceof CloudTrailEvent e) {
      id = e.eventID();
    } else if (r instanceof WafLogRecord w) {
      id = w.requestId();
    } else if (r instanceof S3AccessLogRecord s) {
      id = s.requestId();
    } else if (r instanceof LoadBalancerLogRecord l) {
      id = l.traceId();
    }
    return new Evidence(r.source(), id, r.time(), r.provenance());
  }

  /** Renders lazy hits from their record and pinned attribution (see {@link Hit}). */
  private final class HitRenderer implements Hit.Renderer {
    private EvalContext at(Hit h, LogRecord r) {
      rendering = h;
      renderCtx.reset(r);
      return renderCtx;
    }

    @Override
    public String title(Hit h, LogRecord r) {
      return cr(h.rule()).title(at(h, r));
    }

    @Override
    public String suppressKey(Hit h, LogRecord r) {
      CompiledRule cr = cr(h.rule());
      return cr.rule().suppression() == null ? "" : joined(at(h, r), cr.suppressBy(), keys,
          new ArrayList<>());
    }

    @Override
    public @Nullable String principal(Hit h, LogRecord r) {
      return Session.principal(r, attribution(h, r));
    }

    @Override
    public @Nullable String sourceIp(LogRecord r) {
      return Session.sourceIp(r);
    }

    @Override
    public Evidence evidence(LogRecord r) {
      return Session.evidence(r);
    }
  }

  // ---------------------------------------------------------------- checkpoints

  /**
   * The correlation state of this session as bytes, to {@link Engine#restore} after a restart.
   *
   * <p>Format (version {@value #CHECKPOINT_VERSION}, big-endian, strings as int length + UTF-8):
   * magic {@code "CIRS"}; int version; 32-byte SHA-256 of the engine's rule definitions; longs
   * records, findings, evaluations, late, evicted, suppressed, next arrival number, released-up-to
   * time; boolean flushed; int n × (string record type, long newest time) for the watermark; int n
   * × buffered hit; int n × (string eventID, boolean MFA) for console sign-ins; then for each rule
   * in engine order: boolean has-correlator [+ its state], int n × (string key, long time) of its
   * suppression map. Hits hold rule index, arrival number, times (epoch ns), step mask, keys,
   * value, suppression key, title, principal, source IP and evidence (type, event id, time,
   * provenance).
   *
   * <p>Not included: the identity attributor's memory of minted credentials (from cloudir-
   * investigate). After a restore, calls made with credentials minted before the checkpoint are
   * attributed as partial until their minting events are seen again.
   */
  public byte[] checkpoint() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(CHECKPOINT_VERSION);
      out.write(engine.fingerprint());
      for (long v : new long[] {records, findings, evaluations, late, evicted, suppressed, seq,
          releasedUpTo}) {
        out.writeLong(v);
      }
      out.writeBoolean(flushed);
      out.writeInt(newest.size());
      for (Map.Entry<SourceType, long[]> e : newest.entrySet()) {
        StateIo.writeString(out, e.getKey().name());
        out.writeLong(e.getValue()[0]);
      }
      List<Hit> buffered = buffer.sorted();
      out.writeInt(buffered.size());
      for (Hit h : buffered) {
        h.write(out);
      }
      out.writeInt(signInMfa.size());
      for (Map.Entry<String, Boolean> e : signInMfa.entrySet()) {
        StateIo.writeString(out, e.getKey());
        out.writeBoolean(e.getValue());
      }
      for (int i = 0; i < correlators.length; i++) {
        out.writeBoolean(correlators[i] != null);
        if (correlators[i] != null) {
          correlators[i].write(out);
        }
        Map<String, Long> m = suppression.get(i);
        out.writeInt(m.size());
        for (Map.Entry<String, Long> e : m.entrySet()) {
          StateIo.writeString(out, e.getKey());
          out.writeLong(e.getValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  void restore(byte[] data) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a cloudir rules checkpoint");
      }
      int v = in.readInt();
      if (v != CHECKPOINT_VERSION) {
        throw new IllegalArgumentException("checkpoint version " + v + " (this library reads "
            + CHECKPOINT_VERSION + ")");
      }
      byte[] fp = new byte[32];
      in.readFully(fp);
      if (!Arrays.equals(fp, engine.fingerprint())) {
        throw new IllegalArgumentException("the checkpoint was made by an engine with other rules");
      }
      records = in.readLong();
      findings = in.readLong();
      evaluations = in.readLong();
      late = in.readLong();
      evicted = in.readLong();
      suppressed = in.readLong();
      seq = in.readLong();
      releasedUpTo = in.readLong();
      flushed = in.readBoolean();
      int n = StateIo.count(in.readInt());
      for (int i = 0; i < n; i++) {
        SourceType t = SourceType.of(StateIo.readString(in));
        newest.put(t, new long[] {in.readLong(), engine.options().lateness(t).toNanos()});
      }
      watermark = computeWatermark();
      n = StateIo.count(in.readInt());
      buffer = new HitBuffer();
      for (int i = 0; i < n; i++) {
        Hit h = Hit.read(in);
        if (h.rule() < 0 || h.rule() >= correlators.length || correlators[h.rule()] == null) {
          throw new IOException("hit of a rule without correlation");
        }
        buffer.add(h);
      }
      n = StateIo.count(in.readInt());
      for (int i = 0; i < n; i++) {
        signInMfa.put(StateIo.readString(in), in.readBoolean());
      }
      for (int i = 0; i < correlators.length; i++) {
        boolean has = in.readBoolean();
        if (has != (correlators[i] != null)) {
          throw new IOException("correlation state does not fit rule " + i);
        }
        if (has) {
          correlators[i].read(in);
        }
        n = StateIo.count(in.readInt());
        Map<String, Long> m = suppression.get(i);
        if (n > 0 && cr(i).rule().suppression() == null) {
          throw new IOException("suppression state for a rule without suppression");
        }
        for (int j = 0; j < n; j++) {
          m.put(StateIo.readString(in), in.readLong());
        }
      }
      if (in.read() != -1) {
        throw new IOException("trailing bytes");
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("corrupt checkpoint: " + e.getMessage(), e);
    }
  }

  private CompiledRule cr(int i) {
    return engine.compiled().get(i);
  }
}
