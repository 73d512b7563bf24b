package io.cloudir.rules.internal;

import io.cloudir.investigate.Attribution;
import io.cloudir.model.LogRecord;
import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.rules.Evidence;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A record selected by a correlation rule, reduced to what the correlation needs — times, keys,
 * value — plus what a finding made of it shows: the rendered title, suppression key, principal,
 * source IP and evidence.
 *
 * <p>A hit is either <b>materialised</b> (those five are strings, as read from a checkpoint or
 * made eagerly) or <b>lazy</b>: it keeps its record and a {@link Renderer} and renders each of
 * them only when asked, which is when a finding is actually emitted (most hits never are). What
 * makes the lazy form give exactly what an eager rendering at the time of the hit gives:
 *
 * <ul>
 *   <li>The record does not change: a {@link LogRecord} is immutable (readers hand out events that
 *       own or share bytes that never change, never their reusable cursors), so keeping the
 *       reference keeps its values. It also keeps the record's byte block reachable, so the
 *       session materialises a live lazy hit after a bounded number of records and drops the
 *       record ({@link #materialize()}).
 *   <li>What the rendering reads besides the record is fixed when the hit is made: the
 *       attribution (its identity at the origin) is {@link #pin pinned} before the session's
 *       attributor learns anything new, and templates that read other session state (the
 *       sign-in MFA memory) are rendered eagerly by the session.
 * </ul>
 *
 * <p>Not thread-safe (owned by a session); a materialised hit is immutable.
 */
public final class Hit {
  /** The time of a record that has none: ordered first. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /** Renders the parts of a lazy hit from its record (implemented by the session). */
  public interface Renderer {
    /** The rendered title. */
    String title(Hit h, LogRecord r);

    /** The suppression key, or "". */
    String suppressKey(Hit h, LogRecord r);

    /** The attributed principal, or null. */
    @Nullable String principal(Hit h, LogRecord r);

    /** The source IP, or null. */
    @Nullable String sourceIp(LogRecord r);

    /** The record's evidence. */
    Evidence evidence(LogRecord r);
  }

  /** Correlation order: end of window, then provenance, then arrival. */
  public static final Comparator<Hit> ORDER = (a, b) -> {
    int c = Long.compare(a.end, b.end);
    if (c == 0) {
      Provenance pa = a.provenance();
      Provenance pb = b.provenance();
      // same source (usually the same String instance): order by offset, as compareTo would
      c = pa.source() == pb.source() ? Long.compare(pa.offset(), pb.offset()) : pa.compareTo(pb);
    }
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  };

  private final int rule;
  private final long seq;
  private final long time;
  private final long end;
  private final int mask;
  /** Null for a hit with one group key: {@link #keys()} makes the list when asked. */
  private final @Nullable List<List<String>> keys;
  private final String value;
  /** The group key ({@code keys[0][0]}, "" when none) and its hash. */
  private final String key;
  private final int keyHash;
  private final Provenance provenance;
  /** The record's type (what the evidence of a hit released unrendered says). */
  private final SourceType type;
  /** The session's record count when the hit was made (for the bound on kept records). */
  private final long arrival;
  private @Nullable LogRecord record;
  private @Nullable Renderer renderer;
  private @Nullable Attribution attribution;
  private boolean pinned;
  private boolean dead;
  private @Nullable String title;
  private @Nullable String suppressKey;
  private @Nullable String principal;
  private boolean principalKnown;
  private @Nullable String sourceIp;
  private boolean sourceIpKnown;
  private @Nullable Evidence evidence;

  /**
   * A materialised hit.
   *
   * @param rule the rule's index in the engine
   * @param seq arrival number (last tie-breaker)
   * @param time event time in epoch nanoseconds ({@link #NO_TIME} when absent)
   * @param end end of the record's window (flow records), else {@code time}
   * @param mask bit i: sequence step i's selection holds (1 for other kinds)
   * @param keys per step (sequence) or one entry (group key), normalised key values
   * @param value the distinct / sum value or the new term ("" when none)
   * @param suppressKey the suppression key, or ""
   * @param title the rendered title
   * @param principal the attributed principal, or null
   * @param sourceIp the source IP, or null
   * @param evidence the record's evidence
   */
  public Hit(int rule, long seq, long time, long end, int mask, List<List<String>> keys,
      String value, String suppressKey, String title, @Nullable String principal,
      @Nullable String sourceIp, Evidence evidence) {
    this(rule, seq, time, end, mask, keys, null, value, evidence.source(), evidence.provenance(), -1,
        null, null);
    this.suppressKey = suppressKey;
    this.title = title;
    this.principal = principal;
    this.principalKnown = true;
    this.sourceIp = sourceIp;
    this.sourceIpKnown = true;
    this.evidence = evidence;
  }

  private Hit(int rule, long seq, long time, long end, int mask,
      @Nullable List<List<String>> keys, @Nullable String key, String value, SourceType type, Provenance provenance, long arrival, @Nullable LogRecord record,
      @Nullable Renderer renderer) {
    this.rule = rule;
    this.seq = seq;
    this.time = time;
    this.end = end;
    this.mask = mask;
    this.keys = keys;
    this.value = value;
    List<String> k0 = keys == null || keys.isEmpty() ? List.of() : keys.get(0);
    this.key = keys == null ? Objects.requireNonNull(key) : k0.isEmpty() ? "" : k0.get(0);
    // taken now, while the key is hot: correlators look it up much later
    this.keyHash = this.key.hashCode();
    this.type = type;
    this.provenance = provenance;
    this.arrival = arrival;
    this.record = record;
    this.renderer = renderer;
  }

  /**
   * A lazy hit of a record (see the class comment for why keeping {@code record} is sound).
   *
   * @param arrival the session's record count now
   */
  public static Hit lazy(int rule, long seq, long time, long end, int mask,
      List<List<String>> keys, String value, LogRecord record, long arrival, Renderer renderer) {
    return new Hit(rule, seq, time, end, mask, keys, null, value, record.source(),
        record.provenance(), arrival, record, renderer);
  }

  /**
   * A lazy hit with one group key and step mask 1 (what every correlation but a sequence makes):
   * {@link #keys()} is {@code [[key]]}.
   */
  public static Hit lazy(int rule, long seq, long time, long end, String key, String value,
      LogRecord record, long arrival, Renderer renderer) {
    return new Hit(rule, seq, time, end, 1, null, key, value, record.source(),
        record.provenance(), arrival, record, renderer);
  }

  /** The rule's index in the engine. */
  public int rule() {
    return rule;
  }

  /** Arrival number (last tie-breaker). */
  public long seq() {
    return seq;
  }

  /** Event time in epoch nanoseconds, or {@link #NO_TIME}. */
  public long time() {
    return time;
  }

  /** End of the record's window (flow records), else {@link #time()}. */
  public long end() {
    return end;
  }

  /** Bit i: sequence step i's selection holds (1 for other kinds). */
  public int mask() {
    return mask;
  }

  /** Per step (sequence) or one entry (group key): normalised key values. */
  public List<List<String>> keys() {
    List<List<String>> k = keys;
    return k != null ? k : List.of(List.of(key));
  }

  /** The distinct / sum value or the new term ("" when none). */
  public String value() {
    return value;
  }

  /** The group key: the first value of the first key list ("" when none). */
  public String key() {
    return key;
  }

  /** {@link String#hashCode()} of {@link #key()}. */
  public int keyHash() {
    return keyHash;
  }

  /** Where the record was read. */
  public Provenance provenance() {
    return provenance;
  }

  /** The session's record count when this lazy hit was made (-1 when materialised). */
  public long arrival() {
    return arrival;
  }

  /** Whether the hit still keeps its record (renders lazily). */
  public boolean isLazy() {
    return record != null;
  }

  /** Whether the attribution of a lazy hit is fixed. */
  public boolean isPinned() {
    return pinned;
  }

  /** Fixes the attribution this lazy hit renders with (null: the record has none). */
  public void pin(@Nullable Attribution a) {
    attribution = a;
    pinned = true;
  }

  /** The pinned attribution (see {@link #isPinned()}). */
  public @Nullable Attribution attribution() {
    return attribution;
  }

  /**
   * Tells that no correlation state holds this hit any more and no finding can name it: a lazy
   * hit then needs neither pinning nor materialising, and its record is let go.
   */
  public void release() {
    if (record != null) {
      dead = true;
      record = null;
      renderer = null;
      attribution = null;
    }
  }

  /** Whether the hit was {@link #release released} before it rendered. */
  public boolean isDead() {
    return dead;
  }

  /** The record of a lazy hit, or null once materialised or released. */
  public @Nullable LogRecord lazyRecord() {
    return record;
  }

  private LogRecord record() {
    LogRecord r = record;
    if (r == null) {
      throw new IllegalStateException("a released hit was rendered");
    }
    return r;
  }

  private Renderer renderer() {
    Renderer r = renderer;
    if (r == null) {
      throw new IllegalStateException("a released hit was rendered");
    }
    return r;
  }

  /** The rendered title. */
  public String title() {
    String t = title;
    if (t == null) {
      t = renderer().title(this, record());
      title = t;
    }
    return t;
  }

  /** The suppression key, or "". */
  public String suppressKey() {
    String s = suppressKey;
    if (s == null) {
      s = renderer().suppressKey(this, record());
      suppressKey = s;
    }
    return s;
  }

  /** The attributed principal, or null. */
  public @Nullable String principal() {
    if (!principalKnown) {
      principal = renderer().principal(this, record());
      principalKnown = true;
    }
    return principal;
  }

  /** The source IP, or null. */
  public @Nullable String sourceIp() {
    if (!sourceIpKnown) {
      sourceIp = renderer().sourceIp(record());
      sourceIpKnown = true;
    }
    return sourceIp;
  }

  /** The record's evidence. */
  public Evidence evidence() {
    Evidence e = evidence;
    if (e == null) {
      e = renderer().evidence(record());
      evidence = e;
    }
    return e;
  }

  /** Renders everything still lazy and lets the record go (no-op when materialised). */
  public void materialize() {
    if (record == null) {
      return;
    }
    title();
    suppressKey();
    principal();
    sourceIp();
    evidence();
    record = null;
    renderer = null;
    attribution = null;
  }

  /** Epoch nanoseconds of an instant, or {@link #NO_TIME}. */
  public static long nanos(@Nullable Instant t) {
    if (t == null) {
      return NO_TIME;
    }
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  /** The instant of epoch nanoseconds, or null for {@link #NO_TIME}. */
  public static @Nullable Instant instant(long nanos) {
    return nanos == NO_TIME ? null
        : Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
            Math.floorMod(nanos, 1_000_000_000L));
  }

  /** Writes this hit (materialising it first). */
  public void write(DataOutput out) throws IOException {
    materialize();
    out.writeInt(rule);
    out.writeLong(seq);
    out.writeLong(time);
    out.writeLong(end);
    out.writeInt(mask);
    List<List<String>> ks = keys();
    out.writeInt(ks.size());
    for (List<String> k : ks) {
      out.writeInt(k.size());
      for (String s : k) {
        StateIo.writeString(out, s);
      }
    }
    StateIo.writeString(out, value);
    // materialised, every part is known, except in a hit released before it rendered (one that
    // waits in the session's buffer though no finding can name it): it is written with empty
    // parts, which nothing reads
    String sup = suppressKey;
    String t = title;
    Evidence ev = evidence;
    StateIo.writeString(out, sup == null ? "" : sup);
    StateIo.writeString(out, t == null ? "" : t);
    StateIo.writeNullable(out, principal);
    StateIo.writeNullable(out, sourceIp);
    if (ev == null) {
      ev = new Evidence(type, null, instant(time), provenance);
    }
    StateIo.writeString(out, ev.source().name());
    StateIo.writeNullable(out, ev.eventId());
    out.writeLong(nanos(ev.time()));
    Provenance p = ev.provenance();
    StateIo.writeString(out, p.source());
    out.writeLong(p.offset());
    out.writeLong(p.line());
    StateIo.writeNullable(out, p.versionId());
    StateIo.writeNullable(out, p.etag());
  }

  /** Reads a hit written by {@link #write}. */
  public static Hit read(DataInput in) throws IOException {
    int rule = in.readInt();
    long seq = in.readLong();
    long time = in.readLong();
    long end = in.readLong();
    int mask = in.readInt();
    int n = StateIo.count(in.readInt());
    List<List<String>> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int m = StateIo.count(in.readInt());
      List<String> k = new ArrayList<>();
      for (int j = 0; j < m; j++) {
        k.add(StateIo.readString(in));
      }
      keys.add(List.copyOf(k));
    }
    String value = StateIo.readString(in);
    String sup = StateIo.readString(in);
    String title = StateIo.readString(in);
    String principal = StateIo.readNullable(in);
    String sourceIp = StateIo.readNullable(in);
    SourceType type = SourceType.of(StateIo.readString(in));
    String eventId = StateIo.readNullable(in);
    Instant et = instant(in.readLong());
    String src = StateIo.readString(in);
    long off = in.readLong();
    long line = in.readLong();
    String ver = StateIo.readNullable(in);
    String etag = StateIo.readNullable(in);
    Evidence ev = new Evidence(type, eventId, et, new Provenance(src, off, line, ver, etag));
    return new Hit(rule, seq, time, end, mask, List.copyOf(keys), value, sup, title, principal,
        sourceIp, ev);
  }

  /** Equal when the rule and arrival number are (they name one record's hit in a session). */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Hit h && h.rule == rule && h.seq == seq;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + rule;
  }

  @Override
  public String toString() {
    return "Hit[rule=" + rule + ", seq=" + seq + ", time=" + time + ", provenance=" + provenance
        + "]";
  }
}
