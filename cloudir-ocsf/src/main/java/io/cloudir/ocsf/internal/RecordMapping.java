package io.cloudir.ocsf.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafLogRecord;

/**
 * One output schema's mapping of each record type; {@link #map} picks the method for a record.
 *
 * <p>Implementations are stateless and thread-safe.
 */
interface RecordMapping {
  Doc cloudTrail(CloudTrailEvent e);

  Doc flow(FlowLogRecord f);

  Doc resolver(ResolverQueryLogRecord q);

  Doc publicDns(PublicDnsQueryLogRecord p);

  Doc waf(WafLogRecord w);

  Doc s3(S3AccessLogRecord s);

  Doc loadBalancer(LoadBalancerLogRecord l);

  /** A record type of an extension: written generically. */
  Doc other(LogRecord r);

  /** The document for {@code r}, by its type. */
  default Doc map(LogRecord r) {
    if (r instanceof CloudTrailEvent e) {
      return cloudTrail(e);
    }
    if (r instanceof FlowLogRecord f) {
      return flow(f);
    }
    if (r instanceof ResolverQueryLogRecord q) {
      return resolver(q);
    }
    if (r instanceof PublicDnsQueryLogRecord p) {
      return publicDns(p);
    }
    if (r instanceof WafLogRecord w) {
      return waf(w);
    }
    if (r instanceof S3AccessLogRecord s) {
      return s3(s);
    }
    if (r instanceof LoadBalancerLogRecord l) {
      return loadBalancer(l);
    }
    return other(r);
  }
}
