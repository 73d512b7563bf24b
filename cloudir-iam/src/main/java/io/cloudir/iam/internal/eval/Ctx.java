package io.cloudir.iam.internal.eval;

import io.cloudir.model.arn.Arn;
import io.cloudir.model.net.IpAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A compiled request: the principal's kind and identities, the action and resource, and the context
 * with every value pre-parsed for each condition family, so that evaluation does not allocate.
 * Immutable and thread-safe after construction.
 */
public final class Ctx {
  /** Kinds of principal. */
  public enum Kind {
    /** An unauthenticated request. */
    ANONYMOUS,
    /** An IAM user. */
    USER,
    /** The account root user. */
    ROOT,
    /** A role session ({@code sts assumed-role}) or a role given by its ARN. */
    ROLE_SESSION,
    /** A federated user session ({@code GetFederationToken}). */
    FEDERATED_USER,
    /** An AWS service principal ({@code lambda.amazonaws.com}). */
    SERVICE
  }

  /** One context key's values, parsed for each family. */
  public static final class Value {
    final String[] strings;
    final double[] numbers;
    final long[] dates;
    final @Nullable IpAddress[] ips;
    final byte[][] binaries;
    final boolean[] arnShaped;

    Value(List<String> values) {
      int n = values.size();
      strings = values.toArray(new String[0]);
      numbers = new double[n];
      dates = new long[n];
      ips = new IpAddress[n];
      binaries = new byte[n][];
      arnShaped = new boolean[n];
      for (int i = 0; i < n; i++) {
        String s = strings[i];
        numbers[i] = Values.number(s);
        dates[i] = Values.date(s);
        ips[i] = IpAddress.tryParse(s.strip());
        binaries[i] = Values.base64(s);
        arnShaped[i] = s.startsWith("arn:") && countColons(s) >= 5;
      }
    }

    private static int countColons(String s) {
      int c = 0;
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == ':') {
          c++;
        }
      }
      return c;
    }
  }

  final Kind kind;
  /** The principal as given ("anonymous", an ARN or a service name). */
  final String principal;
  final @Nullable String principalAccount;
  /** For sessions: the account, the role name (no path); else null. */
  final @Nullable String roleName;
  final boolean serviceLinkedRole;
  final String action;
  final String actionLower;
  final String serviceLower;
  final String resource;
  final String resourceAccount;
  final boolean unknownMissingKeys;
  final Map<String, Value> values;
  /** The context as the caller gave it plus derived keys, in key order, for explanations. */
  final Map<String, List<String>> visible;

  /**
   * Compiles a request.
   *
   * @param principal "anonymous", an IAM/STS principal ARN or a service principal name
   * @param action the action ({@code s3:GetObject})
   * @param resource the resource ARN (or {@code *})
   * @param resourceAccount the resource's account, or null to take it from the ARN or the principal
   * @param context the caller's context keys (any case) and values
   * @param unknownMissingKeys whether keys not given (and not derivable) are unknown rather than
   *     absent
   * @throws IllegalArgumentException for an invalid principal or action
   */
  public Ctx(
      String principal,
      String action,
      String resource,
      @Nullable String resourceAccount,
      Map<String, List<String>> context,
      boolean unknownMissingKeys) {
    this.principal = principal;
    this.action = action;
    int colon = action.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("an action is service:name, not \"" + action + "\"");
    }
    this.actionLower = action.toLowerCase(Locale.ROOT);
    this.serviceLower = actionLower.substring(0, colon);
    this.resource = resource;
    this.unknownMissingKeys = unknownMissingKeys;
    Map<String, String> derived = new LinkedHashMap<>();
    String acct = null;
    String role = null;
    boolean slr = false;
    Kind k;
    if (principal.equals("anonymous")) {
      k = Kind.ANONYMOUS;
      derived.put("aws:PrincipalType", "Anonymous");
      derived.put("aws:userid", "anonymous");
    } else if (!principal.startsWith("arn:")) {
      if (!principal.contains(".") || principal.contains(" ")) {
        throw new IllegalArgumentException(
            "a principal is \"anonymous\", an ARN or a service principal: \"" + principal + "\"");
      }
      k = Kind.SERVICE;
      derived.put("aws:PrincipalServiceName", principal);
      derived.put("aws:PrincipalIsAWSService", "true");
    } else {
      Arn arn =
          Arn.tryParse(principal)
              .orElseThrow(() -> new IllegalArgumentException("invalid principal ARN: " + principal));
      acct = arn.account();
      String res = arn.resource();
      String partition = arn.partition();
      if (arn.service().equals("iam") && res.equals("root")) {
        k = Kind.ROOT;
        derived.put("aws:PrincipalType", "Account");
        derived.put("aws:PrincipalArn", principal);
        derived.put("aws:userid", acct);
      } else if (arn.service().equals("iam") && res.startsWith("user/")) {
        k = Kind.USER;
        derived.put("aws:PrincipalType", "User");
        derived.put("aws:PrincipalArn", principal);
        derived.put("aws:username", res.substring(res.lastIndexOf('/') + 1));
      } else if (arn.service().equals("iam") && res.startsWith("role/")) {
        k = Kind.ROLE_SESSION;
        role = res.substring(res.lastIndexOf('/') + 1);
        slr = res.startsWith("role/aws-service-role/");
        derived.put("aws:PrincipalType", "AssumedRole");
        derived.put("aws:PrincipalArn", principal);
      } else if (arn.service().equals("sts") && res.startsWith("assumed-role/")) {
        k = Kind.ROLE_SESSION;
        String rest = res.substring("assumed-role/".length());
        int slash = rest.indexOf('/');
        if (slash <= 0) {
          throw new IllegalArgumentException("an assumed-role ARN names role and session: " + principal);
        }
        role = rest.substring(0, slash);
        slr = role.startsWith("AWSServiceRoleFor");
        derived.put("aws:PrincipalType", "AssumedRole");
        derived.put("aws:PrincipalArn", "arn:" + partition + ":iam::" + acct + ":role/" + role);
      } else if (arn.service().equals("sts") && res.startsWith("federated-user/")) {
        k = Kind.FEDERATED_USER;
        derived.put("aws:PrincipalType", "FederatedUser");
        derived.put("aws:PrincipalArn", principal);
      } else {
        throw new IllegalArgumentException("not a principal ARN (user, role, session, root): " + principal);
      }
      if (acct.isEmpty()) {
        throw new IllegalArgumentException("a principal ARN has an account: " + principal);
      }
      derived.put("aws:PrincipalAccount", acct);
      derived.put("aws:PrincipalIsAWSService", "false");
    }
    this.kind = k;
    this.principalAccount = acct;
    this.roleName = role;
    this.serviceLinkedRole = slr;
    String ra = resourceAccount;
    if (ra == null || ra.isEmpty()) {
      Arn r = Arn.tryParse(resource).orElse(null);
      ra = r != null && !r.account().isEmpty() ? r.account() : acct;
    }
    this.resourceAccount = ra == null ? "" : ra;
    if (!this.resourceAccount.isEmpty()) {
      derived.put("aws:ResourceAccount", this.resourceAccount);
    }
    Map<String, Value> vals = new HashMap<>();
    Map<String, List<String>> vis = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : context.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (vals.containsKey(key)) {
        throw new IllegalArgumentException("context key given twice (keys ignore case): " + e.getKey());
      }
      vals.put(key, new Value(e.getValue()));
      vis.put(e.getKey(), List.copyOf(e.getValue()));
    }
    for (Map.Entry<String, String> e : derived.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (!vals.containsKey(key)) {
        vals.put(key, new Value(List.of(e.getValue())));
        vis.put(e.getKey(), List.of(e.getValue()));
      }
    }
    this.values = vals;
    this.visible = vis;
  }

  /** The values of a lower-cased key, or null. */
  @Nullable Value get(String lowerKey) {
    return values.get(lowerKey);
  }

  /** The caller's and derived context, for explanations. */
  public Map<String, List<String>> visible() {
    return visible;
  }

  /** The resource's account ("" when unknown). */
  public String resourceAccount() {
    return resourceAccount;
  }
}
