/**
 * Sources that read AWS evidence straight from an account with the AWS SDK for Java v2.
 *
 * <ul>
 *   <li>{@link io.cloudir.aws.S3LogSource}: lists the CloudTrail, CloudTrail-Digest,
 *       CloudTrail-Insight and VPC flow log layouts of an S3 log bucket (and any other prefix) for
 *       accounts, regions and a UTC time range by date prefixes; reads objects concurrently with
 *       bounded memory and hands each one to {@code cloudir-parsers} as a {@link
 *       io.cloudir.parsers.LogSource}; downloads them into the on-disk layout the offline tools
 *       read.
 *   <li>{@link io.cloudir.aws.CloudTrailEventHistory}: CloudTrail {@code LookupEvents} (the 90-day
 *       event history) as {@link io.cloudir.model.cloudtrail.CloudTrailEvent}s.
 *   <li>{@link io.cloudir.aws.CloudWatchLogsSource}: {@code FilterLogEvents} of log groups that
 *       hold flow logs, Route 53 public query logs or CloudTrail, through the line and JSON
 *       parsers.
 *   <li>{@link io.cloudir.aws.AccountSnapshots}: IAM {@code GetAccountAuthorizationDetails}, the
 *       Organizations tree with SCPs and RCPs, and CloudTrail {@code ListPublicKeys}, written as
 *       JSON files (formats in {@link io.cloudir.aws.AccountSnapshots}).
 * </ul>
 *
 * <p>Credentials and region come from the SDK's default chains, optionally with a named profile
 * ({@link io.cloudir.aws.AwsConfig}); nothing else is configured by hand. Every source also
 * accepts a caller's SDK client.
 */
@NullMarked
package io.cloudir.aws;

import org.jspecify.annotations.NullMarked;
