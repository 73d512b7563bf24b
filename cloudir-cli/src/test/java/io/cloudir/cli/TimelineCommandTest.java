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

class TimelineCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCT = "111122223333";
  private static final String ALICE = "arn:aws:iam::" + ACCT + ":user/alice";

  @TempDir Path dir;

  private static String event(String id, String time, String identity, String source, String name,
      String rp, String re) {
    return "{\"eventVersion\":\"1.08\",\"userIdentity\":" + identity + ",\"eventTime\":\"" + time
        + "\",\"eventSource\":\"" + source + "\",\"eventName\":\"" + name + "\",\"awsRegion\":"
        + "\"us-east-1\",\"sourceIPAddress\":\"198.51.100.4\",\"requestParameters\":" + rp
        + ",\"responseElements\":" + re + ",\"eventID\":\"" + id + "\",\"eventType\":\"AwsApiCall\","
        + "\"recipientAccountId\":\"" + ACCT + "\"}";
  }

  private static final String ALICE_ID = "{\"type\":\"IAMUser\",\"arn\":\"" + ALICE
      + "\",\"accountId\":\"" + ACCT + "\",\"accessKeyId\":\"AKIAALICE0000000001\","
      + "\"userName\":\"alice\"}";

  private static String roleId(String role, String session, String key) {
    return "{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::" + ACCT + ":assumed-role/" + role
        + "/" + session + "\",\"accountId\":\"" + ACCT + "\",\"accessKeyId\":\"" + key + "\","
        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::" + ACCT
        + ":role/" + role + "\"},\"attributes\":{\"creationDate\":\"2026-03-14T09:00:00Z\"}}}";
  }

  private static String assume(String id, String time, String caller, String role, String session,
      String key) {
    return event(id, time, caller, "sts.amazonaws.com", "AssumeRole",
        "{\"roleArn\":\"arn:aws:iam::" + ACCT + ":role/" + role + "\",\"roleSessionName\":\""
            + session + "\"}",
        "{\"credentials\":{\"accessKeyId\":\"" + key + "\"}}");
  }

  /** Alice -> r1 -> r2 -> DeleteFlowLogs, split over two overlapping trail files. */
  private Path trails() throws Exception {
    String e1 = assume("e1", "2026-03-14T09:00:00Z", ALICE_ID, "r1", "s1", "ASIAK1000000000000");
    String e2 = assume("e2", "2026-03-14T09:01:00Z", roleId("r1", "s1", "ASIAK1000000000000"),
        "r2", "aws-go-sdk-1710406800", "ASIAK2000000000000");
    String e3 = event("e3", "2026-03-14T09:02:00Z",
        roleId("r2", "aws-go-sdk-1710406800", "ASIAK2000000000000"), "ec2.amazonaws.com",
        "DeleteFlowLogs", "{\"flowLogIds\":[\"fl-1\"]}", "null");
    String e4 = event("e4", "2026-03-14T09:03:00Z", "{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::"
        + ACCT + ":user/bob\",\"accessKeyId\":\"AKIABOB00000000001\"}", "s3.amazonaws.com",
        "ListBuckets", "null", "null");
    Path d = Files.createDirectories(dir.resolve("trails"));
    Files.writeString(d.resolve("a.json"), "{\"Records\":[" + e3 + "," + e1 + "," + e2 + "]}");
    Files.writeString(d.resolve("b.json"), "{\"Records\":[" + e2 + "," + e4 + "]}");
    return d;
  }

  private static List<JsonNode> lines(CliRun r) throws Exception {
    List<JsonNode> l = new ArrayList<>();
    for (String s : r.outLines()) {
      l.add(JSON.readTree(s));
    }
    return l;
  }

  @Test
  void timelineIsOrderedDedupedAndAttributed() throws Exception {
    CliRun r = CliRun.run("timeline", trails().toString());
    assertEquals(0, r.code(), r.err());
    List<JsonNode> l = lines(r);
    assertEquals(List.of("e1", "e2", "e3", "e4"), l.stream().map(n -> n.get("eventId").asText()).toList());
    JsonNode del = l.get(2);
    assertEquals("2026-03-14T09:02:00Z", del.get("time").asText());
    assertEquals("cloudtrail", del.get("source").asText());
    assertEquals("DeleteFlowLogs", del.get("eventName").asText());
    assertEquals(ALICE, del.get("principal").asText());
    assertEquals(2, del.get("via").size());
    assertEquals("arn:aws:iam::" + ACCT + ":role/r1", del.get("via").get(0).get("role").asText());
    assertEquals("e1", del.get("via").get(0).get("mintEventId").asText());
    assertEquals("arn:aws:iam::" + ACCT + ":role/r2", del.get("via").get(1).get("role").asText());
    assertEquals("ASIAK2000000000000", del.get("accessKeyId").asText());
    assertEquals("198.51.100.4", del.get("sourceIp").asText());
    assertTrue(del.get("summary").asText().contains("DeleteFlowLogs"));
    assertTrue(r.lastErrLine().matches(
        "parsed=5 rejected=0 warnings=0 skipped=0 duplicates=1 selected=4"), r.lastErrLine());
  }

  @Test
  void filtersByPrincipalKeyAndTime() throws Exception {
    Path t = trails();
    CliRun alice = CliRun.run("timeline", "--principal", ALICE, t.toString());
    assertEquals(List.of("e1", "e2", "e3"),
        lines(alice).stream().map(n -> n.get("eventId").asText()).toList());
    CliRun key = CliRun.run("timeline", "--key", "ASIAK1000000000000", t.toString());
    // the key made e2 and is on the chain of e3
    assertEquals(List.of("e2", "e3"), lines(key).stream().map(n -> n.get("eventId").asText()).toList());
    CliRun time = CliRun.run("timeline", "--since", "2026-03-14T09:01:00Z", "--until",
        "2026-03-14T09:03:00Z", t.toString());
    assertEquals(List.of("e2", "e3"), lines(time).stream().map(n -> n.get("eventId").asText()).toList());
    CliRun table = CliRun.run("timeline", "--format", "table", "--principal", ALICE, t.toString());
    assertEquals(0, table.code());
    assertEquals(4, table.outLines().size());
    assertTrue(table.outLines().get(3).contains("role/r1 > arn:aws:iam::" + ACCT + ":role/r2"));
  }

  @Test
  void usageErrorsAndRejections() throws Exception {
    assertEquals(1, CliRun.run("timeline", "--since", "yesterday", trails().toString()).code());
    assertEquals(1, CliRun.run("timeline", "--format", "xml", trails().toString()).code());
    assertEquals(1, CliRun.run("timeline", dir.resolve("missing").toString()).code());
    Path bad = dir.resolve("bad.jsonl");
    Files.write(bad, (event("x1", "2026-03-14T09:00:00Z", ALICE_ID, "s3.amazonaws.com", "ListBuckets",
        "null", "null") + "\n{not json\n").getBytes(StandardCharsets.UTF_8));
    CliRun r = CliRun.run("timeline", bad.toString());
    assertEquals(2, r.code(), r.err());
    assertEquals(1, r.outLines().size());
  }

  @Test
  void entitiesListsPrincipalsKeysIpsResources() throws Exception {
    CliRun r = CliRun.run("entities", trails().toString());
    assertEquals(0, r.code(), r.err());
    List<JsonNode> l = lines(r);
    JsonNode alice = l.stream().filter(n -> n.get("kind").asText().equals("principal")
        && n.get("id").asText().equals(ALICE)).findFirst().orElseThrow();
    assertEquals(3, alice.get("count").asInt());
    assertEquals("2026-03-14T09:00:00Z", alice.get("firstSeen").asText());
    assertEquals("2026-03-14T09:02:00Z", alice.get("lastSeen").asText());
    assertEquals(JSON.readTree("[\"ec2.amazonaws.com\",\"sts.amazonaws.com\"]"), alice.get("services"));
    JsonNode ip = l.stream().filter(n -> n.get("kind").asText().equals("ip")).findFirst().orElseThrow();
    assertEquals("198.51.100.4", ip.get("id").asText());
    assertEquals(4, ip.get("count").asInt());
    assertTrue(l.stream().anyMatch(n -> n.get("kind").asText().equals("access_key")
        && n.get("id").asText().equals("ASIAK2000000000000")
        && n.get("attributes").get("principal").asText().equals(ALICE)));
    assertTrue(r.lastErrLine().startsWith("parsed=5 rejected=0"), r.lastErrLine());
    CliRun t = CliRun.run("entities", "--format", "table", trails().toString());
    assertEquals(l.size() + 1, t.outLines().size());
  }
}
