package io.cloudir.iam.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.iam.internal.sim.Cases;
import io.cloudir.model.json.JsonValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Differential test against {@code ../shared/oracle} ({@code @cloud-copilot/iam-simulate}, run as
 * a separate Node process): random cases over a small universe must get the same decision from
 * both, except the documented oracle defects listed in {@link #knownOracleDefect}.
 */
class OracleDifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int CASES = Integer.getInteger("cloudir.differential.cases", 6000);

  @Test
  void randomCasesAgreeWithTheOracle() throws Exception {
    Path oracle = OracleRunner.oracleDir();
    long seed = Long.getLong("cloudir.differential.seed", 20260314L);
    CaseGenerator gen = new CaseGenerator(seed);
    List<Map<String, Object>> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(gen.next());
    }
    String all = JSON.writeValueAsString(cases);
    List<String> theirs = OracleRunner.run(oracle, all);
    assertEquals(cases.size(), theirs.size(), "oracle answered every case");
    List<String> unexplained = new ArrayList<>();
    int agree = 0;
    int defects = 0;
    int errors = 0;
    for (int i = 0; i < cases.size(); i++) {
      String caseJson = JSON.writeValueAsString(cases.get(i));
      Cases.Outcome ours = Cases.run(JsonValue.parse(caseJson), null);
      String mine = ours.result() == null ? "Error" : ours.result().decision().text();
      JsonNode o = JSON.readTree(theirs.get(i));
      String their = o.get("decision").asText();
      if (their.equals("Error")) {
        errors++;
      }
      if (mine.equals(their)) {
        agree++;
        continue;
      }
      String defect = knownOracleDefect(cases.get(i), mine, their, ours);
      if (defect != null) {
        defects++;
        continue;
      }
      if (unexplained.size() < 6) {
        unexplained.add("case " + i + ": ours " + mine + ", oracle " + their + " " + o
            + "\n  " + caseJson + "\n  " + (ours.result() == null ? ours.error()
                : Cases.toJson(ours)));
      }
      else {
        unexplained.add("case " + i);
      }
    }
    System.out.println("differential: seed=" + seed + " cases=" + cases.size() + " agree=" + agree
        + " documentedOracleDefects=" + defects + " oracleErrors=" + errors
        + " unexplained=" + unexplained.size());
    assertTrue(unexplained.isEmpty(), "seed " + seed + ": " + unexplained.size()
        + " unexplained disagreements:\n" + String.join("\n", unexplained));
  }

  /**
   * Whether a disagreement is a documented defect of the oracle, with the AWS documentation that
   * decides it; null if not.
   */
  static String knownOracleDefect(
      Map<String, Object> c, String ours, String theirs, Cases.Outcome outcome) {
    Result r = outcome.result();
    if (r == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> req = (Map<String, Object>) c.get("request");
    // A same-account resource-based policy that names the role *session* ARN grants access that
    // neither the permissions boundary nor the session policy limits: IAM User Guide, "Policies
    // and permissions in AWS Identity and Access Management", section Session policies ("the
    // permissions from the resource-based policy are added after the session policy is applied")
    // and "Permissions boundaries for IAM entities" (resource-based policies that grant
    // permissions to a role session are not limited by the boundary). The oracle applies the
    // boundary and session policy anyway.
    if (ours.equals("Allowed") && theirs.equals("ImplicitlyDenied")
        && CaseGenerator.DEV_SESSION.equals(req.get("principal"))
        && (c.containsKey("permissionBoundaries") || c.containsKey("sessionPolicy"))
        && r.explanation().stream().anyMatch(e -> e.layer() == Layer.RESOURCE
            && "Allow".equals(e.effect()) && e.reason().equals("matched"))) {
      return "session-arn-grant";
    }
    // RCPs apply only to the services that support them (AWS Organizations User Guide, "Resource
    // control policies (RCPs)", list of AWS services that support RCPs: S3, STS, KMS, SQS,
    // Secrets Manager, and later Cognito user pools, CloudWatch Logs, DynamoDB, ECR, OpenSearch
    // Serverless); the oracle applies them to every service.
    String service = String.valueOf(req.get("action")).split(":")[0].toLowerCase(java.util.Locale.ROOT);
    if (c.containsKey("rcps") && !io.cloudir.iam.internal.eval.Engine.RCP_SERVICES.contains(service)
        && theirs.equals("ExplicitlyDenied") && !ours.equals("ExplicitlyDenied")) {
      return "rcp-unsupported-service";
    }
    return null;
  }
}
