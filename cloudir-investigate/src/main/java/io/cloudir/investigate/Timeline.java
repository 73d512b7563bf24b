package io.cloudir.investigate;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every record of every source, counted once and in one order ({@link RecordOrder}: time, then
 * provenance), each with its attribution (CloudTrail) or instance (flow and DNS records), and
 * selectable with a {@link TimelineFilter}.
 *
 * <p>{@link #of} reads its input twice in memory: the first pass learns every minting event and
 * the network map, the second deduplicates ({@link Deduplicator#unbounded()}), sorts and
 * attributes. It keeps every record: memory grows with the input (the records themselves plus
 * about 100 bytes per entry). For inputs larger than memory, use {@link Attributor}, {@link
 * Deduplicator#windowed} and {@link RecordOrder#merge} directly in a streaming pipeline.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class Timeline {
  private final List<TimelineEntry> entries;
  private final NetworkMap network;
  private final long duplicates;

  private Timeline(List<TimelineEntry> entries, NetworkMap network, long duplicates) {
    this.entries = entries;
    this.network = network;
    this.duplicates = duplicates;
  }

  /** Builds the timeline of the records (any order, any sources, copies allowed). */
  public static Timeline of(Iterable<? extends LogRecord> records) {
    Attributor attributor = new Attributor();
    NetworkMap network = new NetworkMap();
    Deduplicator dedup = Deduplicator.unbounded();
    List<LogRecord> kept = new ArrayList<>();
    for (LogRecord r : records) {
      if (!dedup.accept(r)) {
        continue;
      }
      kept.add(r);
      if (r instanceof CloudTrailEvent e) {
        attributor.observe(e);
      }
      network.learn(r);
    }
    kept.sort(RecordOrder.COMPARATOR); // stable: equal keys keep input order
    List<TimelineEntry> entries = new ArrayList<>(kept.size());
    for (LogRecord r : kept) {
      entries.add(entry(r, attributor, network));
    }
    return new Timeline(Collections.unmodifiableList(entries), network, dedup.duplicates());
  }

  private static TimelineEntry entry(LogRecord r, Attributor attributor, NetworkMap network) {
    if (r instanceof CloudTrailEvent e) {
      return new TimelineEntry(r, attributor.attribute(e), null);
    }
    String instance = null;
    if (r instanceof FlowLogRecord f) {
      instance = f.instanceId();
      if ((instance == null || !instance.startsWith("i-")) && f.interfaceId() != null) {
        instance = network.instanceOfEni(f.interfaceId());
      }
    } else if (r instanceof ResolverQueryLogRecord q) {
      instance = q.instanceId();
      IpAddress ip = q.srcaddr();
      if (instance == null && ip != null) {
        Set<String> s = network.instancesOfIp(ip.toString());
        instance = s.size() == 1 ? s.iterator().next() : null;
      }
    }
    return new TimelineEntry(r, null, instance);
  }

  /** Every entry, in order. */
  public List<TimelineEntry> entries() {
    return entries;
  }

  /** The entries the filter selects, in order. */
  public List<TimelineEntry> select(TimelineFilter filter) {
    List<TimelineEntry> out = new ArrayList<>();
    for (TimelineEntry e : entries) {
      if (filter.matches(e)) {
        out.add(e);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** The ENI / instance / role / IP map learned from the records. */
  public NetworkMap network() {
    return network;
  }

  /** How many copies of already-seen events were dropped. */
  public long duplicates() {
    return duplicates;
  }

  /**
   * The CloudTrail entries grouped by {@code sharedEventID} (cross-account copies of one call),
   * only groups of two or more, in timeline order.
   */
  public Map<String, List<TimelineEntry>> sharedEventGroups() {
    Map<String, List<TimelineEntry>> g = new LinkedHashMap<>();
    for (TimelineEntry e : entries) {
      if (e.record() instanceof CloudTrailEvent ev && ev.sharedEventID() != null) {
        g.computeIfAbsent(ev.sharedEventID(), x -> new ArrayList<>()).add(e);
      }
    }
    g.values().removeIf(l -> l.size() < 2);
    return Collections.unmodifiableMap(g);
  }

  /** The entities of the whole timeline. */
  public Entities entities(@Nullable IpEnricher enricher) {
    Entities.Builder b = Entities.builder(network, enricher);
    for (TimelineEntry e : entries) {
      b.add(e);
    }
    return b.build();
  }
}
