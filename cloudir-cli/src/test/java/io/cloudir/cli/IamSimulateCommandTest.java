package io.cloudir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code cloudir iam simulate} per DESIGN.md section 8. */
class IamSimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String ALLOW_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  @Test
  void oneLinePerCaseInOrderWithDecisionLayerAndExplanation() throws Exception {
    String cases = "["
        + "{\"identityPolicies\":[" + ALLOW_ALL + "],"
        + "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
        + "\"resource\":\"arn:aws:s3:::b/k\"}},"
        + "{\"identityPolicies\":[" + ALLOW_ALL + "],\"scps\":[[" + ALLOW_ALL + "],[]],"
        + "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
        + "\"resource\":\"arn:aws:s3:::b/k\"}},"
        + "{\"identityPolicies\":[{\"Statement\":[]}],"
        + "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
        + "\"resource\":\"arn:aws:s3:::b/k\"}},"
        + "{\"mode\":\"Discovery\",\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":"
        + "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"IpAddress\":"
        + "{\"aws:SourceIp\":\"10.0.0.0/8\"}}}}],"
        + "\"request\":{\"principal\":\"arn:aws:iam::111122223333:user/alice\",\"action\":\"s3:GetObject\","
        + "\"resource\":\"arn:aws:s3:::b/k\"}}]";
    CliRun r = CliRun.runWithInput(cases.getBytes(StandardCharsets.UTF_8), "iam", "simulate", "--cases", "-");
    List<String> lines = r.outLines();
    assertEquals(4, lines.size(), r.err());
    JsonNode a = JSON.readTree(lines.get(0));
    assertEquals("Allowed", a.get("decision").asText());
    assertTrue(a.get("decidedBy").isNull());
    assertTrue(a.get("explanation").size() > 0);
    JsonNode b = JSON.readTree(lines.get(1));
    assertEquals("ImplicitlyDenied", b.get("decision").asText());
    assertEquals("scp", b.get("decidedBy").asText());
    assertEquals(1, b.get("level").asInt());
    JsonNode c = JSON.readTree(lines.get(2));
    assertEquals("Error", c.get("decision").asText());
    assertTrue(c.get("error").asText().contains("$.Statement"), c.toString());
    JsonNode d = JSON.readTree(lines.get(3));
    assertEquals("Conditional", d.get("decision").asText());
    assertEquals("aws:SourceIp", d.get("dependsOn").get(0).asText());
    assertEquals(2, r.code(), "an Error case gives exit code 2");
    assertEquals("cases=4 errors=1", r.lastErrLine());
  }

  @Test
  void missingFileIsAUsageError() {
    CliRun r = CliRun.run("iam", "simulate", "--cases", "/nonexistent/cases.json");
    assertEquals(1, r.code());
    assertTrue(r.out().isEmpty());
  }
}
