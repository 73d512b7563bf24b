package io.cloudir.iam.internal.eval;

import io.cloudir.iam.internal.eval.CPolicy.CCondition;
import io.cloudir.iam.internal.eval.CPolicy.CStatement;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation engine: AWS's documented policy evaluation logic over compiled policies, with
 * three-valued results (a condition on a key the caller did not supply is "unknown" when asked).
 * The decision path ({@code trace == null}) does not allocate. Immutable and thread-safe.
 */
public final class Engine {
  /** Layers. */
  public static final int IDENTITY = 0;
  /** Resource-based policy. */
  public static final int RESOURCE = 1;
  /** Permissions boundary. */
  public static final int BOUNDARY = 2;
  /** Session policy. */
  public static final int SESSION = 3;
  /** Service control policies. */
  public static final int SCP = 4;
  /** Resource control policies. */
  public static final int RCP = 5;
  /** VPC endpoint policies. */
  public static final int VPCE = 6;

  /** Decisions. */
  public static final int ALLOWED = 0;
  /** Explicit deny. */
  public static final int EXPLICIT_DENY = 1;
  /** Implicit deny. */
  public static final int IMPLICIT_DENY = 2;
  /** Depends on unknown keys. */
  public static final int CONDITIONAL = 3;

  /**
   * Service prefixes whose resources RCPs apply to (AWS Organizations, "Resource control policies
   * (RCPs)", list of supported services).
   */
  public static final Set<String> RCP_SERVICES =
      Set.of("s3", "sts", "kms", "sqs", "secretsmanager", "cognito-idp", "logs", "dynamodb",
          "ecr", "aoss");

  private static final int NO = CPolicy.NO;
  private static final int YES = CPolicy.YES;
  private static final int UNK = CPolicy.UNK;

  private final CPolicy[] identity;
  private final @Nullable CPolicy resource;
  private final CPolicy[] boundaries;
  private final @Nullable CPolicy session;
  private final CPolicy[][] scps;
  private final CPolicy[][] rcps;
  private final CPolicy[][] vpce;

  /**
   * An engine over compiled policies.
   *
   * @param identity identity-based policies
   * @param resource the resource-based policy, or null
   * @param boundaries permissions boundary policies (any allows)
   * @param session the session policy, or null
   * @param scps SCP levels, root first
   * @param rcps RCP levels, root first
   * @param vpce VPC endpoint policies (each must allow)
   */
  public Engine(
      List<CPolicy> identity,
      @Nullable CPolicy resource,
      List<CPolicy> boundaries,
      @Nullable CPolicy session,
      List<List<CPolicy>> scps,
      List<List<CPolicy>> rcps,
      List<CPolicy> vpce) {
    this.identity = identity.toArray(new CPolicy[0]);
    this.resource = resource;
    this.boundaries = boundaries.toArray(new CPolicy[0]);
    this.session = session;
    this.scps = levels(scps);
    this.rcps = levels(rcps);
    this.vpce = new CPolicy[vpce.size()][];
    for (int i = 0; i < this.vpce.length; i++) {
      this.vpce[i] = new CPolicy[] {vpce.get(i)};
    }
  }

  private static CPolicy[][] levels(List<List<CPolicy>> ls) {
    CPolicy[][] out = new CPolicy[ls.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = ls.get(i).toArray(new CPolicy[0]);
    }
    return out;
  }

  /** The decision of a packed result. */
  public static int decision(int packed) {
    return packed & 3;
  }

  /** The deciding layer of a packed result, or -1. */
  public static int layer(int packed) {
    return ((packed >>> 2) & 15) - 1;
  }

  /** The SCP/RCP level of a packed result, or -1. */
  public static int level(int packed) {
    return ((packed >>> 8) & 255) - 1;
  }

  /** The possible decisions of a packed result: bit {@code 1 << decision}. */
  public static int possible(int packed) {
    return (packed >>> 16) & 7;
  }

  private static int pack(int decision, int layer, int level, int possible) {
    return decision | ((layer + 1) << 2) | ((Math.min(level, 254) + 1) << 8) | (possible << 16);
  }

  /** Whether the resource's own policy must allow (KMS key policies, role trust policies). */
  static boolean requiresResourcePolicy(Ctx ctx) {
    String a = ctx.actionLower;
    if (ctx.serviceLower.equals("kms")) {
      return ctx.resource.contains(":key/");
    }
    return a.startsWith("sts:assumerole") && ctx.resource.contains(":role/");
  }

  /**
   * Evaluates a request.
   *
   * @param ctx the request
   * @param trace receives the explanation, or null for the allocation-free decision path
   * @return the packed result (see {@link #decision}, {@link #layer}, {@link #level}, {@link
   *     #possible})
   */
  public int evaluate(Ctx ctx, @Nullable Trace trace) {
    Scratch sc = Scratch.get();
    Ctx.Kind kind = ctx.kind;
    if (kind != Ctx.Kind.ANONYMOUS && ctx.actionLower.equals("sts:getcalleridentity")) {
      if (trace != null) {
        trace.note("sts:GetCallerIdentity needs no permission and cannot be denied");
      }
      return pack(ALLOWED, -1, -1, 1 << ALLOWED);
    }
    boolean iam = kind != Ctx.Kind.ANONYMOUS && kind != Ctx.Kind.SERVICE;
    boolean root = kind == Ctx.Kind.ROOT;
    int deny = NO;
    int denyLayer = -1;
    int denyLevel = -1;

    // SCPs: principals of the member account; not service-linked roles.
    int scpAllow = YES;
    int scpFail = -1;
    if (scps.length > 0) {
      if (iam && !ctx.serviceLinkedRole) {
        for (int l = 0; l < scps.length; l++) {
          layer(scps[l], SCP, l, false, ctx, sc, trace);
          if (sc.lDeny == YES && denyLayer < 0) {
            denyLayer = SCP;
            denyLevel = l;
          }
          deny = CPolicy.or3(deny, sc.lDeny);
          if (sc.lAllow == NO && scpFail < 0) {
            scpFail = l;
          }
          scpAllow = CPolicy.and3(scpAllow, sc.lAllow);
        }
      } else if (trace != null) {
        trace.note(ctx.serviceLinkedRole
            ? "SCPs do not apply to service-linked roles"
            : "SCPs apply only to IAM principals of the account");
      }
    }
    // RCPs: resources of supported services; RCPFullAWSAccess is attached at every level.
    if (rcps.length > 0) {
      if (Engine.RCP_SERVICES.contains(ctx.serviceLower) && !ctx.serviceLinkedRole) {
        for (int l = 0; l < rcps.length; l++) {
          layer(rcps[l], RCP, l, true, ctx, sc, trace);
          if (sc.lDeny == YES && denyLayer < 0) {
            denyLayer = RCP;
            denyLevel = l;
          }
          deny = CPolicy.or3(deny, sc.lDeny);
        }
      } else if (trace != null) {
        trace.note("RCPs do not apply to " + ctx.serviceLower + (ctx.serviceLinkedRole ? " requests of service-linked roles" : ""));
      }
    }
    // VPC endpoint policies: each must allow.
    int vpceAllow = YES;
    for (CPolicy[] p : vpce) {
      layer(p, VPCE, -1, true, ctx, sc, trace);
      if (sc.lDeny == YES && denyLayer < 0) {
        denyLayer = VPCE;
      }
      deny = CPolicy.or3(deny, sc.lDeny);
      vpceAllow = CPolicy.and3(vpceAllow, sc.lAllow);
    }
    // Resource-based policy.
    int rDirect = NO;
    int rRole = NO;
    int rAcct = NO;
    CPolicy res = resource;
    if (res != null) {
      layerOne(res, RESOURCE, ctx, sc, trace);
      if (sc.lDeny == YES && denyLayer < 0) {
        denyLayer = RESOURCE;
      }
      deny = CPolicy.or3(deny, sc.lDeny);
      rDirect = sc.lDirect;
      rRole = sc.lRole;
      rAcct = sc.lAcct;
    }
    // Identity-based policies, boundaries, session policy.
    int id = NO;
    int b = YES;
    int s = YES;
    if (iam) {
      if (root) {
        id = YES;
        if (trace != null) {
          trace.note("the account root user has every permission its account's policies allow");
        }
      } else {
        layer(identity, IDENTITY, -1, false, ctx, sc, trace);
        if (sc.lDeny == YES && denyLayer < 0) {
          denyLayer = IDENTITY;
        }
        deny = CPolicy.or3(deny, sc.lDeny);
        id = sc.lAllow;
        if (boundaries.length > 0) {
          layer(boundaries, BOUNDARY, -1, false, ctx, sc, trace);
          if (sc.lDeny == YES && denyLayer < 0) {
            denyLayer = BOUNDARY;
          }
          deny = CPolicy.or3(deny, sc.lDeny);
          b = sc.lAllow;
        }
        CPolicy sp = session;
        if (sp != null) {
          layerOne(sp, SESSION, ctx, sc, trace);
          // session policies have no Principal element; layerOne evaluates principals only for
          // the resource layer
          if (sc.lDeny == YES && denyLayer < 0) {
            denyLayer = SESSION;
          }
          deny = CPolicy.or3(deny, sc.lDeny);
          s = sc.lAllow;
        }
      }
    }

    // Combination.
    int pa;
    int fail;
    String pAcct = ctx.principalAccount;
    boolean cross = pAcct != null && !ctx.resourceAccount.isEmpty() && !pAcct.equals(ctx.resourceAccount);
    if (!iam) {
      pa = rDirect;
      fail = RESOURCE;
    } else {
      int bs = CPolicy.and3(b, s);
      int idSide = CPolicy.and3(id, bs);
      int bsFail = b == NO ? BOUNDARY : s == NO ? SESSION : IDENTITY;
      if (cross) {
        int rAny = CPolicy.or3(rDirect, CPolicy.or3(rRole, rAcct));
        pa = CPolicy.and3(idSide, rAny);
        fail = id == NO ? IDENTITY : b == NO ? BOUNDARY : s == NO ? SESSION : RESOURCE;
      } else if (requiresResourcePolicy(ctx)) {
        pa = CPolicy.or3(rDirect,
            CPolicy.or3(CPolicy.and3(rRole, bs), CPolicy.and3(rAcct, idSide)));
        fail = rDirect == NO && rRole == NO && rAcct == NO ? RESOURCE
            : rRole == NO && id == NO ? IDENTITY : bsFail;
      } else {
        pa = CPolicy.or3(rDirect, CPolicy.and3(CPolicy.or3(id, rRole), bs));
        fail = id == NO && rRole == NO ? IDENTITY : bsFail;
      }
    }
    int allowed = CPolicy.and3(scpAllow, CPolicy.and3(vpceAllow, pa));
    int failLevel = -1;
    if (scpAllow == NO) {
      fail = SCP;
      failLevel = scpFail;
    } else if (vpceAllow == NO) {
      fail = VPCE;
    }
    if (deny == YES) {
      return pack(EXPLICIT_DENY, denyLayer, denyLevel, 1 << EXPLICIT_DENY);
    }
    int possible = 0;
    if (deny == UNK) {
      possible |= 1 << EXPLICIT_DENY;
    }
    if (allowed != NO) {
      possible |= 1 << ALLOWED;
    }
    if (allowed != YES) {
      possible |= 1 << IMPLICIT_DENY;
    }
    if (possible == 1 << ALLOWED) {
      return pack(ALLOWED, -1, -1, possible);
    }
    if (possible == 1 << IMPLICIT_DENY) {
      return pack(IMPLICIT_DENY, fail, failLevel, possible);
    }
    return pack(CONDITIONAL, -1, -1, possible);
  }

  private void layerOne(CPolicy p, int layer, Ctx ctx, Scratch sc, @Nullable Trace trace) {
    sc.one[0] = p;
    layer(sc.one, layer, -1, layer == RESOURCE, ctx, sc, trace);
    sc.one[0] = null;
  }

  /** Evaluates one layer into the scratch's {@code l*} fields. */
  private static void layer(
      @Nullable CPolicy[] policies, int layer, int level, boolean principals, Ctx ctx, Scratch sc,
      @Nullable Trace trace) {
    int deny = NO;
    int allow = NO;
    int direct = NO;
    int role = NO;
    int acct = NO;
    for (CPolicy p : policies) {
      if (p == null) {
        continue;
      }
      for (CStatement st : p.statements) {
        int m = statement(st, principals, ctx, sc, trace, layer, level, p.name);
        if (st.allow) {
          allow = CPolicy.or3(allow, m);
          if (principals && m != NO) {
            switch (sc.lastCategory) {
              case CPolicy.P_DIRECT -> direct = CPolicy.or3(direct, m);
              case CPolicy.P_ROLE -> role = CPolicy.or3(role, m);
              case CPolicy.P_ACCOUNT -> acct = CPolicy.or3(acct, m);
              default -> { }
            }
          }
        } else {
          deny = CPolicy.or3(deny, m);
        }
      }
    }
    sc.lDeny = deny;
    sc.lAllow = allow;
    sc.lDirect = direct;
    sc.lRole = role;
    sc.lAcct = acct;
  }

  private static int statement(
      CStatement st, boolean principals, Ctx ctx, Scratch sc, @Nullable Trace trace, int layer,
      int level, String policy) {
    sc.lastCategory = CPolicy.P_DIRECT;
    if (!st.actionMatches(ctx)) {
      if (trace != null) {
        trace.statement(layer, level, policy, st.source, NO, "action " + ctx.action + " not matched by "
            + (st.notAction ? "NotAction " : "Action ") + st.source.actions());
      }
      return NO;
    }
    int r = st.resourceMatches(ctx, sc);
    if (r == NO) {
      if (trace != null) {
        trace.statement(layer, level, policy, st.source, NO, "resource " + ctx.resource
            + " not matched by " + (st.notResource ? "NotResource " : "Resource ")
            + st.source.resources());
      }
      return NO;
    }
    if (principals) {
      int cat = st.principalCategory(ctx);
      sc.lastCategory = cat;
      if (cat == CPolicy.P_NONE) {
        if (trace != null) {
          trace.statement(layer, level, policy, st.source, NO, "principal " + ctx.principal
              + " not matched by " + (st.notPrincipal ? "NotPrincipal " : "Principal ")
              + st.source.principals());
        }
        return NO;
      }
    }
    int c = YES;
    String why = null;
    for (CCondition cond : st.conditions) {
      int m = cond.evaluate(ctx, sc);
      if (trace != null && m != YES) {
        if (m == UNK) {
          trace.unknownKey(cond.source.key());
          for (Template t : cond.templates) {
            for (String k : t.varKeys) {
              if (ctx.get(k) == null) {
                trace.unknownKey(k);
              }
            }
          }
        }
        if (why == null || m == NO) {
          Ctx.Value v = ctx.get(cond.key);
          why = "condition " + cond.op + " " + cond.source.key() + " " + cond.source.values()
              + (m == NO ? " is false" : " depends on keys not supplied") + " (request value: "
              + (v == null ? "absent" : java.util.Arrays.toString(v.strings)) + ")";
        }
      }
      c = CPolicy.and3(c, m);
      if (c == NO && trace == null) {
        return NO;
      }
    }
    if (r == UNK) {
      c = CPolicy.and3(c, UNK);
      if (trace != null) {
        for (Template t : java.util.Objects.requireNonNull(st.resources)) {
          for (String k : t.varKeys) {
            if (ctx.get(k) == null) {
              trace.unknownKey(k);
            }
          }
        }
        if (why == null) {
          why = "resource pattern depends on policy variables not supplied";
        }
      }
    }
    if (c == UNK && !ctx.unknownMissingKeys) {
      // Without unknown keys, "unknown" comes only from a policy variable with no value and no
      // default: the statement does not apply (IAM User Guide, "IAM policy elements: Variables
      // and tags": if AWS cannot resolve a variable, the entire statement may be invalid).
      if (trace != null) {
        trace.statement(layer, level, policy, st.source, NO, "a policy variable has no value and"
            + " no default, and the outcome depends on it: the statement does not apply");
      }
      return NO;
    }
    if (trace != null) {
      String cat = !principals ? ""
          : switch (sc.lastCategory) {
            case CPolicy.P_ROLE -> " (principal named by its role ARN)";
            case CPolicy.P_ACCOUNT -> " (principal named by its account)";
            default -> "";
          };
      trace.statement(layer, level, policy, st.source, c, c == YES ? "matched" + cat : why + cat);
    }
    return c;
  }
}
