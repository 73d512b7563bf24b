package io.cloudir.rules.internal;

import io.cloudir.investigate.Attribution;
import io.cloudir.investigate.IpEnricher;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.CloudTrailField;
import io.cloudir.model.cloudtrail.SourceAddress;
import io.cloudir.model.cloudtrail.UserIdentityField;
import io.cloudir.model.elb.LoadBalancerField;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogField;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogField;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafField;
import io.cloudir.model.waf.WafLogRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Field paths over the typed record models, checked at compile time. A path is member names
 * separated by {@code .}, with {@code [n]}, {@code [*]} (any element), {@code *} (any member) and
 * {@code ['a.b']} steps, as in {@link JsonValue#select}. The first names are checked against the
 * record type's documented fields; below a free-form JSON member ({@code requestParameters},
 * {@code responseElements}…) anything goes. {@code actor.*} reads the attributed identity of a
 * CloudTrail event.
 */
public final class FieldPaths {
  private FieldPaths() {}

  private static final Object ANY_ELEMENT = new Object();
  private static final Object ANY_MEMBER = new Object();

  /** Node of the static schema: typed members, or free-form. */
  private record Node(Map<String, Node> members, boolean free, boolean array) {
    static Node freeForm() {
      return new Node(Map.of(), true, false);
    }

    static Node leafNode() {
      return new Node(Map.of(), false, false);
    }

    Node arrayOf() {
      return new Node(members, free, true);
    }
  }

  /** The actor fields, with their documentation. */
  public static final Map<String, String> ACTOR_FIELDS = actorFields();

  private static Map<String, String> actorFields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("arn", "the attributed identity (ARN, or provider/user, service name, instance id)");
    m.put("type", "its kind: IAM_USER, ROOT, SAML_USER, WEB_IDENTITY_USER, IDENTITY_CENTER_USER,"
        + " AWS_SERVICE, EC2_INSTANCE, AWS_ACCOUNT, ROLE (partial), UNKNOWN");
    m.put("account", "the identity's account id");
    m.put("complete", "whether every link back to the origin is in the data (boolean)");
    m.put("via", "the role ARNs assumed between the origin and the call, in order");
    m.put("mfa", "whether the origin signed in with MFA (the ConsoleLogin of the session, else"
        + " the session's mfaAuthenticated)");
    m.put("sourceIdentity", "the sourceIdentity carried by the session");
    m.put("keyAccount", "the account encoded in the access key id");
    m.put("onBehalfOf", "the Identity Center user the call was made on behalf of");
    m.put("signInEventId", "the eventID of the ConsoleLogin/SwitchRole of the console session");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static final Map<SourceType, Node> SCHEMAS = schemas();

  private static Map<SourceType, Node> schemas() {
    Map<SourceType, Node> m = new LinkedHashMap<>();
    // CloudTrail
    Map<String, Node> issuer = leaves("type", "principalId", "arn", "accountId", "userName");
    Map<String, Node> sc = new LinkedHashMap<>();
    sc.put("attributes", new Node(leaves("creationDate", "mfaAuthenticated"), false, false));
    sc.put("sessionIssuer", new Node(issuer, false, false));
    sc.put("webIdFederationData", Node.freeForm());
    sc.put("sourceIdentity", Node.leafNode());
    sc.put("ec2RoleDelivery", Node.leafNode());
    sc.put("assumedRoot", Node.leafNode());
    Map<String, Node> ui = new LinkedHashMap<>();
    for (UserIdentityField f : UserIdentityField.values()) {
      ui.put(f.jsonName(), Node.leafNode());
    }
    ui.put("onBehalfOf", Node.freeForm());
    ui.put("inScopeOf", Node.freeForm());
    ui.put("sessionContext", new Node(sc, false, false));
    Map<String, Node> ct = new LinkedHashMap<>();
    for (CloudTrailField f : CloudTrailField.values()) {
      ct.put(f.jsonName(), Node.leafNode());
    }
    ct.put("userIdentity", new Node(ui, false, false));
    for (String free : List.of("requestParameters", "responseElements", "additionalEventData",
        "serviceEventDetails", "addendum", "edgeDeviceDetails", "tlsDetails", "insightDetails")) {
      ct.put(free, Node.freeForm());
    }
    ct.put("resources", new Node(leaves("ARN", "accountId", "type"), false, true));
    m.put(SourceType.CLOUDTRAIL, new Node(ct, false, false));
    // WAF
    Map<String, Node> waf = new LinkedHashMap<>();
    Map<String, Node> http = new LinkedHashMap<>();
    for (WafField f : WafField.values()) {
      (f.inHttpRequest() ? http : waf).put(f.jsonName(), Node.leafNode());
    }
    http.put("headers", new Node(leaves("name", "value"), false, true));
    waf.put("httpRequest", new Node(http, false, false));
    for (String free : List.of("terminatingRuleMatchDetails", "ruleGroupList", "rateBasedRuleList",
        "nonTerminatingMatchingRules", "requestHeadersInserted", "labels", "captchaResponse",
        "challengeResponse", "oversizeFields")) {
      waf.put(free, Node.freeForm());
    }
    m.put(SourceType.WAF, new Node(waf, false, false));
    // Route 53 Resolver
    Map<String, Node> r = new LinkedHashMap<>();
    Map<String, Node> srcids = new LinkedHashMap<>();
    for (io.cloudir.model.route53.ResolverField f : io.cloudir.model.route53.ResolverField.values()) {
      (f.inSrcids() ? srcids : r).put(f.jsonName(), Node.leafNode());
    }
    r.put("srcids", new Node(srcids, false, false));
    r.put("answers", new Node(leaves("Rdata", "Type", "Class"), false, true));
    m.put(SourceType.ROUTE53_RESOLVER, new Node(r, false, false));
    // flat text formats
    Map<String, Node> flow = new LinkedHashMap<>();
    for (FlowLogField f : FlowLogField.values()) {
      flow.put(f.awsName(), Node.leafNode());
    }
    m.put(SourceType.VPC_FLOW, new Node(flow, false, false));
    Map<String, Node> s3 = new LinkedHashMap<>();
    for (S3AccessLogField f : S3AccessLogField.values()) {
      s3.put(f.jsonName(), Node.leafNode());
    }
    m.put(SourceType.S3_ACCESS, new Node(s3, false, false));
    Map<String, Node> alb = new LinkedHashMap<>();
    for (LoadBalancerField f : LoadBalancerField.values()) {
      if (f.isAddressAndPort()) {
        alb.put(f.jsonName() + "_ip", Node.leafNode());
        alb.put(f.jsonName() + "_port", Node.leafNode());
      } else {
        alb.put(f.jsonName(), Node.leafNode());
      }
    }
    m.put(SourceType.ALB, new Node(alb, false, false));
    Map<String, Node> pub = new LinkedHashMap<>();
    for (String k : PublicDnsQueryLogRecord.JSON_KEYS) {
      pub.put(k, Node.leafNode());
    }
    m.put(SourceType.ROUTE53_PUBLIC, new Node(pub, false, false));
    return m;
  }

  private static Map<String, Node> leaves(String... names) {
    Map<String, Node> m = new LinkedHashMap<>();
    for (String n : names) {
      m.put(n, Node.leafNode());
    }
    return m;
  }

  /** The documented top-level field names of a record type (for documentation and messages). */
  public static Set<String> topLevelNames(SourceType t) {
    Node n = SCHEMAS.get(t);
    return n == null ? Set.of() : n.members().keySet();
  }

  /**
   * Parses a path into steps: member names (String), indices (Integer), any element, any member.
   *
   * @throws IllegalArgumentException if the path is malformed
   */
  static List<Object> steps(String path) {
    List<Object> out = new ArrayList<>();
    int i = 0;
    int n = path.length();
    if (n == 0) {
      throw new IllegalArgumentException("empty field path");
    }
    if (n > 1000) {
      throw new IllegalArgumentException("field path longer than 1000 characters");
    }
    boolean expectName = true;
    while (i < n) {
      char c = path.charAt(i);
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '[' in field path '" + path + "'");
        }
        String in = path.substring(i + 1, close);
        if (in.equals("*")) {
          out.add(ANY_ELEMENT);
        } else if (in.length() >= 2 && in.startsWith("'") && in.endsWith("'")) {
          out.add(in.substring(1, in.length() - 1));
        } else if (!in.isEmpty() && in.length() < 10 && in.chars().allMatch(Character::isDigit)) {
          out.add(Integer.parseInt(in));
        } else {
          throw new IllegalArgumentException("bad index [" + in + "] in field path '" + path + "'");
        }
        i = close + 1;
        expectName = false;
      } else if (c == '.') {
        if (expectName) {
          throw new IllegalArgumentException("empty name in field path '" + path + "'");
        }
        i++;
        expectName = true;
        if (i == n) {
          throw new IllegalArgumentException("field path '" + path + "' ends with '.'");
        }
      } else {
        if (!expectName) {
          throw new IllegalArgumentException("missing '.' in field path '" + path + "'");
        }
        int s = i;
        while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
          i++;
        }
        String name = path.substring(s, i);
        out.add(name.equals("*") ? ANY_MEMBER : name);
        expectName = false;
      }
    }
    return out;
  }

  /**
   * Compiles a field path for records of the given types; the path must be valid for at least
   * one of them (records of the others have no value there).
   *
   * @throws IllegalArgumentException naming the unknown field and the known ones
   */
  public static Accessor compile(String path, Set<SourceType> types) {
    Accessor reader = compileUncached(path, types);
    int slot = slot(path, types);
    return slot < 0 ? reader : new Cached(slot, reader);
  }

  /** The most distinct (path, types) pairs given a cache slot; later ones are read uncached. */
  static final int MAX_SLOTS = 4096;
  private static final Map<String, Integer> SLOTS = new java.util.HashMap<>();

  /** The cache slot of a field path for these record types, or -1 when all slots are taken. */
  private static int slot(String path, Set<SourceType> types) {
    List<String> names = new ArrayList<>();
    for (SourceType t : types) {
      names.add(t.name());
    }
    java.util.Collections.sort(names);
    String key = String.join(",", names) + " " + path;
    synchronized (SLOTS) {
      Integer s = SLOTS.get(key);
      if (s == null) {
        if (SLOTS.size() >= MAX_SLOTS) {
          return -1;
        }
        s = SLOTS.size();
        SLOTS.put(key, s);
      }
      return s;
    }
  }

  /**
   * An accessor whose values are read once per record and kept in the {@link EvalContext} (in
   * the slot of its path and types, shared by every rule of every engine that reads the same
   * path), so that the rules routed to a record do not read and decode the same field again.
   */
  static final class Cached implements Accessor {
    private final int slot;
    private final Accessor reader;

    Cached(int slot, Accessor reader) {
      this.slot = slot;
      this.reader = reader;
    }

    /** The values for the context's record: owned by the context, read-only, not to be kept. */
    List<Object> values(EvalContext ctx) {
      return ctx.values(slot, reader);
    }

    @Override
    public void collect(EvalContext ctx, List<Object> out) {
      out.addAll(ctx.values(slot, reader));
    }

    /** Equal when they read the same slot: the same path for the same record types. */
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Cached c && c.slot == slot;
    }

    @Override
    public int hashCode() {
      return slot;
    }
  }

  /**
   * {@link #compile} without the per-record cache: every call reads the record (the reference
   * path's accessors).
   *
   * @throws IllegalArgumentException naming the unknown field and the known ones
   */
  static Accessor compileUncached(String path, Set<SourceType> types) {
    List<Object> steps = steps(path);
    Map<SourceType, Accessor> byType = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (SourceType t : types) {
      try {
        byType.put(t, compileFor(path, steps, t));
      } catch (IllegalArgumentException e) {
        errors.add(String.valueOf(e.getMessage()));
      }
    }
    if (byType.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", errors));
    }
    if (byType.size() == 1) {
      Map.Entry<SourceType, Accessor> only = byType.entrySet().iterator().next();
      SourceType t = only.getKey();
      Accessor a = only.getValue();
      return (ctx, out) -> {
        if (ctx.record().source().equals(t)) {
          a.collect(ctx, out);
        }
      };
    }
    return (ctx, out) -> {
      Accessor a = byType.get(ctx.record().source());
      if (a != null) {
        a.collect(ctx, out);
      }
    };
  }

  private static Accessor compileFor(String path, List<Object> steps, SourceType t) {
    if (!(steps.get(0) instanceof String first)) {
      throw new IllegalArgumentException("field path '" + path + "' must start with a name");
    }
    if (t.equals(SourceType.CLOUDTRAIL) && first.equals("actor")) {
      return actor(path, steps);
    }
    if (first.equals("geo")) {
      return geo(path, steps, t);
    }
    Node root = SCHEMAS.get(t);
    if (root == null) {
      throw new IllegalArgumentException("record type " + t + " has no rule fields");
    }
    check(path, steps, root, t);
    return switch (t.name()) {
      case "cloudtrail" -> cloudTrail(steps);
      case "waf" -> json(steps, r -> ((WafLogRecord) r).json());
      case "route53-resolver" -> json(steps, r -> ((ResolverQueryLogRecord) r).json());
      case "vpcflow" -> flow(FlowLogField.ofName(first));
      case "s3-access" -> s3(first);
      case "alb" -> alb(first);
      case "route53-public" -> publicDns(first);
      default -> throw new IllegalArgumentException("record type " + t + " has no rule fields");
    };
  }

  private static void check(String path, List<Object> steps, Node root, SourceType t) {
    Node node = root;
    for (int i = 0; i < steps.size(); i++) {
      Object s = steps.get(i);
      if (node.free()) {
        return;
      }
      if (s == ANY_ELEMENT || s instanceof Integer) {
        if (!node.array()) {
          throw new IllegalArgumentException("field path '" + path + "': " + stepsText(steps, i)
              + " is not an array in " + t + " records");
        }
        node = new Node(node.members(), node.free(), false);
        continue;
      }
      if (node.array()) {
        // a member of every element (implicit [*])
        node = new Node(node.members(), node.free(), false);
      }
      if (s == ANY_MEMBER) {
        return;
      }
      Node next = node.members().get((String) s);
      if (next == null) {
        if (node.members().isEmpty()) {
          throw new IllegalArgumentException("field path '" + path + "': " + stepsText(steps, i)
              + " is a scalar in " + t + " records");
        }
        throw new IllegalArgumentException("unknown field '" + (i == 0 ? s
            : stepsText(steps, i + 1)) + "' for " + t + " records"
            + suggestion((String) s, node.members().keySet())
            + (i == 0 && t.equals(SourceType.CLOUDTRAIL) ? " (or actor.*)" : ""));
      }
      node = next;
    }
  }

  private static String suggestion(String name, Set<String> known) {
    String best = null;
    int bestD = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best != null && bestD <= Math.max(2, name.length() / 3)) {
      return " (did you mean '" + best + "'?)";
    }
    return " (known: " + String.join(", ", new LinkedHashSet<>(known)) + ")";
  }

  private static int distance(String a, String b) {
    if (a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String stepsText(List<Object> steps, int upTo) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < upTo && i < steps.size(); i++) {
      Object s = steps.get(i);
      if (s == ANY_ELEMENT) {
        sb.append("[*]");
      } else if (s instanceof Integer n) {
        sb.append('[').append(n).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(s == ANY_MEMBER ? "*" : (String) s);
      }
    }
    return sb.toString();
  }

  /** Walks steps from a JSON value, adding the values reached. */
  static void walk(JsonValue v, List<Object> steps, int from, List<Object> out) {
    if (from == steps.size()) {
      Values.addJson(v, out);
      return;
    }
    Object s = steps.get(from);
    if (s == ANY_ELEMENT) {
      if (v.isArray()) {
        for (JsonValue e : v.elements()) {
          walk(e, steps, from + 1, out);
        }
      }
    } else if (s == ANY_MEMBER) {
      if (v.isObject()) {
        for (Map.Entry<String, JsonValue> e : v.entries()) {
          walk(e.getValue(), steps, from + 1, out);
        }
      }
    } else if (s instanceof Integer i) {
      if (v.isArray()) {
        JsonValue e = v.get(i);
        if (e != null) {
          walk(e, steps, from + 1, out);
        }
      }
    } else if (v.isObject()) {
      JsonValue m = s instanceof JsonValue.Name n ? v.get(n) : v.get((String) s);
      if (m != null) {
        walk(m, steps, from + 1, out);
      }
    } else if (v.isArray()) {
      // a name applied to an array applies to every element (Sigma-friendly)
      for (JsonValue e : v.elements()) {
        walk(e, steps, from, out);
      }
    }
  }

  /** Compiles a path to be applied to a JSON value (for the json() transform). */
  public static List<Object> jsonSteps(String path) {
    return prepared(steps(path));
  }

  /** The steps with member names prepared for lookups ({@link JsonValue.Name}). */
  private static List<Object> prepared(List<Object> steps) {
    List<Object> out = new ArrayList<>(steps.size());
    for (Object s : steps) {
      out.add(s instanceof String n ? JsonValue.Name.of(n) : s);
    }
    return List.copyOf(out);
  }

  private static Accessor json(List<Object> steps, Function<LogRecord, JsonValue> root) {
    List<Object> st = prepared(steps);
    return (ctx, out) -> walk(root.apply(ctx.record()), st, 0, out);
  }

  private static final Set<CloudTrailField> CT_STRINGS = Set.of(CloudTrailField.EVENT_VERSION,
      CloudTrailField.EVENT_SOURCE, CloudTrailField.EVENT_NAME, CloudTrailField.AWS_REGION,
      CloudTrailField.SOURCE_IP_ADDRESS, CloudTrailField.USER_AGENT, CloudTrailField.ERROR_CODE,
      CloudTrailField.ERROR_MESSAGE, CloudTrailField.REQUEST_ID, CloudTrailField.EVENT_ID,
      CloudTrailField.EVENT_TYPE, CloudTrailField.API_VERSION, CloudTrailField.RECIPIENT_ACCOUNT_ID,
      CloudTrailField.SHARED_EVENT_ID, CloudTrailField.VPC_ENDPOINT_ID,
      CloudTrailField.VPC_ENDPOINT_ACCOUNT_ID, CloudTrailField.EVENT_CATEGORY,
      CloudTrailField.EVENT_TIME);

  private static Accessor cloudTrail(List<Object> steps) {
    String first = (String) steps.get(0);
    CloudTrailField top = null;
    for (CloudTrailField f : CloudTrailField.values()) {
      if (f.jsonName().equals(first)) {
        top = f;
      }
    }
    if (top == null) {
      throw new IllegalArgumentException("unknown CloudTrail field " + first);
    }
    CloudTrailField f = top;
    if (steps.size() == 1 && CT_STRINGS.contains(f)) {
      // few distinct values: the model's canonical instances (hash computed once), which
      // group keys, distinct counts and new terms hash over and over
      java.util.function.Function<CloudTrailEvent, @Nullable String> canonical = switch (f) {
        case EVENT_SOURCE -> CloudTrailEvent::eventSource;
        case EVENT_NAME -> CloudTrailEvent::eventName;
        case AWS_REGION -> CloudTrailEvent::awsRegion;
        case ERROR_CODE -> CloudTrailEvent::errorCode;
        case RECIPIENT_ACCOUNT_ID -> CloudTrailEvent::recipientAccountId;
        default -> null;
      };
      if (canonical != null) {
        return (ctx, out) -> {
          String s = canonical.apply((CloudTrailEvent) ctx.record());
          if (s != null) {
            out.add(s);
          }
        };
      }
      return (ctx, out) -> {
        String s = ((CloudTrailEvent) ctx.record()).string(f);
        if (s != null) {
          out.add(s);
        }
      };
    }
    if (f == CloudTrailField.USER_IDENTITY && steps.size() == 2
        && steps.get(1) instanceof String n) {
      for (UserIdentityField u : UserIdentityField.values()) {
        if (u.jsonName().equals(n) && u != UserIdentityField.SESSION_CONTEXT
            && u != UserIdentityField.ON_BEHALF_OF && u != UserIdentityField.IN_SCOPE_OF) {
          return (ctx, out) -> {
            String s = ((CloudTrailEvent) ctx.record()).userIdentityString(u);
            if (s != null) {
              out.add(s);
            }
          };
        }
      }
    }
    List<Object> st = prepared(steps);
    UserIdentityField inner = f == CloudTrailField.USER_IDENTITY && steps.size() > 2
        && steps.get(1) instanceof String n ? userIdentityField(n) : null;
    MemberNeedle needle = lastName(steps, inner != null ? 2 : 1);
    if (inner != null) {
      // start from the member's span in the record's index instead of scanning userIdentity
      return (ctx, out) -> {
        CloudTrailEvent e = (CloudTrailEvent) ctx.record();
        int s = e.valueStart(inner);
        if (s >= 0) {
          walkUnlessAbsent(e.buffer(), s, e.valueEnd(inner), needle, st, 2, out);
          return;
        }
        JsonValue v = e.field(f);
        if (v != null && !v.isObject()) {
          walk(v, st, 1, out); // not indexed (an array applies the name to its elements)
        }
      };
    }
    if (needle != null) {
      return (ctx, out) -> {
        CloudTrailEvent e = (CloudTrailEvent) ctx.record();
        int s = e.valueStart(f);
        if (s >= 0) {
          walkUnlessAbsent(e.buffer(), s, e.valueEnd(f), needle, st, 1, out);
        }
      };
    }
    return (ctx, out) -> {
      JsonValue v = ((CloudTrailEvent) ctx.record()).field(f);
      if (v != null) {
        walk(v, st, 1, out);
      }
    };
  }

  /**
   * {@link #walk} from the JSON value {@code b[s, end)}, unless the needle (of a member name the
   * walk needs) shows that the walk would reach nothing.
   */
  private static void walkUnlessAbsent(byte[] b, int s, int end, @Nullable MemberNeedle needle,
      List<Object> steps, int from, List<Object> out) {
    if (needle == null || !needle.surelyAbsent(b, s, end)) {
      walk(JsonValue.ofValidated(b, s, end), steps, from, out);
    }
  }

  /**
   * The needle of the last member name among {@code steps} from {@code from} on (a walk reaches a
   * value only through a member of that name), or null when there is none to search for.
   */
  private static @Nullable MemberNeedle lastName(List<Object> steps, int from) {
    for (int i = steps.size() - 1; i >= from; i--) {
      if (steps.get(i) instanceof String n) {
        return MemberNeedle.of(n);
      }
    }
    return null;
  }

  private static @Nullable UserIdentityField userIdentityField(String name) {
    for (UserIdentityField u : UserIdentityField.values()) {
      if (u.jsonName().equals(name)) {
        return u;
      }
    }
    return null;
  }

  /**
   * Where the bytes of a CloudTrail field that the accessor of {@code path} reads as text are: a
   * top-level string field or a scalar {@code userIdentity} field. Matchers compare them without
   * decoding (see {@link AsciiText}). Immutable and thread-safe.
   */
  static final class RawString {
    private final @Nullable CloudTrailField top;
    private final @Nullable UserIdentityField ui;

    /** Index of the field among all raw fields (top-level first, then userIdentity). */
    private final int id;

    private RawString(@Nullable CloudTrailField top, @Nullable UserIdentityField ui) {
      this.top = top;
      this.ui = ui;
      this.id = top != null ? top.ordinal()
          : CloudTrailField.values().length + java.util.Objects.requireNonNull(ui).ordinal();
    }

    /**
     * {@link #span} of the context's record when the value is a string of plain ASCII ({@link
     * AsciiText#plain}) as {@code start << 32 | end} of the string's contents (without quotes);
     * -1 when absent, -2 for JSON null, -3 for any other value (not a string, or escaped or
     * non-ASCII text). Remembered per record: rules testing one field scan it once.
     */
    long plainSpan(EvalContext ctx, CloudTrailEvent e) {
      return ctx.rawSpan(id, this, e);
    }

    /** {@link #plainSpan} computed. */
    long computePlainSpan(CloudTrailEvent e) {
      long sp = span(e);
      if (sp < 0) {
        return -1;
      }
      byte[] b = e.buffer();
      int s = (int) (sp >>> 32);
      int end = (int) sp;
      if (b[s] == 'n') {
        return -2;
      }
      if (b[s] != '"' || !AsciiText.plain(b, s + 1, end - 1)) {
        return -3;
      }
      return (long) (s + 1) << 32 | (end - 1);
    }

    /** The span of the field's JSON value as {@code start << 32 | end}, or -1 when absent. */
    long span(CloudTrailEvent e) {
      int s;
      int end;
      if (top != null) {
        s = e.valueStart(top);
        end = e.valueEnd(top);
      } else {
        UserIdentityField u = java.util.Objects.requireNonNull(ui);
        s = e.valueStart(u);
        end = e.valueEnd(u);
      }
      return s < 0 ? -1 : (long) s << 32 | end;
    }
  }

  /**
   * The raw form of a field path for CloudTrail records, or null when the path is not one that
   * {@link #compile} reads as the text of one top-level or {@code userIdentity} field (or the
   * types do not include CloudTrail).
   */
  static @Nullable RawString rawString(String path, Set<SourceType> types) {
    if (!types.contains(SourceType.CLOUDTRAIL)) {
      return null;
    }
    List<Object> st;
    try {
      st = steps(path);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (st.size() == 1 && st.get(0) instanceof String name) {
      for (CloudTrailField f : CloudTrailField.values()) {
        if (f.jsonName().equals(name) && CT_STRINGS.contains(f)) {
          return new RawString(f, null);
        }
      }
    }
    if (st.size() == 2 && "userIdentity".equals(st.get(0)) && st.get(1) instanceof String n) {
      UserIdentityField u = userIdentityField(n);
      if (u != null && u != UserIdentityField.SESSION_CONTEXT
          && u != UserIdentityField.ON_BEHALF_OF && u != UserIdentityField.IN_SCOPE_OF) {
        return new RawString(null, u);
      }
    }
    return null;
  }

  /** The {@code geo.*} fields: {@code geo.source|destination.country|asn|org}. */
  public static final List<String> GEO_FACTS = List.of("country", "asn", "org");

  /**
   * {@code geo.source.*} / {@code geo.destination.*}: what the engine's IP enricher knows about
   * the record's source (CloudTrail {@code sourceIPAddress} when it is an address, flow {@code
   * srcaddr}, Resolver {@code srcaddr}, WAF client, S3 remote IP, load-balancer client, public
   * DNS resolver) or destination (flow {@code dstaddr}, load-balancer target). Absent when the
   * engine has no enricher or the enricher knows nothing.
   */
  private static Accessor geo(String path, List<Object> steps, SourceType t) {
    if (steps.size() != 3 || !(steps.get(1) instanceof String side)
        || !(side.equals("source") || side.equals("destination"))
        || !(steps.get(2) instanceof String fact) || !GEO_FACTS.contains(fact)) {
      throw new IllegalArgumentException("unknown field '" + path + "' (geo fields: geo.source."
          + String.join(", geo.source.", GEO_FACTS) + " and the same under geo.destination)");
    }
    boolean src = side.equals("source");
    if (!src && !t.equals(SourceType.VPC_FLOW) && !t.equals(SourceType.ALB)) {
      throw new IllegalArgumentException("field '" + path + "': record type " + t
          + " has no destination address");
    }
    return (ctx, out) -> {
      IpEnricher.Info info = ctx.ipInfo(address(ctx.record(), src));
      if (info == null) {
        return;
      }
      switch (fact) {
        case "country" -> {
          if (info.country() != null) {
            out.add(info.country());
          }
        }
        case "asn" -> {
          if (info.asn() >= 0) {
            out.add(info.asn());
          }
        }
        default -> {
          if (info.asOrganization() != null) {
            out.add(info.asOrganization());
          }
        }
      }
    };
  }

  static @Nullable IpAddress address(LogRecord r, boolean source) {
    if (r instanceof CloudTrailEvent e) {
      SourceAddress a = e.sourceAddress();
      return a == null ? null : a.ip();
    } else if (r instanceof FlowLogRecord f) {
      return source ? f.srcaddr() : f.dstaddr();
    } else if (r instanceof ResolverQueryLogRecord q) {
      return q.srcaddr();
    } else if (r instanceof WafLogRecord w) {
      return w.clientIp();
    } else if (r instanceof S3AccessLogRecord a) {
      return a.remoteIp();
    } else if (r instanceof LoadBalancerLogRecord l) {
      return source ? l.clientIp() : l.targetIp();
    } else if (r instanceof PublicDnsQueryLogRecord d) {
      return d.resolverIp();
    }
    return null;
  }

  private static Accessor actor(String path, List<Object> steps) {
    if (steps.size() != 2 || !(steps.get(1) instanceof String name)
        || !ACTOR_FIELDS.containsKey(name)) {
      throw new IllegalArgumentException("unknown field '" + path + "' (actor fields: actor."
          + String.join(", actor.", ACTOR_FIELDS.keySet()) + ")");
    }
    return (ctx, out) -> {
      Attribution a = ctx.attribution();
      if (a == null) {
        return;
      }
      Object v = switch (name) {
        case "arn" -> a.origin().id();
        case "type" -> a.origin().kind().name();
        case "account" -> a.origin().accountId();
        case "complete" -> a.isComplete();
        case "mfa" -> mfa(ctx, a);
        case "sourceIdentity" -> a.sourceIdentity();
        case "keyAccount" -> a.keyAccountId();
        case "onBehalfOf" -> a.onBehalfOf();
        case "signInEventId" -> a.signInEventId();
        case "via" -> {
          out.addAll(a.viaRoles());
          yield null;
        }
        default -> null;
      };
      if (v != null) {
        out.add(v);
      }
    };
  }

  private static @Nullable Boolean mfa(EvalContext ctx, Attribution a) {
    CloudTrailEvent e = (CloudTrailEvent) ctx.record();
    if ("ConsoleLogin".equals(e.eventName())) {
      JsonValue add = e.additionalEventData();
      JsonValue m = add == null || !add.isObject() ? null : add.get("MFAUsed");
      String s = m == null ? null : m.stringOrNull();
      if (s != null) {
        return s.equalsIgnoreCase("Yes");
      }
    }
    String signIn = a.signInEventId();
    if (signIn != null) {
      Boolean b = ctx.signInMfa(signIn);
      if (b != null) {
        return b;
      }
    }
    io.cloudir.model.cloudtrail.UserIdentity ui = e.userIdentity();
    return ui == null ? null : ui.mfaUsed();
  }

  private static Accessor flow(@Nullable FlowLogField f) {
    if (f == null) {
      throw new IllegalArgumentException("unknown flow log field");
    }
    return (ctx, out) -> {
      String s = ((FlowLogRecord) ctx.record()).text(f);
      if (s != null) {
        out.add(f.isJsonNumber() ? number(s) : s);
      }
    };
  }

  private static Object number(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return s;
    }
  }

  private static Accessor s3(String name) {
    for (S3AccessLogField f : S3AccessLogField.values()) {
      if (f.jsonName().equals(name)) {
        return (ctx, out) -> {
          String s = ((S3AccessLogRecord) ctx.record()).get(f);
          if (s != null) {
            out.add(s);
          }
        };
      }
    }
    throw new IllegalArgumentException("unknown S3 access log field " + name);
  }

  private static Accessor alb(String name) {
    for (LoadBalancerField f : LoadBalancerField.values()) {
      if (f.isAddressAndPort() && name.equals(f.jsonName() + "_ip")) {
        return (ctx, out) -> {
          String s = ((LoadBalancerLogRecord) ctx.record()).host(f);
          if (s != null) {
            out.add(s);
          }
        };
      }
      if (f.isAddressAndPort() && name.equals(f.jsonName() + "_port")) {
        return (ctx, out) -> {
          int p = ((LoadBalancerLogRecord) ctx.record()).port(f);
          if (p >= 0) {
            out.add((long) p);
          }
        };
      }
      if (!f.isAddressAndPort() && f.jsonName().equals(name)) {
        return (ctx, out) -> {
          String s = ((LoadBalancerLogRecord) ctx.record()).get(f);
          if (s != null) {
            out.add(s);
          }
        };
      }
    }
    throw new IllegalArgumentException("unknown load balancer log field " + name);
  }

  @FunctionalInterface
  private interface DnsGetter {
    @Nullable String get(PublicDnsQueryLogRecord r);
  }

  private static Accessor publicDns(String name) {
    DnsGetter g = switch (name) {
      case "version" -> PublicDnsQueryLogRecord::version;
      case "query_timestamp" -> PublicDnsQueryLogRecord::queryTimestampText;
      case "hosted_zone_id" -> PublicDnsQueryLogRecord::hostedZoneId;
      case "query_name" -> PublicDnsQueryLogRecord::queryName;
      case "query_type" -> PublicDnsQueryLogRecord::queryType;
      case "response_code" -> PublicDnsQueryLogRecord::responseCode;
      case "protocol" -> PublicDnsQueryLogRecord::protocol;
      case "edge_location" -> PublicDnsQueryLogRecord::edgeLocation;
      case "resolver_ip" -> PublicDnsQueryLogRecord::resolverIpText;
      case "edns_client_subnet" -> PublicDnsQueryLogRecord::ednsClientSubnet;
      default -> throw new IllegalArgumentException("unknown public DNS log field " + name);
    };
    return (ctx, out) -> {
      String s = g.get((PublicDnsQueryLogRecord) ctx.record());
      if (s != null) {
        out.add(s);
      }
    };
  }
}
