package io.cloudir.rules.internal;

import io.cloudir.investigate.IpEnricher;
import io.cloudir.investigate.enrich.DetailedIpEnricher;
import io.cloudir.investigate.enrich.IpDetails;
import io.cloudir.model.net.IpAddress;
import io.cloudir.investigate.Attribution;
import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The record being evaluated and what is derived from it on demand: the attribution of a
 * CloudTrail event, and the values of every field path read so far, each read once per record
 * however many rules test it. One per session, reused record after record (a record view may be
 * reused by its reader once the session returns, so nothing read from it outlives the next
 * {@link #reset}); not thread-safe.
 */
public final class EvalContext {
  private final Function<CloudTrailEvent, Attribution> attributor;
  private final SignInMfa signInMfa;
  private final @Nullable IpEnricher ipEnricher;
  private @Nullable LogRecord record;
  private @Nullable Attribution attribution;
  /** Incremented by {@link #reset}: a cached value of an older generation is stale. */
  private long generation = 1;
  /** Per field slot: the generation its values were read in (0: never). */
  private long[] slotGeneration = new long[0];
  /** Per field slot: its values for the record of {@link #slotGeneration}. */
  private @Nullable List<Object>[] slotValues = newLists(0);

  /**
   * A context.
   *
   * @param attributor resolves the attribution of an event
   * @param signInMfa whether the sign-in with this event id used MFA (null when unknown)
   * @param ipEnricher facts about addresses for {@code geo.*} fields, or null
   */
  public EvalContext(Function<CloudTrailEvent, Attribution> attributor,
      SignInMfa signInMfa, @Nullable IpEnricher ipEnricher) {
    this.attributor = attributor;
    this.signInMfa = signInMfa;
    this.ipEnricher = ipEnricher;
  }

  /** What the enricher knows about an address, or null (no enricher, or nothing known). */
  public IpEnricher.@Nullable Info ipInfo(@Nullable IpAddress ip) {
    IpEnricher e = ipEnricher;
    return e == null || ip == null ? null : e.lookup(ip);
  }

  /**
   * Everything the enricher knows about an address (coordinates and city only from a {@link
   * DetailedIpEnricher}), or null (no enricher, or nothing known).
   */
  // NullAway does not read the type-use @Nullable of IpDetails' components from its class file
  @SuppressWarnings("NullAway")
  public @Nullable IpDetails ipDetails(@Nullable IpAddress ip) {
    IpEnricher e = ipEnricher;
    if (e == null || ip == null) {
      return null;
    }
    if (e instanceof DetailedIpEnricher d) {
      return d.details(ip);
    }
    IpEnricher.Info i = e.lookup(ip);
    return i == null ? null
        : new IpDetails(i.asn(), i.asOrganization(), i.country(), null, null, -1, java.util.List.of());
  }

  /** A number that changes with every {@link #reset} (what is cached per record is keyed by it). */
  public long generation() {
    return generation;
  }

  /** Moves to the next record (forgets everything read from the previous one). */
  public void reset(LogRecord r) {
    this.record = r;
    this.attribution = null;
    this.generation++;
  }

  private @Nullable ValueMemo valueMemo;

  /** The memo of costly tests' answers by value (see {@link ValueMemo}), made on first use. */
  ValueMemo valueMemo() {
    ValueMemo m = valueMemo;
    if (m == null) {
      m = new ValueMemo();
      valueMemo = m;
    }
    return m;
  }

  private byte[] memo = new byte[16];
  /** Per raw CloudTrail string field: the generation its span is for, and the span. */
  private long[] rawGeneration = new long[0];
  private long[] rawSpans = new long[0];

  /** {@link FieldPaths.RawString#plainSpan} of the current record, computed once per record. */
  long rawSpan(int id, FieldPaths.RawString raw, io.cloudir.model.cloudtrail.CloudTrailEvent e) {
    if (id >= rawGeneration.length) {
      int n = Math.max(id + 1, 2 * rawGeneration.length);
      rawGeneration = java.util.Arrays.copyOf(rawGeneration, n);
      rawSpans = java.util.Arrays.copyOf(rawSpans, n);
    }
    if (rawGeneration[id] == generation) {
      return rawSpans[id];
    }
    long sp = raw.computePlainSpan(e);
    rawGeneration[id] = generation;
    rawSpans[id] = sp;
    return sp;
  }
  /** Per shared selection slot: the generation its result is for, and the result (1 / 2). */
  private long[] selectionGeneration = new long[0];
  private byte[] selectionResult = new byte[0];

  /**
   * The result of the shared selection {@code slot} for the current record (1 holds, 2 does
   * not), or 0 when it was not evaluated yet (see {@link CompiledRule}).
   */
  byte sharedSelection(int slot) {
    return slot < selectionGeneration.length && selectionGeneration[slot] == generation
        ? selectionResult[slot] : 0;
  }

  /** Remembers the result of a shared selection for the current record. */
  void shareSelection(int slot, byte result) {
    if (slot >= selectionGeneration.length) {
      int n = Math.max(slot + 1, 2 * selectionGeneration.length);
      selectionGeneration = java.util.Arrays.copyOf(selectionGeneration, n);
      selectionResult = java.util.Arrays.copyOf(selectionResult, n);
    }
    selectionGeneration[slot] = generation;
    selectionResult[slot] = result;
  }

  /**
   * A zeroed scratch array of at least {@code n} bytes for one rule's selection results
   * ({@link CompiledRule#matches}): valid until the next call; rules are evaluated one at a time.
   */
  byte[] memo(int n) {
    byte[] m = memo;
    if (m.length < n) {
      m = new byte[Math.max(n, 2 * m.length)];
      memo = m;
    } else {
      java.util.Arrays.fill(m, 0, n, (byte) 0);
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static @Nullable List<Object>[] newLists(int n) {
    return (List<Object>[]) new List<?>[n];
  }

  /** Lists longer than this are not kept for the next record (their arrays could be large). */
  private static final int KEEP_LIST = 64;

  /**
   * The values of the field with this slot (see {@link FieldPaths#compile}) for the current
   * record, read with {@code reader} the first time they are asked for after {@link #reset}. The
   * list belongs to the context: read it, never change or keep it (it is refilled for a later
   * record).
   */
  List<Object> values(int slot, Accessor reader) {
    if (slot >= slotGeneration.length) {
      int n = Math.max(slot + 1, slotGeneration.length * 2);
      slotGeneration = java.util.Arrays.copyOf(slotGeneration, n);
      slotValues = java.util.Arrays.copyOf(slotValues, n);
    }
    List<Object> l = slotValues[slot];
    if (slotGeneration[slot] == generation && l != null) {
      return l;
    }
    if (l == null || l.size() > KEEP_LIST) {
      l = new ArrayList<>(2);
      slotValues[slot] = l;
    } else {
      l.clear();
    }
    slotGeneration[slot] = 0;
    reader.collect(this, l);
    slotGeneration[slot] = generation;
    return l;
  }

  /** Looks up whether a sign-in used MFA. */
  @FunctionalInterface
  public interface SignInMfa {
    /** Whether the sign-in event with this id used MFA, or null when unknown. */
    @Nullable Boolean mfa(String eventId);
  }

  /** The current record. */
  public LogRecord record() {
    LogRecord r = record;
    if (r == null) {
      throw new IllegalStateException("no record");
    }
    return r;
  }

  /** The attribution of the current record, or null when it is not a CloudTrail event. */
  public @Nullable Attribution attribution() {
    if (attribution == null && record instanceof CloudTrailEvent e) {
      attribution = attributor.apply(e);
    }
    return attribution;
  }

  /** Whether the sign-in event with this id used MFA, or null when unknown. */
  public @Nullable Boolean signInMfa(String eventId) {
    return signInMfa.mfa(eventId);
  }
}
