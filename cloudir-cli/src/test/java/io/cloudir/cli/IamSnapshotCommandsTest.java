package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cloudir iam can / who-can / what-can / escalation} per DESIGN.md section 8. */
class IamSnapshotCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path EX = Path.of("..", "examples", "iam");
  private static final String A = "111122223333";
  private static final String P = "arn:aws:iam::" + A + ":";

  private static List<String> snapshotArgs() {
    List<String> l = new ArrayList<>();
    for (String f : List.of("account-111122223333.json", "organization.json", "resource-policies.json")) {
      l.add("--snapshot");
      l.add(EX.resolve(f).toString());
    }
    return l;
  }

  private static CliRun iam(String cmd, String... rest) {
    List<String> args = new ArrayList<>(List.of("iam", cmd));
    args.addAll(snapshotArgs());
    args.addAll(List.of(rest));
    return CliRun.run(args.toArray(new String[0]));
  }

  private static List<JsonNode> json(CliRun r) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : r.outLines()) {
      out.add(JSON.readTree(l));
    }
    return out;
  }

  @Test
  void whoCanPrintsOneSortedLinePerPrincipalWithViaAndDependsOn() throws Exception {
    CliRun r = iam("who-can", "--context", "aws:SecureTransport=true", "--context",
        "aws:RequestedRegion=eu-west-1", "s3:GetObject", "arn:aws:s3:::corp-data/x.csv");
    assertEquals(0, r.code(), r.err());
    List<JsonNode> lines = json(r);
    List<String> principals = lines.stream().map(n -> n.get("principal").asText()).toList();
    assertEquals(principals.stream().sorted().toList(), principals, "sorted by principal");
    assertEquals("principals=" + lines.size(), r.lastErrLine());
    JsonNode bob = lines.stream().filter(n -> n.get("principal").asText().equals(P + "user/bob"))
        .findFirst().orElseThrow();
    assertEquals("Conditional", bob.get("decision").asText());
    assertEquals(P + "role/DataReader", bob.get("via").get(0).asText());
    assertEquals("aws:MultiFactorAuthPresent", bob.get("dependsOn").get(0).asText());
    JsonNode alice = lines.stream().filter(n -> n.get("principal").asText().equals(P + "user/alice"))
        .findFirst().orElseThrow();
    assertEquals("Allowed", alice.get("decision").asText());
    assertEquals(0, alice.get("via").size());
    assertFalse(alice.has("dependsOn"), "dependsOn only for conditional answers");
  }

  @Test
  void whatCanGroupsByServiceAndAccessLevel() throws Exception {
    CliRun r = iam("what-can", P + "user/bob", "--service", "lambda");
    assertEquals(0, r.code(), r.err());
    List<JsonNode> lines = json(r);
    assertTrue(lines.size() > 3);
    for (JsonNode n : lines) {
      assertTrue(n.get("action").asText().startsWith("lambda:"));
      assertTrue(n.get("resources").isArray());
    }
    JsonNode update = lines.stream().filter(n -> n.get("action").asText().equals("lambda:UpdateFunctionCode"))
        .findFirst().orElseThrow();
    assertEquals("arn:aws:lambda:*:" + A + ":function:dev-*", update.get("resources").get(0).asText());
    assertEquals("Write", update.get("accessLevel").asText());
  }

  @Test
  void canPrintsOneLineLikeSimulate() throws Exception {
    CliRun r = iam("can", P + "user/bob", "iam:CreatePolicyVersion", P + "policy/DevReadWrite");
    assertEquals(0, r.code(), r.err());
    JsonNode n = json(r).get(0);
    assertEquals("ExplicitlyDenied", n.get("decision").asText());
    assertEquals("boundary", n.get("decidedBy").asText());
    assertTrue(n.get("explanation").size() > 0);
    r = iam("can", "arn:aws:sts::" + A + ":assumed-role/DataReader/s1", "s3:GetObject",
        "arn:aws:s3:::corp-data/x", "--context", "aws:SecureTransport=true", "--context",
        "aws:RequestedRegion=us-east-1");
    assertEquals("Allowed", json(r).get(0).get("decision").asText(), r.out());
  }

  @Test
  void escalationListsTechniquesWithPermissionsAndTargets() throws Exception {
    CliRun r = iam("escalation");
    assertEquals(0, r.code(), r.err());
    JsonNode hd = json(r).stream().filter(n -> n.get("principal").asText().equals(P + "user/helpdesk")
        && n.get("technique").asText().equals("CREATE_ACCESS_KEY")).findFirst().orElseThrow();
    assertEquals("iam:CreateAccessKey", hd.get("permissions").get(0).asText());
    assertEquals(3, hd.get("targets").size());
    assertEquals("Allowed", hd.get("decision").asText());
  }

  @Test
  void errorsAreExitCodeOne(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"UserDetailList\":[{\"UserName\":1}]}");
    CliRun r = CliRun.run("iam", "who-can", "--snapshot", bad.toString(), "s3:GetObject", "*");
    assertEquals(1, r.code());
    assertTrue(r.err().contains("$.UserDetailList[0].UserName"), r.err());
    assertTrue(r.out().isEmpty());
    r = iam("can", P + "user/nobody", "s3:GetObject", "*");
    assertEquals(1, r.code());
    r = CliRun.run("iam", "who-can", "s3:GetObject", "*");
    assertTrue(r.code() != 0, "--snapshot is required");
  }
}
