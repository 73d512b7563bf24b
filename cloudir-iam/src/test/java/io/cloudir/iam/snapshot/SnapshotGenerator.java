package io.cloudir.iam.snapshot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random snapshots over a small universe (two accounts, a few users, groups and roles, policies on
 * a handful of actions and resources with occasional conditions, trust policies naming accounts,
 * users, roles or everyone, optional boundaries and SCPs) for property tests and benchmarks.
 */
final class SnapshotGenerator {
  static final String[] ACCOUNTS = {"111122223333", "444455556666"};
  static final String[] ACTIONS = {"s3:GetObject", "s3:PutObject", "s3:*", "sts:AssumeRole", "*",
      "iam:PassRole", "s3:Get*"};
  static final String[] RESOURCES = {"arn:aws:s3:::b/*", "arn:aws:s3:::b/k", "*",
      "arn:aws:s3:::other/*", "arn:aws:iam::*:role/r*", "arn:aws:iam::111122223333:role/r0"};
  static final String[] QUERY_ACTIONS = {"s3:GetObject", "s3:PutObject", "iam:PassRole"};
  static final String[] QUERY_RESOURCES = {"arn:aws:s3:::b/k", "arn:aws:s3:::other/x",
      "arn:aws:iam::111122223333:role/r0"};

  private final SplittableRandom rnd;
  private final int users;
  private final int roles;

  SnapshotGenerator(SplittableRandom rnd, int users, int roles) {
    this.rnd = rnd;
    this.users = users;
    this.roles = roles;
  }

  private String pick(String[] a) {
    return a[rnd.nextInt(a.length)];
  }

  private String condition() {
    return switch (rnd.nextInt(6)) {
      case 0 -> ",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}";
      case 1 -> ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"red\"}}";
      default -> "";
    };
  }

  private String statement(boolean allowBias) {
    String effect = rnd.nextInt(allowBias ? 6 : 3) == 0 ? "Deny" : "Allow";
    return "{\"Effect\":\"" + effect + "\",\"Action\":\"" + pick(ACTIONS) + "\",\"Resource\":\""
        + pick(RESOURCES) + "\"" + condition() + "}";
  }

  String policy() {
    int n = 1 + rnd.nextInt(3);
    List<String> st = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      st.add(statement(true));
    }
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", st) + "]}";
  }

  String userArn(String acct, int i) {
    return "arn:aws:iam::" + acct + ":user/u" + i;
  }

  String roleArn(String acct, int i) {
    return "arn:aws:iam::" + acct + ":role/r" + i;
  }

  private String trust(String acct) {
    String principal = switch (rnd.nextInt(5)) {
      case 0 -> "\"arn:aws:iam::" + acct + ":root\"";
      case 1 -> "\"" + userArn(pick(ACCOUNTS), rnd.nextInt(users)) + "\"";
      case 2 -> "\"" + roleArn(acct, rnd.nextInt(roles)) + "\"";
      case 3 -> "\"" + ACCOUNTS[rnd.nextInt(2)] + "\"";
      default -> "\"*\"";
    };
    String deny = rnd.nextInt(5) == 0
        ? ",{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"" + userArn(acct, 0) + "\"},\"Action\":\"sts:AssumeRole\"}"
        : "";
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + principal + "},\"Action\":\"sts:AssumeRole\"" + condition() + "}" + deny + "]}";
  }

  private String inline() {
    return "[{\"PolicyName\":\"p\",\"PolicyDocument\":" + policy() + "}]";
  }

  private String tags() {
    return rnd.nextBoolean() ? "[{\"Key\":\"team\",\"Value\":\"red\"}]" : "[]";
  }

  private String boundary(String acct) {
    return rnd.nextInt(4) == 0
        ? ",\"PermissionsBoundary\":{\"PermissionsBoundaryType\":\"Policy\",\"PermissionsBoundaryArn\":\"arn:aws:iam::"
            + acct + ":policy/boundary\"}"
        : "";
  }

  /** The account's authorization details. */
  String account(String acct) {
    StringBuilder sb = new StringBuilder("{\"UserDetailList\":[");
    for (int i = 0; i < users; i++) {
      sb.append(i > 0 ? "," : "").append("{\"UserName\":\"u").append(i).append("\",\"Arn\":\"")
          .append(userArn(acct, i)).append("\",\"UserPolicyList\":").append(inline())
          .append(",\"GroupList\":").append(rnd.nextBoolean() ? "[\"g\"]" : "[]")
          .append(",\"Tags\":").append(tags()).append(boundary(acct)).append('}');
    }
    sb.append("],\"GroupDetailList\":[{\"GroupName\":\"g\",\"Arn\":\"arn:aws:iam::").append(acct)
        .append(":group/g\",\"GroupPolicyList\":").append(inline()).append("}],\"RoleDetailList\":[");
    for (int i = 0; i < roles; i++) {
      sb.append(i > 0 ? "," : "").append("{\"RoleName\":\"r").append(i).append("\",\"Arn\":\"")
          .append(roleArn(acct, i)).append("\",\"AssumeRolePolicyDocument\":").append(trust(acct))
          .append(",\"RolePolicyList\":").append(inline()).append(",\"Tags\":").append(tags())
          .append(boundary(acct)).append('}');
    }
    sb.append("],\"Policies\":[{\"PolicyName\":\"boundary\",\"Arn\":\"arn:aws:iam::").append(acct)
        .append(":policy/boundary\",\"DefaultVersionId\":\"v1\",\"PolicyVersionList\":[{\"VersionId\":\"v1\","
            + "\"IsDefaultVersion\":true,\"Document\":").append(policy()).append("}]}]}");
    return sb.toString();
  }

  String organization() {
    return "{\"Organization\":{\"Root\":{\"Id\":\"r-1\",\"Scps\":[{\"Name\":\"s\",\"Document\":"
        + "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
        + statement(false) + "]}}],\"Accounts\":[{\"Id\":\"" + ACCOUNTS[0] + "\"}]}}}";
  }

  String resourcePolicies() {
    return "{\"ResourcePolicies\":[{\"Arn\":\"arn:aws:s3:::b\",\"Account\":\"" + ACCOUNTS[1]
        + "\",\"Policy\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
        + roleArn(ACCOUNTS[0], rnd.nextInt(roles)) + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}}]}";
  }

  Snapshot snapshot() {
    Snapshot.Builder b = Snapshot.builder();
    for (String a : ACCOUNTS) {
      b.add(a + ".json", account(a).getBytes(StandardCharsets.UTF_8));
    }
    if (rnd.nextBoolean()) {
      b.add("org.json", organization().getBytes(StandardCharsets.UTF_8));
    }
    if (rnd.nextBoolean()) {
      b.add("rp.json", resourcePolicies().getBytes(StandardCharsets.UTF_8));
    }
    return b.build();
  }
}
