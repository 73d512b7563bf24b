package io.cloudir.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudir.iam.catalog.ActionCatalog;
import io.cloudir.model.arn.Arn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

class ArnPartsFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * For any valid ARN: the parts never throw, the JSON reads back to the same values, and the id
   * and qualifier are where the split rule says (the qualifier ends the resource, right after the
   * id and one separator).
   */
  @FuzzTest(maxDuration = "30s")
  void parts(byte[] data) throws IOException {
    Optional<Arn> parsed = Arn.tryParse(new String(data, StandardCharsets.UTF_8));
    if (parsed.isEmpty()) {
      return;
    }
    Arn arn = parsed.get();
    ArnParts p = ArnParts.of(arn, ActionCatalog::bundled);
    JsonNode n = JSON.readTree(p.toJson());
    assertEquals(8, n.size());
    assertEquals(arn.resource(), n.get("resource").asText());
    assertEquals(arn.toString(), "arn:" + p.partition() + ":" + p.service() + ":"
        + (p.region() == null ? "" : p.region()) + ":" + (p.account() == null ? "" : p.account())
        + ":" + p.resource());
    String r = p.resource();
    String id = p.resourceId();
    String q = p.qualifier();
    if (id != null) {
      assertTrue(r.contains(id), p.toString());
    }
    if (q != null) {
      assertTrue(r.endsWith(q), p.toString());
      if (id != null && p.resourceType() != null) {
        int idEnd = r.length() - q.length() - 1;
        assertTrue(idEnd >= id.length() && r.startsWith(id, idEnd - id.length()), p.toString());
      }
    }
  }
}
