package io.cloudir.ocsf.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.SourceAddress;
import io.cloudir.model.cloudtrail.UserIdentity;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverAnswer;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.HttpHeader;
import io.cloudir.model.waf.WafLogRecord;
import io.cloudir.rules.Evidence;
import io.cloudir.rules.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The Elastic Common Schema 8.x mapping of every record type and of findings (see {@code
 * MAPPING.md}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Ecs implements RecordMapping {
  /** The ECS version written in {@code ecs.version}. */
  public static final String VERSION = "8.11.0";

  private Ecs() {}

  private static final Ecs INSTANCE = new Ecs();

  /** One record as an ECS document. */
  public static Doc record(LogRecord r) {
    return INSTANCE.map(r);
  }

  @Override
  public Doc other(LogRecord r) {
    Doc d = base(r.time(), "event", r.source().name(), null);
    d.obj("event").put("original", r.toJson());
    return d;
  }

  static Doc base(@Nullable Instant time, String kind, String dataset, @Nullable String region) {
    Doc d = new Doc();
    d.put("@timestamp", time == null ? null : time.toString());
    d.obj("ecs").put("version", VERSION);
    d.obj("event").put("kind", kind).put("module", "aws").put("dataset", "aws." + dataset);
    d.obj("cloud").put("provider", "aws").put("region", region);
    return d;
  }

  static void categorize(Doc d, String category, String... types) {
    d.obj("event").put("category", List.of(category)).put("type", List.of(types));
  }

  static void outcome(Doc d, @Nullable Boolean success) {
    d.obj("event").put("outcome", success == null ? "unknown" : success ? "success" : "failure");
  }

  static void ip(Doc ep, @Nullable IpAddress ip, int port) {
    if (ip != null) {
      ep.put("ip", ip.toString()).put("address", ip.toString());
    }
    if (port >= 0) {
      ep.put("port", port);
    }
  }

  static void account(Doc d, @Nullable String account) {
    if (account != null) {
      d.obj("cloud").obj("account").put("id", account);
    }
  }

  static Doc.@Nullable Raw raw(@Nullable JsonValue v) {
    return Ocsf.raw(v);
  }

  // ---------------------------------------------------------------- CloudTrail

  @Override
  public Doc cloudTrail(CloudTrailEvent e) {
    String name = e.eventName() == null ? "" : e.eventName();
    String source = e.eventSource() == null ? "" : e.eventSource();
    Doc d = base(e.eventTime(), "event", "cloudtrail", e.awsRegion());
    account(d, e.recipientAccountId());
    d.obj("cloud").obj("service").put("name", source.isEmpty() ? null
        : source.replace(".amazonaws.com", ""));
    Doc event = d.obj("event").put("action", name).put("provider", source)
        .put("id", e.eventID());
    if (name.equals("ConsoleLogin") || source.equals("signin.amazonaws.com")) {
      categorize(d, "authentication", "start");
    } else if (source.equals("iam.amazonaws.com")) {
      int a = Ocsf.apiActivity(name, e.readOnly());
      boolean userChange = name.contains("User") || name.contains("LoginProfile")
          || name.contains("AccessKey") || name.contains("Password") || name.contains("MFA");
      String type = a == 1 ? "creation" : a == 4 ? "deletion" : a == 2 ? "info" : "change";
      if (userChange) {
        event.put("category", List.of("iam")).put("type", List.of("user", type));
      } else {
        categorize(d, "iam", type);
      }
    } else {
      int a = Ocsf.apiActivity(name, e.readOnly());
      categorize(d, "configuration",
          a == 1 ? "creation" : a == 4 ? "deletion" : a == 2 ? "access" : a == 3 ? "change"
              : "info");
    }
    boolean ok = e.errorCode() == null;
    JsonValue resp = e.responseElements();
    String login = resp == null ? null : resp.getString("ConsoleLogin");
    if (login != null && ok) {
      ok = login.equalsIgnoreCase("Success");
    }
    outcome(d, ok);
    UserIdentity ui = e.userIdentity();
    if (ui != null) {
      Doc user = d.obj("user").put("id", ui.arn() != null ? ui.arn() : ui.principalId())
          .put("name", ui.userName() != null ? ui.userName() : ui.sessionName());
      user.put("domain", ui.accountId());
      JsonValue req = e.requestParameters();
      String target = req == null ? null : req.getString("userName");
      if (target != null) {
        user.obj("target").put("name", target);
      }
    }
    SourceAddress sa = e.sourceAddress();
    if (sa != null) {
      Doc src = d.obj("source").put("address", sa.text());
      if (sa.ip() != null) {
        src.put("ip", sa.ip().toString());
      }
    }
    d.obj("user_agent").put("original", e.userAgent());
    Doc ct = d.obj("aws").obj("cloudtrail");
    ct.put("event_version", e.eventVersion())
        .put("event_type", e.eventType() == null ? null : e.eventType().value())
        .put("event_category", e.eventCategory() == null ? null : e.eventCategory().value())
        .put("request_id", e.requestID()).put("read_only", e.readOnly())
        .put("management_event", e.managementEvent())
        .put("error_code", e.errorCode()).put("error_message", e.errorMessage())
        .put("request_parameters", raw(e.requestParameters()))
        .put("response_elements", raw(e.responseElements()))
        .put("additional_eventdata", raw(e.additionalEventData()))
        .put("vpc_endpoint_id", e.vpcEndpointId()).put("shared_event_id", e.sharedEventID());
    if (ui != null) {
      ct.obj("user_identity").put("type", ui.type() == null ? null : ui.type().value())
          .put("arn", ui.arn()).put("access_key_id", ui.accessKeyId())
          .put("invoked_by", ui.invokedBy()).put("principal_id", ui.principalId());
    }
    for (var r : e.resources()) {
      ct.add("resources", new Doc().put("arn", r.arn()).put("type", r.type())
          .put("account_id", r.accountId()));
    }
    return d;
  }

  // ---------------------------------------------------------------- VPC flow

  @Override
  public Doc flow(FlowLogRecord f) {
    Doc d = base(f.startTime(), "event", "vpcflow", f.region());
    account(d, f.accountId());
    d.obj("cloud").obj("instance").put("id", f.instanceId());
    Doc event = d.obj("event").put("start", f.startTime() == null ? null
        : f.startTime().toString()).put("end", f.endTime() == null ? null
        : f.endTime().toString());
    String action = f.action() == null ? null : f.action().value();
    if (action != null) {
      boolean ok = action.equals("ACCEPT");
      categorize(d, "network", "connection", ok ? "allowed" : "denied");
      event.put("action", action.toLowerCase(Locale.ROOT));
      outcome(d, ok);
    } else {
      categorize(d, "network", "connection");
    }
    ip(d.obj("source"), f.srcaddr(), f.srcport());
    ip(d.obj("destination"), f.dstaddr(), f.dstport());
    Doc net = d.obj("network");
    if (f.protocolNumber() >= 0) {
      net.put("iana_number", Integer.toString(f.protocolNumber()));
    }
    if (f.protocol() != null && f.protocol().keyword() != null) {
      net.put("transport", f.protocol().keyword().toLowerCase(Locale.ROOT));
    }
    if (f.srcaddr() != null) {
      net.put("type", f.srcaddr().isV4() ? "ipv4" : "ipv6");
    }
    if (f.optionalBytes().isPresent()) {
      net.put("bytes", f.optionalBytes().getAsLong());
      d.obj("source").put("bytes", f.optionalBytes().getAsLong());
    }
    if (f.optionalPackets().isPresent()) {
      net.put("packets", f.optionalPackets().getAsLong());
      d.obj("source").put("packets", f.optionalPackets().getAsLong());
    }
    if (f.flowDirection() != null) {
      net.put("direction", f.flowDirection().value().equals("ingress") ? "ingress" : "egress");
    }
    d.obj("aws").obj("vpcflow").put("version", f.version() >= 0 ? (Object) f.version() : null)
        .put("interface_id", f.interfaceId()).put("vpc_id", f.vpcId())
        .put("subnet_id", f.subnetId()).put("instance_id", f.instanceId())
        .put("log_status", f.logStatus() == null ? null : f.logStatus().value())
        .put("tcp_flags", f.tcpFlags() == null ? null : (Object) f.tcpFlags().bits())
        .put("pkt_srcaddr", f.pktSrcaddr() == null ? null : f.pktSrcaddr().toString())
        .put("pkt_dstaddr", f.pktDstaddr() == null ? null : f.pktDstaddr().toString())
        .put("traffic_path", f.trafficPath() == null ? null : (Object) f.trafficPath().code());
    return d;
  }

  // ---------------------------------------------------------------- DNS

  @Override
  public Doc resolver(ResolverQueryLogRecord q) {
    Doc d = base(q.time(), "event", "route53_resolver", q.region());
    account(d, q.accountId());
    categorize(d, "network", "protocol");
    d.obj("event").put("action", "dns-query");
    ip(d.obj("source"), q.srcaddr(), q.srcport());
    d.obj("network").put("protocol", "dns").put("transport",
        q.transport() == null ? null : q.transport().toLowerCase(Locale.ROOT));
    Doc dns = d.obj("dns").put("type", "answer").put("response_code", q.rcode());
    dns.obj("question").put("name", q.queryName()).put("type", q.queryType())
        .put("class", q.queryClass());
    for (ResolverAnswer a : q.answers()) {
      dns.add("answers", new Doc().put("data", a.rdata()).put("type", a.type())
          .put("class", a.dnsClass()));
      if (a.rdata() != null && IpAddress.tryParse(a.rdata()) != null) {
        dns.add("resolved_ip", a.rdata());
      }
    }
    outcome(d, q.rcode() == null ? null : q.rcode().equalsIgnoreCase("NOERROR"));
    d.obj("cloud").obj("instance").put("id", q.instanceId());
    d.obj("aws").obj("route53").put("vpc_id", q.vpcId())
        .put("resolver_endpoint_id", q.resolverEndpointId())
        .put("firewall_rule_action", q.firewallRuleAction())
        .put("firewall_rule_group_id", q.firewallRuleGroupId())
        .put("srcids", raw(q.srcids()));
    return d;
  }

  @Override
  public Doc publicDns(PublicDnsQueryLogRecord p) {
    Doc d = base(p.time(), "event", "route53_public", null);
    categorize(d, "network", "protocol");
    d.obj("event").put("action", "dns-query");
    ip(d.obj("source"), p.resolverIp(), -1);
    d.obj("network").put("protocol", "dns").put("transport",
        p.protocol() == null ? null : p.protocol().toLowerCase(Locale.ROOT));
    Doc dns = d.obj("dns").put("type", "answer").put("response_code", p.responseCode());
    dns.obj("question").put("name", p.queryName()).put("type", p.queryType());
    outcome(d, p.responseCode() == null ? null : p.responseCode().equalsIgnoreCase("NOERROR"));
    d.obj("aws").obj("route53").put("hosted_zone_id", p.hostedZoneId())
        .put("edge_location", p.edgeLocation()).put("edns_client_subnet", p.ednsClientSubnet())
        .put("version", p.version());
    return d;
  }

  // ---------------------------------------------------------------- HTTP

  /** Fills ECS {@code url.*} from a request target ({@code /path?q} or an absolute URL). */
  static void url(Doc d, String target) {
    Doc scratch = new Doc();
    Ocsf.url(scratch, target);
    String json = scratch.toJson();
    JsonValue v = JsonValue.parse(json);
    Doc url = d.obj("url").put("original", target).put("path", v.getString("path"))
        .put("query", v.getString("query_string")).put("scheme", v.getString("scheme"))
        .put("domain", v.getString("hostname"));
    JsonValue port = v.get("port");
    if (port != null) {
      url.put("port", port.asLong());
    }
  }

  @Override
  public Doc waf(WafLogRecord w) {
    Doc d = base(w.time(), "event", "waf", Ocsf.regionOfArn(w.webaclId()));
    account(d, Ocsf.accountOfArn(w.webaclId()));
    String action = w.action() == null ? null : w.action().value();
    boolean blocked = "BLOCK".equals(action);
    d.obj("event").put("category", List.of("web", "network"))
        .put("type", List.of("access", blocked ? "denied" : "allowed"));
    d.obj("event").put("action", action == null ? null : action.toLowerCase(Locale.ROOT))
        .put("id", w.requestId());
    outcome(d, !blocked);
    Doc src = d.obj("source");
    ip(src, w.clientIp(), -1);
    if (w.country() != null) {
      src.obj("geo").put("country_iso_code", w.country());
    }
    if (w.clientAsn() > 0) {
      src.obj("as").put("number", w.clientAsn());
    }
    Doc http = d.obj("http").put("version", w.httpVersion() == null ? null
        : w.httpVersion().replace("HTTP/", ""));
    http.obj("request").put("method", w.httpMethod()).put("id", w.requestId());
    if (w.requestBodySize() >= 0) {
      http.obj("request").obj("body").put("bytes", w.requestBodySize());
    }
    if (w.responseCodeSent() > 0) {
      http.obj("response").put("status_code", w.responseCodeSent());
    }
    if (w.uri() != null) {
      url(d, w.uri() + (w.args() == null || w.args().isEmpty() ? "" : "?" + w.args()));
    }
    d.obj("url").put("domain", w.host()).put("scheme", w.scheme());
    for (HttpHeader h : w.headers()) {
      if (h.nameIs("user-agent")) {
        d.obj("user_agent").put("original", h.value());
      } else if (h.nameIs("referer")) {
        http.obj("request").put("referrer", h.value());
      }
    }
    d.obj("rule").put("id", w.terminatingRuleId()).put("ruleset", w.terminatingRuleType());
    d.obj("aws").obj("waf").put("web_acl_id", w.webaclId())
        .put("source_name", w.httpSourceName()).put("source_id", w.httpSourceId())
        .put("terminating_rule_match_details", raw(w.terminatingRuleMatchDetails()))
        .put("labels", w.labels().isEmpty() ? null : w.labels());
    return d;
  }

  @Override
  public Doc loadBalancer(LoadBalancerLogRecord l) {
    Doc d = base(l.time(), "event", "elb_logs", Ocsf.regionOfArn(l.chosenCertArn()));
    String request = l.request();
    String[] parts = request == null ? new String[0] : request.split(" ", 3);
    ip(d.obj("source"), l.clientIp(), l.clientPort());
    ip(d.obj("destination"), l.targetIp(), l.targetPort());
    d.obj("source").putCount("bytes", l.receivedBytes());
    d.obj("destination").putCount("bytes", l.sentBytes());
    if (parts.length >= 2) {
      categorize(d, "web", "access");
      Doc http = d.obj("http");
      http.obj("request").put("method", parts[0]).put("id", l.traceId())
          .putCount("bytes", l.receivedBytes());
      if (parts.length == 3) {
        http.put("version", parts[2].replace("HTTP/", ""));
      }
      Doc resp = http.obj("response").putCount("bytes", l.sentBytes());
      if (l.elbStatusCode() >= 0) {
        resp.put("status_code", l.elbStatusCode());
      }
      url(d, parts[1]);
      outcome(d, l.elbStatusCode() < 0 ? null : l.elbStatusCode() < 400);
    } else {
      categorize(d, "network", "connection");
    }
    d.obj("user_agent").put("original", l.userAgent());
    if (l.domainName() != null) {
      d.obj("tls").obj("client").put("server_name", l.domainName());
    }
    d.obj("aws").obj("elb").put("name", l.elb()).put("type", l.type())
        .put("kind", l.kind().name().toLowerCase(Locale.ROOT))
        .put("target_status_code", l.targetStatusCode() >= 0 ? (Object) l.targetStatusCode()
            : null)
        .put("error_reason", l.errorReason()).put("classification", l.classification())
        .put("chosen_cert_arn", l.chosenCertArn()).put("actions_executed", l.actionsExecuted());
    return d;
  }

  // ---------------------------------------------------------------- S3 access

  @Override
  public Doc s3(S3AccessLogRecord s) {
    Doc d = base(s.time(), "event", "s3access", s.sourceRegion());
    String op = s.operation() == null ? "" : s.operation();
    categorize(d, "web", "access");
    d.obj("event").put("action", op).put("id", s.requestId());
    d.obj("cloud").obj("service").put("name", "s3");
    boolean ok = s.errorCode() == null && (s.httpStatus() < 0 || s.httpStatus() < 400);
    outcome(d, ok);
    ip(d.obj("source"), s.remoteIp(), -1);
    if (s.requester() != null) {
      d.obj("user").put("id", s.requester());
    }
    Doc http = d.obj("http");
    String uri = s.requestUri();
    if (uri != null) {
      String[] parts = uri.split(" ", 3);
      if (parts.length >= 2) {
        http.obj("request").put("method", parts[0]);
        url(d, parts[1]);
        if (parts.length == 3) {
          http.put("version", parts[2].replace("HTTP/", ""));
        }
      }
    }
    http.obj("request").put("referrer", s.referer()).put("id", s.requestId());
    if (s.httpStatus() >= 0) {
      http.obj("response").put("status_code", s.httpStatus());
    }
    http.obj("response").obj("body").putCount("bytes", s.bytesSent());
    d.obj("url").put("domain", s.hostHeader());
    d.obj("user_agent").put("original", s.userAgent());
    if (s.tlsVersion() != null) {
      d.obj("tls").put("version", s.tlsVersion().replace("TLSv", "")).put("version_protocol",
          "tls").put("cipher", s.cipherSuite());
    }
    d.obj("aws").obj("s3access").put("bucket_owner", s.bucketOwner()).put("bucket", s.bucket())
        .put("key", s.key()).put("error_code", s.errorCode()).put("version_id", s.versionId())
        .putCount("object_size", s.objectSize()).putCount("total_time", s.totalTime())
        .putCount("turn_around_time", s.turnAroundTime()).put("host_id", s.hostId())
        .put("signature_version", s.signatureVersion())
        .put("authentication_type", s.authenticationType())
        .put("access_point_arn", s.accessPointArn());
    return d;
  }

  // ---------------------------------------------------------------- findings

  /** A finding as an ECS alert. */
  public static Doc finding(Finding f) {
    Doc d = base(f.time(), "alert", "cloudir_findings", null);
    categorize(d, "intrusion_detection", "info");
    d.obj("event").put("severity", Ocsf.severityId(f.severity()))
        .put("id", Ocsf.findingUid(f)).put("reference", f.link());
    d.put("message", f.title());
    d.obj("rule").put("id", f.ruleId()).put("name", f.ruleId()).put("description", f.title())
        .put("author", f.author() == null ? null : List.of(f.author()))
        .put("license", f.license()).put("reference", f.link());
    if (!f.mitre().isEmpty()) {
      d.obj("threat").put("framework", "MITRE ATT&CK").obj("technique").put("id", f.mitre());
    }
    if (f.principal() != null) {
      d.obj("user").put("id", f.principal());
      account(d, Ocsf.accountOfArn(f.principal()));
    }
    if (f.sourceIp() != null) {
      Doc src = d.obj("source").put("address", f.sourceIp());
      if (IpAddress.tryParse(f.sourceIp()) != null) {
        src.put("ip", f.sourceIp());
      }
    }
    Doc c = d.obj("aws").obj("cloudir").put("severity", f.severity().text())
        .put("event_ids", f.eventIds().isEmpty() ? null : f.eventIds());
    for (Evidence e : f.evidence()) {
      c.add("evidence", new Doc().put("source", e.source().name()).put("event_id", e.eventId())
          .put("time", e.time() == null ? null : e.time().toString())
          .put("provenance", e.provenance().toString()));
    }
    return d;
  }
}
