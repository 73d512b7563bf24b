package io.cloudir.model.vpcflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.Provenance;
import io.cloudir.model.RecordWarning;
import io.cloudir.model.SourceType;
import io.cloudir.model.net.IpAddress;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Flow log records: the documented AWS examples, odd cases and the JSON shape of cloudir parse. */
class FlowLogRecordTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(FlowLogRecord r) throws Exception {
    return JSON.readTree(r.toJson());
  }

  @Test
  void defaultAcceptRecordHasEveryVersion2Field() throws Exception {
    FlowLogRecord r = FlowLogRecord.parse(
        "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK");
    assertEquals(2, r.version());
    assertEquals("123456789010", r.accountId());
    assertEquals("eni-1235b8ca123456789", r.interfaceId());
    assertEquals(IpAddress.parse("172.31.16.139"), r.srcaddr());
    assertEquals(IpAddress.parse("172.31.16.21"), r.dstaddr());
    assertEquals(20641, r.srcport());
    assertEquals(22, r.dstport());
    assertSame(IpProtocol.TCP, r.protocol());
    assertEquals("TCP", r.protocol().keyword());
    assertEquals(20, r.packets());
    assertEquals(4249, r.bytes());
    assertEquals(Instant.parse("2014-12-14T04:06:50Z"), r.startTime());
    assertEquals(Instant.parse("2014-12-14T04:07:50Z"), r.endTime());
    assertEquals(r.startTime(), r.time());
    assertSame(FlowAction.ACCEPT, r.action());
    assertSame(LogStatus.OK, r.logStatus());
    assertEquals(SourceType.VPC_FLOW, r.source());
    assertTrue(r.warnings().isEmpty());
    assertFalse(r.has(FlowLogField.TCP_FLAGS));
    assertNull(r.tcpFlags());

    JsonNode j = json(r);
    assertEquals(14, j.size());
    assertTrue(j.get("version").isInt());
    assertTrue(j.get("srcport").isInt());
    assertTrue(j.get("start").isNumber());
    assertEquals(1418530010L, j.get("start").asLong());
    assertTrue(j.get("account-id").isTextual(), "account ids are strings (leading zeros matter)");
    assertEquals("172.31.16.139", j.get("srcaddr").asText());
    assertEquals("ACCEPT", j.get("action").asText());
    assertEquals(List.of("version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport",
        "protocol", "packets", "bytes", "start", "end", "action", "log-status"), names(j));
  }

  private static List<String> names(JsonNode j) {
    List<String> n = new java.util.ArrayList<>();
    j.fieldNames().forEachRemaining(n::add);
    return n;
  }

  @Test
  void nodataAndSkipdataKeepDashesDistinctFromZero() throws Exception {
    FlowLogRecord nodata = FlowLogRecord.parse(
        "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA");
    assertSame(LogStatus.NODATA, nodata.logStatus());
    assertNull(nodata.srcaddr());
    assertEquals(FlowLogView.ABSENT, nodata.packets());
    assertEquals(OptionalLong.empty(), nodata.optionalPackets());
    assertTrue(nodata.isDash(FlowLogField.PACKETS));
    assertEquals(-1, nodata.srcport());
    assertNull(nodata.action());
    assertNull(nodata.protocol());
    JsonNode j = json(nodata);
    assertTrue(j.get("packets").isNull());
    assertTrue(j.get("srcaddr").isNull());
    assertTrue(j.get("action").isNull());

    FlowLogRecord skip = FlowLogRecord.parse(
        "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA");
    assertSame(LogStatus.SKIPDATA, skip.logStatus());

    FlowLogRecord icmp = FlowLogRecord.parse(
        "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK");
    assertEquals(0, icmp.srcport(), "a zero port is a real zero, not absent");
    assertFalse(icmp.isDash(FlowLogField.SRCPORT));
    assertEquals(OptionalLong.of(0), icmp.optionalNumber(FlowLogField.DSTPORT));
    assertSame(IpProtocol.ICMP, icmp.protocol());
    assertEquals(0, json(icmp).get("srcport").asInt());
    assertTrue(json(icmp).get("srcport").isInt());
  }

  @Test
  void ipv6Addresses() {
    FlowLogRecord r = FlowLogRecord.parse("2 123456789010 eni-1235b8ca123456789 2001:db8:1234:a100:8d6e:3477:df66:f105"
        + " 2001:db8:1234:a102:3304:8879:34cf:4071 34892 22 6 54 8855 1477913708 1477913820 ACCEPT OK");
    assertFalse(r.srcaddr().isV4());
    assertEquals("2001:db8:1234:a100:8d6e:3477:df66:f105", r.srcaddr().toString());
    assertTrue(r.warnings().isEmpty());
  }

  @Test
  void tcpFlagsAsAwsDocumentsThem() {
    FlowLogFormat f = FlowLogFormat.parse("${version} ${srcaddr} ${tcp-flags} ${log-status}");
    assertEquals(TcpFlags.SYN, FlowLogRecord.parse("3 10.0.0.1 2 OK", f).tcpFlags().bits());
    TcpFlags synAck = FlowLogRecord.parse("3 10.0.0.1 18 OK", f).tcpFlags();
    assertTrue(synAck.synAck());
    assertFalse(synAck.synOnly());
    assertEquals("SYN|ACK", synAck.toString());
    TcpFlags or = FlowLogRecord.parse("3 10.0.0.1 19 OK", f).tcpFlags();
    assertTrue(or.fin() && or.syn() && or.ack());
    assertFalse(or.rst());
    assertEquals(List.of("FIN", "SYN", "ACK"), or.names());
    TcpFlags rst = FlowLogRecord.parse("3 10.0.0.1 4 OK", f).tcpFlags();
    assertTrue(rst.rst());
    assertTrue(FlowLogRecord.parse("3 10.0.0.1 2 OK", f).tcpFlags().synOnly());
    assertEquals("0", TcpFlags.of(0).toString());
  }

  @Test
  void ipProtocolNamesIanaNumbers() {
    assertEquals("UDP", IpProtocol.of(17).keyword());
    assertEquals("IPv6-ICMP", IpProtocol.of(58).keyword());
    assertEquals("GRE", IpProtocol.of(47).toString());
    assertEquals("SCTP", IpProtocol.SCTP.keyword());
    assertNull(IpProtocol.of(200).keyword(), "unassigned");
    assertEquals("200", IpProtocol.of(200).toString());
    assertSame(IpProtocol.ESP, IpProtocol.ofKeyword("esp"));
    assertThrows(IllegalArgumentException.class, () -> IpProtocol.of(256));
  }

  @Test
  void formatFromFormatStringAndHeaderLineAreEqual() {
    FlowLogFormat a = FlowLogFormat.parse("${version} ${vpc-id} ${pkt-srcaddr} ${flow-direction}");
    FlowLogFormat b = FlowLogFormat.parse("version vpc-id pkt-srcaddr flow-direction");
    assertEquals(a, b);
    assertEquals(5, a.highestVersion());
    assertEquals("${version} ${vpc-id} ${pkt-srcaddr} ${flow-direction}", a.toFormatString());
    assertEquals(FlowLogFormat.DEFAULT, FlowLogFormat.parse(FlowLogFormat.DEFAULT.toHeaderLine()));
    assertThrows(IllegalArgumentException.class, () -> FlowLogFormat.parse(""));
    assertThrows(IllegalArgumentException.class, () -> FlowLogFormat.parse("${version ${srcaddr}"));
    assertThrows(IllegalArgumentException.class, () -> FlowLogFormat.parse("version version"));
  }

  @Test
  void unknownFieldNamesAreKeptByName() throws Exception {
    FlowLogFormat f = FlowLogFormat.parse("${version} ${srcaddr} ${next-hop-vpc-id} ${log-status}");
    assertTrue(f.hasUnknownFields());
    assertNull(f.field(2));
    FlowLogRecord r = FlowLogRecord.parse("9 10.0.0.1 vpc-0123 OK", f);
    assertEquals("vpc-0123", r.text("next-hop-vpc-id"));
    assertEquals("vpc-0123", json(r).get("next-hop-vpc-id").asText());
    assertEquals(4, json(r).size());
  }

  @Test
  void natGatewayFormatWithoutVersion() {
    FlowLogFormat f = FlowLogFormat.parse("instance-id interface-id srcaddr dstaddr pkt-srcaddr pkt-dstaddr");
    FlowLogRecord r = FlowLogRecord.parse("- eni-1235b8ca123456789 10.0.1.5 10.0.0.220 10.0.1.5 203.0.113.5", f);
    assertEquals(-1, r.version());
    assertNull(r.instanceId());
    assertEquals(IpAddress.parse("203.0.113.5"), r.pktDstaddr());
    assertNull(r.time(), "no start field: no time");
    assertEquals(List.of("start.absent"), r.warnings().stream().map(RecordWarning::code).toList());
  }

  @Test
  void wrongFieldCountIsRejectedWithTheColumn() {
    String line = "2 12345678910 eni-0eb1e4178af74336c - - - - - - - 1742570089 1742570142 - NODATA one-too-many";
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> FlowLogRecord.parse(line));
    assertTrue(e.reason().contains("expected 14 fields"), e.reason());
    assertTrue(e.reason().contains("found 15"), e.reason());
    assertEquals(line.indexOf("one-too-many"), e.location().offset());
    MalformedInputException few = assertThrows(MalformedInputException.class, () -> FlowLogRecord.parse("2 1 eni-1"));
    assertTrue(few.reason().contains("found 3"), few.reason());
  }

  @Test
  void badNumberIsRejected() {
    String line = "2 123456789010 eni-1 10.0.0.1 10.0.0.2 80x 22 6 20 4249 1418530010 1418530070 ACCEPT OK";
    MalformedInputException e = assertThrows(MalformedInputException.class, () -> FlowLogRecord.parse(line));
    assertTrue(e.reason().startsWith("srcport is not a number"), e.reason());
    assertEquals(line.indexOf("80x"), e.location().offset());
  }

  @Test
  void oddButWellFormedValuesAreKeptAndFlagged() {
    FlowLogRecord doubleSpace = FlowLogRecord.parse(
        "2 123456789010 eni-1 10.0.0.1 10.0.0.2  80 22 6 20 4249 1418530010 1418530070 ACCEPT OK");
    assertEquals(80, doubleSpace.srcport());
    assertEquals(List.of("line.spacing"), codes(doubleSpace));

    FlowLogRecord odd = FlowLogRecord.parse(
        "2 123456789010 eni-1 10.0.0.256 10.0.0.2 70000 22 300 20 4249 1418530070 1418530010 MAYBE WHATEVER");
    assertEquals(List.of("srcaddr.malformed", "srcport.range", "protocol.range", "action.unknown",
        "log-status.unknown", "window.reversed"), codes(odd));
    assertNull(odd.srcaddr());
    assertEquals("10.0.0.256", odd.text(FlowLogField.SRCADDR));
    assertFalse(odd.action().isKnown());
    assertEquals("MAYBE", odd.action().value());
    assertNull(odd.protocol());
    assertEquals(300, odd.protocolNumber());

    FlowLogFormat ecs = FlowLogFormat.parse("version account-id ecs-task-id log-status");
    FlowLogRecord v = FlowLogRecord.parse("5 123456789012 abcdef OK", ecs);
    assertEquals(List.of("version.belowFields", "start.absent"), codes(v));
  }

  private static List<String> codes(FlowLogRecord r) {
    return r.warnings().stream().map(RecordWarning::code).toList();
  }

  @Test
  void version5FieldsAndTrafficPath() {
    FlowLogFormat f = FlowLogFormat.parse("version srcaddr dstaddr srcport dstport protocol start end type packets"
        + " bytes account-id vpc-id subnet-id instance-id interface-id region az-id sublocation-type sublocation-id"
        + " action tcp-flags pkt-srcaddr pkt-dstaddr pkt-src-aws-service pkt-dst-aws-service traffic-path"
        + " flow-direction log-status");
    FlowLogRecord r = FlowLogRecord.parse("5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471"
        + " 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b eni-1235b8ca123456789"
        + " ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - S3 8 egress OK", f);
    assertSame(TrafficType.IPV4, r.type());
    assertEquals("ap-southeast-2", r.region());
    assertEquals("apse2-az3", r.azId());
    assertNull(r.sublocationType());
    assertNull(r.pktSrcAwsService());
    assertEquals("S3", r.pktDstAwsService());
    assertSame(TrafficPath.INTERNET_GATEWAY, r.trafficPath());
    assertSame(FlowDirection.EGRESS, r.flowDirection());
    assertTrue(r.warnings().isEmpty(), r.warnings().toString());
  }

  @Test
  void transitGatewayAndEcsAndLaterFields() throws Exception {
    FlowLogFormat f = FlowLogFormat.parse("version resource-type tgw-id packets-lost-no-route packets-lost-blackhole"
        + " packets-lost-mtu-exceeded packets-lost-ttl-expired ecs-cluster-name ecs-task-id reject-reason"
        + " resource-id encryption-status");
    FlowLogRecord r = FlowLogRecord.parse("10 TransitGateway tgw-1 1 2 - 0 my-cluster abc BPA nat-1 2", f);
    assertSame(FlowResourceType.TRANSIT_GATEWAY, r.resourceType());
    assertEquals("tgw-1", r.tgwId());
    assertEquals(1, r.packetsLostNoRoute());
    assertEquals(2, r.packetsLostBlackhole());
    assertEquals(FlowLogView.ABSENT, r.packetsLostMtuExceeded());
    assertEquals(0, r.packetsLostTtlExpired());
    assertEquals("my-cluster", r.ecsClusterName());
    assertEquals("abc", r.ecsTaskId());
    assertSame(RejectReason.BPA, r.rejectReason());
    assertEquals("nat-1", r.resourceId());
    assertEquals(2, r.encryptionStatus());
    JsonNode j = json(r);
    assertTrue(j.get("packets-lost-no-route").isNumber());
    assertTrue(j.get("packets-lost-mtu-exceeded").isNull());
    assertTrue(j.get("encryption-status").isTextual());
  }

  @Test
  void builderWritesAndParsesLikeAReader() {
    FlowLogRecord r = FlowLogRecord.builder()
        .set(FlowLogField.VERSION, 2).set(FlowLogField.SRCADDR, "198.51.100.7").set(FlowLogField.DSTPORT, 22)
        .set(FlowLogField.ACTION, "REJECT").set(FlowLogField.LOG_STATUS, "OK").build();
    assertEquals("2 - - 198.51.100.7 - - 22 - - - - - REJECT OK", r.toLine());
    assertEquals(22, r.dstport());
    assertSame(FlowAction.REJECT, r.action());
    assertEquals(r, FlowLogRecord.parse(r.toLine()));
    assertThrows(IllegalArgumentException.class, () -> FlowLogRecord.builder().set("nope", 1));
    assertThrows(MalformedInputException.class, () -> FlowLogRecord.builder().set(FlowLogField.PACKETS, "x").build());
  }

  @Test
  void equalityIgnoresProvenanceAndDetachCopies() {
    FlowLogRecord a = FlowLogRecord.parse("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK");
    FlowLogRecord b = a.withProvenance(Provenance.of("f", 10, 2));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals("f", b.provenance().source());
    assertSame(a, a.detach());
  }
}
