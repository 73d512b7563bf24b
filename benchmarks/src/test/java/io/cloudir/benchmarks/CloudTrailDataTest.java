package io.cloudir.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator is deterministic, writes valid compact JSON and the promised mix of records. */
class CloudTrailDataTest {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Test
  void deterministicForASeed() {
    byte[] a = CloudTrailData.generate(7, 300_000);
    byte[] b = CloudTrailData.generate(7, 300_000);
    assertArrayEquals(a, b);
    assertFalse(java.util.Arrays.equals(a, CloudTrailData.generate(8, 300_000)));
  }

  @Test
  void reachesTheRequestedSizeAndStopsSoonAfter() {
    for (int target : new int[] {0, 1, 10_000, 500_000}) {
      byte[] b = CloudTrailData.generate(3, target);
      assertTrue(b.length >= target, "length " + b.length + " < " + target);
      assertTrue(b.length < target + 20_000, "length " + b.length + " overshoots " + target);
    }
  }

  @Test
  void validCompactJson() throws IOException {
    byte[] bytes = CloudTrailData.generate(11, 1 << 20);
    JsonNode root = MAPPER.readTree(bytes);
    assertEquals(1, root.size());
    assertTrue(root.get("Records").isArray());
    // compact: Jackson's own compact re-encoding of the tree is byte-for-byte the input
    assertArrayEquals(bytes, MAPPER.writeValueAsBytes(root));
  }

  @Test
  void temporaryKeysAreReusedAsSessionsAndMintedKeysSignLaterCalls() throws IOException {
    JsonNode records = MAPPER.readTree(CloudTrailData.generate(CloudTrailData.DEFAULT_SEED, 4 << 20))
        .get("Records");
    Map<String, Integer> uses = new TreeMap<>();
    Map<String, String> sessionOfKey = new TreeMap<>();
    Set<String> minted = new HashSet<>();
    int mintedUsed = 0;
    for (JsonNode r : records) {
      JsonNode ui = r.get("userIdentity");
      JsonNode key = ui == null ? null : ui.get("accessKeyId");
      if (key != null && key.textValue().startsWith("ASIA")) {
        String k = key.textValue();
        if (uses.merge(k, 1, Integer::sum) == 1 && minted.contains(k)) {
          mintedUsed++;
        }
        if ("AssumedRole".equals(ui.get("type").textValue())) {
          // one key, one session: the same ARN (session name) and creation date every time
          String session = ui.get("arn").textValue() + " "
              + ui.get("sessionContext").get("attributes").get("creationDate").textValue();
          String before = sessionOfKey.putIfAbsent(k, session);
          assertTrue(before == null || before.equals(session), k + ": " + before + " / " + session);
        }
      }
      JsonNode creds = r.path("responseElements").path("credentials").path("accessKeyId");
      if ("AssumeRole".equals(r.get("eventName").textValue()) && creds.isTextual()) {
        minted.add(creds.textValue());
      }
    }
    int calls = uses.values().stream().mapToInt(Integer::intValue).sum();
    assertTrue(calls >= 4 * uses.size(), calls + " calls with " + uses.size() + " temporary keys");
    assertTrue(mintedUsed > 10, "keys minted by AssumeRole that sign later calls: " + mintedUsed);
  }

  @Test
  void expectedMixIsPresent() throws IOException {
    JsonNode records = MAPPER.readTree(CloudTrailData.generate(CloudTrailData.DEFAULT_SEED, 2 << 20))
        .get("Records");
    Map<String, Integer> identityTypes = new TreeMap<>();
    Map<String, Integer> eventTypes = new TreeMap<>();
    Set<String> regions = new HashSet<>();
    Set<String> pairs = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode r : records) {
      for (String f : new String[] {"eventVersion", "eventTime", "eventSource", "eventName",
          "awsRegion", "sourceIPAddress", "userAgent", "eventID", "eventType", "recipientAccountId",
          "readOnly", "managementEvent", "eventCategory"}) {
        assertTrue(r.has(f), "every record has " + f + ": " + r);
      }
      assertTrue(r.get("eventTime").textValue().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
      assertTrue(r.get("eventID").textValue().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
      JsonNode u = r.get("userIdentity");
      identityTypes.merge(u.path("type").asText("(none)"), 1, Integer::sum);
      eventTypes.merge(r.get("eventType").textValue(), 1, Integer::sum);
      regions.add(r.get("awsRegion").textValue());
      pairs.add(r.get("eventSource").textValue() + " " + r.get("eventName").textValue());
      String key = u.path("accessKeyId").asText("");
      if (key.startsWith("AKIA")) seen.add("AKIA key");
      if (key.startsWith("ASIA")) seen.add("ASIA key");
      JsonNode ctx = u.path("sessionContext");
      if (ctx.path("sessionIssuer").has("arn")) seen.add("sessionIssuer");
      if (ctx.path("attributes").has("mfaAuthenticated")) seen.add("mfaAuthenticated");
      if (ctx.has("sourceIdentity")) seen.add("sourceIdentity");
      if (ctx.has("ec2RoleDelivery")) seen.add("ec2RoleDelivery");
      if (u.has("invokedBy")) seen.add("invokedBy");
      String ip = r.get("sourceIPAddress").textValue();
      if (ip.endsWith(".amazonaws.com")) seen.add("service source");
      if (ip.equals("AWS Internal")) seen.add("AWS Internal");
      if ("Data".equals(r.path("eventCategory").asText())) {
        seen.add("data event");
        assertTrue(r.get("resources").get(0).has("ARN"));
        assertFalse(r.get("managementEvent").booleanValue());
      }
      if (r.path("additionalEventData").has("bytesTransferredOut")) seen.add("bytesTransferredOut");
      if (r.has("resources") && r.get("resources").get(0).has("accountId")) seen.add("resource accountId");
      if ("AccessDenied".equals(r.path("errorCode").asText())) {
        seen.add("AccessDenied");
        assertTrue(r.get("errorMessage").textValue().contains("is not authorized to perform"));
      }
      JsonNode policy = r.path("requestParameters").path("policyDocument");
      if (policy.isTextual()) {
        seen.add("escaped policy");
        assertEquals("2012-10-17", MAPPER.readTree(policy.textValue()).get("Version").textValue());
      }
      if (r.path("responseElements").isObject()) seen.add("responseElements");
      if (r.path("responseElements").path("instancesSet").path("items").isArray()) seen.add("nested responseElements");
      if ("ConsoleLogin".equals(r.get("eventName").textValue())) {
        assertTrue(r.get("responseElements").has("ConsoleLogin"));
        assertTrue(r.get("additionalEventData").has("MFAUsed"));
        seen.add("ConsoleLogin");
      }
      if (r.has("serviceEventDetails")) seen.add("serviceEventDetails");
      if (r.has("tlsDetails")) seen.add("tlsDetails");
      if (r.has("vpcEndpointId")) seen.add("vpcEndpointId");
      if (r.has("sharedEventID")) seen.add("sharedEventID");
      String ua = r.get("userAgent").textValue();
      if (ua.contains("(") && ua.contains(" ")) seen.add("ua parens");
      if (ua.startsWith("[")) seen.add("ua brackets");
      if (ua.contains("\"") && ua.contains("\\") && ua.chars().anyMatch(c -> c > 127)) seen.add("ua escapes");
      if (!r.get("recipientAccountId").textValue().equals(u.path("accountId").asText(""))) seen.add("cross-account");
    }
    assertEquals(
        Set.of("AssumedRole", "IAMUser", "AWSService", "Root", "FederatedUser",
            "IdentityCenterUser", "WebIdentityUser", "(none)"),
        identityTypes.keySet(), identityTypes.toString());
    int max = identityTypes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertEquals(max, identityTypes.get("AssumedRole"), "assumed roles dominate: " + identityTypes);
    assertEquals(Set.of("AwsApiCall", "AwsConsoleSignIn", "AwsServiceEvent"), eventTypes.keySet());
    assertEquals(20, regions.size(), regions.toString());
    assertTrue(pairs.size() >= 40, pairs.size() + " pairs: " + pairs);
    for (String f : new String[] {"AKIA key", "ASIA key", "sessionIssuer", "mfaAuthenticated",
        "sourceIdentity", "ec2RoleDelivery", "invokedBy", "service source", "AWS Internal",
        "data event", "bytesTransferredOut", "resource accountId", "AccessDenied",
        "escaped policy", "responseElements", "nested responseElements", "ConsoleLogin",
        "serviceEventDetails", "tlsDetails", "vpcEndpointId", "sharedEventID", "ua parens",
        "ua brackets", "ua escapes", "cross-account"}) {
      assertTrue(seen.contains(f), "missing " + f);
    }
  }

  @Test
  void corpusOfAMissingDirectoryFailsClearly(@TempDir Path dir) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> CloudTrailData.corpus(dir));
    assertTrue(e.getMessage().contains("cloudir.shared"), e.getMessage());
  }

  @Test
  @Tag("corpus")
  void corpusIsOneValidEnvelopeOfAboutTheDefaultSize() throws IOException {
    byte[] b = CloudTrailData.corpus(CloudTrailData.sharedDir());
    assertTrue(b.length >= CloudTrailData.DEFAULT_CORPUS_SIZE);
    JsonNode records = MAPPER.readTree(b).get("Records");
    assertTrue(records.size() > 1000);
    for (JsonNode r : records) {
      assertTrue(r.has("eventID"));
    }
  }
}
