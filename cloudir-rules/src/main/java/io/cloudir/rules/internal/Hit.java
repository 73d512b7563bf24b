package io.cloudir.rules.internal;

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
import org.jspecify.annotations.Nullable;

/**
 * A record selected by a correlation rule, reduced to what the correlation needs: times, keys,
 * value, the rendered title, principal, source IP and evidence. Immutable.
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
public record Hit(int rule, long seq, long time, long end, int mask, List<List<String>> keys,
    String value, String suppressKey, String title, @Nullable String principal,
    @Nullable String sourceIp, Evidence evidence) {

  /** The time of a record that has none: ordered first. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /** Correlation order: end of window, then provenance, then arrival. */
  public static final Comparator<Hit> ORDER = (a, b) -> {
    int c = Long.compare(a.end, b.end);
    if (c == 0) {
      Provenance pa = a.evidence.provenance();
      Provenance pb = b.evidence.provenance();
      // same source (usually the same String instance): order by offset, as compareTo would
      c = pa.source() == pb.source() ? Long.compare(pa.offset(), pb.offset()) : pa.compareTo(pb);
    }
    return c != 0 ? c : Long.compare(a.seq, b.seq);
  };

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

  /** Writes this hit. */
  public void write(DataOutput out) throws IOException {
    out.writeInt(rule);
    out.writeLong(seq);
    out.writeLong(time);
    out.writeLong(end);
    out.writeInt(mask);
    out.writeInt(keys.size());
    for (List<String> k : keys) {
      out.writeInt(k.size());
      for (String s : k) {
        StateIo.writeString(out, s);
      }
    }
    StateIo.writeString(out, value);
    StateIo.writeString(out, suppressKey);
    StateIo.writeString(out, title);
    StateIo.writeNullable(out, principal);
    StateIo.writeNullable(out, sourceIp);
    StateIo.writeString(out, evidence.source().name());
    StateIo.writeNullable(out, evidence.eventId());
    out.writeLong(nanos(evidence.time()));
    Provenance p = evidence.provenance();
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
}
