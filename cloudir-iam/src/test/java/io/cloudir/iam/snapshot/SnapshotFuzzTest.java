package io.cloudir.iam.snapshot;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.LimitExceededException;
import java.util.Map;

/**
 * Fuzz target for the snapshot loader: any input either loads (and then answers canDo and whoCan
 * for its principals without failing) or is rejected with a {@link SnapshotLoadException} or {@link
 * LimitExceededException} naming a location; nothing else escapes. Seeds under {@code
 * SnapshotFuzzTestInputs/load/}.
 */
class SnapshotFuzzTest {
  @FuzzTest
  void load(FuzzedDataProvider data) {
    byte[] bytes = data.consumeRemainingAsBytes();
    Snapshot s;
    try {
      s = Snapshot.builder().add("fuzz.json", bytes).build();
    } catch (SnapshotLoadException | LimitExceededException e) {
      assertNotNull(e.location());
      return;
    }
    for (SnapshotPrincipal p : s.principals()) {
      assertNotNull(s.canDo(p.arn(), "s3:GetObject", "arn:aws:s3:::b/k", Map.of()).decision());
    }
    assertNotNull(s.whoCan("sts:AssumeRole", "arn:aws:iam::111122223333:role/r"));
  }
}
