package io.cloudir.investigate.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.TrailResource;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the investigation reads from records of any source: name, addresses, resources, summary.
 *
 * <p>Stateless and thread-safe.
 */
public final class Records {
  private static final int MAX_WALK_DEPTH = 6;

  private Records() {}

  /** The name of what happened: the CloudTrail event name, flow action, DNS query type… */
  public static @Nullable String eventName(LogRecord r) {
    if (r instanceof CloudTrailEvent e) {
      return e.eventName();
    } else if (r instanceof FlowLogRecord f) {
      return f.action() == null ? "flow" : f.action().toString();
    } else if (r instanceof ResolverQueryLogRecord q) {
      return "DNSQuery";
    } else if (r instanceof PublicDnsQueryLogRecord p) {
      return "DNSQuery";
    } else if (r instanceof WafLogRecord w) {
      return w.action() == null ? "waf" : String.valueOf(w.action());
    } else if (r instanceof S3AccessLogRecord s) {
      return s.operation();
    } else if (r instanceof LoadBalancerLogRecord l) {
      return "request";
    }
    return null;
  }

  /** The record's own id (CloudTrail eventID), or null. */
  public static @Nullable String eventId(LogRecord r) {
    return r instanceof CloudTrailEvent e ? e.eventID() : null;
  }

  /** The caller's address as text (CloudTrail sourceIPAddress, DNS/WAF/S3/ALB client), or null. */
  public static @Nullable String sourceIp(LogRecord r) {
    if (r instanceof CloudTrailEvent e) {
      return e.sourceIPAddress();
    } else if (r instanceof FlowLogRecord f) {
      return text(f.srcaddr());
    } else if (r instanceof ResolverQueryLogRecord q) {
      return q.srcaddrText();
    } else if (r instanceof PublicDnsQueryLogRecord p) {
      return p.resolverIpText();
    } else if (r instanceof WafLogRecord w) {
      return w.clientIpText();
    } else if (r instanceof S3AccessLogRecord s) {
      return text(s.remoteIp());
    } else if (r instanceof LoadBalancerLogRecord l) {
      return text(l.clientIp());
    }
    return null;
  }

  /** Every address the record involves (source first), as text. */
  public static List<String> ips(LogRecord r) {
    if (r instanceof FlowLogRecord f) {
      Set<String> s = new LinkedHashSet<>(4);
      add(s, f.srcaddr());
      add(s, f.dstaddr());
      add(s, f.pktSrcaddr());
      add(s, f.pktDstaddr());
      return new ArrayList<>(s);
    }
    if (r instanceof LoadBalancerLogRecord l) {
      Set<String> s = new LinkedHashSet<>(2);
      add(s, l.clientIp());
      add(s, l.targetIp());
      return new ArrayList<>(s);
    }
    String ip = sourceIp(r);
    return ip == null ? List.of() : List.of(ip);
  }

  private static void add(Set<String> s, @Nullable IpAddress ip) {
    if (ip != null) {
      s.add(ip.toString());
    }
  }

  private static @Nullable String text(@Nullable IpAddress ip) {
    return ip == null ? null : ip.toString();
  }

  /**
   * The resources an event touched: {@code resources[].ARN}, every ARN-shaped string in {@code
   * requestParameters} (nested up to a small depth) and in {@code responseElements}' top level,
   * the ARN of an S3 bucket named by {@code bucketName}, and the ARNs built from the action
   * catalog's templates for resources named by name or id ({@link ResourceNames}). For other records: the ENI / DNS name
   * / S3 bucket they name.
   */
  public static List<String> resources(LogRecord r) {
    Set<String> out = new LinkedHashSet<>();
    if (r instanceof CloudTrailEvent e) {
      for (TrailResource tr : e.resources()) {
        if (tr.arn() != null) {
          out.add(tr.arn());
        }
      }
      JsonValue rp = e.requestParameters();
      if (rp != null) {
        walk(rp, out, 0);
        String bucket = rp.getString("bucketName");
        if (bucket != null && !bucket.isEmpty()) {
          out.add("arn:aws:s3:::" + bucket);
        }
        out.addAll(ResourceNames.of(e));
      }
    } else if (r instanceof FlowLogRecord f) {
      if (f.interfaceId() != null) {
        out.add(f.interfaceId());
      }
    } else if (r instanceof S3AccessLogRecord s) {
      String b = s.bucket();
      if (b != null) {
        out.add("arn:aws:s3:::" + b);
      }
    }
    return new ArrayList<>(out);
  }

  private static void walk(JsonValue v, Set<String> out, int depth) {
    if (depth > MAX_WALK_DEPTH) {
      return;
    }
    if (v.isString()) {
      String s = v.asString();
      if (s.startsWith("arn:") && s.indexOf(':', 4) > 0 && s.length() < 2048) {
        out.add(s);
      }
    } else if (v.isObject()) {
      for (var m : v.entries()) {
        walk(m.getValue(), out, depth + 1);
      }
    } else if (v.isArray()) {
      for (JsonValue x : v.elements()) {
        walk(x, out, depth + 1);
      }
    }
  }

  /** The instance ids an EC2 event names in its request (instanceId, instancesSet). */
  public static List<String> instancesNamed(CloudTrailEvent e) {
    JsonValue rp = e.requestParameters();
    if (rp == null) {
      return List.of();
    }
    Set<String> s = new LinkedHashSet<>();
    String one = rp.getString("instanceId");
    if (one != null) {
      s.add(one);
    }
    for (String id : rp.selectStrings("instancesSet.items[*].instanceId")) {
      s.add(id);
    }
    return new ArrayList<>(s);
  }

  /** One human line about the record. */
  public static String summary(LogRecord r) {
    if (r instanceof CloudTrailEvent e) {
      StringBuilder sb = new StringBuilder(64);
      sb.append(e.eventSource()).append(' ').append(e.eventName());
      String region = e.awsRegion();
      if (region != null) {
        sb.append(" in ").append(region);
      }
      List<String> res = resources(r);
      if (!res.isEmpty()) {
        sb.append(" on ").append(res.get(0));
        if (res.size() > 1) {
          sb.append(" (+").append(res.size() - 1).append(')');
        }
      }
      if (e.errorCode() != null) {
        sb.append(" failed: ").append(e.errorCode());
      }
      return sb.toString();
    } else if (r instanceof FlowLogRecord f) {
      return f.action() + " " + f.srcaddr() + ":" + f.srcport() + " -> " + f.dstaddr() + ":"
          + f.dstport() + " proto " + f.protocolNumber() + ", " + f.bytes() + " bytes, "
          + f.packets() + " packets on " + f.interfaceId();
    } else if (r instanceof ResolverQueryLogRecord q) {
      return q.queryName() + " " + q.queryType() + " " + q.rcode() + " from " + q.srcaddrText()
          + (q.instanceId() == null ? "" : " (" + q.instanceId() + ")");
    } else if (r instanceof PublicDnsQueryLogRecord p) {
      return p.queryName() + " " + p.queryType() + " " + p.responseCode() + " via "
          + p.resolverIpText();
    }
    String n = eventName(r);
    String ip = sourceIp(r);
    return r.source() + (n == null ? "" : " " + n) + (ip == null ? "" : " from " + ip);
  }
}
