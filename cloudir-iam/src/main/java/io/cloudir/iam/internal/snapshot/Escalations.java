package io.cloudir.iam.internal.snapshot;

import io.cloudir.iam.eval.Decision;
import io.cloudir.iam.internal.snapshot.Analyzer.Answer;
import io.cloudir.iam.internal.snapshot.Entities.Entity;
import io.cloudir.iam.internal.snapshot.Entities.Kind;
import io.cloudir.iam.internal.snapshot.Entities.ManagedPolicy;
import io.cloudir.iam.policy.Effect;
import io.cloudir.iam.policy.Policy;
import io.cloudir.iam.policy.Statement;
import io.cloudir.iam.snapshot.EscalationPath;
import io.cloudir.iam.snapshot.EscalationTechnique;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the {@link EscalationTechnique}s each principal of a snapshot can use, by evaluating the
 * permissions each technique needs on its targets with the snapshot's engine. Stateless and
 * thread-safe.
 */
public final class Escalations {
  private Escalations() {}

  /** The service each PassRole technique passes the role to, and the calls it then makes. */
  private record PassRole(EscalationTechnique technique, String service, String[][] calls) {}

  private static final List<PassRole> PASS_ROLE = List.of(
      new PassRole(EscalationTechnique.PASS_ROLE_EC2, "ec2.amazonaws.com",
          new String[][] {{"ec2:RunInstances", "arn:aws:ec2:*:%s:instance/*"}}),
      new PassRole(EscalationTechnique.PASS_ROLE_LAMBDA, "lambda.amazonaws.com",
          new String[][] {{"lambda:CreateFunction", "arn:aws:lambda:*:%s:function:*"},
              {"lambda:InvokeFunction", "arn:aws:lambda:*:%s:function:*"}}),
      new PassRole(EscalationTechnique.PASS_ROLE_CLOUDFORMATION, "cloudformation.amazonaws.com",
          new String[][] {{"cloudformation:CreateStack", "arn:aws:cloudformation:*:%s:stack/*"}}),
      new PassRole(EscalationTechnique.PASS_ROLE_GLUE, "glue.amazonaws.com",
          new String[][] {{"glue:CreateDevEndpoint", "arn:aws:glue:*:%s:devEndpoint/*"}}));

  /** Accumulates targets per (technique, decision). */
  private static final class Acc {
    final Map<String, TreeSet<String>> targets = new TreeMap<>();
    final Map<String, LinkedHashSet<String>> keys = new TreeMap<>();

    void add(EscalationTechnique t, String target, Answer a) {
      if (a.decision() != Decision.ALLOWED && a.decision() != Decision.CONDITIONAL) {
        return;
      }
      String k = String.format("%02d%s", t.ordinal(), a.decision() == Decision.ALLOWED ? "A" : "C");
      targets.computeIfAbsent(k, x -> new TreeSet<>()).add(target);
      keys.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(a.keys());
    }
  }

  /** Combines the answers of several needed permissions: all must allow. */
  static Answer all(List<Answer> answers) {
    Decision d = Decision.ALLOWED;
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    for (Answer a : answers) {
      if (a.decision() == Decision.CONDITIONAL) {
        d = Decision.CONDITIONAL;
        keys.addAll(a.keys());
      } else if (a.decision() != Decision.ALLOWED) {
        return new Answer(a.decision(), List.of());
      }
    }
    return new Answer(d, List.copyOf(keys));
  }

  /** Whether a trust policy lets a service principal assume the role. */
  static boolean trustsService(Entity role, String service) {
    Policy t = role.trust();
    if (t == null) {
      return false;
    }
    for (Statement s : t.statements()) {
      if (s.effect() == Effect.ALLOW && !s.notPrincipal() && s.principals() != null
          && (s.principals().service().contains(service) || s.principals().wildcard())
          && Analyzer.actionMatches(s, "sts:AssumeRole")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every escalation path of every principal.
   *
   * @param a the analyzer
   * @return sorted by principal, technique, then allowed before conditional
   */
  public static List<EscalationPath> of(Analyzer a) {
    List<EscalationPath> out = new ArrayList<>();
    Model m = a.model;
    List<Entity> principals = a.principals();
    principals.sort(java.util.Comparator.comparing(Entity::arn));
    for (Entity p : principals) {
      Acc acc = new Acc();
      boolean user = p.kind() == Kind.USER;
      Map<String, List<String>> none = Map.of();
      // policy versions of attached customer managed policies (own and groups')
      LinkedHashSet<String> attached = new LinkedHashSet<>(p.attached());
      for (String g : p.groups()) {
        Entity ge = m.group(p.account(), g);
        if (ge != null) {
          attached.addAll(ge.attached());
        }
      }
      for (String pa : attached) {
        ManagedPolicy mp = m.policies.get(pa);
        if (mp == null || mp.awsManaged()) {
          continue;
        }
        acc.add(EscalationTechnique.CREATE_POLICY_VERSION, pa,
            a.decide(p, "iam:CreatePolicyVersion", pa, none));
        if (mp.versions().size() > 1) {
          acc.add(EscalationTechnique.SET_DEFAULT_POLICY_VERSION, pa,
              a.decide(p, "iam:SetDefaultPolicyVersion", pa, none));
        }
      }
      // own policies
      acc.add(user ? EscalationTechnique.ATTACH_USER_POLICY : EscalationTechnique.ATTACH_ROLE_POLICY,
          p.arn(), a.decide(p, user ? "iam:AttachUserPolicy" : "iam:AttachRolePolicy", p.arn(), none));
      acc.add(user ? EscalationTechnique.PUT_USER_POLICY : EscalationTechnique.PUT_ROLE_POLICY,
          p.arn(), a.decide(p, user ? "iam:PutUserPolicy" : "iam:PutRolePolicy", p.arn(), none));
      if (p.boundary() != null) {
        acc.add(EscalationTechnique.DELETE_PERMISSIONS_BOUNDARY, p.arn(), a.decide(p,
            user ? "iam:DeleteUserPermissionsBoundary" : "iam:DeleteRolePermissionsBoundary",
            p.arn(), none));
        acc.add(EscalationTechnique.PUT_PERMISSIONS_BOUNDARY, p.arn(), a.decide(p,
            user ? "iam:PutUserPermissionsBoundary" : "iam:PutRolePermissionsBoundary",
            p.arn(), none));
      }
      for (Entity g : m.groups.values()) {
        if (!g.account().equals(p.account())) {
          continue;
        }
        if (user && p.groups().contains(g.name())) {
          acc.add(EscalationTechnique.ATTACH_GROUP_POLICY, g.arn(),
              a.decide(p, "iam:AttachGroupPolicy", g.arn(), none));
          acc.add(EscalationTechnique.PUT_GROUP_POLICY, g.arn(),
              a.decide(p, "iam:PutGroupPolicy", g.arn(), none));
        } else if (user) {
          acc.add(EscalationTechnique.ADD_USER_TO_GROUP, g.arn(),
              a.decide(p, "iam:AddUserToGroup", g.arn(), none));
        }
      }
      // other users' credentials
      for (Entity u : m.users.values()) {
        if (u == p || !u.account().equals(p.account())) {
          continue;
        }
        acc.add(EscalationTechnique.CREATE_ACCESS_KEY, u.arn(),
            a.decide(p, "iam:CreateAccessKey", u.arn(), none));
        acc.add(EscalationTechnique.CREATE_LOGIN_PROFILE, u.arn(),
            a.decide(p, "iam:CreateLoginProfile", u.arn(), none));
        acc.add(EscalationTechnique.UPDATE_LOGIN_PROFILE, u.arn(),
            a.decide(p, "iam:UpdateLoginProfile", u.arn(), none));
      }
      // roles: trust edits and passing them to services
      for (Entity r : m.roles.values()) {
        if (r == p || !r.account().equals(p.account())) {
          continue;
        }
        acc.add(EscalationTechnique.UPDATE_ASSUME_ROLE_POLICY, r.arn(),
            a.decide(p, "iam:UpdateAssumeRolePolicy", r.arn(), none));
        for (PassRole pr : PASS_ROLE) {
          if (!trustsService(r, pr.service())
              || (pr.technique() == EscalationTechnique.PASS_ROLE_EC2 && r.instanceProfiles().isEmpty())) {
            continue;
          }
          List<Answer> needs = new ArrayList<>();
          needs.add(a.decide(p, "iam:PassRole", r.arn(),
              Map.of("iam:PassedToService", List.of(pr.service()))));
          for (String[] call : pr.calls()) {
            needs.add(a.decide(p, call[0], String.format(call[1], p.account()), none));
          }
          acc.add(pr.technique(), r.arn(), all(needs));
        }
      }
      EscalationTechnique[] ts = EscalationTechnique.values();
      for (Map.Entry<String, TreeSet<String>> e : acc.targets.entrySet()) {
        String k = e.getKey();
        EscalationTechnique t = ts[Integer.parseInt(k.substring(0, 2))];
        Decision d = k.endsWith("A") ? Decision.ALLOWED : Decision.CONDITIONAL;
        out.add(new EscalationPath(p.arn(), t, List.copyOf(e.getValue()), d,
            d == Decision.ALLOWED ? List.of() : List.copyOf(acc.keys.get(k))));
      }
    }
    return out;
  }
}
