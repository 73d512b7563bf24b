package io.cloudir.iam.internal.snapshot;

import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.eval.Result;
import io.cloudir.iam.internal.catalog.Wildcard;
import io.cloudir.iam.internal.eval.CPolicy;
import io.cloudir.iam.internal.eval.Ctx;
import io.cloudir.iam.internal.eval.Engine;
import io.cloudir.iam.internal.eval.Explainer;
import io.cloudir.iam.internal.eval.Trace;
import io.cloudir.iam.internal.snapshot.Entities.Entity;
import io.cloudir.iam.internal.snapshot.Entities.Kind;
import io.cloudir.iam.internal.snapshot.Entities.ManagedPolicy;
import io.cloudir.iam.internal.snapshot.Entities.Named;
import io.cloudir.iam.internal.snapshot.Entities.ResourcePolicy;
import io.cloudir.iam.policy.Effect;
import io.cloudir.iam.policy.Policy;
import io.cloudir.iam.policy.Statement;
import io.cloudir.model.arn.Arn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The queries over a {@link Model}: policies of each principal compiled once (on first use) and
 * combined per request into an {@link Engine}. Thread-safe: caches are concurrent, the assume-role
 * graph is computed once under a lock.
 */
public final class Analyzer {
  /** Trust-policy actions a federated identity uses to obtain a role session. */
  static final List<String> FEDERATED_ACTIONS =
      List.of("sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity");

  final Model model;
  final ActionCatalog catalog;

  /** The catalog. */
  public ActionCatalog catalog() {
    return catalog;
  }
  private final ConcurrentHashMap<String, Compiled> compiled = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, List<List<CPolicy>>> scps = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, List<List<CPolicy>>> rcps = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Optional<CPolicy>> resources = new ConcurrentHashMap<>();
  private volatile @Nullable List<Edge> graph;

  /**
   * An analyzer.
   *
   * @param model the data
   * @param catalog the action catalog
   */
  public Analyzer(Model model, ActionCatalog catalog) {
    this.model = model;
    this.catalog = catalog;
  }

  /** The data. */
  public Model model() {
    return model;
  }

  /**
   * A principal's policies, compiled.
   *
   * @param entity the user or role (null for an account root)
   * @param identity identity-based policies (inline and attached, of the user's groups too)
   * @param boundaries the permissions boundary (zero or one)
   * @param tags the principal's tags as {@code aws:PrincipalTag/…} context keys
   */
  record Compiled(
      @Nullable Entity entity, List<CPolicy> identity, List<CPolicy> boundaries,
      Map<String, List<String>> tags) {}

  /** Every user and role, in snapshot order (users first). */
  List<Entity> principals() {
    List<Entity> l = new ArrayList<>(model.users.values());
    l.addAll(model.roles.values());
    return l;
  }

  /** The identity-based policies of a principal with their names in explanations. */
  List<Named> identityPolicies(Entity e) {
    List<Named> out = new ArrayList<>();
    String label = e.kind() == Kind.USER ? "user/" + e.name() : "role/" + e.name();
    for (Map.Entry<String, Policy> ip : e.inline().entrySet()) {
      out.add(new Named(label + ":inline/" + ip.getKey(), ip.getValue()));
    }
    for (String a : e.attached()) {
      Policy d = managed(a);
      if (d != null) {
        out.add(new Named(a, d));
      }
    }
    for (String g : e.groups()) {
      Entity ge = model.group(e.account(), g);
      if (ge == null) {
        continue;
      }
      for (Map.Entry<String, Policy> ip : ge.inline().entrySet()) {
        out.add(new Named("group/" + g + ":inline/" + ip.getKey(), ip.getValue()));
      }
      for (String a : ge.attached()) {
        Policy d = managed(a);
        if (d != null) {
          out.add(new Named(a, d));
        }
      }
    }
    return out;
  }

  @Nullable Policy managed(String arn) {
    ManagedPolicy mp = model.policies.get(arn);
    return mp == null ? null : mp.document();
  }

  /** The permissions boundary of a principal, if it has one the snapshot holds. */
  @Nullable Named boundary(Entity e) {
    String b = e.boundary();
    if (b == null) {
      return null;
    }
    Policy d = managed(b);
    return d == null ? null : new Named(b, d);
  }

  Compiled compiled(@Nullable Entity e) {
    if (e == null) {
      return new Compiled(null, List.of(), List.of(), Map.of());
    }
    return compiled.computeIfAbsent(e.arn(), k -> compile(e));
  }

  private Compiled compile(Entity e) {
    List<CPolicy> id = new ArrayList<>();
    for (Named n : identityPolicies(e)) {
      id.add(new CPolicy(n.name(), n.policy()));
    }
    List<CPolicy> b = new ArrayList<>();
    Named bn = boundary(e);
    if (bn != null) {
      b.add(new CPolicy(bn.name(), bn.policy()));
    }
    Map<String, List<String>> tags = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : e.tags().entrySet()) {
      tags.put("aws:PrincipalTag/" + t.getKey(), List.of(t.getValue()));
    }
    return new Compiled(e, List.copyOf(id), List.copyOf(b), tags);
  }

  private List<List<CPolicy>> levels(String account, boolean scp) {
    ConcurrentHashMap<String, List<List<CPolicy>>> cache = scp ? scps : rcps;
    return cache.computeIfAbsent(account, a -> {
      List<List<CPolicy>> out = new ArrayList<>();
      List<List<Named>> ls = scp ? model.scpLevels(a) : model.rcpLevels(a);
      for (int l = 0; l < ls.size(); l++) {
        List<CPolicy> level = new ArrayList<>();
        for (Named n : ls.get(l)) {
          level.add(new CPolicy((scp ? "scp" : "rcp") + l + ":" + n.name(), n.policy()));
        }
        out.add(List.copyOf(level));
      }
      return List.copyOf(out);
    });
  }

  /** Whether the resource's own policy for this action is the role's trust policy. */
  static boolean isTrustAction(String action) {
    return action.toLowerCase(Locale.ROOT).startsWith("sts:assumerole")
        || action.equalsIgnoreCase("sts:TagSession") || action.equalsIgnoreCase("sts:SetSourceIdentity");
  }

  /** The resource-based policy that applies: the role's trust policy or a registered policy. */
  @Nullable Policy resourcePolicy(String action, String resource) {
    if (isTrustAction(action)) {
      Entity r = model.principal(resource);
      if (r != null && r.kind() == Kind.ROLE && resource.contains(":role/")) {
        return r.trust();
      }
      return null;
    }
    ResourcePolicy rp = model.resourcePolicy(resource);
    return rp == null ? null : rp.policy();
  }

  private @Nullable CPolicy compiledResource(String action, String resource) {
    boolean trust = isTrustAction(action);
    return resources
        .computeIfAbsent((trust ? "T" : "R") + resource, k -> {
          Policy p = resourcePolicy(action, resource);
          return Optional.ofNullable(p == null ? null : new CPolicy("resource", p));
        })
        .orElse(null);
  }

  /** The resource's account as the snapshot knows it (resource policy file), or null. */
  @Nullable String resourceAccount(String resource) {
    ResourcePolicy rp = model.resourcePolicy(resource);
    return rp == null ? null : rp.account();
  }

  /** Context keys derived from the snapshot (principal and resource tags), unless given. */
  Map<String, List<String>> context(
      Compiled p, String resource, Map<String, List<String>> given) {
    Map<String, List<String>> ctx = new LinkedHashMap<>(given);
    Set<String> lower = new HashSet<>();
    for (String k : given.keySet()) {
      lower.add(k.toLowerCase(Locale.ROOT));
    }
    for (Map.Entry<String, List<String>> t : p.tags().entrySet()) {
      if (lower.add(t.getKey().toLowerCase(Locale.ROOT))) {
        ctx.put(t.getKey(), t.getValue());
      }
    }
    Entity r = resource.startsWith("arn:") && resource.contains(":iam::") ? model.principal(resource) : null;
    if (r != null) {
      for (Map.Entry<String, String> t : r.tags().entrySet()) {
        for (String prefix : new String[] {"aws:ResourceTag/", "iam:ResourceTag/"}) {
          if (lower.add((prefix + t.getKey()).toLowerCase(Locale.ROOT))) {
            ctx.put(prefix + t.getKey(), List.of(t.getValue()));
          }
        }
      }
    }
    return ctx;
  }

  /** A request compiled against the snapshot: the engine and the context. */
  record Prepared(Engine engine, Ctx ctx) {}

  Prepared prepare(
      String principalArn, @Nullable Entity entity, String action, String resource,
      Map<String, List<String>> given, boolean unknown) {
    Compiled p = compiled(entity);
    String pAcct = Arn.tryParse(principalArn).map(Arn::account).orElse("");
    String rAcct = resourceAccount(resource);
    if (rAcct == null) {
      // the caller may say whose resource it is (S3 ARNs carry no account)
      for (Map.Entry<String, List<String>> e : given.entrySet()) {
        if (e.getKey().equalsIgnoreCase("aws:ResourceAccount") && e.getValue().size() == 1) {
          rAcct = e.getValue().get(0);
        }
      }
    }
    String effRes = rAcct;
    if (effRes == null) {
      Arn ra = Arn.tryParse(resource).orElse(null);
      effRes = ra != null && !ra.account().isEmpty() ? ra.account() : pAcct;
    }
    CPolicy res = compiledResource(action, resource);
    Engine engine = new Engine(p.identity(), res, p.boundaries(), null,
        pAcct.isEmpty() ? List.of() : levels(pAcct, true),
        effRes.isEmpty() ? List.of() : levels(effRes, false), List.of());
    Ctx ctx = new Ctx(principalArn, action, resource, rAcct, context(p, resource, given), unknown);
    return new Prepared(engine, ctx);
  }

  /**
   * The entity of a principal ARN; {@code null} for an account root; an exception for a principal
   * the snapshot does not hold.
   */
  @Nullable Entity entityOf(String principalArn) {
    Entity e = model.principal(principalArn);
    if (e != null) {
      return e;
    }
    Arn a = Arn.tryParse(principalArn).orElse(null);
    if (a != null && a.service().equals("iam") && a.resource().equals("root")) {
      return null;
    }
    throw new IllegalArgumentException("principal not in the snapshot: " + principalArn);
  }

  /** canDo: the explained result. Keys not given are unknown (the answer may be conditional). */
  public Result canDo(
      String principalArn, String action, String resource, Map<String, List<String>> context) {
    Prepared pr = prepare(principalArn, entityOf(principalArn), action, resource, context, true);
    return Explainer.explain(pr.engine(), pr.ctx());
  }

  /** A decision with the keys it depends on (empty unless conditional). */
  public record Answer(Decision decision, List<String> keys) {}

  /** The decision for a snapshot principal, with keys when conditional. */
  Answer decide(Entity e, String action, String resource, Map<String, List<String>> context) {
    Prepared pr = prepare(e.arn(), e, action, resource, context, true);
    int packed = pr.engine().evaluate(pr.ctx(), null);
    Decision d = Explainer.decision(Engine.decision(packed));
    if (d == Decision.CONDITIONAL && (Engine.possible(packed) & (1 << Engine.ALLOWED)) == 0) {
      // denied whatever the unknown keys are (explicitly or implicitly)
      return new Answer(Decision.IMPLICIT_DENY, List.of());
    }
    if (d != Decision.CONDITIONAL) {
      return new Answer(d, List.of());
    }
    Map<String, String> keys = new LinkedHashMap<>();
    pr.engine().evaluate(pr.ctx(), new Trace() {
      @Override
      public void statement(int layer, int level, String policy, Statement st, int result,
          String reason) {}

      @Override
      public void unknownKey(String key) {
        keys.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
      }

      @Override
      public void note(String text) {}
    });
    return new Answer(d, List.copyOf(keys.values()));
  }

  // ------------------------------------------------------------------ who can

  /**
   * An edge of the assume-role graph: {@code from} can obtain a session of {@code role}.
   *
   * @param from a user or role ARN, or a SAML/OIDC provider
   * @param role the role ARN
   * @param decision ALLOWED or CONDITIONAL
   * @param keys the keys a conditional edge depends on
   * @param federated whether {@code from} is an identity provider
   */
  public record Edge(String from, String role, Decision decision, List<String> keys, boolean federated) {}

  /** The assume-role graph for a context: cached for the empty context, else computed. */
  List<Edge> graph(Map<String, List<String>> context) {
    return context.isEmpty() ? graph() : buildGraph(context);
  }

  /** The assume-role graph with no known context, computed on first use. */
  List<Edge> graph() {
    List<Edge> g = graph;
    if (g == null) {
      synchronized (this) {
        g = graph;
        if (g == null) {
          g = buildGraph(Map.of());
          graph = g;
        }
      }
    }
    return g;
  }

  private List<Edge> buildGraph(Map<String, List<String>> context) {
    List<Edge> edges = new ArrayList<>();
    List<Entity> all = principals();
    for (Entity role : model.roles.values()) {
      Policy trust = role.trust();
      if (trust == null) {
        continue;
      }
      if (mayAllow(trust, "sts:AssumeRole")) {
        for (Entity p : all) {
          if (p == role || !mayName(trust, p)) {
            continue;
          }
          Answer a = decide(p, "sts:AssumeRole", role.arn(), context);
          if (a.decision() == Decision.ALLOWED || a.decision() == Decision.CONDITIONAL) {
            edges.add(new Edge(p.arn(), role.arn(), a.decision(), a.keys(), false));
          }
        }
      }
      edges.addAll(federatedEdges(role, trust));
    }
    return List.copyOf(edges);
  }

  private static boolean mayAllow(Policy p, String action) {
    for (Statement s : p.statements()) {
      if (s.effect() == Effect.ALLOW && actionMatches(s, action)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some Allow statement of a trust policy for {@code sts:AssumeRole} can name the
   * principal: every way to assume a role needs its trust policy to allow the caller (IAM User
   * Guide, "Cross account resource access in IAM" and "AssumeRole": the role's trust policy must
   * name the principal, its role, its account, or everyone), so a principal it cannot name has no
   * edge and need not be evaluated.
   */
  static boolean mayName(Policy trust, Entity p) {
    for (Statement s : trust.statements()) {
      if (s.effect() != Effect.ALLOW || !actionMatches(s, "sts:AssumeRole")) {
        continue;
      }
      var pr = s.principals();
      if (pr == null || s.notPrincipal() || pr.matchesEveryone()) {
        return true;
      }
      for (String a : pr.aws()) {
        if (a.equals(p.account()) || a.equals(p.arn())
            || (a.endsWith(":root") && a.contains(":iam::" + p.account() + ":"))
            || (p.kind() == Kind.ROLE && a.contains(":iam::" + p.account() + ":role/")
                && a.endsWith("/" + p.name()))) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean actionMatches(Statement s, String action) {
    boolean m = false;
    for (String a : s.actions()) {
      if (Wildcard.matches(a, action)) {
        m = true;
        break;
      }
    }
    return m != s.notAction();
  }

  /**
   * Federated principals of a trust policy: a statement that allows {@code
   * sts:AssumeRoleWithSAML} or {@code sts:AssumeRoleWithWebIdentity} to a {@code Federated}
   * provider gives an edge (conditional on its condition keys, if any) unless an unconditional
   * Deny for the same provider and action applies (IAM User Guide, "AWS JSON policy elements:
   * Principal", federated user principals).
   */
  private static List<Edge> federatedEdges(Entity role, Policy trust) {
    Map<String, Answer> best = new TreeMap<>();
    Set<String> denied = new HashSet<>();
    for (Statement s : trust.statements()) {
      if (s.principals() == null || s.notPrincipal()) {
        continue;
      }
      for (String action : FEDERATED_ACTIONS) {
        if (!actionMatches(s, action)) {
          continue;
        }
        for (String f : s.principals().federated()) {
          if (s.effect() == Effect.DENY) {
            if (s.conditions().isEmpty()) {
              denied.add(f);
            }
            continue;
          }
          List<String> keys = new ArrayList<>();
          for (var c : s.conditions()) {
            if (!keys.contains(c.key())) {
              keys.add(c.key());
            }
          }
          Answer a = new Answer(keys.isEmpty() ? Decision.ALLOWED : Decision.CONDITIONAL, keys);
          Answer old = best.get(f);
          if (old == null || (old.decision() == Decision.CONDITIONAL && a.decision() == Decision.ALLOWED)) {
            best.put(f, a);
          }
        }
      }
    }
    List<Edge> out = new ArrayList<>();
    for (Map.Entry<String, Answer> e : best.entrySet()) {
      if (!denied.contains(e.getKey())) {
        out.add(new Edge(e.getKey(), role.arn(), e.getValue().decision(), e.getValue().keys(), true));
      }
    }
    return out;
  }

  /**
   * One who-can answer.
   *
   * @param principal the principal ARN (user, role, or identity provider)
   * @param decision ALLOWED or CONDITIONAL
   * @param via roles assumed on the way, in order
   * @param keys context keys the answer depends on
   */
  public record Reach(String principal, Decision decision, List<String> via, List<String> keys) {}

  /**
   * Who can perform the action on the resource: every user and role of the snapshot that is
   * allowed (or conditionally allowed) directly, plus every principal that can reach such a role
   * through a chain of role assumptions (the best chain: unconditional before conditional, then
   * shortest). Sorted by principal.
   */
  public List<Reach> whoCan(String action, String resource, Map<String, List<String>> context) {
    Map<String, Reach> best = new HashMap<>();
    PriorityQueue<Reach> queue = new PriorityQueue<>(
        Comparator.comparingInt((Reach r) -> r.decision() == Decision.ALLOWED ? 0 : 1)
            .thenComparingInt(r -> r.via().size())
            .thenComparing(Reach::principal));
    for (Entity e : principals()) {
      Answer a = decide(e, action, resource, context);
      if (a.decision() == Decision.ALLOWED || a.decision() == Decision.CONDITIONAL) {
        queue.add(new Reach(e.arn(), a.decision(), List.of(), a.keys()));
      }
    }
    Map<String, List<Edge>> into = new HashMap<>();
    for (Edge edge : graph(context)) {
      into.computeIfAbsent(edge.role(), k -> new ArrayList<>()).add(edge);
    }
    while (!queue.isEmpty()) {
      Reach r = queue.poll();
      if (best.containsKey(r.principal())) {
        continue;
      }
      best.put(r.principal(), r);
      for (Edge edge : into.getOrDefault(r.principal(), List.of())) {
        if (best.containsKey(edge.from())) {
          continue;
        }
        List<String> via = new ArrayList<>();
        via.add(r.principal());
        via.addAll(r.via());
        Decision d = edge.decision() == Decision.ALLOWED && r.decision() == Decision.ALLOWED
            ? Decision.ALLOWED : Decision.CONDITIONAL;
        LinkedHashSet<String> keys = new LinkedHashSet<>(edge.keys());
        keys.addAll(r.keys());
        queue.add(new Reach(edge.from(), d, via, List.copyOf(keys)));
      }
    }
    List<Reach> out = new ArrayList<>(best.values());
    out.sort(Comparator.comparing(Reach::principal));
    return out;
  }
}
