package io.cloudir.ocsf;

import io.cloudir.ocsf.testing.OcsfSchema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.vpcflow.FlowLogRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Generated records: OCSF and ECS output always parses with the project's strict reader, conforms
 * to the schema checks, and carries the record's time, region, account and addresses.
 */
class WriterPropertyTest {
  private static final String[] REGIONS = {"us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "cn-north-1"};

  private static Gen<IpAddress> ips() {
    Gen<IpAddress> v4 = integers().all().map(IpAddress::ofV4);
    Gen<IpAddress> v6 = longs().all().zip(longs().all(), IpAddress::ofV6);
    return v4.mix(v6);
  }

  private static Gen<String> accounts() {
    return longs().between(0, 999_999_999_999L).map(n -> String.format("%012d", n));
  }

  @Test
  void flowRecordsRoundTrip() {
    qt().withExamples(300).forAll(ips().zip(ips(), (a, b) -> new IpAddress[] {a, b}),
            integers().between(0, 65535), longs().between(0, 4_000_000_000L), accounts())
        .checkAssert((pair, port, start, account) -> {
          IpAddress src = pair[0];
          IpAddress dst = pair[1];
          FlowLogRecord f = FlowLogRecord.parse("2 " + account + " eni-1 " + src + " " + dst
              + " " + port + " 443 17 3 99 " + start + " " + (start + 60) + " ACCEPT OK");
          JsonValue o = JsonValue.parse(OcsfWriter.create().write(f));
          assertTrue(OcsfSchema.problems(o).isEmpty(), () -> OcsfSchema.problems(o).toString());
          assertEquals(start * 1000, o.get("time").asLong());
          assertEquals(account, o.at("cloud.account.uid").asString());
          assertEquals(src, IpAddress.parse(o.at("src_endpoint.ip").asString()));
          assertEquals(dst, IpAddress.parse(o.at("dst_endpoint.ip").asString()));
          assertEquals((long) port, o.at("src_endpoint.port").asLong());
          JsonValue e = JsonValue.parse(EcsWriter.create().write(f));
          assertTrue(EcsFields.problems(e).isEmpty(), () -> EcsFields.problems(e).toString());
          assertEquals(Instant.ofEpochSecond(start), Instant.parse(e.get("@timestamp").asString()));
          assertEquals(src, IpAddress.parse(e.at("source.ip").asString()));
          assertEquals(account, e.at("cloud.account.id").asString());
        });
  }

  @Test
  void cloudTrailEventsRoundTrip() {
    qt().withExamples(300).forAll(ips(), longs().between(0, 4_102_444_800_000L) /* 1970 to 2100 */,
            accounts().zip(integers().between(0, 4), (a, r) -> a + "/" + r),
            strings().betweenCodePoints(1, 0xD7FF).ofLengthBetween(0, 12))
        .checkAssert((ip, millis, accountRegion, name) -> {
          String account = accountRegion.substring(0, 12);
          int region = Integer.parseInt(accountRegion.substring(13));
          // any text without lone surrogates (which UTF-8 cannot carry): controls, quotes, CJK
          Instant t = Instant.ofEpochMilli(millis);
          CloudTrailEvent ev = CloudTrailEvent.builder().eventTime(t)
              .eventSource("ec2.amazonaws.com").eventName(name).awsRegion(REGIONS[region])
              .sourceIPAddress(ip.toString()).recipientAccountId(account)
              .userAgent(name).eventID(name).build();
          JsonValue o = JsonValue.parse(OcsfWriter.create().write(ev));
          assertTrue(OcsfSchema.problems(o).isEmpty(), () -> OcsfSchema.problems(o) + " " + o);
          assertEquals(ev.eventTimeMillis(), o.get("time").asLong());
          assertEquals(REGIONS[region], o.at("cloud.region").asString());
          assertEquals(account, o.at("cloud.account.uid").asString());
          assertEquals(ip, IpAddress.parse(o.at("src_endpoint.ip").asString()));
          assertEquals(name, o.at("api.operation").asString());
          JsonValue e = JsonValue.parse(EcsWriter.create().write(ev));
          assertTrue(EcsFields.problems(e).isEmpty(), () -> EcsFields.problems(e).toString());
          assertEquals(ev.eventTime(), Instant.parse(e.get("@timestamp").asString()));
          assertEquals(name, e.at("user_agent.original").asString());
        });
  }
}
