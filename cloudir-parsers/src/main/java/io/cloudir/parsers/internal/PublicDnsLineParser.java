package io.cloudir.parsers.internal;

import io.cloudir.model.LogRecord;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;

/**
 * Route 53 public DNS query log lines into {@link PublicDnsQueryLogRecord}s; a line without
 * exactly ten fields is rejected. Stateless.
 */
final class PublicDnsLineParser implements LineParser {
  @Override
  public LogRecord parse(byte[] buf, int s, int e, Provenance provenance) throws LineRejection {
    try {
      return PublicDnsQueryLogRecord.parse(buf, s, e, provenance);
    } catch (MalformedInputException x) {
      long col = provenance.offset() < 0 ? x.location().offset() : x.location().offset() - provenance.offset();
      throw new LineRejection(x.reason(), (int) Math.max(0, Math.min(col, e - s)));
    }
  }

  @Override
  public boolean hasWarnings(LogRecord r) {
    return ((PublicDnsQueryLogRecord) r).hasWarnings();
  }
}
