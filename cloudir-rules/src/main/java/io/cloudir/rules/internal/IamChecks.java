package io.cloudir.rules.internal;

import io.cloudir.iam.policy.Condition;
import io.cloudir.iam.policy.Effect;
import io.cloudir.iam.policy.Policy;
import io.cloudir.iam.policy.Principals;
import io.cloudir.iam.policy.Statement;
import io.cloudir.model.CloudirException;
import io.cloudir.model.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The IAM helpers of the rule language, backed by cloudir-iam's policy parser. A value that is not
 * a policy document (or a URL-encoded one, as some CloudTrail events carry) matches nothing.
 */
public final class IamChecks {
  private IamChecks() {}

  /** Condition keys that restrict who may use a statement: with one, it is not public. */
  private static final Set<String> RESTRICTING = Set.of("aws:sourceaccount", "aws:sourcearn",
      "aws:sourceowner", "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount",
      "aws:principalarn", "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:sourceorgid",
      "aws:sourceorgpaths", "aws:userid", "aws:username", "aws:principalserviceName",
      "aws:resourceorgid", "aws:vpcsourceip", "aws:calledvia", "aws:principalservicename",
      "s3:dataaccesspointaccount", "s3:dataaccesspointarn", "kms:calleraccount",
      "kms:viaservice", "lambda:functionarn", "sts:externalid");

  /** The most texts {@link #policy} remembers the policy of (it forgets them all when full). */
  static final int REMEMBERED = 256;
  /** The longest text {@link #policy} remembers, in chars. */
  static final int MAX_REMEMBERED_TEXT = 8192;
  /** Remembered for a text that holds no policy. */
  private static final Object NONE = new Object();
  /** Policies by the string value that held them (or {@link #NONE}). */
  private static final java.util.concurrent.ConcurrentHashMap<String, Object> BY_STRING =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** Policies by the JSON text of the object value that held them (or {@link #NONE}). */
  private static final java.util.concurrent.ConcurrentHashMap<String, Object> BY_OBJECT =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The policy a value holds, or null when it holds none. The answer is a function of the value
   * alone (a policy is immutable), and the same policy documents come again and again (every rule
   * testing a policy of an event asks, and events repeat documents): the answers for short texts
   * are remembered (bounded, {@value #REMEMBERED} texts; thread-safe).
   */
  public static @Nullable Policy policy(Object value) {
    String key;
    java.util.concurrent.ConcurrentHashMap<String, Object> memo;
    if (value instanceof JsonValue j && j.isObject()) {
      key = j.toJson();
      memo = BY_OBJECT;
    } else if (value instanceof String s) {
      key = s;
      memo = BY_STRING;
    } else {
      return null;
    }
    if (key.length() > MAX_REMEMBERED_TEXT) {
      return parsed(value);
    }
    Object known = memo.get(key);
    if (known == null) {
      Policy p = parsed(value);
      known = p == null ? NONE : p;
      if (memo.size() >= REMEMBERED) {
        memo.clear();
      }
      memo.put(key, known);
    }
    return known instanceof Policy p ? p : null;
  }

  /** {@link #policy} without remembering: parses the value. */
  static @Nullable Policy parsed(Object value) {
    try {
      if (value instanceof JsonValue j && j.isObject()) {
        return Policy.parse(j, null);
      }
      if (value instanceof String s) {
        String t = s.trim();
        if (t.startsWith("%7B") || t.startsWith("%7b")) {
          t = URLDecoder.decode(t, StandardCharsets.UTF_8);
        }
        if (!t.startsWith("{")) {
          return null;
        }
        return Policy.parse(t, null);
      }
    } catch (CloudirException | IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  /**
   * Whether a policy grants administrator access: an Allow statement for every action ({@code *}
   * or {@code *:*}) or a {@code NotAction} Allow, on every resource, without conditions.
   */
  public static boolean grantsAdmin(Policy p) {
    for (Statement s : p.statements()) {
      if (s.effect() != Effect.ALLOW || !s.conditions().isEmpty() || s.notResource()) {
        continue;
      }
      boolean everyAction = s.notAction()
          || s.actions().stream().anyMatch(a -> a.equals("*") || a.equals("*:*"));
      boolean everyResource = s.resources() == null || s.resources().contains("*");
      if (everyAction && everyResource) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a resource policy allows anyone: an Allow statement whose principal is {@code *} (or
   * a {@code NotPrincipal} Allow) with no condition on a key that restricts the caller (source
   * account/ARN/VPC/IP, principal organization/account/ARN…).
   */
  public static boolean allowsPublic(Policy p) {
    for (Statement s : p.statements()) {
      Principals pr = s.principals();
      if (s.effect() != Effect.ALLOW || pr == null) {
        continue;
      }
      if (!(s.notPrincipal() || pr.matchesEveryone())) {
        continue;
      }
      boolean restricted = false;
      for (Condition c : s.conditions()) {
        if (RESTRICTING.contains(c.key().toLowerCase(Locale.ROOT))) {
          restricted = true;
          break;
        }
      }
      if (!restricted) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a policy allows an AWS principal of an account other than {@code account}: an account
   * id, an ARN of another account, or {@code *}.
   */
  public static boolean externalPrincipal(Policy p, String account) {
    for (Statement s : p.statements()) {
      Principals pr = s.principals();
      if (s.effect() != Effect.ALLOW || pr == null || s.notPrincipal()) {
        continue;
      }
      if (pr.wildcard()) {
        return true;
      }
      for (String a : pr.aws()) {
        String acct = accountOf(a);
        if (acct == null || !acct.equals(account)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the text is twelve ASCII digits (an account id), as {@code \d{12}} matches it. */
  private static boolean twelveDigits(String s) {
    if (s.length() != 12) {
      return false;
    }
    for (int i = 0; i < 12; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static @Nullable String accountOf(String principal) {
    if (twelveDigits(principal)) {
      return principal;
    }
    if (principal.startsWith("arn:")) {
      String[] parts = principal.split(":", 6);
      return parts.length >= 5 && !parts[4].isEmpty() ? parts[4] : null;
    }
    return null;
  }
}
