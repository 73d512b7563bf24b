package io.cloudir.ocsf.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.SessionContext;
import io.cloudir.model.cloudtrail.SessionIssuer;
import io.cloudir.model.cloudtrail.SourceAddress;
import io.cloudir.model.cloudtrail.UserIdentity;
import io.cloudir.model.elb.LoadBalancerField;
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
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The OCSF 1.1.0 mapping of every record type and of findings (see {@code MAPPING.md}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Ocsf implements RecordMapping {
  /** The OCSF schema version written in {@code metadata.version}. */
  public static final String VERSION = "1.1.0";

  static final int API_ACTIVITY = 6003;
  static final int AUTHENTICATION = 3002;
  static final int ACCOUNT_CHANGE = 3001;
  static final int NETWORK_ACTIVITY = 4001;
  static final int HTTP_ACTIVITY = 4002;
  static final int DNS_ACTIVITY = 4003;
  static final int DETECTION_FINDING = 2004;

  private static final int OTHER = 99;

  /** IAM calls that change a user or its credentials: Account Change activity ids. */
  private static final Map<String, Integer> ACCOUNT_ACTIVITY = Map.ofEntries(
      Map.entry("CreateUser", 1),
      Map.entry("CreateLoginProfile", 1),
      Map.entry("ChangePassword", 3),
      Map.entry("UpdateLoginProfile", 4),
      Map.entry("DeleteUser", 6),
      Map.entry("DeleteLoginProfile", 6),
      Map.entry("AttachUserPolicy", 7),
      Map.entry("PutUserPolicy", 7),
      Map.entry("AddUserToGroup", 7),
      Map.entry("DetachUserPolicy", 8),
      Map.entry("DeleteUserPolicy", 8),
      Map.entry("RemoveUserFromGroup", 8),
      Map.entry("PutUserPermissionsBoundary", 7),
      Map.entry("DeleteUserPermissionsBoundary", 8),
      Map.entry("CreateAccessKey", OTHER),
      Map.entry("UpdateAccessKey", OTHER),
      Map.entry("DeleteAccessKey", OTHER),
      Map.entry("EnableMFADevice", 10),
      Map.entry("DeactivateMFADevice", 11),
      Map.entry("CreateServiceSpecificCredential", OTHER),
      Map.entry("UploadSSHPublicKey", OTHER),
      Map.entry("UploadSigningCertificate", OTHER),
      Map.entry("UpdateUser", OTHER));

  private static final String[] ACCOUNT_NAMES = {
    "Unknown", "Create", "Enable", "Password Change", "Password Reset", "Disable", "Delete",
    "Attach Policy", "Detach Policy", "Lock", "MFA Factor Enable", "MFA Factor Disable"
  };

  private Ocsf() {}

  private static final Ocsf INSTANCE = new Ocsf();

  /** One record as an OCSF event. */
  public static Doc record(LogRecord r) {
    return INSTANCE.map(r);
  }

  @Override
  public Doc other(LogRecord r) {
    Doc d = base(0, 0, 0, "Unknown", "Base Event", "Uncategorized", r.time(), r.source().name());
    d.put("unmapped", new Doc.Raw(r.toJson()));
    return d;
  }

  // ---------------------------------------------------------------- common parts

  /** The attributes every event has: classification, time, severity, metadata. */
  static Doc base(int classUid, int categoryUid, int activityId, String activityName,
      String className, String categoryName, @Nullable Instant time, String logName) {
    Doc d = new Doc();
    d.put("class_uid", classUid).put("class_name", className)
        .put("category_uid", categoryUid).put("category_name", categoryName)
        .put("activity_id", activityId).put("activity_name", activityName)
        .put("type_uid", (long) classUid * 100 + activityId)
        .put("type_name", className + ": " + activityName)
        .put("severity_id", 1).put("severity", "Informational")
        .put("time", time == null ? 0L : time.toEpochMilli());
    Doc meta = d.obj("metadata");
    meta.put("version", VERSION);
    meta.obj("product").put("name", "cloudir").put("vendor_name", "cloudir");
    meta.put("log_name", logName);
    return d;
  }

  /** Declares an OCSF profile in {@code metadata.profiles} (once). */
  static void profile(Doc d, String name) {
    d.obj("metadata").addDistinct("profiles", name);
  }

  /** The Cloud profile's {@code cloud} object. */
  static void cloud(Doc d, @Nullable String region, @Nullable String account) {
    profile(d, "cloud");
    Doc c = d.obj("cloud").put("provider", "AWS").put("region", region);
    if (account != null) {
      c.obj("account").put("uid", account).put("type", "AWS Account").put("type_id", 10);
    }
  }

  static void status(Doc d, boolean success, @Nullable String code, @Nullable String detail) {
    d.put("status_id", success ? 1 : 2).put("status", success ? "Success" : "Failure")
        .put("status_code", code).put("status_detail", detail);
  }

  /** {@code connection_info.direction_id} is required: 0 Unknown when the source does not say. */
  static void unknownDirection(Doc conn) {
    conn.put("direction_id", 0).put("direction", "Unknown");
  }

  /** The attributes of which OCSF 1.1.0's {@code network_endpoint} needs at least one. */
  private static final String[] ENDPOINT_IDS = {
    "ip", "uid", "name", "hostname", "svc_name", "instance_uid", "interface_uid", "interface_name"
  };

  /**
   * Completes an endpoint that has none of {@link #ENDPOINT_IDS} with {@code name = value} (the
   * source's own word for "not known").
   */
  static void identify(Doc ep, String name, String value) {
    for (String id : ENDPOINT_IDS) {
      if (ep.has(id)) {
        return;
      }
    }
    ep.put(name, value);
  }

  static void endpoint(Doc ep, @Nullable IpAddress ip, int port) {
    if (ip != null) {
      ep.put("ip", ip.toString());
    }
    if (port >= 0) {
      ep.put("port", port);
    }
  }

  /** Action and disposition: attributes of the Security Control profile, declared here. */
  static void disposition(Doc d, boolean allowed, String disposition) {
    profile(d, "security_control");
    d.put("action_id", allowed ? 1 : 2).put("action", allowed ? "Allowed" : "Denied");
    d.put("disposition_id", allowed ? 1 : 2).put("disposition", disposition);
  }

  static Doc.@Nullable Raw raw(@Nullable JsonValue v) {
    return v == null ? null : new Doc.Raw(v.toJson());
  }

  // ---------------------------------------------------------------- CloudTrail

  @Override
  public Doc cloudTrail(CloudTrailEvent e) {
    String name = e.eventName() == null ? "" : e.eventName();
    String source = e.eventSource() == null ? "" : e.eventSource();
    Doc d;
    int cls;
    boolean signIn = name.equals("ConsoleLogin") || source.equals("signin.amazonaws.com");
    if (signIn) {
      cls = AUTHENTICATION;
      boolean logon = name.equals("ConsoleLogin") || name.equals("SwitchRole");
      d = base(AUTHENTICATION, 3, logon ? 1 : OTHER, logon ? "Logon" : "Other",
          "Authentication", "Identity & Access Management", e.eventTime(), "CloudTrail");
      authentication(d, e);
    } else if (source.equals("iam.amazonaws.com") && ACCOUNT_ACTIVITY.containsKey(name)) {
      cls = ACCOUNT_CHANGE;
      int a = ACCOUNT_ACTIVITY.get(name);
      d = base(ACCOUNT_CHANGE, 3, a, a == OTHER ? "Other" : ACCOUNT_NAMES[a], "Account Change",
          "Identity & Access Management", e.eventTime(), "CloudTrail");
      JsonValue req = e.requestParameters();
      String target = req == null ? null : req.getString("userName");
      UserIdentity ui = e.userIdentity();
      if (target == null && ui != null) {
        target = ui.userName(); // ChangePassword and self-service calls act on the caller
      }
      d.obj("user").put("name", target == null ? "" : target)
          .put("type", "User").put("type_id", 1)
          .obj("account").put("uid", e.recipientAccountId());
    } else {
      cls = API_ACTIVITY;
      int a = apiActivity(name, e.readOnly());
      d = base(API_ACTIVITY, 6, a, API_NAMES[a == OTHER ? 0 : a], "API Activity",
          "Application Activity", e.eventTime(), "CloudTrail");
    }
    d.obj("metadata").put("uid", e.eventID())
        .put("log_provider", "CloudTrail").put("original_time", e.eventTimeText())
        .put("event_code", e.eventType() == null ? null : e.eventType().value());
    d.obj("metadata").obj("product").put("feature", new Doc().put("name",
        Boolean.FALSE.equals(e.managementEvent()) ? "Data" : "Management"));
    cloud(d, e.awsRegion(), e.recipientAccountId());
    actor(d, e);
    api(d, e, name, source);
    // OCSF 1.1.0 defines endpoints, http_request and resources for API Activity; Authentication
    // has the endpoints only and Account Change none of them: what a class lacks goes to unmapped
    Doc unmapped = d.obj("unmapped");
    Doc endpoints = cls == ACCOUNT_CHANGE ? unmapped : d;
    Doc requestAndResources = cls == API_ACTIVITY ? d : unmapped;
    SourceAddress sa = e.sourceAddress();
    Doc src = endpoints.obj("src_endpoint");
    if (sa != null) {
      if (sa.ip() != null) {
        src.put("ip", sa.ip().toString());
      } else if (sa.text().endsWith(".amazonaws.com")) {
        src.put("svc_name", sa.text()); // an AWS service calling on the caller's behalf
      } else {
        src.put("hostname", sa.text());
      }
    }
    src.put("uid", e.vpcEndpointId());
    identify(src, "hostname", "unknown");
    endpoints.obj("dst_endpoint").put("svc_name", source.isEmpty() ? null : source);
    requestAndResources.obj("http_request").put("user_agent", e.userAgent());
    boolean ok = e.errorCode() == null;
    status(d, ok, e.errorCode(), e.errorMessage());
    if (ok && signIn) {
      loginOutcome(d, e);
    }
    for (var r : e.resources()) {
      requestAndResources.add("resources", new Doc().put("uid", r.arn()).put("type", r.type())
          .put("owner", r.accountId() == null ? null
              : new Doc().put("account", new Doc().put("uid", r.accountId()))));
    }
    unmapped.put("eventVersion", e.eventVersion()).put("sharedEventID", e.sharedEventID())
        .put("additionalEventData", raw(e.additionalEventData()))
        .put("serviceEventDetails", raw(e.serviceEventDetails()))
        .put("tlsDetails", raw(e.tlsDetails()))
        .put("sessionCredentialFromConsole", e.sessionCredentialFromConsole())
        .put("vpcEndpointAccountId", e.vpcEndpointAccountId());
    return d;
  }

  private static final String[] API_NAMES = {"Other", "Create", "Read", "Update", "Delete"};

  /** API Activity's activity from CloudTrail's readOnly flag and the verb the event name starts with. */
  static int apiActivity(String name, @Nullable Boolean readOnly) {
    if (Boolean.TRUE.equals(readOnly)) {
      return 2;
    }
    String[][] verbs = {
      {"Create", "Run", "Allocate", "Register", "Import", "Issue", "Request", "Copy", "Generate",
        "Upload", "Launch", "Publish", "Send", "Invoke"},
      {"Get", "List", "Describe", "Head", "Lookup", "Search", "Query", "Scan", "Select",
        "Download", "Batch Get", "Decrypt"},
      {"Update", "Modify", "Put", "Set", "Change", "Enable", "Disable", "Attach", "Detach", "Add",
        "Associate", "Disassociate", "Tag", "Untag", "Start", "Stop", "Reboot", "Replace",
        "Authorize", "Assume", "Encrypt", "Restore", "Reset", "Apply"},
      {"Delete", "Remove", "Terminate", "Deregister", "Revoke", "Release", "Purge", "Destroy",
        "Cancel", "Schedule Key Deletion"}
    };
    for (int i = 0; i < verbs.length; i++) {
      for (String v : verbs[i]) {
        if (startsWithWord(name, v.replace(" ", ""))) {
          return i + 1;
        }
      }
    }
    return name.isEmpty() ? 0 : OTHER;
  }

  /** Whether {@code name} starts with {@code verb} followed by the end or an upper-case letter. */
  private static boolean startsWithWord(String name, String verb) {
    if (!name.startsWith(verb)) {
      return false;
    }
    return name.length() == verb.length() || !Character.isLowerCase(name.charAt(verb.length()));
  }

  private static void actor(Doc d, CloudTrailEvent e) {
    UserIdentity ui = e.userIdentity();
    if (ui == null) {
      d.obj("actor").obj("user").put("name", "unknown"); // OCSF 1.1.0 actor has no app_name
      return;
    }
    Doc actor = d.obj("actor");
    Doc user = actor.obj("user");
    user.put("type", ui.type() == null ? null : ui.type().value())
        .put("uid", ui.arn()).put("uid_alt", ui.principalId())
        .put("name", ui.userName() != null ? ui.userName() : ui.sessionName())
        .put("credential_uid", ui.accessKeyId());
    if (ui.accountId() != null) {
      user.obj("account").put("uid", ui.accountId()).put("type", "AWS Account")
          .put("type_id", 10);
    }
    actor.put("invoked_by", ui.invokedBy());
    SessionContext sc = ui.sessionContext();
    if (sc != null) {
      Doc session = actor.obj("session");
      session.put("created_time", sc.creationDate() == null ? null
          : sc.creationDate().toEpochMilli());
      session.put("is_mfa", sc.mfaAuthenticated());
      SessionIssuer si = sc.sessionIssuer();
      if (si != null) {
        session.put("issuer", si.arn());
      }
      session.put("credential_uid", ui.accessKeyId());
      if (sc.sourceIdentity() != null) {
        session.put("uid_alt", sc.sourceIdentity());
      }
    }
    if (ui.identityProvider() != null) {
      actor.obj("idp").put("name", ui.identityProvider());
    }
    if (user.isEmpty()) {
      user.put("name", "unknown");
    }
  }

  private static void api(Doc d, CloudTrailEvent e, String name, String source) {
    Doc api = d.obj("api").put("operation", name).put("version", e.apiVersion());
    api.obj("service").put("name", source);
    if (e.requestID() != null) { // the request object requires its uid
      api.obj("request").put("uid", e.requestID()).put("data", raw(e.requestParameters()));
    } else {
      d.obj("unmapped").put("requestParameters", raw(e.requestParameters()));
    }
    api.obj("response").put("error", e.errorCode()).put("message", e.errorMessage())
        .put("data", raw(e.responseElements()));
  }

  private static void authentication(Doc d, CloudTrailEvent e) {
    UserIdentity ui = e.userIdentity();
    Doc user = d.obj("user");
    if (ui != null) {
      user.put("uid", ui.arn()).put("name", ui.userName() != null ? ui.userName()
          : ui.sessionName()).put("type", ui.type() == null ? null : ui.type().value());
      if (ui.accountId() != null) {
        user.obj("account").put("uid", ui.accountId());
      }
    }
    if (user.isEmpty()) {
      user.put("name", "unknown");
    }
    JsonValue extra = e.additionalEventData();
    String mfa = extra == null ? null : extra.getString("MFAUsed");
    if (mfa != null) {
      d.put("is_mfa", mfa.equalsIgnoreCase("Yes"));
    }
    d.put("logon_type", "Interactive").put("logon_type_id", 2);
  }

  /** ConsoleLogin and other sign-in events report failure in responseElements, not errorCode. */
  private static void loginOutcome(Doc d, CloudTrailEvent e) {
    JsonValue resp = e.responseElements();
    String result = resp == null ? null : resp.getString(e.eventName() == null ? ""
        : e.eventName());
    if (result != null) {
      boolean ok = result.equalsIgnoreCase("Success");
      status(d, ok, result, e.errorMessage());
    }
  }

  // ---------------------------------------------------------------- VPC flow logs

  @Override
  public Doc flow(FlowLogRecord f) {
    Doc d = base(NETWORK_ACTIVITY, 4, 6, "Traffic", "Network Activity", "Network Activity",
        f.time(), "VPC Flow Logs");
    cloud(d, f.region(), f.accountId());
    d.obj("metadata").put("log_provider", "VPC Flow Logs");
    d.put("start_time", f.startTime() == null ? null : f.startTime().toEpochMilli());
    d.put("end_time", f.endTime() == null ? null : f.endTime().toEpochMilli());
    Doc src = d.obj("src_endpoint");
    endpoint(src, f.srcaddr(), f.srcport());
    src.put("interface_uid", f.interfaceId()).put("vpc_uid", f.vpcId())
        .put("subnet_uid", f.subnetId()).put("instance_uid", f.instanceId())
        .put("intermediate_ips", f.pktSrcaddr() == null ? null
            : java.util.List.of(f.pktSrcaddr().toString()));
    Doc dst = d.obj("dst_endpoint");
    endpoint(dst, f.dstaddr(), f.dstport());
    dst.put("intermediate_ips", f.pktDstaddr() == null ? null
        : java.util.List.of(f.pktDstaddr().toString()));
    identify(src, "interface_uid", "-");
    identify(dst, "interface_uid", "-"); // Network Activity 1.1.0 requires both endpoints
    Doc conn = d.obj("connection_info");
    if (f.protocolNumber() >= 0) {
      conn.put("protocol_num", f.protocolNumber());
    }
    if (f.protocol() != null && f.protocol().keyword() != null) {
      conn.put("protocol_name", f.protocol().keyword().toLowerCase(Locale.ROOT));
    }
    if (f.tcpFlags() != null) {
      conn.put("tcp_flags", f.tcpFlags().bits());
    }
    if (f.flowDirection() != null) {
      boolean in = f.flowDirection().value().equals("ingress");
      conn.put("direction_id", in ? 1 : 2).put("direction", in ? "Inbound" : "Outbound");
    } else {
      unknownDirection(conn); // connection_info requires direction_id
    }
    conn.put("protocol_ver_id", f.srcaddr() == null ? null : f.srcaddr().isV4() ? 4 : 6);
    Doc traffic = d.obj("traffic");
    if (f.optionalBytes().isPresent()) {
      traffic.put("bytes", f.optionalBytes().getAsLong());
    }
    if (f.optionalPackets().isPresent()) {
      traffic.put("packets", f.optionalPackets().getAsLong());
    }
    if (f.action() != null) {
      disposition(d, f.action().value().equals("ACCEPT"),
          f.action().value().equals("ACCEPT") ? "Allowed" : "Blocked");
    }
    d.obj("unmapped").put("version", f.version() >= 0 ? (Object) f.version() : null)
        .put("log-status", f.logStatus() == null ? null : f.logStatus().value())
        .put("type", f.type() == null ? null : f.type().value())
        .put("az-id", f.azId())
        .put("pkt-src-aws-service", f.pktSrcAwsService())
        .put("pkt-dst-aws-service", f.pktDstAwsService())
        .put("traffic-path", f.trafficPath() == null ? null : (Object) f.trafficPath().code())
        .put("reject-reason", f.rejectReason() == null ? null : f.rejectReason().value())
        .put("ecs-cluster-name", f.ecsClusterName()).put("ecs-task-id", f.ecsTaskId())
        .put("tgw-id", f.tgwId());
    return d;
  }

  // ---------------------------------------------------------------- DNS

  private static final String[] RCODES = {
    "NoError", "FormError", "ServError", "NXDomain", "NotImp", "Refused", "YXDomain", "YXRRSet",
    "NXRRSet", "NotAuth", "NotZone"
  };

  static void rcode(Doc d, @Nullable String rcode) {
    if (rcode == null) {
      return;
    }
    int id = OTHER;
    for (int i = 0; i < RCODES.length; i++) {
      if (RCODES[i].equalsIgnoreCase(rcode)
          || (i == 1 && rcode.equalsIgnoreCase("FORMERR"))
          || (i == 2 && rcode.equalsIgnoreCase("SERVFAIL"))
          || (i == 4 && rcode.equalsIgnoreCase("NOTIMP"))) {
        id = i;
        break;
      }
    }
    d.put("rcode_id", id).put("rcode", id == OTHER ? rcode : RCODES[id]);
  }

  @Override
  public Doc resolver(ResolverQueryLogRecord q) {
    Instant t = q.time();
    Doc d = base(DNS_ACTIVITY, 4, 2, "Response", "DNS Activity", "Network Activity", t,
        "Route 53 Resolver Query Logs");
    cloud(d, q.region(), q.accountId());
    d.obj("metadata").put("log_provider", "Route 53").put("original_time",
        q.queryTimestampText());
    d.obj("query").put("hostname", q.queryName() == null ? "" : q.queryName())
        .put("type", q.queryType()).put("class", q.queryClass());
    rcode(d, q.rcode());
    for (ResolverAnswer a : q.answers()) {
      d.add("answers", new Doc().put("rdata", a.rdata() == null ? "" : a.rdata())
          .put("type", a.type()).put("class", a.dnsClass()));
    }
    Doc src = d.obj("src_endpoint");
    endpoint(src, q.srcaddr(), q.srcport());
    if (q.srcaddr() == null && q.srcaddrText() != null) {
      src.put("hostname", q.srcaddrText());
    }
    src.put("vpc_uid", q.vpcId()).put("instance_uid", q.instanceId());
    identify(src, "hostname", "unknown");
    d.obj("dst_endpoint").put("interface_uid", q.resolverNetworkInterfaceId())
        .put("uid", q.resolverEndpointId());
    if (q.transport() != null) {
      Doc conn = d.obj("connection_info").put("protocol_name",
          q.transport().toLowerCase(Locale.ROOT));
      unknownDirection(conn);
    }
    if (q.firewallRuleAction() != null) {
      boolean allowed = !q.firewallRuleAction().equalsIgnoreCase("BLOCK");
      disposition(d, allowed, allowed ? "Allowed" : "Blocked");
    }
    d.obj("unmapped").put("version", q.version()).put("srcids", raw(q.srcids()))
        .put("firewall_rule_group_id", q.firewallRuleGroupId())
        .put("firewall_domain_list_id", q.firewallDomainListId())
        .put("firewall_rule_action", q.firewallRuleAction());
    return d;
  }

  @Override
  public Doc publicDns(PublicDnsQueryLogRecord p) {
    Doc d = base(DNS_ACTIVITY, 4, 2, "Response", "DNS Activity", "Network Activity", p.time(),
        "Route 53 Public DNS Query Logs");
    cloud(d, null, null);
    d.obj("metadata").put("log_provider", "Route 53").put("original_time",
        p.queryTimestampText());
    d.obj("query").put("hostname", p.queryName() == null ? "" : p.queryName())
        .put("type", p.queryType());
    rcode(d, p.responseCode());
    Doc src = d.obj("src_endpoint");
    endpoint(src, p.resolverIp(), -1);
    identify(src, "hostname", p.resolverIpText() == null ? "unknown" : p.resolverIpText());
    d.obj("dst_endpoint").put("svc_name", "route53").put("location",
        p.edgeLocation() == null ? null : new Doc().put("desc", p.edgeLocation()));
    if (p.protocol() != null) {
      Doc conn = d.obj("connection_info").put("protocol_name",
          p.protocol().toLowerCase(Locale.ROOT));
      unknownDirection(conn);
    }
    d.obj("unmapped").put("version", p.version()).put("hosted_zone_id", p.hostedZoneId())
        .put("edns_client_subnet", p.ednsClientSubnet());
    return d;
  }

  // ---------------------------------------------------------------- HTTP

  private static final String[] METHODS = {
    "", "CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT", "TRACE"
  };
  private static final String[] METHOD_NAMES = {
    "Unknown", "Connect", "Delete", "Get", "Head", "Options", "Post", "Put", "Trace"
  };

  /** HTTP Activity's activity id for an HTTP method. */
  static int httpActivity(@Nullable String method) {
    if (method == null || method.isEmpty() || method.equals("-")) {
      return 0;
    }
    for (int i = 1; i < METHODS.length; i++) {
      if (METHODS[i].equalsIgnoreCase(method)) {
        return i;
      }
    }
    return OTHER;
  }

  static Doc httpBase(@Nullable String method, @Nullable Instant t, String logName) {
    int a = httpActivity(method);
    return base(HTTP_ACTIVITY, 4, a, a == OTHER ? "Other" : METHOD_NAMES[a], "HTTP Activity",
        "Network Activity", t, logName);
  }

  /**
   * HTTP Activity 1.1.0 requires {@code http_response} and the response requires {@code code}:
   * 0 when the log has none (WAF passed the request on; the balancer closed before answering).
   */
  static void responseCode(Doc d, int code) {
    d.obj("http_response").put("code", code >= 0 ? code : 0);
  }

  @Override
  public Doc waf(WafLogRecord w) {
    Doc d = httpBase(w.httpMethod(), w.time(), "WAF Logs");
    String region = regionOfArn(w.webaclId());
    cloud(d, region, accountOfArn(w.webaclId()));
    d.obj("metadata").put("log_provider", "AWS WAF").put("uid", w.requestId());
    Doc req = d.obj("http_request").put("http_method", w.httpMethod())
        .put("version", w.httpVersion()).put("uid", w.requestId());
    req.obj("url").put("path", w.uri()).put("query_string", w.args())
        .put("hostname", w.host()).put("scheme", w.scheme());
    for (HttpHeader h : w.headers()) {
      if (h.name() != null) {
        req.add("http_headers", new Doc().put("name", h.name())
            .put("value", h.value() == null ? "" : h.value()));
        if (h.nameIs("user-agent")) {
          req.put("user_agent", h.value());
        }
        if (h.nameIs("referer")) {
          req.put("referrer", h.value());
        }
      }
    }
    responseCode(d, w.responseCodeSent() > 0 ? (int) w.responseCodeSent() : -1);
    Doc src = d.obj("src_endpoint");
    endpoint(src, w.clientIp(), -1);
    if (w.country() != null) {
      src.obj("location").put("country", w.country());
    }
    identify(src, "hostname", w.clientIpText() == null ? "unknown" : w.clientIpText());
    d.obj("dst_endpoint").put("svc_name", w.httpSourceName()).put("uid", w.httpSourceId())
        .put("hostname", w.host());
    String action = w.action() == null ? null : w.action().value();
    if (action != null) {
      boolean allowed = !action.equals("BLOCK");
      disposition(d, allowed, allowed ? "Allowed" : "Blocked");
      if (action.equals("CAPTCHA") || action.equals("CHALLENGE") || action.equals("COUNT")) {
        // no OCSF 1.1 disposition says "counted" or "challenged": Other, with WAF's word
        d.put("disposition_id", OTHER).put("disposition", action.charAt(0)
            + action.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    Doc rule = d.obj("firewall_rule").put("uid", w.terminatingRuleId()).put("type",
        w.terminatingRuleType());
    if (!rule.isEmpty()) {
      profile(d, "security_control"); // firewall_rule is a Security Control attribute
    }
    d.obj("unmapped").put("formatVersion", w.formatVersion())
        .put("webaclId", w.webaclId())
        .put("terminatingRuleMatchDetails", raw(w.terminatingRuleMatchDetails()))
        .put("labels", w.labels().isEmpty() ? null : w.labels())
        .put("requestBodySize", w.requestBodySize() >= 0 ? (Object) w.requestBodySize() : null);
    return d;
  }

  @Override
  public Doc loadBalancer(LoadBalancerLogRecord l) {
    String request = l.request();
    String[] parts = request == null ? new String[0] : request.split(" ", 3);
    Doc d;
    boolean http = parts.length >= 2;
    if (http) {
      d = httpBase(parts[0], l.time(), "Elastic Load Balancing Access Logs");
      Doc req = d.obj("http_request").put("http_method", parts[0])
          .put("user_agent", l.userAgent()).put("uid", l.traceId());
      if (parts.length == 3) {
        req.put("version", parts[2]);
      }
      url(req.obj("url"), parts[1]);
      responseCode(d, l.elbStatusCode());
    } else {
      d = base(NETWORK_ACTIVITY, 4, 6, "Traffic", "Network Activity", "Network Activity",
          l.time(), "Elastic Load Balancing Access Logs");
    }
    cloud(d, regionOfArn(l.chosenCertArn()), null);
    d.obj("metadata").put("log_provider", "Elastic Load Balancing");
    Doc src = d.obj("src_endpoint");
    endpoint(src, l.clientIp(), l.clientPort());
    identify(src, "hostname", "unknown");
    Doc dst = d.obj("dst_endpoint");
    endpoint(dst, l.targetIp(), l.targetPort());
    identify(dst, "hostname", "unknown"); // Network Activity 1.1.0 requires both endpoints
    profile(d, "load_balancer");
    d.obj("load_balancer").put("name", l.elb()).put("uid", l.elb())
        .put("code", l.elbStatusCode() >= 0 ? (Object) l.elbStatusCode() : null)
        .put("status_detail", l.errorReason());
    d.obj("traffic").putCount("bytes_in", l.receivedBytes())
        .putCount("bytes_out", l.sentBytes());
    String tlsVersion = l.get(LoadBalancerField.SSL_PROTOCOL);
    if (tlsVersion != null) { // tls requires its version
      d.obj("tls").put("version", tlsVersion).put("cipher", l.get(LoadBalancerField.SSL_CIPHER))
          .put("sni", l.domainName());
    } else {
      d.obj("unmapped").put("domain_name", l.domainName());
    }
    d.obj("unmapped").put("type", l.type()).put("kind", l.kind().name().toLowerCase(Locale.ROOT))
        .put("target_status_code", l.targetStatusCode() >= 0 ? (Object) l.targetStatusCode()
            : null)
        .put("chosen_cert_arn", l.chosenCertArn()).put("actions_executed", l.actionsExecuted())
        .put("classification", l.classification()).put("conn_trace_id", l.connTraceId());
    return d;
  }

  /** Splits an absolute or origin-form request target into OCSF url parts. */
  static void url(Doc url, String target) {
    String rest = target;
    int scheme = rest.indexOf("://");
    if (scheme > 0) {
      url.put("scheme", rest.substring(0, scheme));
      rest = rest.substring(scheme + 3);
      int slash = rest.indexOf('/');
      String host = slash < 0 ? rest : rest.substring(0, slash);
      rest = slash < 0 ? "/" : rest.substring(slash);
      int colon = host.lastIndexOf(':');
      if (colon > 0 && host.indexOf(']') < colon) {
        try {
          url.put("port", Integer.parseInt(host.substring(colon + 1)));
          host = host.substring(0, colon);
        } catch (NumberFormatException e) {
          // keep the host as written
        }
      }
      url.put("hostname", host);
    }
    int q = rest.indexOf('?');
    url.put("path", q < 0 ? rest : rest.substring(0, q));
    if (q >= 0) {
      url.put("query_string", rest.substring(q + 1));
    }
    url.put("url_string", target);
  }

  // ---------------------------------------------------------------- S3 server access logs

  @Override
  public Doc s3(S3AccessLogRecord s) {
    String op = s.operation() == null ? "" : s.operation();
    String verb = op.startsWith("REST.") ? op.substring(5, Math.max(5, op.indexOf('.', 5)))
        : "";
    int a = switch (verb) {
      case "GET", "HEAD" -> 2;
      case "PUT", "POST", "COPY" -> op.contains("OBJECT") && !verb.equals("POST") ? 1 : 3;
      case "DELETE" -> 4;
      default -> op.isEmpty() ? 0 : OTHER;
    };
    Doc d = base(API_ACTIVITY, 6, a, API_NAMES[a == OTHER ? 0 : a], "API Activity",
        "Application Activity", s.time(), "S3 Server Access Logs");
    cloud(d, s.sourceRegion(), null);
    d.obj("metadata").put("log_provider", "Amazon S3").put("uid", s.requestId());
    Doc actor = d.obj("actor");
    String requester = s.requester();
    actor.obj("user").put("uid", requester == null ? "anonymous" : requester)
        .put("type", requester == null ? "Anonymous" : null);
    Doc api = d.obj("api").put("operation", op);
    api.obj("service").put("name", "s3.amazonaws.com");
    api.obj("request").put("uid", s.requestId());
    api.obj("response").put("error", s.errorCode());
    Doc src = d.obj("src_endpoint");
    endpoint(src, s.remoteIp(), -1);
    identify(src, "hostname", "unknown");
    d.obj("dst_endpoint").put("svc_name", "s3.amazonaws.com").put("hostname", s.hostHeader());
    Doc req = d.obj("http_request").put("user_agent", s.userAgent()).put("referrer", s.referer());
    String uri = s.requestUri();
    if (uri != null) {
      String[] parts = uri.split(" ", 3);
      if (parts.length >= 2) {
        req.put("http_method", parts[0]);
        url(req.obj("url"), parts[1]);
        if (parts.length == 3) {
          req.put("version", parts[2]);
        }
      }
    }
    if (s.httpStatus() >= 0) { // API Activity 1.1.0 has no http_response
      d.obj("unmapped").put("http_status", s.httpStatus());
    }
    boolean ok = s.errorCode() == null && (s.httpStatus() < 0 || s.httpStatus() < 400);
    status(d, ok, s.errorCode(), null);
    if (s.bucket() != null) {
      String arn = "arn:aws:s3:::" + s.bucket() + (s.key() == null ? "" : "/" + s.key());
      d.add("resources", new Doc().put("uid", arn).put("name", s.key() == null ? s.bucket()
          : s.key()).put("type", s.key() == null ? "AWS::S3::Bucket" : "AWS::S3::Object")
          .put("owner", s.bucketOwner() == null ? null
              : new Doc().put("uid", s.bucketOwner())));
    }
    // API Activity 1.1.0 has neither tls nor traffic
    d.obj("unmapped").put("tls_version", s.tlsVersion()).put("cipher_suite", s.cipherSuite())
        .putCount("bytes_sent", s.bytesSent()).putCount("object_size", s.objectSize())
        .putCount("total_time", s.totalTime()).putCount("turn_around_time", s.turnAroundTime())
        .put("version_id", s.versionId()).put("host_id", s.hostId())
        .put("signature_version", s.signatureVersion())
        .put("authentication_type", s.authenticationType())
        .put("access_point_arn", s.accessPointArn()).put("acl_required", s.aclRequired());
    return d;
  }

  // ---------------------------------------------------------------- ARNs

  static @Nullable String regionOfArn(@Nullable String arn) {
    return arnPart(arn, 3);
  }

  static @Nullable String accountOfArn(@Nullable String arn) {
    return arnPart(arn, 4);
  }

  private static @Nullable String arnPart(@Nullable String arn, int index) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    String[] p = arn.split(":", 6);
    return p.length > index && !p[index].isEmpty() ? p[index] : null;
  }

  // ---------------------------------------------------------------- findings

  /** OCSF {@code severity_id} of a rule severity. */
  static int severityId(io.cloudir.rules.Severity s) {
    return switch (s) {
      case INFO -> 1;
      case LOW -> 2;
      case MEDIUM -> 3;
      case HIGH -> 4;
      case CRITICAL -> 5;
    };
  }

  private static final String[] SEVERITY_NAMES = {
    "Unknown", "Informational", "Low", "Medium", "High", "Critical"
  };

  /** A finding as a Detection Finding. */
  public static Doc finding(Finding f) {
    Doc d = base(DETECTION_FINDING, 2, 1, "Create", "Detection Finding", "Findings", f.time(),
        "cloudir findings");
    int sev = severityId(f.severity());
    d.put("severity_id", sev).put("severity", SEVERITY_NAMES[sev]);
    d.obj("metadata").put("uid", findingUid(f));
    cloud(d, null, accountOfArn(f.principal()));
    Doc info = d.obj("finding_info").put("uid", findingUid(f)).put("title", f.title())
        .put("types", java.util.List.of(f.ruleId()))
        .put("src_url", f.link());
    info.obj("analytic").put("name", f.ruleId()).put("uid", f.ruleId())
        .put("type_id", 1).put("type", "Rule");
    for (String t : f.mitre()) {
      info.add("attacks", new Doc().put("technique", new Doc().put("uid", t)));
    }
    Instant first = null;
    for (Evidence e : f.evidence()) {
      if (e.time() != null && (first == null || e.time().isBefore(first))) {
        first = e.time();
      }
      d.add("evidences", new Doc().put("data", new Doc().put("source", e.source().name())
          .put("event_uid", e.eventId())
          .put("time", e.time() == null ? null : e.time().toString())
          .put("provenance", e.provenance().toString())));
    }
    info.put("first_seen_time", first == null ? null : first.toEpochMilli());
    info.put("last_seen_time", f.time() == null ? null : f.time().toEpochMilli());
    if (f.principal() != null || f.sourceIp() != null) {
      d.obj("unmapped").put("principal", f.principal()).put("sourceIp", f.sourceIp())
          .put("author", f.author()).put("license", f.license())
          .put("eventIds", f.eventIds().isEmpty() ? null : f.eventIds());
    }
    d.put("status_id", 1).put("status", "New");
    return d;
  }

  /** A stable id for a finding: rule, time and the evidence's ids and places. */
  static String findingUid(Finding f) {
    StringBuilder sb = new StringBuilder(f.ruleId()).append('|').append(f.time());
    for (Evidence e : f.evidence()) {
      sb.append('|').append(e.eventId()).append('@').append(e.provenance());
    }
    long h = 0xcbf29ce484222325L;
    String s = sb.toString();
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return f.ruleId() + "-" + Long.toHexString(h);
  }
}
