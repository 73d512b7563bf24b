package io.cloudir.parsers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.cloudir.model.SourceType;
import io.cloudir.parsers.TestSupport.Result;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzz target: LogReader over arbitrary bytes (gzip-wrapped when the first byte is odd) and a
 * PushReader fed in two chunks never throw, keep their accounting, and agree with each other.
 */
class CloudTrailReaderFuzzTest {
  private static final ReadLimits LIMITS =
      ReadLimits.builder().maxRecordBytes(1 << 16).maxDepth(64).maxStringBytes(1 << 14).build();

  @FuzzTest
  void fuzz(byte[] data) {
    byte[] input = data.length > 0 && (data[0] & 1) == 1 ? TestSupport.gzip(data) : data;
    // auto-detection, memory and streaming paths (accounting checked inside)
    Result mem = TestSupport.read(LogReader.builder().limits(LIMITS), List.of(LogSource.of("f", input)));
    Result stream = TestSupport.read(LogReader.builder().limits(LIMITS).blockSize(4096),
        List.of(LogSource.of("f", () -> new ByteArrayInputStream(input))));
    assertEquals(mem.trace(), stream.trace());
    // fixed format: pull and push in two chunks agree (push input is never decompressed, so a
    // gzip magic is compared only for the push reader's own accounting)
    if (data.length >= 2 && (data[0] & 0xFF) == 0x1f && (data[1] & 0xFF) == 0x8b) {
      TestSupport.push("f", data, new int[] {data.length / 2}, LIMITS);
      return;
    }
    Result pull = TestSupport.read(LogReader.builder().type(SourceType.CLOUDTRAIL).limits(LIMITS),
        List.of(LogSource.of("f", Arrays.copyOf(data, data.length))));
    int cut = data.length == 0 ? 0 : (data[data.length - 1] & 0xFF) % (data.length + 1);
    Result push = TestSupport.push("f", data, new int[] {cut}, LIMITS);
    assertEquals(pull.trace(), push.trace());
  }
}
