package io.cloudir.iam.internal.snapshot;

import io.cloudir.iam.catalog.AccessLevel;
import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.iam.catalog.ActionInfo;
import io.cloudir.iam.catalog.ServiceInfo;
import io.cloudir.iam.internal.snapshot.Entities.Entity;
import io.cloudir.iam.internal.snapshot.Entities.Kind;
import io.cloudir.iam.internal.snapshot.Entities.Named;
import io.cloudir.iam.internal.snapshot.Entities.ResourcePolicy;
import io.cloudir.iam.policy.Condition;
import io.cloudir.iam.policy.Effect;
import io.cloudir.iam.policy.Policy;
import io.cloudir.iam.policy.Statement;
import io.cloudir.model.CloudirException;
import io.cloudir.model.arn.ArnPattern;
import io.cloudir.model.arn.Bindings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a principal can do, computed on action sets and ARN patterns (never by enumerating
 * resources):
 *
 * <ol>
 *   <li>each {@code Allow} statement of the identity-based policies (and each statement of a
 *       resource-based policy that names the principal's own ARN) gives its actions, expanded
 *       through the catalog ({@code NotAction}: every catalog action it does not name), and its
 *       resource patterns with the principal's policy variables bound ({@code ${aws:username}},
 *       {@code ${aws:PrincipalTag/…}}); {@code NotResource} gives {@code *} except those
 *       patterns;
 *   <li>an unconditional {@code Deny} (identity, boundary or SCP) whose pattern covers a
 *       candidate pattern removes it; one that only intersects it is listed in {@code except}; a
 *       conditional one makes the entry conditional on its keys;
 *   <li>a permissions boundary and each SCP level must allow the action: a candidate pattern
 *       stays when an allowing pattern covers it, is narrowed to an allowing pattern it covers,
 *       and is kept as is when they merely overlap (an over-approximation);
 *   <li>conditions of the statements that allow make the entry conditional on their keys.
 * </ol>
 *
 * Stateless and thread-safe.
 */
public final class WhatCan {
  private WhatCan() {}

  /**
   * One allowed action.
   *
   * @param action the action as the catalog spells it
   * @param service the service prefix
   * @param accessLevel the catalog's access level
   * @param resources the resource patterns
   * @param except patterns inside those that an unconditional Deny removes
   * @param keys condition keys the answer depends on (empty: unconditional)
   */
  public record Item(
      String action, String service, AccessLevel accessLevel, List<String> resources,
      List<String> except, List<String> keys) {}

  private static final class Cand {
    final ArnPattern pattern;
    final LinkedHashSet<String> keys = new LinkedHashSet<>();
    final LinkedHashSet<String> except = new LinkedHashSet<>();

    Cand(ArnPattern pattern) {
      this.pattern = pattern;
    }
  }

  /**
   * What the principal can do.
   *
   * @param a the analyzer
   * @param e the principal
   * @param service a service prefix to restrict to, or null
   * @return the allowed actions, sorted by service, access level, action
   */
  public static List<Item> of(Analyzer a, Entity e, @Nullable String service) {
    ActionCatalog catalog = a.catalog;
    Bindings vars = Bindings.of(variables(e));
    Map<String, ActionInfo> byName = new HashMap<>();
    Map<String, Map<String, Cand>> cands = new TreeMap<>();
    for (Named n : a.identityPolicies(e)) {
      for (Statement s : n.policy().statements()) {
        if (s.effect() == Effect.ALLOW) {
          add(catalog, service, byName, cands, s, n.policy(), vars);
        }
      }
    }
    for (ResourcePolicy rp : a.model.resourcePolicies().values()) {
      for (Statement s : rp.policy().statements()) {
        if (s.effect() == Effect.ALLOW && !s.notPrincipal() && s.principals() != null
            && s.principals().aws().contains(e.arn())) {
          Statement scoped = s.resources() == null
              ? new Statement(s.jsonPath(), s.sid(), s.effect(), s.principals(), false, s.actions(),
                  s.notAction(), List.of(rp.arn()), false, s.conditions())
              : s;
          add(catalog, service, byName, cands, scoped, rp.policy(), vars);
        }
      }
    }
    // denies of every layer
    List<Named> denyPolicies = new ArrayList<>(a.identityPolicies(e));
    Named boundary = a.boundary(e);
    if (boundary != null) {
      denyPolicies.add(boundary);
    }
    boolean slr = e.kind() == Kind.ROLE && e.path().startsWith("/aws-service-role/");
    List<List<Named>> scps = slr ? List.of() : a.model.scpLevels(e.account());
    for (List<Named> level : scps) {
      denyPolicies.addAll(level);
    }
    for (Named n : denyPolicies) {
      for (Statement s : n.policy().statements()) {
        if (s.effect() == Effect.DENY) {
          deny(catalog, cands, s, n.policy(), vars);
        }
      }
    }
    if (boundary != null) {
      restrict(catalog, cands, List.of(boundary), vars);
    }
    for (List<Named> level : scps) {
      restrict(catalog, cands, level, vars);
    }
    List<Item> out = new ArrayList<>();
    for (Map.Entry<String, Map<String, Cand>> en : cands.entrySet()) {
      if (en.getValue().isEmpty()) {
        continue;
      }
      ActionInfo info = byName.get(en.getKey());
      if (info == null) {
        continue;
      }
      List<String> res = new ArrayList<>();
      LinkedHashSet<String> except = new LinkedHashSet<>();
      LinkedHashSet<String> keys = new LinkedHashSet<>();
      boolean anyUnconditional = false;
      for (Cand c : en.getValue().values()) {
        res.add(c.pattern.toString());
        except.addAll(c.except);
        anyUnconditional |= c.keys.isEmpty();
        keys.addAll(c.keys);
      }
      out.add(new Item(info.fullName(), info.service(), info.accessLevel(), res,
          List.copyOf(except), anyUnconditional ? List.of() : List.copyOf(keys)));
    }
    List<AccessLevel> order = AccessLevel.known();
    out.sort(Comparator.comparing((Item i) -> i.service().toLowerCase(Locale.ROOT))
        .thenComparingInt(i -> order.indexOf(i.accessLevel()) < 0 ? order.size() : order.indexOf(i.accessLevel()))
        .thenComparing(i -> i.action().toLowerCase(Locale.ROOT)));
    return out;
  }

  /** The policy variables of a principal known from the snapshot. */
  static Map<String, List<String>> variables(Entity e) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("aws:PrincipalAccount", List.of(e.account()));
    m.put("aws:PrincipalArn", List.of(e.arn()));
    if (e.kind() == Kind.USER) {
      m.put("aws:username", List.of(e.name()));
      m.put("aws:PrincipalType", List.of("User"));
      if (e.id() != null) {
        m.put("aws:userid", List.of(e.id()));
      }
    } else {
      m.put("aws:PrincipalType", List.of("AssumedRole"));
    }
    for (Map.Entry<String, String> t : e.tags().entrySet()) {
      m.put("aws:PrincipalTag/" + t.getKey(), List.of(t.getValue()));
    }
    return m;
  }

  /** The catalog actions a statement's Action / NotAction element selects. */
  static List<ActionInfo> actions(ActionCatalog catalog, Statement s, @Nullable String service) {
    List<ActionInfo> out = new ArrayList<>();
    if (!s.notAction()) {
      for (String p : s.actions()) {
        for (ActionInfo ai : catalog.expand(p)) {
          if (service == null || ai.service().equalsIgnoreCase(service)) {
            out.add(ai);
          }
        }
      }
      return out;
    }
    List<ActionInfo> universe;
    if (service != null) {
      ServiceInfo si = catalog.service(service).orElse(null);
      universe = si == null ? List.of() : si.actions();
    } else {
      universe = catalog.actions();
    }
    for (ActionInfo ai : universe) {
      if (!Analyzer.actionMatches(
          new Statement(s.jsonPath(), null, s.effect(), null, false, s.actions(), false, null,
              false, List.of()), ai.fullName())) {
        out.add(ai);
      }
    }
    return out;
  }

  /** A statement's resource patterns, bound; {@code *} for no Resource element. */
  static List<ArnPattern> patterns(Statement s, Policy p, Bindings vars) {
    List<String> rs = s.resources();
    if (rs == null) {
      return List.of(ArnPattern.parse("*"));
    }
    List<ArnPattern> out = new ArrayList<>();
    for (String r : rs) {
      try {
        ArnPattern ap = p.version().hasVariables() ? ArnPattern.parse(r) : ArnPattern.parseWithoutVariables(r);
        out.addAll(ap.bind(vars));
      } catch (CloudirException | IllegalArgumentException ex) {
        // a pattern the algebra cannot read (over its limits) is left out
      }
    }
    return out;
  }

  private static List<String> keys(Statement s) {
    List<String> k = new ArrayList<>();
    for (Condition c : s.conditions()) {
      if (!k.contains(c.key())) {
        k.add(c.key());
      }
    }
    return k;
  }

  private static void add(
      ActionCatalog catalog, @Nullable String service, Map<String, ActionInfo> byName,
      Map<String, Map<String, Cand>> cands, Statement s, Policy p, Bindings vars) {
    List<ArnPattern> ps;
    List<ArnPattern> except = List.of();
    if (s.notResource()) {
      ps = List.of(ArnPattern.parse("*"));
      except = patterns(s, p, vars);
    } else {
      ps = patterns(s, p, vars);
    }
    List<String> keys = keys(s);
    for (ActionInfo ai : actions(catalog, s, service)) {
      String k = ai.fullName();
      byName.putIfAbsent(k, ai);
      Map<String, Cand> m = cands.computeIfAbsent(k, x -> new LinkedHashMap<>());
      for (ArnPattern ap : ps) {
        Cand old = m.get(ap.toString());
        if (old == null) {
          Cand c = new Cand(ap);
          c.keys.addAll(keys);
          for (ArnPattern x : except) {
            c.except.add(x.toString());
          }
          m.put(ap.toString(), c);
        } else if (keys.isEmpty() && except.isEmpty()) {
          old.keys.clear();
          old.except.clear();
        }
      }
    }
  }

  private static boolean covers(ArnPattern a, ArnPattern b) {
    try {
      return a.covers(b);
    } catch (CloudirException e) {
      return false;
    }
  }

  private static boolean intersects(ArnPattern a, ArnPattern b) {
    try {
      return a.intersects(b).isPresent();
    } catch (CloudirException e) {
      return true;
    }
  }

  private static void deny(
      ActionCatalog catalog, Map<String, Map<String, Cand>> cands, Statement s, Policy p,
      Bindings vars) {
    List<String> keys = keys(s);
    List<ArnPattern> ds = patterns(s, p, vars);
    for (ActionInfo ai : actions(catalog, s, null)) {
      Map<String, Cand> m = cands.get(ai.fullName());
      if (m == null) {
        continue;
      }
      for (var it = m.values().iterator(); it.hasNext(); ) {
        Cand c = it.next();
        boolean removed = false;
        for (ArnPattern d : ds) {
          if (s.notResource()) {
            // denies everything outside d: all of c when they do not meet
            if (!intersects(d, c.pattern) && keys.isEmpty()) {
              removed = true;
            } else if (!covers(d, c.pattern)) {
              c.keys.addAll(keys);
            }
          } else if (keys.isEmpty() && covers(d, c.pattern)) {
            removed = true;
          } else if (intersects(d, c.pattern)) {
            if (keys.isEmpty()) {
              c.except.add(d.toString());
            } else {
              c.keys.addAll(keys);
            }
          }
          if (removed) {
            break;
          }
        }
        if (removed) {
          it.remove();
        }
      }
    }
  }

  /** Keeps what a layer (boundary, one SCP level) allows. */
  private static void restrict(
      ActionCatalog catalog, Map<String, Map<String, Cand>> cands, List<Named> layer,
      Bindings vars) {
    Map<String, List<Statement>> allowByAction = new HashMap<>();
    Map<Statement, Policy> owner = new HashMap<>();
    for (Named n : layer) {
      for (Statement s : n.policy().statements()) {
        if (s.effect() != Effect.ALLOW) {
          continue;
        }
        owner.put(s, n.policy());
        for (ActionInfo ai : actions(catalog, s, null)) {
          if (cands.containsKey(ai.fullName())) {
            allowByAction.computeIfAbsent(ai.fullName(), k -> new ArrayList<>()).add(s);
          }
        }
      }
    }
    for (Map.Entry<String, Map<String, Cand>> en : cands.entrySet()) {
      List<Statement> allows = allowByAction.getOrDefault(en.getKey(), List.of());
      Map<String, Cand> next = new LinkedHashMap<>();
      for (Cand c : en.getValue().values()) {
        Cand kept = null;
        List<Cand> narrowed = new ArrayList<>();
        for (Statement s : allows) {
          Policy sp = owner.get(s);
          List<ArnPattern> qs = s.notResource() || sp == null ? List.of(ArnPattern.parse("*"))
              : patterns(s, sp, vars);
          for (ArnPattern q : qs) {
            if (covers(q, c.pattern)) {
              if (kept == null || (!kept.keys.isEmpty() && s.conditions().isEmpty())) {
                kept = copy(c, c.pattern);
                kept.keys.addAll(keys(s));
              }
            } else if (covers(c.pattern, q)) {
              Cand n = copy(c, q);
              n.keys.addAll(keys(s));
              narrowed.add(n);
            } else if (intersects(q, c.pattern)) {
              Cand n = copy(c, c.pattern);
              n.keys.addAll(keys(s));
              narrowed.add(n);
            }
          }
        }
        if (kept != null) {
          next.putIfAbsent(kept.pattern.toString(), kept);
        } else {
          for (Cand n : narrowed) {
            next.putIfAbsent(n.pattern.toString(), n);
          }
        }
      }
      en.getValue().clear();
      en.getValue().putAll(next);
    }
  }

  private static Cand copy(Cand c, ArnPattern p) {
    Cand n = new Cand(p);
    n.keys.addAll(c.keys);
    n.except.addAll(c.except);
    return n;
  }

}
