package io.cloudir.model.json;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Jackson configured as strictly as it goes, used as the reference parser, plus the helpers that
 * turn its trees and ours into comparable plain Java values.
 */
final class JacksonOracle {
  /** What Jackson made of some bytes. */
  record Result(boolean accepted, @Nullable JsonNode tree, @Nullable String error) {}

  static final ObjectMapper MAPPER = strictMapper();

  private JacksonOracle() {}

  private static ObjectMapper strictMapper() {
    JsonFactoryBuilder f = new JsonFactoryBuilder();
    // every relaxation off: comments, single quotes, unquoted names, NaN, leading zeros / plus /
    // decimal point, trailing decimal point, missing values, trailing commas, control characters,
    // backslash before any character, RS control character
    for (JsonReadFeature rf : JsonReadFeature.values()) {
      f.disable(rf);
    }
    f.disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION); // RFC 8259: names SHOULD be unique
    return JsonMapper.builder(f.build())
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .build();
  }

  /**
   * Jackson's verdict. readTree decodes every string and name, so invalid UTF-8 that Jackson
   * detects at all is detected; an empty document (which readTree answers with a missing node) is
   * a rejection.
   */
  static Result parse(byte[] bytes) {
    try {
      JsonNode n = MAPPER.readTree(bytes);
      if (n == null || n.isMissingNode()) {
        return new Result(false, null, "no content");
      }
      return new Result(true, n, null);
    } catch (IOException | RuntimeException e) {
      return new Result(false, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** A Jackson tree as plain Java values (objects: last of repeated names; numbers: BigDecimal). */
  static @Nullable Object toJava(JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT: {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          m.put(e.getKey(), toJava(e.getValue()));
        }
        return m;
      }
      case ARRAY: {
        List<@Nullable Object> l = new ArrayList<>();
        for (JsonNode x : n) {
          l.add(toJava(x));
        }
        return l;
      }
      case STRING:
        return n.textValue();
      case NUMBER:
        return n.decimalValue();
      case BOOLEAN:
        return n.booleanValue();
      case NULL:
        return null;
      default:
        throw new AssertionError("unexpected node type " + n.getNodeType());
    }
  }

  /**
   * A form of a plain Java value in which numerically equal numbers are equal (BigDecimal with
   * trailing zeros stripped) and member order does not matter.
   */
  static @Nullable Object normalize(@Nullable Object o) {
    if (o instanceof BigDecimal d) {
      return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }
    if (o instanceof Map<?, ?> m) {
      Map<Object, @Nullable Object> n = new HashMap<>();
      m.forEach((k, v) -> n.put(k, normalize(v)));
      return n;
    }
    if (o instanceof List<?> l) {
      List<@Nullable Object> n = new ArrayList<>();
      for (Object x : l) {
        n.add(normalize(x));
      }
      return n;
    }
    return o;
  }

  /** Whether the bytes are well-formed UTF-8 by the JDK's strict decoder (an independent check). */
  static boolean strictUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
