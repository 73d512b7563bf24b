package io.cloudir.investigate;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One session between an origin identity and a call: a role session (or a federated-user
 * session) with its temporary access key and the event that minted it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param roleArn the IAM role of the session ({@code arn:aws:iam::…:role/…}), or for a federated
 *     session the {@code federated-user} ARN; null when unknown
 * @param sessionName the role session name (chosen by the caller, so never an identity by itself)
 * @param accessKeyId the temporary key of the session, or null when the event shows none
 * @param mintEventId the eventID of the event that minted the key, or null when not in the data
 * @param mintEventName the name of that event ({@code AssumeRole}, {@code
 *     AssumeRoleWithSAML}…), or null
 * @param mintTime when the key was minted (the minting event's time, else the session's {@code
 *     creationDate}), or null
 * @param sourceIdentity the {@code sourceIdentity} set on the session, or null
 */
public record SessionHop(
    @Nullable String roleArn,
    @Nullable String sessionName,
    @Nullable String accessKeyId,
    @Nullable String mintEventId,
    @Nullable String mintEventName,
    @Nullable Instant mintTime,
    @Nullable String sourceIdentity) {

  /** Whether the minting event is in the data. */
  public boolean minted() {
    return mintEventId != null;
  }
}
