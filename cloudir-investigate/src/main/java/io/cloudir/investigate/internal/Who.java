package io.cloudir.investigate.internal;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.CloudTrailField;
import io.cloudir.model.cloudtrail.IdentityType;
import io.cloudir.model.cloudtrail.SessionContext;
import io.cloudir.model.cloudtrail.SessionIssuer;
import io.cloudir.model.cloudtrail.UserIdentity;
import io.cloudir.model.cloudtrail.UserIdentityField;
import io.cloudir.model.json.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * A compact snapshot of a {@code userIdentity} block: what attribution needs of a caller, kept
 * for every minting event (so the event's bytes need not be retained).
 *
 * <p>Of an assumed-role identity, what attribution never reads of one is not kept (it would be
 * decoded for nothing, once per minting event and once per new session): its account, principal
 * id, user name, {@code invokedBy} and identity provider are null. A role session is followed by
 * its access key, issuer, ARN and session context; those fields serve only the identities that
 * end a chain.
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
    @Nullable Instant creationDate,
    @Nullable String ec2RoleDelivery,
    @Nullable String sourceIdentity,
    @Nullable String onBehalfOf,
    boolean console,
    boolean assumedRoot) {

  /** The snapshot of an event's identity (an all-null snapshot when it has none). */
  public static Who of(CloudTrailEvent e) {
    Who w = fromIndex(e, null);
    return w != null ? w : decoded(e);
  }

  /**
   * {@link #of} for a caller that has read the event's access key already: {@code accessKeyId}
   * is {@code e.userIdentityString(UserIdentityField.ACCESS_KEY_ID)} when not empty, else null
   * (it is then read again).
   */
  public static Who of(CloudTrailEvent e, @Nullable String accessKeyId) {
    Who w = fromIndex(e, accessKeyId);
    return w != null ? w : decoded(e);
  }

  private static final byte[][] CONTEXT_NAMES = Members.names("sessionIssuer", "attributes",
      "sourceIdentity", "ec2RoleDelivery", "assumedRoot");
  /**
   * What {@link #fromIndex} reads inside the members {@link #CONTEXT_NAMES} in the same pass:
   * {@code sessionIssuer.arn}, {@code attributes.creationDate}.
   */
  private static final byte[][][] CONTEXT_INNER =
      {Members.names("arn"), Members.names("creationDate")};
  /** The index of {@code sessionIssuer.arn} in the spans of {@link #CONTEXT_NAMES}. */
  private static final int ISSUER_ARN = 5;
  /** The index of {@code attributes.creationDate} in the spans of {@link #CONTEXT_NAMES}. */
  private static final int CREATION_DATE = 6;
  private static final int CONTEXT_SPANS = 7;

  /**
   * {@link #of} read straight from the event's index and one pass over its {@code
   * sessionContext}, without building the model's identity objects; null when the session
   * context has an escaped member name or a creation date not in the usual form ({@link
   * #creationDate}): then {@link #decoded} reads it.
   */
  static @Nullable Who fromIndex(CloudTrailEvent e) {
    return fromIndex(e, null);
  }

  /** {@link #fromIndex} with the access key when already read ({@link #of(CloudTrailEvent,
   * String)}). */
  private static @Nullable Who fromIndex(CloudTrailEvent e, @Nullable String accessKeyId) {
    boolean console = Boolean.TRUE.equals(e.sessionCredentialFromConsole());
    byte[] b = e.buffer();
    int us = e.valueStart(CloudTrailField.USER_IDENTITY);
    if (us < 0 || b[us] != '{') {
      return new Who(null, null, null, null, null, null, null, null, null, null, null, null, null,
          console, false);
    }
    String issuerArn = null;
    Instant created = null;
    String delivery = null;
    String sourceIdentity = null;
    boolean assumedRoot = false;
    int scs = e.valueStart(UserIdentityField.SESSION_CONTEXT);
    if (scs >= 0 && b[scs] == '{') {
      long[] sp = new long[CONTEXT_SPANS];
      if (!Members.find(b, scs, CONTEXT_NAMES, CONTEXT_INNER, sp)) {
        return null;
      }
      sourceIdentity = Members.string(b, sp[2]);
      delivery = Members.string(b, sp[3]);
      JsonValue root = Members.value(b, sp[4]);
      assumedRoot = root != null && "true".equalsIgnoreCase(root.asText());
      if (Members.isObject(b, sp[0])) {
        issuerArn = Members.string(b, sp[ISSUER_ARN]);
      }
      if (Members.isObject(b, sp[1])) {
        long cd = sp[CREATION_DATE];
        if (cd != 0 && b[Members.start(cd)] == '"') {
          created = creationDate(b, Members.start(cd) + 1, (int) cd - 1);
          if (created == null) {
            return null;
          }
        }
      }
    }
    String obo = null;
    int os = e.valueStart(UserIdentityField.ON_BEHALF_OF);
    if (os >= 0 && b[os] == '{') {
      obo = onBehalfOf(JsonValue.ofValidated(b, os, e.valueEnd(UserIdentityField.ON_BEHALF_OF)));
    }
    IdentityType type = e.identityType();
    String arn = emptyToNull(e.userIdentityString(UserIdentityField.ARN));
    String key = accessKeyId != null ? accessKeyId
        : emptyToNull(e.userIdentityString(UserIdentityField.ACCESS_KEY_ID));
    if (IdentityType.ASSUMED_ROLE.equals(type)) {
      return new Who(type, arn, key, null, null, null, null, null, emptyToNull(issuerArn), created,
          delivery, sourceIdentity, obo, console, assumedRoot);
    }
    return new Who(type, arn, key, e.userIdentityString(UserIdentityField.ACCOUNT_ID),
        e.userIdentityString(UserIdentityField.PRINCIPAL_ID),
        e.userIdentityString(UserIdentityField.USER_NAME),
        e.userIdentityString(UserIdentityField.INVOKED_BY),
        e.userIdentityString(UserIdentityField.IDENTITY_PROVIDER), emptyToNull(issuerArn),
        created, delivery, sourceIdentity, obo, console, assumedRoot);
  }

  /**
   * The instant of {@code b[s, e)} when it is in the form AWS writes ({@code
   * YYYY-MM-DDTHH:MM:SS}, an optional fraction of 1 to 9 digits, {@code Z}; a year from 1678 to
   * 2261, a valid date and time), else null (the model's parser then decides: it also takes other
   * forms).
   */
  static @Nullable Instant creationDate(byte[] b, int s, int e) {
    int len = e - s;
    if (len < 20 || len > 30 || b[e - 1] != 'Z' || b[s + 4] != '-' || b[s + 7] != '-'
        || b[s + 10] != 'T' || b[s + 13] != ':' || b[s + 16] != ':') {
      return null;
    }
    int year = digits(b, s, 4);
    int month = digits(b, s + 5, 2);
    int day = digits(b, s + 8, 2);
    int hour = digits(b, s + 11, 2);
    int min = digits(b, s + 14, 2);
    int sec = digits(b, s + 17, 2);
    if (year < 1678 || year > 2261 || month < 1 || month > 12 || day < 1 || hour < 0
        || hour > 23 || min < 0 || min > 59 || sec < 0 || sec > 59
        || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    int nanos = 0;
    if (len > 20) {
      int n = len - 21; // digits of the fraction
      if (b[s + 19] != '.' || n < 1 || n > 9) {
        return null;
      }
      nanos = digits(b, s + 20, n);
      if (nanos < 0) {
        return null;
      }
      for (int i = n; i < 9; i++) {
        nanos *= 10;
      }
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86400L + hour * 3600L + min * 60L + sec, nanos);
  }

  /** The value of {@code n} decimal digits at {@code b[s]}, or -1 if one is not a digit. */
  private static int digits(byte[] b, int s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      int d = b[s + i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = 10 * v + d;
    }
    return v;
  }

  private static @Nullable String onBehalfOf(JsonValue o) {
    String user = o.getString("userId");
    String store = o.getString("identityStoreArn");
    return user == null ? null : store == null ? user : user + "@" + store;
  }

  /** {@link #of} through the model's identity objects (every member name decoded). */
  static Who decoded(CloudTrailEvent e) {
    UserIdentity ui = e.userIdentity();
    boolean console = Boolean.TRUE.equals(e.sessionCredentialFromConsole());
    if (ui == null) {
      return new Who(null, null, null, null, null, null, null, null, null, null, null, null, null,
          console, false);
    }
    SessionContext sc = ui.sessionContext();
    String issuerArn = null;
    Instant created = null;
    String delivery = null;
    String sourceIdentity = null;
    boolean assumedRoot = false;
    if (sc != null) {
      assumedRoot = "true".equalsIgnoreCase(sc.assumedRoot());
      SessionIssuer si = sc.sessionIssuer();
      if (si != null) {
        issuerArn = si.arn();
      }
      created = sc.creationDate();
      delivery = sc.ec2RoleDelivery();
      sourceIdentity = sc.sourceIdentity();
    }
    String obo = null;
    JsonValue o = ui.onBehalfOf();
    if (o != null && o.isObject()) {
      obo = onBehalfOf(o);
    }
    IdentityType type = ui.type();
    if (IdentityType.ASSUMED_ROLE.equals(type)) {
      return new Who(type, emptyToNull(ui.arn()), emptyToNull(ui.accessKeyId()), null, null, null,
          null, null, emptyToNull(issuerArn), created, delivery, sourceIdentity, obo, console,
          assumedRoot);
    }
    return new Who(type, emptyToNull(ui.arn()), emptyToNull(ui.accessKeyId()),
        ui.accountId(), ui.principalId(), ui.userName(), ui.invokedBy(), ui.identityProvider(),
        emptyToNull(issuerArn), created, delivery, sourceIdentity, obo, console,
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
