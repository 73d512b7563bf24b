package io.cloudir.investigate;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.CloudTrailField;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The ENI → instance → role → IP map, learned from the logs themselves: {@code RunInstances}
 * responses (instance, its ENIs, private IPs, instance profile), {@code CreateNetworkInterface}
 * responses (ENI, private IPs), {@code AssociateAddress} requests (public IP to instance or ENI),
 * the {@code AssumeRole} by {@code ec2.amazonaws.com} whose session name is an instance id (the
 * instance's role), flow-log {@code instance-id} with {@code interface-id}, and Route 53 Resolver
 * {@code srcids.instance} with {@code srcaddr}.
 *
 * <p>An IP address can belong to different instances over time (private IPs are reused): the map
 * keeps, per address, the last instance learned, which is right for the usual case of one
 * investigation window; {@link #instancesOfIp} lists every instance seen with it.
 *
 * <p>Not thread-safe while learning; safe to read from many threads once learning is done and the
 * map is safely published.
 */
public final class NetworkMap {
  private final Map<String, String> eniToInstance = new HashMap<>();
  private final Map<String, Set<String>> instanceToEnis = new TreeMap<>();
  private final Map<String, String> instanceToRole = new HashMap<>();
  private final Map<String, String> instanceProfile = new HashMap<>();
  private final Map<String, Set<String>> instanceToIps = new TreeMap<>();
  private final Map<String, Set<String>> eniToIps = new TreeMap<>();
  private final Map<String, Set<String>> ipToInstances = new HashMap<>();
  private final Map<String, String> ipToEni = new HashMap<>();
  private final Map<String, String> launchEvent = new HashMap<>();

  /** An empty map. */
  public NetworkMap() {}

  /** Learns what {@code r} says about ENIs, instances, roles and addresses. */
  public void learn(LogRecord r) {
    if (r instanceof CloudTrailEvent e) {
      learnEvent(e);
    } else if (r instanceof FlowLogRecord f) {
      String eni = f.interfaceId();
      String inst = f.instanceId();
      if (eni != null && inst != null && inst.startsWith("i-")) {
        link(eni, inst);
      }
    } else if (r instanceof ResolverQueryLogRecord q) {
      String inst = q.instanceId();
      IpAddress ip = q.srcaddr();
      if (inst != null && ip != null) {
        addIp(inst, null, ip.toString());
      }
    }
  }

  private void learnEvent(CloudTrailEvent e) {
    if (!e.valueEquals(CloudTrailField.EVENT_SOURCE, "ec2.amazonaws.com")
        && !e.valueEquals(CloudTrailField.EVENT_SOURCE, "sts.amazonaws.com")) {
      return;
    }
    if (e.errorCode() != null) {
      return;
    }
    String name = e.eventName();
    if (name == null) {
      return;
    }
    switch (name) {
      case "RunInstances" -> {
        JsonValue re = e.responseElements();
        if (re == null) {
          return;
        }
        for (JsonValue inst : re.select("instancesSet.items[*]")) {
          String id = inst.getString("instanceId");
          if (id == null) {
            continue;
          }
          String profile = inst.at("iamInstanceProfile.arn") == null ? null
              : inst.at("iamInstanceProfile.arn").stringOrNull();
          if (profile != null) {
            instanceProfile.put(id, profile);
          }
          String eid = e.eventID();
          if (eid != null) {
            launchEvent.put(id, eid);
          }
          instanceToEnis.computeIfAbsent(id, x -> new TreeSet<>());
          String priv = inst.getString("privateIpAddress");
          if (priv != null) {
            addIp(id, null, priv);
          }
          String pub = inst.getString("ipAddress");
          if (pub != null) {
            addIp(id, null, pub);
          }
          for (JsonValue ni : inst.select("networkInterfaceSet.items[*]")) {
            String eni = ni.getString("networkInterfaceId");
            if (eni == null) {
              continue;
            }
            link(eni, id);
            for (String ip : ni.selectStrings("privateIpAddressesSet.item[*].privateIpAddress")) {
              addIp(id, eni, ip);
            }
          }
        }
      }
      case "CreateNetworkInterface" -> {
        JsonValue re = e.responseElements();
        JsonValue ni = re == null ? null : re.get("networkInterface");
        String eni = ni == null ? null : ni.getString("networkInterfaceId");
        if (ni == null || eni == null) {
          return;
        }
        eniToIps.computeIfAbsent(eni, x -> new TreeSet<>());
        for (String ip : ni.selectStrings("privateIpAddressesSet.item[*].privateIpAddress")) {
          addIp(eniToInstance.get(eni), eni, ip);
        }
        String priv = ni.getString("privateIpAddress");
        if (priv != null) {
          addIp(eniToInstance.get(eni), eni, priv);
        }
      }
      case "AssociateAddress" -> {
        JsonValue rp = e.requestParameters();
        if (rp == null) {
          return;
        }
        String ip = rp.getString("publicIp");
        String inst = rp.getString("instanceId");
        String eni = rp.getString("networkInterfaceId");
        if (ip != null && (inst != null || eni != null)) {
          addIp(inst != null ? inst : eniToInstance.get(eni), eni, ip);
        }
      }
      case "AssumeRole" -> {
        if (!"ec2.amazonaws.com".equals(e.userIdentityString(
            io.cloudir.model.cloudtrail.UserIdentityField.INVOKED_BY))) {
          return;
        }
        JsonValue rp = e.requestParameters();
        String session = rp == null ? null : rp.getString("roleSessionName");
        String role = rp == null ? null : rp.getString("roleArn");
        if (session != null && role != null && io.cloudir.investigate.internal.Names.isInstanceId(session)) {
          instanceToRole.put(session, role);
        }
      }
      default -> {}
    }
  }

  private void link(String eni, String instance) {
    eniToInstance.put(eni, instance);
    instanceToEnis.computeIfAbsent(instance, x -> new TreeSet<>()).add(eni);
    Set<String> ips = eniToIps.get(eni);
    if (ips != null) {
      for (String ip : ips) {
        addIp(instance, null, ip);
      }
    }
  }

  private void addIp(@Nullable String instance, @Nullable String eni, String ip) {
    if (eni != null) {
      eniToIps.computeIfAbsent(eni, x -> new TreeSet<>()).add(ip);
      ipToEni.put(ip, eni);
    }
    if (instance != null) {
      instanceToIps.computeIfAbsent(instance, x -> new TreeSet<>()).add(ip);
      ipToInstances.computeIfAbsent(ip, x -> new TreeSet<>()).add(instance);
    }
  }

  /** The instance an ENI is attached to, or null. */
  public @Nullable String instanceOfEni(String eni) {
    return eniToInstance.get(eni);
  }

  /** The ENIs of an instance, sorted. */
  public Set<String> enisOf(String instance) {
    Set<String> s = instanceToEnis.get(instance);
    return s == null ? Set.of() : Collections.unmodifiableSet(s);
  }

  /** The role the instance's profile delivered (from the EC2 {@code AssumeRole}), or null. */
  public @Nullable String roleOf(String instance) {
    return instanceToRole.get(instance);
  }

  /** The instance profile ARN from {@code RunInstances}, or null. */
  public @Nullable String instanceProfileOf(String instance) {
    return instanceProfile.get(instance);
  }

  /** The eventID of the {@code RunInstances} that launched the instance, or null. */
  public @Nullable String launchEventOf(String instance) {
    return launchEvent.get(instance);
  }

  /** The private and public addresses seen for an instance, sorted as text. */
  public Set<String> ipsOf(String instance) {
    Set<String> s = instanceToIps.get(instance);
    return s == null ? Set.of() : Collections.unmodifiableSet(s);
  }

  /** The addresses seen for an ENI, sorted as text. */
  public Set<String> ipsOfEni(String eni) {
    Set<String> s = eniToIps.get(eni);
    return s == null ? Set.of() : Collections.unmodifiableSet(s);
  }

  /** Every instance seen with this address, sorted. */
  public Set<String> instancesOfIp(String ip) {
    Set<String> s = ipToInstances.get(ip);
    return s == null ? Set.of() : Collections.unmodifiableSet(s);
  }

  /** The ENI last seen with this address, or null. */
  public @Nullable String eniOfIp(String ip) {
    return ipToEni.get(ip);
  }

  /** Every instance known, sorted. */
  public Set<String> instances() {
    Set<String> all = new TreeSet<>(instanceToEnis.keySet());
    all.addAll(instanceToRole.keySet());
    all.addAll(instanceToIps.keySet());
    return Collections.unmodifiableSet(all);
  }

  /** Every ENI known, sorted. */
  public Set<String> enis() {
    Set<String> all = new TreeSet<>(eniToInstance.keySet());
    all.addAll(eniToIps.keySet());
    return Collections.unmodifiableSet(all);
  }
}
