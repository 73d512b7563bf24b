package io.cloudir.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

class JsonLineWriterFuzzTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** For any valid UTF-8 JSON text, stripping keeps the value and leaves no line end. */
  @FuzzTest(maxDuration = "30s")
  void strip(byte[] data) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data)).toString();
    } catch (CharacterCodingException e) {
      return;
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (tree == null || tree.isMissingNode()) {
      return;
    }
    byte[] dst = new byte[data.length];
    int n = JsonLineWriter.strip(data, 0, data.length, dst, 0);
    String out = new String(dst, 0, n, StandardCharsets.UTF_8);
    try {
      assertEquals(tree, JSON.readTree(out), out);
    } catch (IOException e) {
      throw new AssertionError("stripped text is not JSON: " + out, e);
    }
    assertEquals(-1, out.indexOf('\n'), out);
  }
}
