package io.cloudir.investigate;

import static io.cloudir.investigate.Ev.ACCT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AttributorTest {
  private static final String T0 = "2026-03-14T09:00:00Z";
  private static final String T1 = "2026-03-14T09:01:00Z";
  private static final String T2 = "2026-03-14T09:02:00Z";
  private static final String T3 = "2026-03-14T09:03:00Z";
  private static final String T4 = "2026-03-14T09:04:00Z";
  private static final String ALICE = "arn:aws:iam::" + ACCT + ":user/alice";

  private static String roleArn(String name) {
    return "arn:aws:iam::" + ACCT + ":role/" + name;
  }

  /** Alice (AKIA) assumes role r1, then each role session assumes the next: depth hops. */
  private static List<CloudTrailEvent> chain(int depth) {
    List<CloudTrailEvent> l = new ArrayList<>();
    String caller = Ev.user("alice", "AKIAALICE0000000001");
    String[] times = {T0, T1, T2, T3};
    for (int i = 1; i <= depth; i++) {
      String key = "ASIAHOP" + i + "000000000000";
      l.add(Ev.mint(caller, times[i - 1], "AssumeRole", "r" + i, "s" + i, key, ""));
      caller = Ev.role("r" + i, "s" + i, key, times[i - 1], "");
    }
    l.add(Ev.call(caller, T4, "s3.amazonaws.com", "ListBuckets"));
    return l;
  }

  private static void assertChainToAlice(int depth) {
    List<CloudTrailEvent> events = chain(depth);
    Attributor at = new Attributor().observeAll(events);
    Attribution a = at.attribute(events.get(events.size() - 1));
    assertEquals(new Identity(IdentityKind.IAM_USER, ALICE, ACCT), a.origin());
    assertEquals(Completeness.COMPLETE, a.completeness());
    assertNull(a.reason());
    assertEquals(depth, a.via().size());
    for (int i = 0; i < depth; i++) {
      SessionHop h = a.via().get(i);
      assertEquals(roleArn("r" + (i + 1)), h.roleArn());
      assertEquals("s" + (i + 1), h.sessionName());
      assertEquals("ASIAHOP" + (i + 1) + "000000000000", h.accessKeyId());
      assertEquals(events.get(i).eventID(), h.mintEventId());
      assertEquals("AssumeRole", h.mintEventName());
      assertEquals(events.get(i).eventTime(), h.mintTime());
    }
  }

  @Test
  void oneHop() {
    assertChainToAlice(1);
  }

  @Test
  void twoHops() {
    assertChainToAlice(2);
  }

  @Test
  void threeHops() {
    assertChainToAlice(3);
  }

  @Test
  void observationOrderDoesNotMatterInTwoPassMode() {
    List<CloudTrailEvent> events = new ArrayList<>(chain(3));
    CloudTrailEvent last = events.get(events.size() - 1);
    Collections.reverse(events);
    Attribution a = new Attributor().observeAll(events).attribute(last);
    assertEquals(ALICE, a.origin().id());
    assertEquals(List.of(roleArn("r1"), roleArn("r2"), roleArn("r3")), a.viaRoles());
  }

  @Test
  void streamingAttributesWithWhatWasSeenBefore() {
    List<CloudTrailEvent> events = chain(2);
    Attributor at = new Attributor();
    // the call arrives before its mints: partial, then complete once the mints are seen
    Attribution early = at.observeAndAttribute(events.get(2));
    assertEquals(Completeness.PARTIAL, early.completeness());
    at.observe(events.get(0));
    at.observe(events.get(1));
    Attribution late = at.attribute(events.get(2));
    assertTrue(late.isComplete());
    assertEquals(ALICE, late.origin().id());
  }

  @Test
  void missingMintIsPartialAndNamesTheIssuer() {
    CloudTrailEvent call = Ev.call(Ev.role("ops-admin", "aws-go-sdk-1710406800",
        "ASIAMISSING00000000", T1, ""), T2, "ec2.amazonaws.com", "DeleteFlowLogs");
    Attribution a = new Attributor().observeAll(List.of(call)).attribute(call);
    assertEquals(Completeness.PARTIAL, a.completeness());
    assertEquals(IdentityKind.ROLE, a.origin().kind());
    assertEquals(roleArn("ops-admin"), a.origin().id());
    assertTrue(a.reason().contains("ASIAMISSING00000000"), a.reason());
    assertTrue(a.reason().contains(roleArn("ops-admin")), a.reason());
    assertEquals(1, a.via().size());
    assertFalse(a.via().get(0).minted());
    assertEquals("aws-go-sdk-1710406800", a.via().get(0).sessionName());
  }

  @Test
  void missingMiddleMintKeepsTheKnownTail() {
    // r1's session (key K1) assumes r2 -> K2; K1's own mint is not in the data
    String s1 = Ev.role("r1", "s1", "ASIAK1000000000000", T0, "");
    CloudTrailEvent m2 = Ev.mint(s1, T1, "AssumeRole", "r2", "s2", "ASIAK2000000000000", "");
    CloudTrailEvent call = Ev.call(Ev.role("r2", "s2", "ASIAK2000000000000", T1, ""), T2,
        "iam.amazonaws.com", "CreateUser");
    Attribution a = new Attributor().observeAll(List.of(m2, call)).attribute(call);
    assertEquals(Completeness.PARTIAL, a.completeness());
    assertEquals(roleArn("r1"), a.origin().id());
    assertEquals(List.of(roleArn("r1"), roleArn("r2")), a.viaRoles());
    assertFalse(a.via().get(0).minted());
    assertEquals(m2.eventID(), a.via().get(1).mintEventId());
    assertTrue(a.reason().contains("ASIAK1000000000000"));
  }

  @Test
  void cyclesTerminate() {
    String sa = Ev.role("ra", "sa", "ASIACYCA0000000000", T0, "");
    String sb = Ev.role("rb", "sb", "ASIACYCB0000000000", T0, "");
    CloudTrailEvent mintA = Ev.mint(sb, T0, "AssumeRole", "ra", "sa", "ASIACYCA0000000000", "");
    CloudTrailEvent mintB = Ev.mint(sa, T0, "AssumeRole", "rb", "sb", "ASIACYCB0000000000", "");
    CloudTrailEvent call = Ev.call(sa, T1, "s3.amazonaws.com", "GetObject");
    Attribution a = new Attributor().observeAll(List.of(mintA, mintB, call)).attribute(call);
    assertEquals(Completeness.PARTIAL, a.completeness());
    assertTrue(a.reason().contains("cycle"), a.reason());
  }

  @Test
  void aCycleThroughThreeKeysTerminatesAndNamesTheKeyMetAgain() {
    // sa minted by sc, sc by sb, sb by sa: following sa's mint leads back to sa after three hops
    String sa = Ev.role("ra", "sa", "ASIACYCA0000000000", T0, "");
    String sb = Ev.role("rb", "sb", "ASIACYCB0000000000", T0, "");
    String sc = Ev.role("rc", "sc", "ASIACYCC0000000000", T0, "");
    CloudTrailEvent mintA = Ev.mint(sc, T0, "AssumeRole", "ra", "sa", "ASIACYCA0000000000", "");
    CloudTrailEvent mintB = Ev.mint(sa, T0, "AssumeRole", "rb", "sb", "ASIACYCB0000000000", "");
    CloudTrailEvent mintC = Ev.mint(sb, T0, "AssumeRole", "rc", "sc", "ASIACYCC0000000000", "");
    CloudTrailEvent call = Ev.call(sa, T1, "s3.amazonaws.com", "GetObject");
    Attribution a = new Attributor().observeAll(List.of(mintA, mintB, mintC, call)).attribute(call);
    assertEquals(Completeness.PARTIAL, a.completeness());
    assertTrue(a.reason().contains("cycle") && a.reason().contains("ASIACYCA0000000000"),
        a.reason());
    List<String> roles = a.viaRoles();
    assertEquals(roleArn("ra"), roles.get(roles.size() - 1)); // the call's own session last
    assertTrue(roles.containsAll(List.of(roleArn("rb"), roleArn("rc"))), roles.toString());
  }

  @Test
  void failedAssumeRoleMintsNothing() {
    String alice = Ev.user("alice", "AKIAALICE0000000001");
    String rp = "{\"roleArn\":" + Ev.q(roleArn("r1")) + ",\"roleSessionName\":\"s1\"}";
    String re = "{\"credentials\":{\"accessKeyId\":\"ASIAFAIL0000000000\"}}";
    CloudTrailEvent failed = Ev.parse(Ev.event(alice, T0, "sts.amazonaws.com", "AssumeRole", rp,
        re, ",\"errorCode\":\"AccessDenied\""));
    Attributor at = new Attributor().observeAll(List.of(failed));
    assertEquals(0, at.trackedSessions());
  }

  @Test
  void longTermKeyAndConsoleSession() {
    CloudTrailEvent direct = Ev.call(Ev.user("alice", "AKIAALICE0000000001"), T0,
        "s3.amazonaws.com", "ListBuckets");
    CloudTrailEvent login = Ev.parse(Ev.event(
        "{\"type\":\"IAMUser\",\"principalId\":\"AIDAX\",\"arn\":" + Ev.q(ALICE)
            + ",\"accountId\":" + Ev.q(ACCT) + ",\"userName\":\"alice\"}",
        T1, "signin.amazonaws.com", "ConsoleLogin", "null", "{\"ConsoleLogin\":\"Success\"}", ""));
    CloudTrailEvent console = Ev.parse(Ev.event(
        Ev.userSession("alice", "ASIACONSOLE0000000", T1, true), T2, "ec2.amazonaws.com",
        "DescribeVpcs", "null", "null", ",\"sessionCredentialFromConsole\":\"true\""));
    Attributor at = new Attributor().observeAll(List.of(direct, login, console));
    Attribution d = at.attribute(direct);
    assertEquals(new Identity(IdentityKind.IAM_USER, ALICE, ACCT), d.origin());
    assertTrue(d.via().isEmpty());
    assertNull(d.signInEventId());
    Attribution c = at.attribute(console);
    assertEquals(ALICE, c.origin().id());
    assertEquals(login.eventID(), c.signInEventId());
  }

  @Test
  void instanceProfileWithMint() {
    String instance = "i-0dbc91f429e48eeed";
    CloudTrailEvent mint = Ev.mint(Ev.service("ec2.amazonaws.com"), T0, "AssumeRole",
        "app-role", instance, "ASIAINST0000000000", "");
    CloudTrailEvent call = Ev.call(Ev.role("app-role", instance, "ASIAINST0000000000", T0,
        ",\"ec2RoleDelivery\":\"2.0\""), T1, "s3.amazonaws.com", "GetObject");
    Attribution a = new Attributor().observeAll(List.of(mint, call)).attribute(call);
    assertEquals(new Identity(IdentityKind.EC2_INSTANCE, instance, ACCT), a.origin());
    assertTrue(a.isComplete());
    assertEquals(mint.eventID(), a.via().get(0).mintEventId());
  }

  @Test
  void instanceProfileWithoutMintButWithDelivery() {
    CloudTrailEvent call = Ev.call(Ev.role("app-role", "i-05c30218156bcc246",
        "ASIAINST0000000001", T0, ",\"ec2RoleDelivery\":\"1.0\""), T1, "s3.amazonaws.com",
        "GetObject");
    Attribution a = new Attributor().attribute(call);
    assertEquals(IdentityKind.EC2_INSTANCE, a.origin().kind());
    assertEquals("i-05c30218156bcc246", a.origin().id());
    // an attacker-chosen session name that looks like an instance, without the delivery marker
    CloudTrailEvent fake = Ev.call(Ev.role("app-role", "i-05c30218156bcc246",
        "ASIAINST0000000002", T0, ""), T1, "s3.amazonaws.com", "GetObject");
    Attribution f = new Attributor().attribute(fake);
    assertEquals(Completeness.PARTIAL, f.completeness());
    assertEquals(IdentityKind.ROLE, f.origin().kind());
  }

  @Test
  void webIdentity() {
    String provider = "arn:aws:iam::" + ACCT + ":oidc-provider/token.actions.githubusercontent.com";
    String who = "{\"type\":\"WebIdentityUser\",\"principalId\":\"" + provider
        + ":sts.amazonaws.com:repo:o/r:ref:refs/heads/main\",\"userName\":\"repo:o/r:ref:refs/heads/main\","
        + "\"identityProvider\":" + Ev.q(provider) + "}";
    CloudTrailEvent mint = Ev.mint(who, T0, "AssumeRoleWithWebIdentity", "gha", "GitHubActions",
        "ASIAWEB00000000000", "");
    CloudTrailEvent call = Ev.call(Ev.role("gha", "GitHubActions", "ASIAWEB00000000000", T0, ""),
        T1, "s3.amazonaws.com", "PutObject");
    Attribution a = new Attributor().observeAll(List.of(mint, call)).attribute(call);
    assertEquals(IdentityKind.WEB_IDENTITY_USER, a.origin().kind());
    assertEquals(provider + "/repo:o/r:ref:refs/heads/main", a.origin().id());
    assertEquals(List.of(roleArn("gha")), a.viaRoles());
    assertTrue(a.isComplete());
  }

  @Test
  void samlAndIdentityCenterSaml() {
    String okta = "arn:aws:iam::" + ACCT + ":saml-provider/Okta";
    String sso = "arn:aws:iam::" + ACCT + ":saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE";
    for (String provider : List.of(okta, sso)) {
      String who = "{\"type\":\"SAMLUser\",\"principalId\":\"x:bob@example.com\","
          + "\"userName\":\"bob@example.com\",\"identityProvider\":" + Ev.q(provider) + "}";
      String role = provider == okta ? "okta-admin" : "AWSReservedSSO_Admin_0123456789abcdef";
      CloudTrailEvent mint = Ev.mint(who, T0, "AssumeRoleWithSAML", role, "bob@example.com",
          "ASIASAML0000000000", "");
      CloudTrailEvent call = Ev.call(Ev.role(role, "bob@example.com", "ASIASAML0000000000", T0,
          ""), T1, "s3.amazonaws.com", "ListBuckets");
      Attribution a = new Attributor().observeAll(List.of(mint, call)).attribute(call);
      assertTrue(a.isComplete());
      if (provider == okta) {
        assertEquals(new Identity(IdentityKind.SAML_USER, okta + "/bob@example.com", null),
            a.origin());
      } else {
        assertEquals(IdentityKind.IDENTITY_CENTER_USER, a.origin().kind());
        assertEquals("bob@example.com", a.origin().id());
      }
    }
  }

  @Test
  void identityCenterGetRoleCredentials() {
    String role = "AWSReservedSSO_AdministratorAccess_0123456789abcdef";
    CloudTrailEvent grc = Ev.parse(Ev.event(
        "{\"type\":\"Unknown\",\"principalId\":\"9067-x\",\"accountId\":\"999988887777\","
            + "\"userName\":\"carol\"}",
        T0, "sso.amazonaws.com", "GetRoleCredentials",
        "{\"roleName\":\"AdministratorAccess\",\"accountId\":" + Ev.q(ACCT) + "}", "null", ""));
    CloudTrailEvent call = Ev.call(Ev.role(role, "carol", "ASIASSO00000000000", T0, ""), T1,
        "iam.amazonaws.com", "ListUsers");
    Attribution with = new Attributor().observeAll(List.of(grc, call)).attribute(call);
    assertEquals(IdentityKind.IDENTITY_CENTER_USER, with.origin().kind());
    assertEquals("carol", with.origin().id());
    assertTrue(with.isComplete());
    assertEquals(grc.eventID(), with.via().get(0).mintEventId());
    Attribution without = new Attributor().attribute(call);
    assertEquals("carol", without.origin().id());
    assertEquals(Completeness.PARTIAL, without.completeness());
  }

  @Test
  void federationTokenAndSourceIdentity() {
    String alice = Ev.user("alice", "AKIAALICE0000000001");
    String re = "{\"credentials\":{\"accessKeyId\":\"ASIAFED00000000000\"},\"federatedUser\":{"
        + "\"arn\":\"arn:aws:sts::" + ACCT + ":federated-user/partner\"}}";
    CloudTrailEvent mint = Ev.parse(Ev.event(alice, T0, "sts.amazonaws.com", "GetFederationToken",
        "{\"name\":\"partner\"}", re, ""));
    String fed = "{\"type\":\"FederatedUser\",\"principalId\":\"" + ACCT + ":partner\",\"arn\":"
        + "\"arn:aws:sts::" + ACCT + ":federated-user/partner\",\"accountId\":\"" + ACCT
        + "\",\"accessKeyId\":\"ASIAFED00000000000\",\"sessionContext\":{\"sessionIssuer\":{"
        + "\"type\":\"IAMUser\",\"arn\":" + Ev.q(ALICE) + "},\"attributes\":{\"creationDate\":"
        + Ev.q(T0) + "}}}";
    CloudTrailEvent call = Ev.call(fed, T1, "s3.amazonaws.com", "ListBuckets");
    Attribution a = new Attributor().observeAll(List.of(mint, call)).attribute(call);
    assertEquals(ALICE, a.origin().id());
    assertEquals(mint.eventID(), a.via().get(0).mintEventId());
    assertEquals("partner", a.via().get(0).sessionName());

    CloudTrailEvent m1 = Ev.mint(alice, T0, "AssumeRole", "r1", "s1", "ASIASRC00000000000",
        ",\"sourceIdentity\":\"alice-corp\"");
    CloudTrailEvent c1 = Ev.call(Ev.role("r1", "s1", "ASIASRC00000000000", T0, ""), T1,
        "s3.amazonaws.com", "ListBuckets");
    Attribution s = new Attributor().observeAll(List.of(m1, c1)).attribute(c1);
    assertEquals("alice-corp", s.sourceIdentity());
    assertEquals("alice-corp", s.via().get(0).sourceIdentity());
  }

  @Test
  void serviceLinkedRoleAndServiceCalls() {
    CloudTrailEvent slr = Ev.call(Ev.role("aws-service-role/rds.amazonaws.com/AWSServiceRoleForRDS",
        "SLRManagement", null, T0, ""), T1, "ec2.amazonaws.com", "CreateNetworkInterface");
    Attribution a = new Attributor().attribute(slr);
    assertEquals(new Identity(IdentityKind.AWS_SERVICE, "rds.amazonaws.com", null), a.origin());
    assertTrue(a.isComplete());
    CloudTrailEvent svc = Ev.call(Ev.service("cloudtrail.amazonaws.com"), T1,
        "s3.amazonaws.com", "PutObject");
    assertEquals(IdentityKind.AWS_SERVICE, new Attributor().attribute(svc).origin().kind());
  }

  /** Random chains, shuffled observation: always resolved to alice with exactly the chain. */
  @Test
  void randomChainsResolveExactly() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    try {
      for (int round = 0; round < 200; round++) {
        int depth = 1 + rnd.nextInt(12);
        List<CloudTrailEvent> events = new ArrayList<>();
        String caller = Ev.user("alice", "AKIAALICE0000000001");
        List<String> roles = new ArrayList<>();
        for (int i = 1; i <= depth; i++) {
          String key = String.format("ASIAR%03dH%02d00000000", round, i);
          String role = "role-" + rnd.nextInt(5); // roles may repeat: chaining through the same role
          roles.add(roleArn(role));
          events.add(Ev.mint(caller, T0, "AssumeRole", role, "s" + i, key, ""));
          caller = Ev.role(role, "s" + i, key, T0, "");
        }
        CloudTrailEvent call = Ev.call(caller, T1, "s3.amazonaws.com", "GetObject");
        events.add(call);
        Collections.shuffle(events, new java.util.Random(rnd.nextLong()));
        Attribution a = new Attributor().observeAll(events).attribute(call);
        assertEquals(ALICE, a.origin().id());
        assertEquals(roles, a.viaRoles());
        assertTrue(a.isComplete());
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  /**
   * The answers cached per access key (looked up in place, packed or not) are the answers a fresh
   * attributor computes, whatever order the calls are asked in; one origin is one shared instance.
   */
  @Test
  void cachedAnswersInAnyOrderEqualFreshOnes() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    try {
      List<CloudTrailEvent> events = new ArrayList<>();
      List<CloudTrailEvent> calls = new ArrayList<>();
      for (int u = 0; u < 4; u++) {
        String caller = Ev.user("user" + u, "AKIAUSER000000000" + u);
        for (int i = 1; i <= 1 + rnd.nextInt(4); i++) {
          // packed keys, keys too long to pack, and keys with bytes outside the packed alphabet
          String key = switch (rnd.nextInt(3)) {
            case 0 -> String.format("ASIAU%dH%d00000000000", u, i);
            case 1 -> String.format("ASIAU%dH%d0000000000000000000000", u, i);
            default -> String.format("ASIA-u%d.h%d", u, i);
          };
          String role = "role-" + rnd.nextInt(3);
          events.add(Ev.mint(caller, T0, "AssumeRole", role, "s" + i, key, ""));
          caller = Ev.role(role, "s" + i, key, T0, "");
          for (int c = 0; c < 3; c++) {
            calls.add(Ev.call(caller, T1, "s3.amazonaws.com", "GetObject"));
          }
        }
        calls.add(Ev.call(Ev.user("user" + u, "AKIAUSER000000000" + u), T1, "s3.amazonaws.com",
            "ListBuckets"));
      }
      events.addAll(calls);
      Attributor shared = new Attributor().observeAll(events);
      List<CloudTrailEvent> asked = new ArrayList<>(calls);
      asked.addAll(calls);
      Collections.shuffle(asked, new java.util.Random(rnd.nextLong()));
      java.util.Map<Identity, Identity> seen = new java.util.HashMap<>();
      for (CloudTrailEvent call : asked) {
        Attribution cached = shared.attribute(call);
        Attribution fresh = new Attributor().observeAll(events).attribute(call);
        assertEquals(fresh, cached, call.eventID());
        assertTrue(cached.isComplete(), call.eventID());
        assertTrue(seen.computeIfAbsent(cached.origin(), x -> x) == cached.origin(),
            "one instance per origin: " + cached.origin());
      }
      assertEquals(4, seen.size());
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  /**
   * Streaming keeps every cached answer right: after each event, the attribution of every call
   * seen so far (asked again, from the cache or not) equals the one of a fresh attributor that
   * observed the same prefix. Mints, console sign-ins and sessions arrive in random order, some
   * mints never, and some calls carry no access key.
   */
  @Test
  void streamingCacheEqualsFreshAttributionAfterEveryEvent() {
    long seed = new SplittableRandom().nextLong();
    SplittableRandom rnd = new SplittableRandom(seed);
    String[] times = {T0, T1, T2, T3};
    try {
      for (int run = 0; run < 6; run++) {
        List<CloudTrailEvent> events = new ArrayList<>();
        List<String> identities = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
          String name = "user" + u;
          identities.add(Ev.user(name, "AKIAUSER000000000" + u));
          String t = times[rnd.nextInt(times.length)];
          // a console session of the user and (usually) its sign-in
          identities.add(Ev.userSession(name, "ASIACONSOLE00000" + u + run, t, true));
          if (rnd.nextInt(4) != 0) {
            events.add(Ev.parse(Ev.event("{\"type\":\"IAMUser\",\"principalId\":\"AIDAX\","
                + "\"arn\":" + Ev.q("arn:aws:iam::" + ACCT + ":user/" + name) + ",\"accountId\":"
                + Ev.q(ACCT) + ",\"userName\":" + Ev.q(name) + "}", t, "signin.amazonaws.com",
                "ConsoleLogin", "null", "{\"ConsoleLogin\":\"Success\"}", "")));
          }
          String caller = identities.get(identities.size() - (rnd.nextBoolean() ? 1 : 2));
          for (int h = 1; h <= 1 + rnd.nextInt(3); h++) {
            String key = "ASIAU" + u + "H" + h + "R" + run + "000000000";
            String role = "role-" + rnd.nextInt(3);
            String created = times[rnd.nextInt(times.length)];
            if (rnd.nextInt(5) != 0) { // else: the mint is not in the data
              events.add(Ev.mint(caller, created, "AssumeRole", role, "s" + h, key, ""));
            }
            caller = Ev.role(role, "s" + h, key, created, "");
            identities.add(caller);
          }
        }
        identities.add(Ev.service("ec2.amazonaws.com"));
        identities.add(Ev.role("role-0", "keyless", null, T1, ""));
        for (int c = 0; c < 12; c++) {
          events.add(Ev.call(identities.get(rnd.nextInt(identities.size())), T4,
              "s3.amazonaws.com", "GetObject"));
        }
        Collections.shuffle(events, new java.util.Random(rnd.nextLong()));
        Attributor shared = new Attributor();
        for (int i = 0; i < events.size(); i++) {
          shared.observe(events.get(i));
          Attributor fresh = new Attributor().observeAll(events.subList(0, i + 1));
          for (int j = 0; j <= i; j++) {
            CloudTrailEvent e = events.get(j);
            assertEquals(fresh.attribute(e), shared.attribute(e), "run " + run + " event " + j
                + " after " + i + ": " + e.toJson());
          }
        }
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
    }
  }

  /**
   * A role session is attributed from its key, issuer, ARN and session context only: the same
   * events with the other members of the assumed-role identities (account, principal id, user
   * name, invokedBy, identity provider) changed at random, or removed, are attributed the same —
   * streaming, whatever the order and with some mints missing. (The identity snapshot of a role
   * session does not keep those members.)
   */
  @Test
  void roleSessionsAreAttributedWithoutTheirOtherIdentityMembers() {
    qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
      SplittableRandom rnd = new SplittableRandom(seed);
      List<String[]> plan = new ArrayList<>(); // {caller, time, role, session, key}, or {caller}
      String caller = Ev.user("alice", "AKIAALICE0000000001");
      for (int h = 1; h <= 1 + rnd.nextInt(4); h++) {
        String key = "ASIAR" + h + "000000000000000";
        String role = "role-" + rnd.nextInt(3);
        if (rnd.nextInt(5) != 0) {
          plan.add(new String[] {caller, T0, role, "s" + h, key});
        }
        caller = Ev.role(role, "s" + h, key, T0, rnd.nextBoolean() ? ""
            : ",\"sourceIdentity\":\"si" + h + "\"");
        plan.add(new String[] {caller});
      }
      Collections.shuffle(plan, new Random(rnd.nextLong()));
      long variant = rnd.nextLong();
      Attributor plain = new Attributor();
      Attributor varied = new Attributor();
      for (String[] step : plan) {
        String id = vary(step[0], 0);
        CloudTrailEvent a = step.length == 1 ? Ev.call(id, T1, "s3.amazonaws.com", "GetObject")
            : Ev.mint(id, step[1], "AssumeRole", step[2], step[3], step[4], "");
        // the same event (same eventID) with the identity varied
        CloudTrailEvent b = Ev.parse(a.toJson().replace(id, vary(step[0], variant)));
        assertEquals(plain.observeAndAttribute(a), varied.observeAndAttribute(b), b.toJson());
      }
    });
  }

  /**
   * An assumed-role identity with its account, principal id, user name, invokedBy and identity
   * provider removed (variant 0) or set at random; other identities unchanged.
   */
  private static String vary(String identity, long variant) {
    if (!identity.contains("\"AssumedRole\"")) {
      return identity;
    }
    String out = identity.replaceFirst(",\"accountId\":\"[0-9]*\"", "")
        .replaceFirst("\"principalId\":\"[^\"]*\",", "");
    if (variant == 0) {
      return out;
    }
    SplittableRandom rnd = new SplittableRandom(variant ^ identity.hashCode());
    String[] members = {"accountId", "principalId", "userName", "invokedBy", "identityProvider"};
    StringBuilder add = new StringBuilder();
    for (String m : members) {
      if (rnd.nextBoolean()) {
        add.append(",\"").append(m).append("\":").append(rnd.nextBoolean()
            ? Ev.q("x" + rnd.nextInt(1000)) : rnd.nextBoolean() ? "null" : "\"ec2.amazonaws.com\"");
      }
    }
    return out.substring(0, out.length() - 1) + add + "}";
  }

  @Test
  void aSignInSeenAfterItsSessionsCallsIsFoundOnTheNextCall() {
    CloudTrailEvent console = Ev.parse(Ev.event(
        Ev.userSession("alice", "ASIACONSOLE0000000", T1, true), T2, "ec2.amazonaws.com",
        "DescribeVpcs", "null", "null", ",\"sessionCredentialFromConsole\":\"true\""));
    CloudTrailEvent login = Ev.parse(Ev.event(
        "{\"type\":\"IAMUser\",\"principalId\":\"AIDAX\",\"arn\":" + Ev.q(ALICE)
            + ",\"accountId\":" + Ev.q(ACCT) + ",\"userName\":\"alice\"}",
        T1, "signin.amazonaws.com", "ConsoleLogin", "null", "{\"ConsoleLogin\":\"Success\"}", ""));
    Attributor at = new Attributor();
    assertNull(at.observeAndAttribute(console).signInEventId());
    at.observe(login);
    assertEquals(login.eventID(), at.attribute(console).signInEventId());
  }

  // ---- AssumeRoot: centralized root access for member accounts. IAM User Guide, "Track
  // privileged tasks in AWS CloudTrail": the AssumeRoot event in the management (or delegated
  // administrator) account returns credentials; calls made with them in the member account show
  // userIdentity type Root with that temporary key and sessionContext.assumedRoot "true".

  private static final String MEMBER = "222233334444";

  private static String rootSession(String key, String created) {
    return "{\"type\":\"Root\",\"principalId\":\"" + MEMBER + "\",\"arn\":\"arn:aws:iam::"
        + MEMBER + ":root\",\"accountId\":\"" + MEMBER + "\",\"accessKeyId\":\"" + key
        + "\",\"sessionContext\":{\"attributes\":{\"creationDate\":\"" + created
        + "\",\"mfaAuthenticated\":\"false\"},\"assumedRoot\":\"true\"}}";
  }

  private static CloudTrailEvent assumeRoot(String caller, String time, String newKey) {
    String rp = "{\"targetPrincipal\":\"" + MEMBER + "\",\"taskPolicyArn\":{\"arn\":"
        + "\"arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy\"}}";
    String re = "{\"credentials\":{\"accessKeyId\":\"" + newKey + "\",\"sessionToken\":\"x\","
        + "\"expiration\":\"Oct 25, 2024, 9:07:11 PM\"}}";
    return Ev.parse(Ev.event(caller, time, "sts.amazonaws.com", "AssumeRoot", rp, re, ""));
  }

  @Test
  void assumeRootSessionIsAttributedToTheManagementAccountCaller() {
    // alice assumes an admin role, which opens a privileged root session in the member account
    CloudTrailEvent toRole = Ev.mint(Ev.user("alice", "AKIAALICE0000000001"), T0, "AssumeRole",
        "org-admin", "alice", "ASIAORGADMIN00000001", "");
    String roleCaller = Ev.role("org-admin", "alice", "ASIAORGADMIN00000001", T0, "");
    CloudTrailEvent toRoot = assumeRoot(roleCaller, T1, "ASIAROOTTASK00000001");
    CloudTrailEvent call = Ev.parse(Ev.event(rootSession("ASIAROOTTASK00000001", T1), T2,
        "s3.amazonaws.com", "DeleteBucketPolicy", "{\"bucketName\":\"locked\"}", "null", ""));
    Attributor at = new Attributor();
    at.observeAndAttribute(toRole);
    at.observeAndAttribute(toRoot);
    Attribution a = at.observeAndAttribute(call);
    assertEquals(new Identity(IdentityKind.IAM_USER, ALICE, ACCT), a.origin());
    assertEquals(Completeness.COMPLETE, a.completeness());
    assertEquals(2, a.via().size());
    assertEquals(roleArn("org-admin"), a.via().get(0).roleArn());
    assertEquals(toRole.eventID(), a.via().get(0).mintEventId());
    SessionHop root = a.via().get(1);
    assertEquals("arn:aws:iam::" + MEMBER + ":root", root.roleArn());
    assertEquals("ASIAROOTTASK00000001", root.accessKeyId());
    assertEquals("AssumeRoot", root.mintEventName());
    assertEquals(toRoot.eventID(), root.mintEventId());
  }

  @Test
  void assumeRootWithoutItsMintIsPartialNotTheMemberRoot() {
    CloudTrailEvent call = Ev.parse(Ev.event(rootSession("ASIAROOTTASK00000002", T1), T2,
        "s3.amazonaws.com", "DeleteBucketPolicy", "{\"bucketName\":\"locked\"}", "null", ""));
    Attribution a = new Attributor().observeAndAttribute(call);
    assertEquals(Completeness.PARTIAL, a.completeness());
    assertEquals(IdentityKind.UNKNOWN, a.origin().kind());
    assertTrue(a.reason().contains("AssumeRoot"), a.reason());
    assertEquals(1, a.via().size());
  }

  @Test
  void ordinaryRootUseStaysRoot() {
    String root = "{\"type\":\"Root\",\"principalId\":\"" + MEMBER + "\",\"arn\":\"arn:aws:iam::"
        + MEMBER + ":root\",\"accountId\":\"" + MEMBER + "\",\"accessKeyId\":\"ASIACONSOLE000000001\","
        + "\"sessionContext\":{\"attributes\":{\"creationDate\":\"" + T0
        + "\",\"mfaAuthenticated\":\"true\"}}}";
    CloudTrailEvent call = Ev.parse(Ev.event(root, T2, "iam.amazonaws.com", "CreateUser", "{}",
        "null", ""));
    Attribution a = new Attributor().observeAndAttribute(call);
    assertEquals(new Identity(IdentityKind.ROOT, "arn:aws:iam::" + MEMBER + ":root", MEMBER),
        a.origin());
    assertTrue(a.via().isEmpty());
  }

  @Test
  void manySessionsWhoseMintsArriveAfterTheirCallsAreAllWokenInStreaming() {
    // more waiting lookups than the wake filter holds before it is rebuilt: every call's
    // attribution waits for its key's mint; when the mint arrives (some early, most after all the
    // calls), the next call must see it
    int n = 12_000;
    SplittableRandom rnd = new SplittableRandom(20261122L);
    Attributor at = new Attributor();
    String alice = Ev.user("alice", "AKIAALICE0000000001");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(String.format("ASIAWAKE%012d", i));
    }
    List<Integer> late = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String key = keys.get(i);
      // creation times spread over a minute: the sessions do not all wait on one SwitchRole key
      String created = String.format("2026-03-14T09:01:%02dZ", i % 60);
      CloudTrailEvent c = Ev.call(Ev.role("r", "s" + i, key, created, ""), T2, "s3.amazonaws.com",
          "ListBuckets");
      assertEquals(Completeness.PARTIAL, at.observeAndAttribute(c).completeness());
      if (rnd.nextInt(4) == 0) {
        at.observe(Ev.mint(alice, T1, "AssumeRole", "r", "s" + i, key, ""));
        assertEquals(Completeness.COMPLETE, at.observeAndAttribute(c).completeness(), key);
      } else {
        late.add(i);
      }
    }
    Collections.shuffle(late, new Random(7));
    for (int i : late) {
      String key = keys.get(i);
      at.observe(Ev.mint(alice, T1, "AssumeRole", "r", "s" + i, key, ""));
      String created = String.format("2026-03-14T09:01:%02dZ", i % 60);
      Attribution a = at.attribute(Ev.call(Ev.role("r", "s" + i, key, created, ""), T3,
          "s3.amazonaws.com", "ListBuckets"));
      assertEquals(Completeness.COMPLETE, a.completeness(), key);
      assertEquals(ALICE, a.origin().id(), key);
    }
  }
}
