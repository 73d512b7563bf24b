package io.cloudir.investigate.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event that minted credentials (or started a console session): what it created and who
 * called it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param eventId the minting event's eventID, or null
 * @param eventName the minting event's name
 * @param time the minting event's time, or null
 * @param roleArn the role assumed (or federated-user ARN), or null
 * @param sessionName the session name requested, or null
 * @param sourceIdentity the sourceIdentity requested, or null
 * @param caller the caller's identity
 */
public record Mint(
    @Nullable String eventId,
    String eventName,
    @Nullable Instant time,
    @Nullable String roleArn,
    @Nullable String sessionName,
    @Nullable String sourceIdentity,
    Who caller) {}
