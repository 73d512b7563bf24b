package io.cloudir.iam.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random simulation cases over a small universe of principals, actions, ARNs, condition operators
 * and context values, in the case format of {@code cloudir iam simulate} and the oracle. Only
 * global {@code aws:} condition keys are used (the oracle ignores service keys that do not apply to
 * the action), and the keys the oracle does not derive (aws:username, aws:PrincipalArn,
 * aws:PrincipalAccount) are always given. Not thread-safe.
 */
final class CaseGenerator {
  static final String A = "111111111111";
  static final String B = "222222222222";
  static final String ALICE = "arn:aws:iam::" + A + ":user/alice";
  static final String DEV_ROLE = "arn:aws:iam::" + A + ":role/Dev";
  static final String DEV_SESSION = "arn:aws:sts::" + A + ":assumed-role/Dev/s1";
  static final String BOB = "arn:aws:iam::" + B + ":user/bob";

  private static final String[] ACTIONS = {
    "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "ec2:TerminateInstances", "sqs:SendMessage"
  };
  private static final String[] ACTION_PATTERNS = {
    "*", "s3:*", "s3:Get*", "s3:GetObject", "s3:?utObject", "s3:DeleteObject", "ec2:*",
    "ec2:Terminate*", "sqs:SendMessage", "sqs:*", "S3:getobject"
  };
  private static final String[] RESOURCE_PATTERNS = {
    "*", "arn:aws:s3:::bkt/*", "arn:aws:s3:::bkt/home/${aws:username}/*", "arn:aws:s3:::bkt/public/*",
    "arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:us-east-1:" + A + ":instance/i-1",
    "arn:aws:sqs:*:" + A + ":*", "arn:aws:sqs:us-east-1:*:q?", "arn:aws:s3:::other/*",
    "arn:aws:s3:::bkt/home/${aws:username, 'nobody'}/*", "arn:aws:s3:::*/public/*"
  };

  /** Key, family, candidate policy values, candidate request values (null = absent). */
  private record Key(String name, String family, String[] policyValues, String[] requestValues,
      boolean multi) {}

  private static final Key[] KEYS = {
    new Key("aws:SourceIp", "ip", new String[] {"10.0.0.0/8", "192.168.1.1/32", "2001:db8::/32", "10.1.0.0/16"},
        new String[] {"10.0.0.5", "10.1.2.3", "192.168.1.1", "2001:db8::1", "8.8.8.8"}, false),
    new Key("aws:RequestedRegion", "string", new String[] {"us-east-1", "eu-west-1", "us-*", "eu-?est-1"},
        new String[] {"us-east-1", "eu-west-1", "ap-south-1", "US-EAST-1"}, false),
    new Key("aws:SecureTransport", "bool", new String[] {"true", "false"},
        new String[] {"true", "false"}, false),
    new Key("aws:MultiFactorAuthAge", "numeric", new String[] {"3600", "60", "0"},
        new String[] {"30", "3600", "7200", "abc"}, false),
    new Key("aws:CurrentTime", "date", new String[] {"2024-01-01T00:00:00Z", "2025-06-30T12:00:00Z", "2024-06-01"},
        new String[] {"2023-12-31T23:59:59Z", "2024-06-01T00:00:00Z", "2026-01-01T00:00:00Z"}, false),
    new Key("aws:PrincipalTag/team", "string", new String[] {"red", "blue", "r*", "${aws:username}"},
        new String[] {"red", "blue", "Red", "alice"}, false),
    new Key("aws:SourceVpce", "string", new String[] {"vpce-1", "vpce-2"},
        new String[] {"vpce-1", "vpce-3"}, false),
    new Key("aws:CalledVia", "string", new String[] {"athena.amazonaws.com", "cloudformation.amazonaws.com", "*.amazonaws.com"},
        new String[] {"athena.amazonaws.com", "cloudformation.amazonaws.com", "glue.amazonaws.com"}, true),
    new Key("aws:SourceArn", "arn", new String[] {"arn:aws:sns:us-east-1:" + A + ":*", "arn:aws:sns:*:*:topic"},
        new String[] {"arn:aws:sns:us-east-1:" + A + ":topic", "arn:aws:sns:eu-west-1:" + B + ":topic"}, false),
  };

  private final SplittableRandom rnd;

  CaseGenerator(long seed) {
    this.rnd = new SplittableRandom(seed);
  }

  private <T> T pick(T[] a) {
    return a[rnd.nextInt(a.length)];
  }

  private boolean chance(int percent) {
    return rnd.nextInt(100) < percent;
  }

  Map<String, Object> next() {
    Map<String, Object> c = new LinkedHashMap<>();
    int pk = rnd.nextInt(10);
    String principal = pk < 4 ? ALICE : pk < 7 ? DEV_SESSION : pk < 9 ? BOB : "anonymous";
    String action = pick(ACTIONS);
    String resource;
    String resourceAccount = null;
    if (action.startsWith("s3:")) {
      resource = pick(new String[] {
        "arn:aws:s3:::bkt/home/alice/x.txt", "arn:aws:s3:::bkt/public/y", "arn:aws:s3:::other/public/z"});
      resourceAccount = chance(80) ? A : B;
    } else if (action.startsWith("ec2:")) {
      resource = "arn:aws:ec2:us-east-1:" + (chance(85) ? A : B) + ":instance/i-" + (chance(70) ? "1" : "2");
    } else {
      resource = "arn:aws:sqs:us-east-1:" + (chance(80) ? A : B) + ":q" + (chance(70) ? "1" : "22");
    }
    boolean principalInOrg = !principal.equals("anonymous") && !principal.equals(BOB);
    List<Object> identity = new ArrayList<>();
    if (!principal.equals("anonymous")) {
      int n = rnd.nextInt(4);
      for (int i = 0; i < n; i++) {
        identity.add(policy(false, 1 + rnd.nextInt(3), 70));
      }
    }
    c.put("identityPolicies", identity);
    if (chance(45)) {
      c.put("resourcePolicy", policy(true, 1 + rnd.nextInt(3), 70));
    }
    if (!principal.equals("anonymous") && chance(25)) {
      c.put("permissionBoundaries", List.of(policy(false, 1 + rnd.nextInt(2), 80)));
    }
    if (principal.equals(DEV_SESSION) && chance(25)) {
      c.put("sessionPolicy", policy(false, 1 + rnd.nextInt(2), 80));
    }
    if (principalInOrg && chance(40)) {
      List<Object> levels = new ArrayList<>();
      int n = 1 + rnd.nextInt(3);
      for (int l = 0; l < n; l++) {
        List<Object> lvl = new ArrayList<>();
        if (chance(85)) {
          lvl.add(allowAll());
        }
        if (chance(50)) {
          lvl.add(policy(false, 1 + rnd.nextInt(2), 30));
        }
        levels.add(lvl);
      }
      c.put("scps", levels);
    }
    if (chance(20)) {
      List<Object> levels = new ArrayList<>();
      int n = 1 + rnd.nextInt(2);
      for (int l = 0; l < n; l++) {
        levels.add(chance(60) ? List.of(denyPolicy(true)) : List.of());
      }
      c.put("rcps", levels);
    }
    if (chance(10)) {
      Map<String, Object> vp = policy(true, 1 + rnd.nextInt(2), 75);
      for (Object st : (List<?>) vp.get("Statement")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) st;
        m.put("Principal", "*"); // endpoint policies name "*" (the oracle requires it)
      }
      c.put("vpcEndpointPolicies", List.of(vp));
    }
    Map<String, Object> req = new LinkedHashMap<>();
    req.put("principal", principal);
    req.put("action", action);
    req.put("resource", resource);
    if (resourceAccount != null) {
      req.put("resourceAccount", resourceAccount);
    }
    Map<String, Object> ctx = new LinkedHashMap<>();
    if (principal.equals(ALICE)) {
      ctx.put("aws:username", "alice");
      ctx.put("aws:PrincipalArn", ALICE);
      ctx.put("aws:PrincipalAccount", A);
    } else if (principal.equals(DEV_SESSION)) {
      ctx.put("aws:PrincipalArn", DEV_ROLE);
      ctx.put("aws:PrincipalAccount", A);
    } else if (principal.equals(BOB)) {
      ctx.put("aws:username", "bob");
      ctx.put("aws:PrincipalArn", BOB);
      ctx.put("aws:PrincipalAccount", B);
    }
    for (Key k : KEYS) {
      if (chance(55)) {
        if (k.multi) {
          int n = rnd.nextInt(3);
          List<String> vs = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            String v = pick(k.requestValues);
            if (!vs.contains(v)) {
              vs.add(v);
            }
          }
          if (!vs.isEmpty()) {
            ctx.put(k.name, vs);
          }
        } else {
          ctx.put(k.name, pick(k.requestValues));
        }
      }
    }
    req.put("context", ctx);
    c.put("request", req);
    return c;
  }

  private static Map<String, Object> allowAll() {
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("Effect", "Allow");
    st.put("Action", "*");
    st.put("Resource", "*");
    return doc(List.of(st));
  }

  /** An RCP: Deny only, Principal "*", an Action list without "*" (as AWS Organizations requires). */
  private Map<String, Object> denyPolicy(boolean principals) {
    Map<String, Object> st = statement(principals, 0);
    st.put("Effect", "Deny");
    st.put("Principal", "*");
    st.remove("NotAction");
    String a = pick(ACTION_PATTERNS);
    st.put("Action", a.equals("*") ? "s3:*" : a);
    if (!st.containsKey("Condition")) {
      st.put("Condition", conditions());
    }
    return doc(List.of(st));
  }

  private static Map<String, Object> doc(List<Object> statements) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("Version", "2012-10-17");
    p.put("Statement", statements);
    return p;
  }

  private Map<String, Object> policy(boolean principals, int statements, int allowPercent) {
    List<Object> sts = new ArrayList<>();
    for (int i = 0; i < statements; i++) {
      sts.add(statement(principals, allowPercent));
    }
    return doc(sts);
  }

  private Map<String, Object> statement(boolean principals, int allowPercent) {
    Map<String, Object> st = new LinkedHashMap<>();
    st.put("Effect", chance(allowPercent) ? "Allow" : "Deny");
    if (principals) {
      st.put("Principal", principal());
    }
    st.put(chance(12) ? "NotAction" : "Action", chance(35) ? List.of(pick(ACTION_PATTERNS), pick(ACTION_PATTERNS)) : pick(ACTION_PATTERNS));
    st.put(chance(10) ? "NotResource" : "Resource", chance(30) ? List.of(pick(RESOURCE_PATTERNS), pick(RESOURCE_PATTERNS)) : pick(RESOURCE_PATTERNS));
    if (chance(45)) {
      st.put("Condition", conditions());
    }
    return st;
  }

  private Object principal() {
    int k = rnd.nextInt(9);
    return switch (k) {
      case 0 -> "*";
      case 1 -> Map.of("AWS", "*");
      case 2 -> Map.of("AWS", A);
      case 3 -> Map.of("AWS", ALICE);
      case 4 -> Map.of("AWS", DEV_ROLE);
      case 5 -> Map.of("AWS", DEV_SESSION);
      case 6 -> Map.of("AWS", "arn:aws:iam::" + B + ":root");
      case 7 -> Map.of("AWS", List.of(BOB, ALICE));
      default -> Map.of("AWS", B);
    };
  }

  private Map<String, Object> conditions() {
    Map<String, Object> cond = new LinkedHashMap<>();
    int n = 1 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) {
      Key k = pick(KEYS);
      String op = operator(k);
      String[] pv = op.equals("Null") ? new String[] {"true", "false"} : k.policyValues;
      Object values = chance(30) ? List.of(pick(pv), pick(pv)) : pick(pv);
      @SuppressWarnings("unchecked")
      Map<String, Object> block = (Map<String, Object>) cond.computeIfAbsent(op, x -> new LinkedHashMap<String, Object>());
      block.put(k.name, values);
    }
    return cond;
  }

  private String operator(Key k) {
    if (chance(8)) {
      return "Null";
    }
    String base = switch (k.family) {
      case "ip" -> pick(new String[] {"IpAddress", "NotIpAddress"});
      case "bool" -> "Bool";
      case "numeric" -> pick(new String[] {"NumericEquals", "NumericNotEquals", "NumericLessThan",
          "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals"});
      case "date" -> pick(new String[] {"DateEquals", "DateNotEquals", "DateLessThan",
          "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals"});
      case "arn" -> pick(new String[] {"ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"});
      default -> pick(new String[] {"StringEquals", "StringNotEquals", "StringLike", "StringNotLike",
          "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase"});
    };
    if (chance(15)) {
      base = base + "IfExists";
    }
    if (k.multi || chance(5)) {
      return pick(new String[] {"ForAnyValue:", "ForAllValues:"}) + base;
    }
    return base;
  }
}
