/**
 * cloudir-aws: evidence read straight from AWS with the AWS SDK for Java v2 — S3 log buckets,
 * CloudTrail event history, CloudWatch Logs, IAM and Organizations snapshots, CloudTrail public
 * keys. The only cloudir module that touches the network.
 */
module io.cloudir.aws {
  requires static transitive org.jspecify;
  requires transitive io.cloudir.model;
  requires transitive io.cloudir.parsers;
  requires io.cloudir.iam;
  requires transitive software.amazon.awssdk.services.s3;
  requires transitive software.amazon.awssdk.services.cloudtrail;
  requires transitive software.amazon.awssdk.services.cloudwatchlogs;
  requires transitive software.amazon.awssdk.services.iam;
  requires transitive software.amazon.awssdk.services.organizations;
  requires software.amazon.awssdk.core;
  requires software.amazon.awssdk.awscore;
  requires software.amazon.awssdk.regions;
  requires software.amazon.awssdk.auth;
  requires software.amazon.awssdk.http;
  requires software.amazon.awssdk.http.apache5;
  requires software.amazon.awssdk.profiles;
  requires software.amazon.awssdk.utils;

  exports io.cloudir.aws;
}
