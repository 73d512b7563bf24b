package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cloudir parse} for WAF and Route 53 Resolver logs: each record as delivered, on one line. */
class ParseWafResolverTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  // written for this test: a pretty-printed WAF record and a Firehose-style concatenated one
  private static final String WAF1 = """
      {
        "timestamp": 1700000000000,
        "formatVersion": 1,
        "webaclId": "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1",
        "action": "BLOCK",
        "httpRequest": {
          "clientIp": "198.51.100.9",
          "headers": [ { "name": "User-Agent", "value": "a  b\\t\\"c\\"" } ],
          "uri": "/x y"
        },
        "future": [ 1, 2.50, { "k": null } ]
      }""";
  private static final String WAF2 =
      "{\"timestamp\":1700000000001,\"webaclId\":\"w2\",\"terminatingRuleId\":\"Default_Action\","
          + "\"httpRequest\":{\"clientIp\":\"2001:db8::1\",\"country\":\"-\"}}";
  private static final String RESOLVER = """
      {"version":"1.100000","account_id":"111122223333","region":"us-east-1","vpc_id":"vpc-1",
       "query_timestamp":"2021-02-04T17:51:55Z","query_name":"example.com.","query_type":"A","query_class":"IN",
       "rcode":"NOERROR","answers":[{"Rdata":"192.0.2.1","Type":"A","Class":"IN"}],"srcaddr":"10.0.0.5",
       "srcport":"56067","transport":"UDP","srcids":{"instance":"i-1"}}
      """;

  private List<String> lines(String out) {
    return out.isEmpty() ? List.of() : List.of(out.split("\n"));
  }

  @Test
  void wafRecordsAsDelivered() throws IOException {
    Path f = dir.resolve("waf.log");
    Files.writeString(f, WAF1 + WAF2 + "\n", StandardCharsets.UTF_8);
    for (String type : new String[] {"waf", "auto"}) {
      CliRun r = CliRun.run("parse", "--type", type, f.toString());
      assertEquals(0, r.code(), r.err());
      List<String> out = lines(r.out());
      assertEquals(2, out.size(), r.out());
      assertEquals(JSON.readTree(WAF1), JSON.readTree(out.get(0)));
      assertEquals(JSON.readTree(WAF2), JSON.readTree(out.get(1)));
      assertEquals(WAF2, out.get(1));
      // the number 2.50 and the spaces inside strings are kept exactly
      assertTrue(out.get(0).contains("[1,2.50,{\"k\":null}]"), out.get(0));
      assertTrue(out.get(0).contains("\"/x y\""), out.get(0));
      assertTrue(r.err().trim().endsWith("parsed=2 rejected=0 warnings=0 skipped=0") || r.err().contains("parsed=2 rejected=0"),
          r.err());
    }
  }

  @Test
  void resolverRecordsAsDelivered() throws IOException {
    Path f = dir.resolve("dns.json");
    Files.writeString(f, RESOLVER + RESOLVER, StandardCharsets.UTF_8);
    for (String type : new String[] {"route53-resolver", "auto"}) {
      CliRun r = CliRun.run("parse", "--type", type, f.toString());
      assertEquals(0, r.code(), r.err());
      List<String> out = lines(r.out());
      assertEquals(2, out.size(), r.out());
      JsonNode expected = JSON.readTree(RESOLVER);
      for (String line : out) {
        assertEquals(expected, JSON.readTree(line));
        assertFalse(line.contains(" "), line);
      }
    }
  }

  @Test
  void rejectsAreReportedAndExitIsTwo() throws IOException {
    Path f = dir.resolve("waf-bad.log");
    Files.writeString(f, WAF2 + "\n{\"webaclId\":\"x\",}\n" + WAF2 + "\n", StandardCharsets.UTF_8);
    Path rejects = dir.resolve("rejects.jsonl");
    CliRun r = CliRun.run("parse", "--type", "waf", "--rejects", rejects.toString(), f.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(2, lines(r.out()).size());
    JsonNode rej = JSON.readTree(Files.readAllLines(rejects).get(0));
    assertEquals(2, rej.get("line").asInt());
    assertTrue(r.err().contains("parsed=2 rejected=1"), r.err());
  }
}
