package io.cloudir.model.cloudtrail;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a CloudTrail event's {@code resources} list.
 *
 * <p>Immutable and thread-safe.
 *
 * @param arn the resource ARN ({@code ARN}), or null
 * @param arnPrefix the ARN prefix ({@code ARNPrefix}) for resources named by prefix, or null
 * @param accountId the owning account, or null
 * @param type the resource type, e.g. {@code AWS::S3::Object}, or null
 */
public record TrailResource(
    @Nullable String arn, @Nullable String arnPrefix, @Nullable String accountId,
    @Nullable String type) {}
