package io.cloudir.model.vpcflow;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;

/**
 * Fuzzes the flow log and Route 53 public line parsers: only {@link MalformedInputException} may
 * escape, and an accepted record answers every getter, writes parseable JSON-shaped text and
 * re-parses from its line to an equal record. Seeds: {@code FlowLogFuzzTestInputs/<method>/}.
 */
class FlowLogFuzzTest {

  @FuzzTest(maxDuration = "2m")
  void flowLine(FuzzedDataProvider data) {
    String fmt = data.consumeString(400);
    byte[] line = data.consumeRemainingAsBytes();
    FlowLogFormat format;
    try {
      format = FlowLogFormat.parse(fmt);
    } catch (IllegalArgumentException e) {
      format = FlowLogFormat.DEFAULT;
    }
    FlowLogRecord r;
    try {
      r = FlowLogRecord.parse(line, format, Provenance.inMemory());
    } catch (MalformedInputException e) {
      if (e.location().offset() < 0 || e.location().offset() > line.length) {
        throw new IllegalStateException("offset out of range: " + e.getMessage(), e);
      }
      return;
    }
    touch(r);
    FlowLogRecord again = FlowLogRecord.parse(r.toLine(), format);
    if (!again.equals(r) || !again.toJson().equals(r.toJson())) {
      throw new IllegalStateException("line round trip differs: " + r.toLine());
    }
  }

  @FuzzTest(maxDuration = "1m")
  void publicDnsLine(byte[] line) {
    PublicDnsQueryLogRecord r;
    try {
      r = PublicDnsQueryLogRecord.parse(line, 0, line.length, Provenance.inMemory());
    } catch (MalformedInputException e) {
      return;
    }
    r.warnings();
    r.time();
    r.resolverIp();
    r.ednsClientSubnetAddress();
    r.ednsClientSubnetPrefixLength();
    String j = r.toJson();
    if (!j.startsWith("{\"version\":") || !j.endsWith("}")) {
      throw new IllegalStateException(j);
    }
  }

  static void touch(FlowLogRecord r) {
    r.warnings();
    r.toJson();
    r.time();
    r.version();
    r.srcaddr();
    r.dstaddr();
    r.pktSrcaddr();
    r.pktDstaddr();
    r.protocol();
    r.tcpFlags();
    r.trafficPath();
    r.action();
    r.logStatus();
    r.type();
    r.flowDirection();
    r.sublocationType();
    r.rejectReason();
    r.resourceType();
    r.encryptionStatus();
    r.endTime();
    for (FlowLogField f : FlowLogField.values()) {
      r.text(f);
      r.optionalNumber(f);
      r.valueEquals(f, "-");
    }
    for (String n : r.format().names()) {
      r.text(n);
    }
  }
}
