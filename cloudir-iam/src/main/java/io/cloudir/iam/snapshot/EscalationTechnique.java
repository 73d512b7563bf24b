package io.cloudir.iam.snapshot;

import java.util.List;

/**
 * Privilege-escalation techniques {@link Snapshot#escalations} looks for: ways in which a principal
 * can give itself (or obtain) permissions it does not have. Each needs every permission listed in
 * {@link #permissions()}, on the target named in {@link #target()}. Sources: the IAM User Guide
 * pages for each action ({@code iam:PassRole}: "Grant a user permissions to pass a role to an AWS
 * service"; managed policy versions: "Versioning IAM policies"; "Permissions boundaries for IAM
 * entities", which warns that a principal allowed to change its own boundary can remove it), and
 * the public catalogues of IAM escalation paths that security teams use.
 *
 * <table>
 *   <caption>Techniques</caption>
 *   <tr><th>technique</th><th>permissions</th><th>target</th></tr>
 *   <tr><td>CREATE_POLICY_VERSION</td><td>iam:CreatePolicyVersion</td><td>a customer managed
 *       policy attached to the principal or its groups (a new default version can say
 *       anything)</td></tr>
 *   <tr><td>SET_DEFAULT_POLICY_VERSION</td><td>iam:SetDefaultPolicyVersion</td><td>an attached
 *       customer managed policy with another version to switch to</td></tr>
 *   <tr><td>ATTACH_USER_POLICY / ATTACH_GROUP_POLICY / ATTACH_ROLE_POLICY</td><td>iam:Attach…Policy
 *       </td><td>the principal itself, or one of its groups</td></tr>
 *   <tr><td>PUT_USER_POLICY / PUT_GROUP_POLICY / PUT_ROLE_POLICY</td><td>iam:Put…Policy</td><td>the
 *       principal itself, or one of its groups</td></tr>
 *   <tr><td>DELETE_PERMISSIONS_BOUNDARY</td><td>iam:Delete{User,Role}PermissionsBoundary</td><td>the
 *       principal itself, when it has a boundary</td></tr>
 *   <tr><td>PUT_PERMISSIONS_BOUNDARY</td><td>iam:Put{User,Role}PermissionsBoundary</td><td>the
 *       principal itself, when it has a boundary</td></tr>
 *   <tr><td>ADD_USER_TO_GROUP</td><td>iam:AddUserToGroup</td><td>a group of the account the user is
 *       not in</td></tr>
 *   <tr><td>CREATE_ACCESS_KEY</td><td>iam:CreateAccessKey</td><td>another user of the account</td></tr>
 *   <tr><td>CREATE_LOGIN_PROFILE</td><td>iam:CreateLoginProfile</td><td>another user</td></tr>
 *   <tr><td>UPDATE_LOGIN_PROFILE</td><td>iam:UpdateLoginProfile</td><td>another user</td></tr>
 *   <tr><td>UPDATE_ASSUME_ROLE_POLICY</td><td>iam:UpdateAssumeRolePolicy</td><td>another role of the
 *       account (rewrite its trust policy, then assume it)</td></tr>
 *   <tr><td>PASS_ROLE_EC2</td><td>iam:PassRole (iam:PassedToService ec2.amazonaws.com) and
 *       ec2:RunInstances</td><td>a role with an instance profile that EC2 may assume</td></tr>
 *   <tr><td>PASS_ROLE_LAMBDA</td><td>iam:PassRole (lambda.amazonaws.com), lambda:CreateFunction and
 *       lambda:InvokeFunction</td><td>a role Lambda may assume</td></tr>
 *   <tr><td>PASS_ROLE_CLOUDFORMATION</td><td>iam:PassRole (cloudformation.amazonaws.com) and
 *       cloudformation:CreateStack</td><td>a role CloudFormation may assume</td></tr>
 *   <tr><td>PASS_ROLE_GLUE</td><td>iam:PassRole (glue.amazonaws.com) and
 *       glue:CreateDevEndpoint</td><td>a role Glue may assume</td></tr>
 * </table>
 *
 * <p>Actions on resources created by the call (instances, functions, stacks, dev endpoints) are
 * evaluated on the ARN pattern of all such resources in the principal's account and every region
 * ({@code arn:aws:ec2:*:111122223333:instance/*}); a policy that allows them only in some regions or
 * for some names is therefore not detected (an under-approximation).
 *
 * <p>Immutable and thread-safe.
 */
public enum EscalationTechnique {
  /** iam:CreatePolicyVersion on an attached customer managed policy. */
  CREATE_POLICY_VERSION("iam:CreatePolicyVersion"),
  /** iam:SetDefaultPolicyVersion on an attached customer managed policy. */
  SET_DEFAULT_POLICY_VERSION("iam:SetDefaultPolicyVersion"),
  /** iam:AttachUserPolicy on the user itself. */
  ATTACH_USER_POLICY("iam:AttachUserPolicy"),
  /** iam:AttachGroupPolicy on a group of the user. */
  ATTACH_GROUP_POLICY("iam:AttachGroupPolicy"),
  /** iam:AttachRolePolicy on the role itself. */
  ATTACH_ROLE_POLICY("iam:AttachRolePolicy"),
  /** iam:PutUserPolicy on the user itself. */
  PUT_USER_POLICY("iam:PutUserPolicy"),
  /** iam:PutGroupPolicy on a group of the user. */
  PUT_GROUP_POLICY("iam:PutGroupPolicy"),
  /** iam:PutRolePolicy on the role itself. */
  PUT_ROLE_POLICY("iam:PutRolePolicy"),
  /** Removing the principal's own permissions boundary. */
  DELETE_PERMISSIONS_BOUNDARY("iam:DeleteUserPermissionsBoundary|iam:DeleteRolePermissionsBoundary"),
  /** Replacing the principal's own permissions boundary. */
  PUT_PERMISSIONS_BOUNDARY("iam:PutUserPermissionsBoundary|iam:PutRolePermissionsBoundary"),
  /** iam:AddUserToGroup into another group. */
  ADD_USER_TO_GROUP("iam:AddUserToGroup"),
  /** iam:CreateAccessKey for another user. */
  CREATE_ACCESS_KEY("iam:CreateAccessKey"),
  /** iam:CreateLoginProfile for another user. */
  CREATE_LOGIN_PROFILE("iam:CreateLoginProfile"),
  /** iam:UpdateLoginProfile for another user. */
  UPDATE_LOGIN_PROFILE("iam:UpdateLoginProfile"),
  /** iam:UpdateAssumeRolePolicy on another role. */
  UPDATE_ASSUME_ROLE_POLICY("iam:UpdateAssumeRolePolicy"),
  /** iam:PassRole to EC2 with ec2:RunInstances. */
  PASS_ROLE_EC2("iam:PassRole", "ec2:RunInstances"),
  /** iam:PassRole to Lambda with lambda:CreateFunction and lambda:InvokeFunction. */
  PASS_ROLE_LAMBDA("iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"),
  /** iam:PassRole to CloudFormation with cloudformation:CreateStack. */
  PASS_ROLE_CLOUDFORMATION("iam:PassRole", "cloudformation:CreateStack"),
  /** iam:PassRole to Glue with glue:CreateDevEndpoint. */
  PASS_ROLE_GLUE("iam:PassRole", "glue:CreateDevEndpoint");

  private final List<String> permissions;

  EscalationTechnique(String... permissions) {
    this.permissions = List.of(permissions);
  }

  /**
   * The permissions the technique needs, all of them ({@code a|b}: the user or role variant, by the
   * principal's type).
   */
  public List<String> permissions() {
    return permissions;
  }

  /** What the technique acts on, in words. */
  public String target() {
    return switch (this) {
      case CREATE_POLICY_VERSION, SET_DEFAULT_POLICY_VERSION -> "attached customer managed policy";
      case ATTACH_GROUP_POLICY, PUT_GROUP_POLICY -> "own group";
      case ATTACH_USER_POLICY, ATTACH_ROLE_POLICY, PUT_USER_POLICY, PUT_ROLE_POLICY,
          DELETE_PERMISSIONS_BOUNDARY, PUT_PERMISSIONS_BOUNDARY -> "self";
      case ADD_USER_TO_GROUP -> "another group";
      case CREATE_ACCESS_KEY, CREATE_LOGIN_PROFILE, UPDATE_LOGIN_PROFILE -> "another user";
      case UPDATE_ASSUME_ROLE_POLICY -> "another role";
      default -> "role passed to the service";
    };
  }
}
