/**
 * Immutable records for every AWS log format, the ARN algebra, the JSON value view and provenance.
 * JDK only.
 */
module io.cloudir.model {
  requires static transitive org.jspecify;

  exports io.cloudir.model;
  exports io.cloudir.model.arn;
  exports io.cloudir.model.cloudtrail;
  exports io.cloudir.model.elb;
  exports io.cloudir.model.json;
  exports io.cloudir.model.net;
  exports io.cloudir.model.route53;
  exports io.cloudir.model.s3;
  exports io.cloudir.model.vpcflow;
  exports io.cloudir.model.waf;
  exports io.cloudir.model.internal to
      io.cloudir.parsers,
      io.cloudir.iam,
      io.cloudir.cli;
  exports io.cloudir.model.internal.json to
      io.cloudir.parsers,
      io.cloudir.iam,
      io.cloudir.aws,
      io.cloudir.cli;
  exports io.cloudir.model.internal.text to
      io.cloudir.parsers;
  exports io.cloudir.model.internal.cloudtrail to
      io.cloudir.parsers,
      io.cloudir.cli;
  exports io.cloudir.model.internal.vpcflow to
      io.cloudir.parsers;
}
