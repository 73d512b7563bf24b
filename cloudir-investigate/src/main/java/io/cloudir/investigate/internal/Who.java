package io.cloudir.investigate.internal;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.IdentityType;
import io.cloudir.model.cloudtrail.SessionContext;
import io.cloudir.model.cloudtrail.SessionIssuer;
import io.cloudir.model.cloudtrail.UserIdentity;
import io.cloudir.model.json.JsonValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A compact snapshot of a {@code userIdentity} block: what attribution needs of a caller, kept
 * for every minting event (so the event's bytes need not be retained).
 *
 * <p>Immutable and thread-safe.
 *
 * @param type identity type, or null
 * @param arn the identity ARN, or null
 * @param accessKeyId the access key, or null
 * @param accountId the account, or null
 * @param principalId the principal id, or null
 * @param userName the user name, or null
 * @param invokedBy the service that made the call, or null
 * @param identityProvider the SAML / OIDC provider, or null
 * @param issuerArn {@code sessionContext.sessionIssuer.arn}, or null
 * @param issuerType {@code sessionContext.sessionIssuer.type}, or null
 * @param creationDate {@code sessionContext.attributes.creationDate}, or null
 * @param ec2RoleDelivery {@code sessionContext.ec2RoleDelivery}, or null
 * @param sourceIdentity {@code sessionContext.sourceIdentity}, or null
 * @param onBehalfOf {@code onBehalfOf} as {@code userId@identityStoreArn}, or null
 * @param console whether the event says {@code sessionCredentialFromConsole}
 * @param assumedRoot whether {@code sessionContext.assumedRoot} is {@code "true"}: a short-term
 *     privileged root session obtained with {@code sts:AssumeRoot} by another account
 */
public record Who(
    @Nullable IdentityType type,
    @Nullable String arn,
    @Nullable String accessKeyId,
    @Nullable String accountId,
    @Nullable String principalId,
    @Nullable String userName,
    @Nullable String invokedBy,
    @Nullable String identityProvider,
    @Nullable String issuerArn,
    @Nullable String issuerType,
    @Nullable Instant creationDate,
    @Nullable String ec2RoleDelivery,
    @Nullable String sourceIdentity,
    @Nullable String onBehalfOf,
    boolean console,
    boolean assumedRoot) {

  /** The snapshot of an event's identity (an all-null snapshot when it has none). */
  public static Who of(CloudTrailEvent e) {
    UserIdentity ui = e.userIdentity();
    boolean console = Boolean.TRUE.equals(e.sessionCredentialFromConsole());
    if (ui == null) {
      return new Who(null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, console, false);
    }
    SessionContext sc = ui.sessionContext();
    String issuerArn = null;
    String issuerType = null;
    Instant created = null;
    String delivery = null;
    String sourceIdentity = null;
    boolean assumedRoot = false;
    if (sc != null) {
      assumedRoot = "true".equalsIgnoreCase(sc.assumedRoot());
      SessionIssuer si = sc.sessionIssuer();
      if (si != null) {
        issuerArn = si.arn();
        issuerType = si.type();
      }
      created = sc.creationDate();
      delivery = sc.ec2RoleDelivery();
      sourceIdentity = sc.sourceIdentity();
    }
    String obo = null;
    JsonValue o = ui.onBehalfOf();
    if (o != null && o.isObject()) {
      String user = o.getString("userId");
      String store = o.getString("identityStoreArn");
      if (user != null) {
        obo = store == null ? user : user + "@" + store;
      }
    }
    return new Who(ui.type(), emptyToNull(ui.arn()), emptyToNull(ui.accessKeyId()),
        ui.accountId(), ui.principalId(), ui.userName(), ui.invokedBy(), ui.identityProvider(),
        emptyToNull(issuerArn), issuerType, created, delivery, sourceIdentity, obo, console,
        assumedRoot);
  }

  private static @Nullable String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The role session name of an assumed-role ARN, or null. */
  public @Nullable String sessionName() {
    String a = arn;
    if (a == null) {
      return null;
    }
    int i = a.indexOf(":assumed-role/");
    if (i < 0) {
      int f = a.indexOf(":federated-user/");
      return f < 0 ? null : a.substring(f + ":federated-user/".length());
    }
    int j = a.indexOf('/', i + ":assumed-role/".length());
    return j < 0 ? null : a.substring(j + 1);
  }

  /** The role ARN of the session: the issuer's ARN (with its path), else derived from the ARN. */
  public @Nullable String roleArn() {
    if (issuerArn != null && issuerArn.contains(":role/")) {
      return issuerArn;
    }
    return arn == null ? null : UserIdentity.roleArnOfSession(arn);
  }
}
