package io.cloudir.investigate;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The real actor behind one call: the identity at the origin of its credentials, the role
 * sessions in between (in order: {@code via.get(0)} is the first role the origin assumed, the last
 * is the session that made the call), whether every link is in the data, and the account decoded
 * from the access key id.
 *
 * <p>Immutable and thread-safe.
 *
 * @param origin the origin identity (for a partial attribution, the furthest identity known)
 * @param via the sessions between the origin and the call, origin first; empty when the origin
 *     made the call itself
 * @param completeness whether every link is known
 * @param reason for a partial attribution, what is missing and what is known; null when complete
 * @param keyAccountId the account encoded in the caller's access key id, or null
 * @param sourceIdentity the {@code sourceIdentity} carried by the session that made the call (or
 *     set anywhere on the chain), or null
 * @param onBehalfOf the Identity Center user the call was made on behalf of ({@code
 *     userId@identityStoreArn}, from {@code userIdentity.onBehalfOf}), or null
 * @param signInEventId the eventID of the {@code ConsoleLogin} / {@code SwitchRole} that started
 *     the console session the call belongs to, or null
 */
public record Attribution(
    Identity origin,
    List<SessionHop> via,
    Completeness completeness,
    @Nullable String reason,
    @Nullable String keyAccountId,
    @Nullable String sourceIdentity,
    @Nullable String onBehalfOf,
    @Nullable String signInEventId) {

  /** Checks the parts and copies {@code via}. */
  public Attribution {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(completeness, "completeness");
    via = List.copyOf(via);
    if ((completeness == Completeness.PARTIAL) != (reason != null)) {
      throw new IllegalArgumentException("a reason is given exactly for partial attributions");
    }
  }

  /** Whether every link is in the data. */
  public boolean isComplete() {
    return completeness == Completeness.COMPLETE;
  }

  /** The role ARNs of {@link #via()}, in order (unknown roles as {@code null} are skipped). */
  public List<String> viaRoles() {
    return via.stream().map(SessionHop::roleArn).filter(Objects::nonNull).toList();
  }

  /** The same attribution with a sign-in event. */
  public Attribution withSignIn(@Nullable String eventId) {
    return new Attribution(origin, via, completeness, reason, keyAccountId, sourceIdentity,
        onBehalfOf, eventId);
  }
}
