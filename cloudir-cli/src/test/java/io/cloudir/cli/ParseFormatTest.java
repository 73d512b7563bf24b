package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** {@code cloudir parse --format json|ocsf|ecs}. */
class ParseFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Path input() throws IOException {
    String ct = "{\"Records\":[{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"IAMUser\","
        + "\"arn\":\"arn:aws:iam::111122223333:user/alice\",\"accountId\":\"111122223333\"},"
        + "\"eventTime\":\"2026-03-14T09:00:00Z\",\"eventSource\":\"signin.amazonaws.com\","
        + "\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"us-east-1\","
        + "\"sourceIPAddress\":\"198.51.100.9\",\"responseElements\":{\"ConsoleLogin\":\"Failure\"},"
        + "\"eventID\":\"e1\",\"recipientAccountId\":\"111122223333\"},"
        + "{\"eventVersion\":\"1.08\",\"eventTime\":\"2026-03-14T09:00:01Z\","
        + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"DescribeInstances\","
        + "\"awsRegion\":\"eu-west-1\",\"sourceIPAddress\":\"203.0.113.7\",\"readOnly\":true,"
        + "\"eventID\":\"e2\",\"recipientAccountId\":\"111122223333\"}]}";
    Path f = dir.resolve("trail.json");
    Files.write(f, ct.getBytes(StandardCharsets.UTF_8));
    Path flow = dir.resolve("flow.log");
    Files.write(flow, ("version account-id interface-id srcaddr dstaddr srcport dstport protocol"
        + " packets bytes start end action log-status\n"
        + "2 111122223333 eni-1 10.0.0.1 10.0.0.2 1234 22 6 3 180 1773478800 1773478860 ACCEPT OK\n")
        .getBytes(StandardCharsets.UTF_8));
    return dir;
  }

  @Test
  void defaultIsJsonAndUnchanged() throws IOException {
    Path in = input();
    CliRun plain = CliRun.run("parse", in.toString());
    CliRun json = CliRun.run("parse", "--format", "json", in.toString());
    assertEquals(0, plain.code(), plain.err());
    assertEquals(plain.out(), json.out());
    assertEquals(3, plain.outLines().size());
    assertEquals("ConsoleLogin", JSON.readTree(plain.outLines().get(1)).get("eventName").asText());
  }

  @Test
  void ocsfWritesOneEventPerRecord() throws IOException {
    CliRun r = CliRun.run("parse", "--format", "ocsf", input().toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.lastErrLine().startsWith("parsed=3 rejected=0"), r.err());
    List<String> lines = r.outLines();
    assertEquals(3, lines.size(), r.out());
    // sorted path order: flow.log, then trail.json
    JsonNode flow = JSON.readTree(lines.get(0));
    assertEquals(4001, flow.get("class_uid").asInt());
    assertEquals("10.0.0.1", flow.at("/src_endpoint/ip").asText());
    JsonNode login = JSON.readTree(lines.get(1));
    assertEquals(3002, login.get("class_uid").asInt());
    assertEquals(2, login.get("status_id").asInt());
    assertEquals(1773478800000L, flow.get("time").asLong());
    JsonNode read = JSON.readTree(lines.get(2));
    assertEquals(600302, read.get("type_uid").asInt());
    assertEquals("eu-west-1", read.at("/cloud/region").asText());
  }

  @Test
  void ecsWritesOneDocumentPerRecord() throws IOException {
    CliRun r = CliRun.run("parse", "--format", "ecs", input().toString());
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.outLines();
    assertEquals(3, lines.size(), r.out());
    assertEquals("2026-03-14T09:00:00Z", JSON.readTree(lines.get(1)).get("@timestamp").asText());
    assertEquals("failure", JSON.readTree(lines.get(1)).at("/event/outcome").asText());
    assertEquals(22, JSON.readTree(lines.get(0)).at("/destination/port").asInt());
  }

  @Test
  void unknownFormatIsAUsageError() throws IOException {
    CliRun r = CliRun.run("parse", "--format", "xml", input().toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("unknown --format xml"), r.err());
    assertEquals("", r.out());
  }
}
