package io.cloudir.rules;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a rule correlates the records its detection selects, on event time: a {@link
 * Kind#THRESHOLD} (count, distinct count or sum per group within a sliding window), a {@link
 * Kind#NEW_TERM} (a value never seen before for a key), or a {@link Kind#SEQUENCE} (ordered steps
 * sharing a key within a span, with absence steps; steps may read different record types, which
 * makes chained correlations across sources).
 *
 * <p>Records are correlated in (time, provenance) order once the session's watermark has passed
 * them (see {@link EngineOptions#lateness}); flow records take part with their whole {@code
 * [start, end]} window: a flow record matches a sequence step when its window overlaps the step's
 * allowed span, and it is ordered by its end. State is bounded by {@link #maxKeys()} keys per rule
 * (the least recently updated key is evicted and the eviction counted in {@link SessionStats}).
 *
 * <p>A {@link Kind#TRAVEL} correlation (impossible travel) compares each selected record with the
 * previous one of the same key (by default the attributed principal): from the coordinates the
 * engine's IP enricher gives for both source addresses, the great-circle distance less both
 * accuracy radii divided by the time between them must not exceed {@link #maxSpeedKmh()} (and
 * distances below {@link #minDistanceKm()} never count); when a side has only a country, a change
 * of country within {@link #countryWindow()} counts instead. Without an enricher it never fires.
 *
 * <p>Records without a time (a CloudTrail event without a valid {@code eventTime}) take no part
 * in correlations.
 *
 * <p>Immutable and thread-safe. Build with {@link #threshold()}, {@link #newTerm()}, {@link
 * #sequence()} or {@link #travel()}.
 */
public final class Correlation {
  /** The default bound on keys held per rule. */
  public static final int DEFAULT_MAX_KEYS = 100_000;
  /** The default fastest plausible travel of a {@link Kind#TRAVEL} correlation: 1000 km/h. */
  public static final double DEFAULT_MAX_SPEED_KMH = 1000;
  /** The default shortest distance a {@link Kind#TRAVEL} correlation reports: 500 km. */
  public static final double DEFAULT_MIN_DISTANCE_KM = 500;
  /** The default country-level window of a {@link Kind#TRAVEL} correlation: one hour. */
  public static final Duration DEFAULT_COUNTRY_WINDOW = Duration.ofHours(1);

  /** The kind of correlation. */
  public enum Kind {
    /** Count / distinct count / sum per group within a window. */
    THRESHOLD,
    /** First time a value is seen for a key. */
    NEW_TERM,
    /** Ordered steps by key within a span. */
    SEQUENCE,
    /** Consecutive records of a key from places too far apart for the time between them. */
    TRAVEL
  }

  /** What a threshold adds up. */
  public enum Aggregate {
    /** The number of matching records. */
    COUNT,
    /** The number of distinct values of a field. */
    DISTINCT,
    /** The sum of a numeric field. */
    SUM
  }

  /**
   * One step of a sequence: the selection an event must satisfy, the field whose value is the
   * sequence key (compared as text, case-insensitively; CIDR texts of a single address such as
   * {@code 198.51.100.7/32} compare equal to the address), and whether the step is an absence (no
   * such event with the key may occur: between the surrounding steps, or — for a last step —
   * within the span after the first step).
   *
   * @param selection the selection name
   * @param key the key field path
   * @param absent whether this is an absence step
   */
  public record Step(String selection, String key, boolean absent) {
    /** Checks the parts. */
    public Step {
      Objects.requireNonNull(selection, "selection");
      Objects.requireNonNull(key, "key");
    }
  }

  private final Kind kind;
  private final List<String> groupBy;
  private final Duration window;
  private final Aggregate aggregate;
  private final @Nullable String field;
  private final BigDecimal threshold;
  private final List<String> terms;
  private final Duration learn;
  private final List<Step> steps;
  private final int maxKeys;
  private final double maxSpeedKmh;
  private final double minDistanceKm;
  private final Duration countryWindow;

  private Correlation(Builder b) {
    this.kind = b.kind;
    this.groupBy = List.copyOf(b.groupBy);
    this.window = b.window;
    this.aggregate = b.aggregate;
    this.field = b.field;
    this.threshold = b.threshold;
    this.terms = List.copyOf(b.terms);
    this.learn = b.learn;
    this.steps = List.copyOf(b.steps);
    this.maxKeys = b.maxKeys;
    this.maxSpeedKmh = b.maxSpeedKmh;
    this.minDistanceKm = b.minDistanceKm;
    this.countryWindow = b.countryWindow;
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a correlation window must be positive");
    }
    switch (kind) {
      case THRESHOLD -> {
        if (aggregate != Aggregate.COUNT && field == null) {
          throw new IllegalArgumentException(aggregate + " needs a field");
        }
        if (threshold.signum() <= 0) {
          throw new IllegalArgumentException("a threshold must be positive");
        }
      }
      case NEW_TERM -> {
        if (terms.isEmpty()) {
          throw new IllegalArgumentException("a new-term correlation needs at least one term field");
        }
      }
      case SEQUENCE -> {
        if (steps.stream().filter(s -> !s.absent()).count() < 1 || steps.get(0).absent()) {
          throw new IllegalArgumentException("a sequence starts with a present step");
        }
        if (steps.size() < 2 || steps.size() > 16) {
          throw new IllegalArgumentException("a sequence has 2 to 16 steps");
        }
      }
      case TRAVEL -> {
        if (!(maxSpeedKmh > 0) || Double.isInfinite(maxSpeedKmh)) {
          throw new IllegalArgumentException("maxSpeed must be a positive number of km/h");
        }
        if (!(minDistanceKm >= 0) || Double.isInfinite(minDistanceKm)) {
          throw new IllegalArgumentException("minDistance must be a non-negative number of km");
        }
        if (countryWindow.isNegative()) {
          throw new IllegalArgumentException("countryWindow must not be negative");
        }
      }
    }
  }

  /** A threshold: matching records per group within a sliding window. */
  public static Builder threshold() {
    return new Builder(Kind.THRESHOLD);
  }

  /** A new-term correlation: the first value of the term fields seen per group. */
  public static Builder newTerm() {
    return new Builder(Kind.NEW_TERM);
  }

  /** A sequence of steps within a span. */
  public static Builder sequence() {
    return new Builder(Kind.SEQUENCE);
  }

  /**
   * Impossible travel: consecutive records of a key (default: the attributed principal; else the
   * {@code groupBy} fields) from places too far apart for the time between them.
   */
  public static Builder travel() {
    return new Builder(Kind.TRAVEL);
  }

  /** The kind. */
  public Kind kind() {
    return kind;
  }

  /**
   * Group-by field paths (threshold, new term; travel, where empty means the attributed
   * principal); empty for one group.
   */
  public List<String> groupBy() {
    return groupBy;
  }

  /**
   * The window (threshold, default one hour) or span (sequence, default one hour); for new terms,
   * how long a term is remembered (default 365 days); for travel, how long the previous record of
   * a key is kept to compare with (default 24 hours).
   */
  public Duration window() {
    return window;
  }

  /** What a threshold adds up. */
  public Aggregate aggregate() {
    return aggregate;
  }

  /** The field of a distinct count or sum, or {@code null}. */
  public @Nullable String field() {
    return field;
  }

  /** The threshold's limit: a finding when the aggregate reaches it (greater or equal). */
  public BigDecimal limit() {
    return threshold;
  }

  /** The term fields of a new-term correlation. */
  public List<String> terms() {
    return terms;
  }

  /** The learning period of a new-term correlation (no finding before the stream is this old). */
  public Duration learn() {
    return learn;
  }

  /** The steps of a sequence. */
  public List<Step> steps() {
    return steps;
  }

  /** The most keys held for this rule. */
  public int maxKeys() {
    return maxKeys;
  }

  /** Travel: the fastest plausible speed in km/h (default {@value #DEFAULT_MAX_SPEED_KMH}). */
  public double maxSpeedKmh() {
    return maxSpeedKmh;
  }

  /**
   * Travel: distances (less the accuracy radii) below this many km never count (default {@value
   * #DEFAULT_MIN_DISTANCE_KM}), so that nearby cities and imprecise databases stay quiet.
   */
  public double minDistanceKm() {
    return minDistanceKm;
  }

  /**
   * Travel: when a side has only a country, a change of country within this time counts (default
   * one hour).
   */
  public Duration countryWindow() {
    return countryWindow;
  }

  @Override
  public String toString() {
    return kind + "[window=" + window + ", groupBy=" + groupBy + ", aggregate=" + aggregate
        + ", field=" + field + ", limit=" + threshold.toPlainString() + ", terms=" + terms
        + ", learn=" + learn + ", steps=" + steps + ", maxKeys=" + maxKeys
        + (kind == Kind.TRAVEL ? ", maxSpeedKmh=" + maxSpeedKmh + ", minDistanceKm="
            + minDistanceKm + ", countryWindow=" + countryWindow : "") + "]";
  }

  /** Builds a {@link Correlation}. Not thread-safe. */
  public static final class Builder {
    private final Kind kind;
    private final List<String> groupBy = new ArrayList<>();
    private Duration window;
    private Aggregate aggregate = Aggregate.COUNT;
    private @Nullable String field;
    private BigDecimal threshold = BigDecimal.ONE;
    private final List<String> terms = new ArrayList<>();
    private Duration learn = Duration.ZERO;
    private final List<Step> steps = new ArrayList<>();
    private int maxKeys = DEFAULT_MAX_KEYS;
    private double maxSpeedKmh = DEFAULT_MAX_SPEED_KMH;
    private double minDistanceKm = DEFAULT_MIN_DISTANCE_KM;
    private Duration countryWindow = DEFAULT_COUNTRY_WINDOW;

    private Builder(Kind kind) {
      this.kind = kind;
      this.window = switch (kind) {
        case NEW_TERM -> Duration.ofDays(365);
        case TRAVEL -> Duration.ofHours(24);
        default -> Duration.ofHours(1);
      };
    }

    /** Travel: the fastest plausible speed in km/h. */
    public Builder maxSpeed(double kmh) {
      this.maxSpeedKmh = kmh;
      return this;
    }

    /** Travel: the shortest distance (km, less the accuracy radii) that counts. */
    public Builder minDistance(double km) {
      this.minDistanceKm = km;
      return this;
    }

    /** Travel: the window of the country-level fallback. */
    public Builder countryWindow(Duration d) {
      this.countryWindow = Objects.requireNonNull(d);
      return this;
    }

    /** Group-by field paths. */
    public Builder groupBy(String... fields) {
      groupBy.addAll(List.of(fields));
      return this;
    }

    /** The window / span (default one hour). */
    public Builder window(Duration d) {
      this.window = Objects.requireNonNull(d);
      return this;
    }

    /** Threshold: at least {@code n} matching records. */
    public Builder count(long n) {
      this.aggregate = Aggregate.COUNT;
      this.field = null;
      this.threshold = BigDecimal.valueOf(n);
      return this;
    }

    /** Threshold: at least {@code n} distinct values of {@code f}. */
    public Builder distinct(String f, long n) {
      this.aggregate = Aggregate.DISTINCT;
      this.field = Objects.requireNonNull(f);
      this.threshold = BigDecimal.valueOf(n);
      return this;
    }

    /** Threshold: the values of {@code f} add up to at least {@code total}. */
    public Builder sum(String f, BigDecimal total) {
      this.aggregate = Aggregate.SUM;
      this.field = Objects.requireNonNull(f);
      this.threshold = Objects.requireNonNull(total);
      return this;
    }

    /** New term: the term field paths. */
    public Builder terms(String... fields) {
      terms.addAll(List.of(fields));
      return this;
    }

    /** New term: no finding until the stream (event time) is this old. */
    public Builder learn(Duration d) {
      this.learn = Objects.requireNonNull(d);
      return this;
    }

    /** Sequence: a step that must occur. */
    public Builder step(String selection, String keyField) {
      steps.add(new Step(selection, keyField, false));
      return this;
    }

    /** Sequence: an absence step. */
    public Builder absent(String selection, String keyField) {
      steps.add(new Step(selection, keyField, true));
      return this;
    }

    /** The most keys held (default {@link Correlation#DEFAULT_MAX_KEYS}). */
    public Builder maxKeys(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("maxKeys must be positive");
      }
      this.maxKeys = n;
      return this;
    }

    /**
     * The correlation.
     *
     * @throws IllegalArgumentException if the parts do not fit the kind
     */
    public Correlation build() {
      return new Correlation(this);
    }
  }
}
