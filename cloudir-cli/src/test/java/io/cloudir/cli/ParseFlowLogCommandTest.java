package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cloudir parse} for VPC flow logs and Route 53 public DNS logs: the JSON shape of DESIGN.md §8. */
class ParseFlowLogCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static List<String> keys(JsonNode n) {
    List<String> k = new ArrayList<>();
    n.fieldNames().forEachRemaining(k::add);
    return k;
  }

  @Test
  void vpcflowKeysAreTheFormatNamesNumbersAreNumbersDashIsNull() throws Exception {
    String header = "version vpc-id srcaddr dstaddr srcport dstport protocol packets bytes start end action tcp-flags"
        + " traffic-path flow-direction packets-lost-no-route log-status";
    String line = "6 vpc-1 10.0.0.1 2001:db8::1 443 - 6 10 840 1700000000 1700000060 REJECT 18 8 egress - OK";
    Path f = dir.resolve("flows.log");
    Files.writeString(f, header + "\n" + line + "\n", StandardCharsets.UTF_8);
    for (String type : List.of("vpcflow", "auto")) {
      CliRun r = CliRun.run("parse", "--type", type, f.toString());
      assertEquals(0, r.code(), r.err());
      assertEquals("parsed=1 rejected=0 warnings=0 skipped=1", r.lastErrLine());
      JsonNode j = JSON.readTree(r.outLines().get(0));
      assertEquals(List.of(header.split(" ")), keys(j));
      for (String num : List.of("version", "srcport", "protocol", "packets", "bytes", "start", "end", "tcp-flags",
          "traffic-path")) {
        assertTrue(j.get(num).isIntegralNumber(), num);
      }
      assertEquals(1700000060L, j.get("end").asLong());
      assertTrue(j.get("dstport").isNull());
      assertTrue(j.get("packets-lost-no-route").isNull());
      assertEquals("vpc-1", j.get("vpc-id").asText());
      assertEquals("2001:db8::1", j.get("dstaddr").asText());
      assertEquals("egress", j.get("flow-direction").asText());
      assertEquals("REJECT", j.get("action").asText());
    }
  }

  @Test
  void vpcflowWrongFieldCountExitsTwoAndKeepsTheRest() throws Exception {
    Path f = dir.resolve("flows.log");
    Files.writeString(f, "2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 1 1 2 ACCEPT OK\n2 1 eni-1 - - - - - - - 1 2 - NODATA x\n");
    CliRun r = CliRun.run("parse", "--type", "vpcflow", f.toString());
    assertEquals(2, r.code());
    assertEquals(1, r.outLines().size());
    assertTrue(r.err().contains(":line 2: expected 14 fields"), r.err());
    assertTrue(r.lastErrLine().startsWith("parsed=1 rejected=1"), r.lastErrLine());
  }

  @Test
  void route53PublicShape() throws Exception {
    Path f = dir.resolve("dns.log");
    Files.writeString(f, "1.0 2017-12-13T08:16:02.130Z Z123412341234 example.com A NOERROR UDP Region 192.168.1.1 -\n");
    for (String type : List.of("route53-public", "auto")) {
      CliRun r = CliRun.run("parse", "--type", type, f.toString());
      assertEquals(0, r.code(), r.err());
      JsonNode j = JSON.readTree(r.outLines().get(0));
      assertEquals(List.of("version", "query_timestamp", "hosted_zone_id", "query_name", "query_type",
          "response_code", "protocol", "edge_location", "resolver_ip", "edns_client_subnet"), keys(j));
      assertEquals("2017-12-13T08:16:02.130Z", j.get("query_timestamp").asText());
      assertEquals("192.168.1.1", j.get("resolver_ip").asText());
      assertTrue(j.get("edns_client_subnet").isNull());
    }
  }
}
