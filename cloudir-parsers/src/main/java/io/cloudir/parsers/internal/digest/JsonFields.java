package io.cloudir.parsers.internal.digest;

import io.cloudir.model.CloudirException;
import io.cloudir.model.LimitExceededException;
import io.cloudir.model.Location;
import io.cloudir.model.MalformedInputException;
import io.cloudir.model.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Typed member access on a strictly parsed JSON document, with errors that name the source and
 * the JSON path. Stateless and thread-safe.
 */
public final class JsonFields {
  private JsonFields() {}

  /**
   * Parses UTF-8 JSON strictly.
   *
   * @throws MalformedInputException (or {@link LimitExceededException}) with the source and offset
   */
  public static JsonValue parse(byte[] json, @Nullable String source) {
    try {
      return JsonValue.parse(json);
    } catch (LimitExceededException e) {
      throw new LimitExceededException(e.location().withSource(source), e.reason());
    } catch (CloudirException e) {
      throw new MalformedInputException(e.location().withSource(source), e.reason());
    }
  }

  /** An error at a JSON path of a source. */
  public static MalformedInputException error(@Nullable String source, String path, String reason) {
    return new MalformedInputException(new Location(source, -1, -1, path), reason);
  }

  /** {@code v} itself when it is an object. */
  public static JsonValue object(JsonValue v, @Nullable String source, String path) {
    if (!v.isObject()) {
      throw error(source, path, "expected a JSON object");
    }
    return v;
  }

  /** Member {@code name} of {@code obj}: a string, required. */
  public static String string(JsonValue obj, String name, @Nullable String source, String path) {
    String s = optionalString(obj, name, source, path);
    if (s == null) {
      throw error(source, path + "." + name, "required string member is missing or null");
    }
    return s;
  }

  /** Member {@code name} of {@code obj}: a string, or {@code null} when absent or JSON null. */
  public static @Nullable String optionalString(JsonValue obj, String name, @Nullable String source,
      String path) {
    JsonValue v = obj.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isString()) {
      throw error(source, path + "." + name, "expected a string, found " + v.type());
    }
    return v.asString();
  }

  /**
   * An ISO-8601 time ({@code 2015-08-17T15:01:31Z}, fractions and offsets allowed).
   *
   * @return the instant, or {@code null} when the text is not such a time
   */
  public static @Nullable Instant isoTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Like {@link #isoTime} but required. */
  public static Instant requiredTime(String text, @Nullable String source, String path) {
    Instant t = isoTime(text);
    if (t == null) {
      throw error(source, path, "not an ISO-8601 time: " + Hex.snippet(text));
    }
    return t;
  }
}
