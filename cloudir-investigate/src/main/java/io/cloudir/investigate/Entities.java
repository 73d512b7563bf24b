package io.cloudir.investigate;

import io.cloudir.investigate.internal.Records;
import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.UserIdentityField;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.vpcflow.FlowDirection;
import io.cloudir.model.vpcflow.FlowLogRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Every entity of an investigation with its first/last seen, counts, regions, services, errors,
 * bytes and DNS names, built from timeline entries (so principals are attributed and records are
 * counted once). Entities are listed by kind, then id.
 *
 * <p>Immutable and thread-safe once built; the {@link Builder} is not thread-safe.
 */
public final class Entities {
  private final Map<Entity.Kind, Map<String, Entity>> byKind;

  private Entities(Map<Entity.Kind, Map<String, Entity>> byKind) {
    this.byKind = byKind;
  }

  /** Every entity, by kind then id. */
  public List<Entity> all() {
    List<Entity> l = new ArrayList<>();
    for (Map<String, Entity> m : byKind.values()) {
      l.addAll(m.values());
    }
    return Collections.unmodifiableList(l);
  }

  /** The entities of one kind, by id. */
  public List<Entity> of(Entity.Kind kind) {
    Map<String, Entity> m = byKind.get(kind);
    return m == null ? List.of() : List.copyOf(m.values());
  }

  /** One entity. */
  public Optional<Entity> get(Entity.Kind kind, String id) {
    Map<String, Entity> m = byKind.get(kind);
    return Optional.ofNullable(m == null ? null : m.get(id));
  }

  /** A builder over a network map (for instance and ENI facts) and an optional IP enricher. */
  public static Builder builder(NetworkMap network, @Nullable IpEnricher enricher) {
    return new Builder(network, enricher);
  }

  /**
   * Accumulates entries into entities.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private final NetworkMap network;
    private final @Nullable IpEnricher enricher;
    private final Map<Entity.Kind, Map<String, Acc>> accs = new EnumMap<>(Entity.Kind.class);

    private Builder(NetworkMap network, @Nullable IpEnricher enricher) {
      this.network = network;
      this.enricher = enricher;
      for (Entity.Kind k : Entity.Kind.values()) {
        accs.put(k, new TreeMap<>());
      }
    }

    private Acc acc(Entity.Kind k, String id) {
      return accs.computeIfAbsent(k, x -> new TreeMap<>()).computeIfAbsent(id, x -> new Acc());
    }

    /** Adds one timeline entry. */
    public Builder add(TimelineEntry entry) {
      LogRecord r = entry.record();
      Instant t = r.time();
      if (r instanceof CloudTrailEvent e) {
        addEvent(entry, e, t);
      } else if (r instanceof FlowLogRecord f) {
        addFlow(entry, f, t);
      } else if (r instanceof ResolverQueryLogRecord q) {
        String ip = q.srcaddrText();
        String name = q.queryName();
        String src = r.source().name();
        if (ip != null) {
          acc(Entity.Kind.IP, ip).see(t, q.region(), src, false).dns(name);
        }
        String inst = entry.instance();
        if (inst != null) {
          acc(Entity.Kind.INSTANCE, inst).see(t, q.region(), src, false).dns(name);
        }
      } else {
        String src = r.source().name();
        for (String ip : entry.ips()) {
          acc(Entity.Kind.IP, ip).see(t, null, src, false);
        }
        for (String res : entry.resources()) {
          acc(Entity.Kind.RESOURCE, res).see(t, null, src, false);
        }
      }
      return this;
    }

    private void addEvent(TimelineEntry entry, CloudTrailEvent e, @Nullable Instant t) {
      String region = e.awsRegion();
      String service = e.eventSource();
      boolean error = e.errorCode() != null;
      Attribution a = entry.attribution();
      if (a != null) {
        Acc p = acc(Entity.Kind.PRINCIPAL, a.origin().id()).see(t, region, service, error);
        p.attr("kind", a.origin().kind().name());
        if (a.origin().accountId() != null) {
          p.attr("account", a.origin().accountId());
        }
        if (!a.isComplete()) {
          p.attr("completeness", "PARTIAL");
        }
        for (SessionHop h : a.via()) {
          if (h.roleArn() != null) {
            p.set("rolesAssumed", h.roleArn());
          }
        }
      }
      String key = e.userIdentityString(UserIdentityField.ACCESS_KEY_ID);
      if (key != null && !key.isEmpty()) {
        Acc k = acc(Entity.Kind.ACCESS_KEY, key).see(t, region, service, error);
        if (a != null) {
          k.attr("principal", a.origin().id());
          if (a.keyAccountId() != null) {
            k.attr("account", a.keyAccountId());
          }
        }
        String arn = e.userIdentityString(UserIdentityField.ARN);
        if (arn != null) {
          k.attr("identity", arn);
        }
      }
      String ip = e.sourceIPAddress();
      if (ip != null) {
        Acc i = acc(Entity.Kind.IP, ip).see(t, region, service, error);
        if (a != null) {
          i.set("principals", a.origin().id());
        }
      }
      for (String res : Records.resources(e)) {
        acc(Entity.Kind.RESOURCE, res).see(t, region, service, error);
      }
      for (String inst : Records.instancesNamed(e)) {
        acc(Entity.Kind.INSTANCE, inst).see(t, region, service, error);
      }
      if (a != null && a.origin().kind() == IdentityKind.EC2_INSTANCE) {
        Acc i = acc(Entity.Kind.INSTANCE, a.origin().id()).see(t, region, service, error);
        if (ip != null) {
          i.set("credentialsUsedFrom", ip);
        }
      }
    }

    private void addFlow(TimelineEntry entry, FlowLogRecord f, @Nullable Instant t) {
      String src = f.source().name();
      String region = f.region();
      long bytes = Math.max(0, f.bytes());
      IpAddress s = f.srcaddr();
      IpAddress d = f.dstaddr();
      if (s != null) {
        acc(Entity.Kind.IP, s.toString()).see(t, region, src, false).bytesOut += bytes;
      }
      if (d != null) {
        acc(Entity.Kind.IP, d.toString()).see(t, region, src, false).bytesIn += bytes;
      }
      String eni = f.interfaceId();
      boolean outbound;
      FlowDirection dir = f.flowDirection();
      if (dir != null && dir.toString().equals("egress")) {
        outbound = true;
      } else if (dir != null && dir.toString().equals("ingress")) {
        outbound = false;
      } else {
        outbound = eni != null && s != null && network.ipsOfEni(eni).contains(s.toString());
      }
      if (eni != null) {
        Acc a = acc(Entity.Kind.ENI, eni).see(t, region, src, false);
        if (outbound) {
          a.bytesOut += bytes;
        } else {
          a.bytesIn += bytes;
        }
      }
      String inst = entry.instance();
      if (inst != null) {
        Acc a = acc(Entity.Kind.INSTANCE, inst).see(t, region, src, false);
        if (outbound) {
          a.bytesOut += bytes;
        } else {
          a.bytesIn += bytes;
        }
      }
    }

    /** The entities, with instance, ENI and IP facts from the network map and the enricher. */
    public Entities build() {
      for (String inst : network.instances()) {
        acc(Entity.Kind.INSTANCE, inst);
      }
      for (String eni : network.enis()) {
        acc(Entity.Kind.ENI, eni);
      }
      Map<Entity.Kind, Map<String, Entity>> out = new EnumMap<>(Entity.Kind.class);
      for (Map.Entry<Entity.Kind, Map<String, Acc>> k : accs.entrySet()) {
        Map<String, Entity> m = new TreeMap<>();
        for (Map.Entry<String, Acc> e : k.getValue().entrySet()) {
          String id = e.getKey();
          Acc a = e.getValue();
          switch (k.getKey()) {
            case INSTANCE -> {
              putIf(a, "role", network.roleOf(id));
              putIf(a, "instanceProfile", network.instanceProfileOf(id));
              putIf(a, "launchEventId", network.launchEventOf(id));
              if (!network.ipsOf(id).isEmpty()) {
                a.attr("ips", String.join(",", network.ipsOf(id)));
              }
              if (!network.enisOf(id).isEmpty()) {
                a.attr("enis", String.join(",", network.enisOf(id)));
              }
            }
            case ENI -> {
              putIf(a, "instance", network.instanceOfEni(id));
              if (!network.ipsOfEni(id).isEmpty()) {
                a.attr("ips", String.join(",", network.ipsOfEni(id)));
              }
            }
            case IP -> {
              Set<String> insts = network.instancesOfIp(id);
              if (!insts.isEmpty()) {
                a.attr("instances", String.join(",", insts));
              }
              IpEnricher en = enricher;
              IpAddress ip = en == null ? null : IpAddress.tryParse(id);
              IpEnricher.Info info = en == null || ip == null ? null : en.lookup(ip);
              if (info != null) {
                if (info.asn() >= 0) {
                  a.attr("asn", Long.toString(info.asn()));
                }
                putIf(a, "asOrganization", info.asOrganization());
                putIf(a, "country", info.country());
              }
            }
            default -> {}
          }
          m.put(id, a.toEntity(k.getKey(), id));
        }
        out.put(k.getKey(), Collections.unmodifiableMap(m));
      }
      return new Entities(out);
    }

    private static void putIf(Acc a, String name, @Nullable String v) {
      if (v != null) {
        a.attr(name, v);
      }
    }
  }

  /** A mutable accumulator. */
  private static final class Acc {
    @Nullable Instant first;
    @Nullable Instant last;
    long count;
    long errors;
    long bytesIn;
    long bytesOut;
    final Set<String> regions = new TreeSet<>();
    final Set<String> services = new TreeSet<>();
    final Set<String> dns = new TreeSet<>();
    final Map<String, String> attrs = new TreeMap<>();
    final Map<String, Set<String>> sets = new TreeMap<>();

    Acc see(@Nullable Instant t, @Nullable String region, @Nullable String service, boolean error) {
      count++;
      if (error) {
        errors++;
      }
      if (t != null) {
        if (first == null || t.isBefore(first)) {
          first = t;
        }
        if (last == null || t.isAfter(last)) {
          last = t;
        }
      }
      if (region != null) {
        regions.add(region);
      }
      if (service != null) {
        services.add(service);
      }
      return this;
    }

    void dns(@Nullable String name) {
      if (name != null) {
        dns.add(name);
      }
    }

    void attr(String name, String value) {
      attrs.put(name, value);
    }

    void set(String name, String value) {
      sets.computeIfAbsent(name, x -> new TreeSet<>()).add(value);
    }

    Entity toEntity(Entity.Kind kind, String id) {
      Map<String, String> all = new TreeMap<>(attrs);
      for (Map.Entry<String, Set<String>> s : sets.entrySet()) {
        all.put(s.getKey(), String.join(",", s.getValue()));
      }
      return new Entity(kind, id, first, last, count, errors, regions, services, bytesIn, bytesOut,
          dns, all);
    }
  }
}
