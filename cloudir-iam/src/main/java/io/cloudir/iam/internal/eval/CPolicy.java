package io.cloudir.iam.internal.eval;

import io.cloudir.iam.policy.Condition;
import io.cloudir.iam.policy.ConditionOperator;
import io.cloudir.iam.policy.ConditionOperator.Comparison;
import io.cloudir.iam.policy.ConditionOperator.Family;
import io.cloudir.iam.policy.ConditionOperator.SetQualifier;
import io.cloudir.iam.policy.Effect;
import io.cloudir.iam.policy.Policy;
import io.cloudir.iam.policy.Principals;
import io.cloudir.iam.policy.Statement;
import io.cloudir.model.arn.Arn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** A policy compiled to matchers. Immutable and thread-safe. */
public final class CPolicy {
  static final int NO = 0;
  static final int YES = 1;
  static final int UNK = 2;

  /** Principal match categories, best last. */
  static final int P_NONE = 0;
  static final int P_ACCOUNT = 1;
  static final int P_ROLE = 2;
  static final int P_DIRECT = 3;

  final String name;
  final Policy policy;
  final CStatement[] statements;

  /**
   * Compiles a policy.
   *
   * @param name the policy's name in explanations
   * @param policy the policy
   */
  public CPolicy(String name, Policy policy) {
    this.name = name;
    this.policy = policy;
    boolean vars = policy.version().hasVariables();
    List<Statement> sts = policy.statements();
    statements = new CStatement[sts.size()];
    for (int i = 0; i < statements.length; i++) {
      statements[i] = new CStatement(sts.get(i), vars);
    }
  }

  static int and3(int a, int b) {
    return a == NO || b == NO ? NO : a == UNK || b == UNK ? UNK : YES;
  }

  static int or3(int a, int b) {
    return a == YES || b == YES ? YES : a == UNK || b == UNK ? UNK : NO;
  }

  static int not3(int a) {
    return a == UNK ? UNK : 1 - a;
  }

  /** A compiled statement. */
  static final class CStatement {
    final Statement source;
    final boolean allow;
    final int[][] actions;
    final boolean notAction;
    final Template @Nullable [] resources;
    final boolean notResource;
    final @Nullable CPrincipals principals;
    final boolean notPrincipal;
    final CCondition[] conditions;

    CStatement(Statement s, boolean vars) {
      source = s;
      allow = s.effect() == Effect.ALLOW;
      actions = new int[s.actions().size()][];
      for (int i = 0; i < actions.length; i++) {
        actions[i] = Template.compile(s.actions().get(i).toLowerCase(Locale.ROOT), false, true).tokens;
      }
      notAction = s.notAction();
      List<String> rs = s.resources();
      if (rs == null) {
        resources = null;
      } else {
        resources = new Template[rs.size()];
        for (int i = 0; i < rs.size(); i++) {
          resources[i] = Template.compile(rs.get(i), vars, true);
        }
      }
      notResource = s.notResource();
      principals = s.principals() == null ? null : new CPrincipals(s.principals());
      notPrincipal = s.notPrincipal();
      conditions = new CCondition[s.conditions().size()];
      for (int i = 0; i < conditions.length; i++) {
        conditions[i] = new CCondition(s.conditions().get(i), vars);
      }
    }

    boolean actionMatches(Ctx ctx) {
      boolean m = false;
      for (int[] p : actions) {
        if (Glob.matches(p, p.length, ctx.actionLower, false)) {
          m = true;
          break;
        }
      }
      return m != notAction;
    }

    int resourceMatches(Ctx ctx, Scratch sc) {
      Template[] rs = resources;
      if (rs == null) {
        return YES;
      }
      int r = NO;
      for (Template t : rs) {
        int n = sc.expand(t, ctx);
        int m;
        if (n == Scratch.UNKNOWN_VAR) {
          m = UNK;
        } else if (sc.approx) {
          // An unresolvable variable (no value, no default) leaves the segment it is in (the
          // resource part) undecided: unknown when the other segments match.
          m = Glob.matchesArn(sc.out, n, ctx.resource, true) ? UNK : NO;
        } else {
          m = Glob.matchesArn(sc.out, n, ctx.resource) ? YES : NO;
        }
        r = or3(r, m);
        if (r == YES) {
          break;
        }
      }
      return notResource ? not3(r) : r;
    }

    /** The principal category, for layers whose policies name principals. */
    int principalCategory(Ctx ctx) {
      CPrincipals p = principals;
      if (p == null) {
        return P_DIRECT;
      }
      int c = p.category(ctx);
      if (notPrincipal) {
        return c == P_NONE ? P_DIRECT : P_NONE;
      }
      return c;
    }
  }

  /** A compiled principal element. */
  static final class CPrincipals {
    final boolean everyone;
    final String[] accounts;
    final String[] arns;
    final String[] services;
    final String[] federated;

    CPrincipals(Principals p) {
      everyone = p.matchesEveryone();
      List<String> acc = new ArrayList<>();
      List<String> arn = new ArrayList<>();
      for (String a : p.aws()) {
        if (a.equals("*")) {
          continue;
        }
        if (a.length() == 12 && a.chars().allMatch(Character::isDigit)) {
          acc.add(a);
        } else {
          Arn parsed = Arn.tryParse(a).orElse(null);
          if (parsed != null && parsed.service().equals("iam") && parsed.resource().equals("root")) {
            acc.add(parsed.account());
          } else {
            arn.add(a);
          }
        }
      }
      accounts = acc.toArray(new String[0]);
      arns = arn.toArray(new String[0]);
      services = p.service().toArray(new String[0]);
      federated = p.federated().toArray(new String[0]);
    }

    int category(Ctx ctx) {
      if (everyone) {
        return P_DIRECT;
      }
      int best = P_NONE;
      switch (ctx.kind) {
        case ANONYMOUS:
          return P_NONE;
        case SERVICE:
          for (String s : services) {
            if (s.equals(ctx.principal)) {
              return P_DIRECT;
            }
          }
          return P_NONE;
        default:
          break;
      }
      for (String a : arns) {
        if (a.equals(ctx.principal)) {
          return P_DIRECT;
        }
        if (ctx.kind == Ctx.Kind.ROLE_SESSION && isRoleArn(a, ctx)) {
          best = P_ROLE;
        }
      }
      String acct = ctx.principalAccount;
      if (best == P_NONE && acct != null) {
        for (String a : accounts) {
          if (a.equals(acct)) {
            return ctx.kind == Ctx.Kind.ROOT ? P_DIRECT : P_ACCOUNT;
          }
        }
      }
      if (ctx.kind == Ctx.Kind.FEDERATED_USER) {
        for (String f : federated) {
          if (f.equals(ctx.principal)) {
            return P_DIRECT;
          }
        }
      }
      return best;
    }

    /** Whether {@code a} is the ARN of the session's role (any path), in the same account. */
    private static boolean isRoleArn(String a, Ctx ctx) {
      String role = ctx.roleName;
      String acct = ctx.principalAccount;
      if (role == null || acct == null || !a.endsWith(role) || a.length() <= role.length()
          || a.charAt(a.length() - role.length() - 1) != '/') {
        return false;
      }
      // arn:partition:iam::account:role/...
      int c = 0;
      int accStart = -1;
      int resStart = -1;
      for (int i = 0; i < a.length(); i++) {
        if (a.charAt(i) == ':') {
          c++;
          if (c == 4) {
            accStart = i + 1;
          } else if (c == 5) {
            resStart = i + 1;
            break;
          }
        }
      }
      return resStart > 0
          && a.startsWith(":iam:", a.indexOf(':', 4))
          && a.regionMatches(accStart, acct, 0, acct.length())
          && resStart - 1 - accStart == acct.length()
          && a.startsWith("role/", resStart);
    }
  }

  /** A compiled condition test. */
  static final class CCondition {
    final Condition source;
    final ConditionOperator op;
    final Family family;
    final Comparison cmp;
    final boolean negated;
    final SetQualifier q;
    final boolean ifExists;
    final String key;
    final Template[] templates;
    final double[] numbers;
    final long[] dates;
    final boolean[] bools;
    final byte[][] binaries;
    final Values.Cidr[] cidrs;

    CCondition(Condition c, boolean vars) {
      source = c;
      op = c.operator();
      family = op.base().family();
      cmp = op.base().comparison();
      negated = op.base().negated();
      q = op.qualifier();
      ifExists = op.ifExists();
      key = c.key().toLowerCase(Locale.ROOT);
      int n = c.values().size();
      templates = new Template[family == Family.STRING || family == Family.ARN ? n : 0];
      numbers = new double[family == Family.NUMERIC ? n : 0];
      dates = new long[family == Family.DATE ? n : 0];
      bools = new boolean[family == Family.BOOL || family == Family.NULL ? n : 0];
      binaries = new byte[family == Family.BINARY ? n : 0][];
      cidrs = new Values.Cidr[family == Family.IP ? n : 0];
      for (int i = 0; i < n; i++) {
        String v = c.values().get(i);
        switch (family) {
          case STRING, ARN -> templates[i] = Template.compile(v, vars, cmp == Comparison.LIKE);
          case NUMERIC -> numbers[i] = Values.number(v);
          case DATE -> dates[i] = Values.date(v);
          case BOOL, NULL -> bools[i] = Boolean.TRUE.equals(Values.bool(v));
          case BINARY -> binaries[i] = java.util.Objects.requireNonNull(Values.base64(v));
          case IP -> cidrs[i] = java.util.Objects.requireNonNull(Values.cidr(v));
        }
      }
    }

    /** The result when the key is absent (or has no values). */
    int absent(boolean empty) {
      if (family == Family.NULL) {
        int r = NO;
        for (boolean b : bools) {
          if (b) {
            r = YES;
          }
        }
        return r;
      }
      if (q == SetQualifier.FOR_ALL_VALUES) {
        return YES;
      }
      if (q == SetQualifier.FOR_ANY_VALUE) {
        // also with IfExists: ForAnyValue over no values is false (observed AWS behaviour, see
        // the differential test)
        return NO;
      }
      if (ifExists) {
        return YES;
      }
      return negated ? YES : NO;
    }

    int evaluate(Ctx ctx, Scratch sc) {
      Ctx.Value v = ctx.get(key);
      if (v == null) {
        return ctx.unknownMissingKeys ? UNK : absent(false);
      }
      int n = v.strings.length;
      if (n == 0) {
        return absent(true);
      }
      if (family == Family.NULL) {
        int r = NO;
        for (boolean b : bools) {
          if (!b) {
            r = YES;
          }
        }
        return r;
      }
      for (int i = 0; i < n; i++) {
        if (typeError(v, i)) {
          return NO;
        }
      }
      if (q == SetQualifier.FOR_ALL_VALUES) {
        int r = YES;
        for (int i = 0; i < n; i++) {
          int m = matchAny(v, i, ctx, sc);
          r = and3(r, negated ? not3(m) : m);
        }
        return r;
      }
      int any = NO;
      for (int i = 0; i < n; i++) {
        int m = matchAny(v, i, ctx, sc);
        any = or3(any, q == SetQualifier.FOR_ANY_VALUE && negated ? not3(m) : m);
      }
      if (q == SetQualifier.FOR_ANY_VALUE) {
        return any;
      }
      return negated ? not3(any) : any;
    }

    /**
     * Whether request value {@code i} cannot be read as a number, date, boolean, address or base64
     * value for this operator's family: the whole condition is then false, also for negated
     * operators. (A non-ARN value under an {@code Arn*} operator is not an error: it simply does
     * not match, so {@code ArnNotLike} is true.)
     */
    private boolean typeError(Ctx.Value v, int i) {
      return switch (family) {
        case NUMERIC -> Double.isNaN(v.numbers[i]);
        case DATE -> v.dates[i] == Values.NO_DATE;
        case BOOL -> Values.bool(v.strings[i]) == null;
        case BINARY -> v.binaries[i] == null;
        case IP -> v.ips[i] == null;
        default -> false;
      };
    }

    /** Whether request value {@code i} matches any policy value (before negation). */
    private int matchAny(Ctx.Value v, int i, Ctx ctx, Scratch sc) {
      int r = NO;
      int pn = Math.max(
          Math.max(templates.length, numbers.length),
          Math.max(Math.max(dates.length, bools.length), Math.max(binaries.length, cidrs.length)));
      for (int j = 0; j < pn && r != YES; j++) {
        r = or3(r, compare(v, i, j, ctx, sc));
      }
      return r;
    }

    private int compare(Ctx.Value v, int i, int j, Ctx ctx, Scratch sc) {
      switch (family) {
        case STRING: {
          int n = sc.expand(templates[j], ctx);
          if (n == Scratch.UNKNOWN_VAR) {
            return UNK;
          }
          String s = v.strings[i];
          if (sc.approx) {
            // an unresolvable variable: unknown if some value could match, else no match
            return cmp == Comparison.EQUALS_IGNORE_CASE || Glob.matches(sc.out, n, s, false)
                ? UNK : NO;
          }
          boolean m =
              cmp == Comparison.LIKE
                  ? Glob.matches(sc.out, n, s, false)
                  : Glob.equalsLiteral(sc.out, n, s, cmp == Comparison.EQUALS_IGNORE_CASE);
          return m ? YES : NO;
        }
        case ARN: {
          if (!v.arnShaped[i]) {
            return NO;
          }
          int n = sc.expand(templates[j], ctx);
          if (n == Scratch.UNKNOWN_VAR) {
            return UNK;
          }
          if (!Glob.matchesArn(sc.out, n, v.strings[i])) {
            return NO;
          }
          return sc.approx ? UNK : YES;
        }
        case NUMERIC: {
          double x = v.numbers[i];
          return Double.isNaN(x) ? NO : order(Double.compare(x, numbers[j]));
        }
        case DATE: {
          long d = v.dates[i];
          return d == Values.NO_DATE ? NO : order(Long.compare(d, dates[j]));
        }
        case BOOL: {
          Boolean b = Values.bool(v.strings[i]);
          return b != null && b == bools[j] ? YES : NO;
        }
        case BINARY: {
          byte[] b = v.binaries[i];
          return b != null && Arrays.equals(b, binaries[j]) ? YES : NO;
        }
        case IP: {
          io.cloudir.model.net.IpAddress ip = v.ips[i];
          return ip != null && ip.isIn(cidrs[j].network(), cidrs[j].prefix()) ? YES : NO;
        }
        default:
          return NO;
      }
    }

    private int order(int c) {
      boolean m;
      switch (cmp) {
        case EQUALS -> m = c == 0;
        case LESS_THAN -> m = c < 0;
        case LESS_THAN_EQUALS -> m = c <= 0;
        case GREATER_THAN -> m = c > 0;
        case GREATER_THAN_EQUALS -> m = c >= 0;
        default -> m = false;
      }
      return m ? YES : NO;
    }
  }
}
