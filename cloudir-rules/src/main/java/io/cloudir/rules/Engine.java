package io.cloudir.rules;

import io.cloudir.model.SourceType;
import io.cloudir.rules.internal.CompiledRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A compiled set of rules: every field path checked, every matcher built, and an index that
 * routes each record to the rules that can fire on it — by record type, and for CloudTrail by
 * {@code eventName} and {@code eventSource} (declared in the rule's log source, or inferred from
 * its condition). Records are evaluated in {@link Session}s.
 *
 * <pre>{@code
 * Engine engine = Engine.compile(RuleLoader.load(Path.of("rules")));
 * try (RecordStream records = LogReader.create().open(Path.of("logs"))) {
 *   Session s = engine.newSession(f -> System.out.println(f.toJson()));
 *   s.acceptAll(records);
 *   s.flush();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: share one engine between threads, with one session per stream.
 */
public final class Engine {
  private final List<Rule> rules;
  private final List<CompiledRule> compiled;
  private final Map<SourceType, List<CompiledRule>> byType = new HashMap<>();
  /** CloudTrail rules by lower-case event name, each list in rule order. */
  private final Map<String, List<CompiledRule>> byEventName = new HashMap<>();
  private final List<CompiledRule> anyEventName = new ArrayList<>();
  /** Every CloudTrail rule, in rule order (the reference path's candidates). */
  private final List<CompiledRule> allCloudTrail = new ArrayList<>();
  /** False for the reference path: no routing, every rule of the record's type is evaluated. */
  private final boolean routed;
  /** Lower-case event sources that rules require, numbered for {@link Route#sources}. */
  private final Map<String, Integer> sourceIds = new HashMap<>();
  /** {@link #byEventName} as routes. */
  private final Map<String, Route> routes = new HashMap<>();
  private final Route anyRoute;
  private final Route allRoute;
  private final Map<SourceType, Route> typeRoutes = new HashMap<>();
  private static final Route NO_ROUTE = new Route(new CompiledRule[0], new long[0][]);
  private final EngineOptions options;
  private final boolean correlates;
  private final byte[] fingerprint;

  private Engine(List<Rule> rules, EngineOptions options, boolean routed) {
    this.rules = List.copyOf(rules);
    this.options = options;
    this.routed = routed;
    List<CompiledRule> c = new ArrayList<>();
    Map<String, Integer> sharedSelections = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (Rule r : this.rules) {
      if (!ids.add(r.id())) {
        throw new RuleException(r.location() != null ? r.location()
            : new io.cloudir.model.Location("rule " + r.id(), -1, -1, null),
            "duplicate rule id '" + r.id() + "'");
      }
      c.add(new CompiledRule(r, c.size(), !routed, routed ? sharedSelections : null));
    }
    this.compiled = List.copyOf(c);
    this.correlates = rules.stream().anyMatch(r -> r.correlation() != null);
    this.fingerprint = fingerprint(this.rules);
    for (CompiledRule cr : compiled) {
      for (SourceType t : cr.types()) {
        if (t.equals(SourceType.CLOUDTRAIL)) {
          allCloudTrail.add(cr);
          Set<String> names = cr.eventNames();
          if (names == null) {
            anyEventName.add(cr);
          } else {
            for (String n : names) {
              byEventName.computeIfAbsent(n, k -> new ArrayList<>()).add(cr);
            }
          }
        } else {
          byType.computeIfAbsent(t, k -> new ArrayList<>()).add(cr);
        }
      }
    }
    // every named list also holds the rules for any name, in rule order
    for (Map.Entry<String, List<CompiledRule>> e : byEventName.entrySet()) {
      List<CompiledRule> merged = new ArrayList<>(e.getValue());
      merged.addAll(anyEventName);
      merged.sort((a, b) -> Integer.compare(a.index(), b.index()));
      e.setValue(List.copyOf(merged));
    }
    for (CompiledRule cr : allCloudTrail) {
      Set<String> sources = cr.eventSources();
      if (sources != null) {
        for (String src : sources) {
          sourceIds.putIfAbsent(src, sourceIds.size());
        }
      }
    }
    for (Map.Entry<String, List<CompiledRule>> e : byEventName.entrySet()) {
      routes.put(e.getKey(), route(e.getValue(), routed));
    }
    this.anyRoute = route(anyEventName, routed);
    this.allRoute = route(allCloudTrail, false);
    for (Map.Entry<SourceType, List<CompiledRule>> e : byType.entrySet()) {
      typeRoutes.put(e.getKey(), route(e.getValue(), false));
    }
  }

  /**
   * The rules a record is routed to, in rule order, as an array, each with the event sources it
   * admits as a bit set of {@link #sourceId}s (null: any source, or not filtered by source).
   * Immutable once built.
   */
  static final class Route {
    final CompiledRule[] rules;
    final long[][] sources; // an element is null for a rule admitting any source

    Route(CompiledRule[] rules, long[][] sources) {
      this.rules = rules;
      this.sources = sources;
    }
  }

  private Route route(List<CompiledRule> rules, boolean bySource) {
    CompiledRule[] a = rules.toArray(new CompiledRule[0]);
    long[][] sources = new long[a.length][];
    for (int i = 0; i < a.length; i++) {
      Set<String> s = bySource ? a[i].eventSources() : null;
      if (s != null) {
        long[] bits = new long[(sourceIds.size() + 63) >>> 6];
        for (String src : s) {
          int id = sourceId(src);
          bits[id >>> 6] |= 1L << id;
        }
        sources[i] = bits;
      }
    }
    return new Route(a, sources);
  }

  /**
   * The route of a CloudTrail event with this lower-case name: its rules, each admitting only
   * the event sources of its bit set. Every rule of the route can fire on the name (the rules for
   * any name are in every route), so the name needs no test of its own. The reference path's
   * route holds every CloudTrail rule, unfiltered.
   */
  Route cloudTrailRoute(String eventName) {
    if (!routed) {
      return allRoute;
    }
    Route r = routes.get(eventName);
    return r != null ? r : anyRoute;
  }

  /** The route of a record of a non-CloudTrail type (its rules, unfiltered). */
  Route route(SourceType t) {
    Route r = typeRoutes.get(t);
    return r != null ? r : NO_ROUTE;
  }

  /** The id of a lower-case event source in the routes' bit sets, or -1 when no rule names it. */
  int sourceId(String eventSource) {
    Integer id = sourceIds.get(eventSource);
    return id == null ? -1 : id;
  }

  /**
   * Compiles rules.
   *
   * @throws RuleException for the first rule that does not compile (with its file and line), or
   *     a duplicate rule id
   */
  public static Engine compile(Collection<Rule> rules) {
    return new Engine(new ArrayList<>(rules), EngineOptions.defaults(), true);
  }

  /**
   * The reference path, for tests: an engine that routes nothing — every rule reading the
   * record's type is evaluated on every record. Its findings must equal the routed engine's.
   */
  static Engine compileUnrouted(Collection<Rule> rules, EngineOptions options) {
    return new Engine(new ArrayList<>(rules), options, false);
  }

  /**
   * Compiles rules with options (allowed lateness per record type, buffer bound).
   *
   * @throws RuleException for the first rule that does not compile, or a duplicate rule id
   */
  public static Engine compile(Collection<Rule> rules, EngineOptions options) {
    return new Engine(new ArrayList<>(rules), java.util.Objects.requireNonNull(options), true);
  }

  /** The options. */
  public EngineOptions options() {
    return options;
  }

  /**
   * A session restored from a {@link Session#checkpoint()} of a session of an engine with the
   * same rules; its findings go to {@code sink}. The restored session continues exactly where the
   * checkpointed one stopped (correlation state, watermark, buffered records, suppression,
   * counters); identity attribution starts afresh (see {@link Session#checkpoint()}).
   *
   * @throws IllegalArgumentException if the bytes are not a checkpoint of this format version or
   *     were made by an engine with other rules
   */
  public Session restore(byte[] checkpoint, Consumer<Finding> sink) {
    Session s = new Session(this, sink);
    s.restore(checkpoint);
    return s;
  }

  private static byte[] fingerprint(List<Rule> rules) {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      for (Rule r : rules) {
        String d = r.id() + "\n" + r.selections() + "\n" + r.condition() + "\n" + r.correlation()
            + "\n" + r.suppression() + "\n" + r.logSource() + "\n";
        md.update(d.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return md.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The SHA-256 of the rules' definitions (checkpoints carry it). */
  byte[] fingerprint() {
    return fingerprint.clone();
  }

  /** Whether any rule correlates (sessions then keep a watermark and a buffer). */
  boolean correlates() {
    return correlates;
  }

  /** The rules, in the order given. */
  public List<Rule> rules() {
    return rules;
  }

  /**
   * A new session whose findings go to {@code sink}, called on the thread that feeds the
   * session.
   */
  public Session newSession(Consumer<Finding> sink) {
    return new Session(this, sink);
  }

  /**
   * The rules that can fire on a CloudTrail event with this lower-case name (for its
   * eventSource).
   */
  List<CompiledRule> cloudTrailCandidates(String eventName) {
    if (!routed) {
      return allCloudTrail;
    }
    List<CompiledRule> l = byEventName.get(eventName);
    return l != null ? l : anyEventName;
  }

  /** The rules that read records of a non-CloudTrail type. */
  List<CompiledRule> candidates(SourceType t) {
    List<CompiledRule> l = byType.get(t);
    return l != null ? l : List.of();
  }

  /** Whether records are routed (false only for the reference path). */
  boolean routed() {
    return routed;
  }

  /** The compiled rules, in order. */
  List<CompiledRule> compiled() {
    return compiled;
  }

  @Override
  public String toString() {
    return "Engine[" + rules.size() + " rules]";
  }
}
