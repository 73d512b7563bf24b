package io.cloudir.model.internal;

import io.cloudir.model.SourceType;
import io.cloudir.model.internal.json.JsonRecordFactory;
import io.cloudir.model.internal.json.ObjectSchema;

/**
 * What the {@link JsonRecordFactory factories} of the JSON record types share: the format, its
 * schema and the description used in rejections, fixed when the factory is made.
 *
 * <p>Subclasses must be immutable and thread-safe.
 */
public abstract class SchemaRecordFactory implements JsonRecordFactory {
  private final SourceType type;
  private final ObjectSchema schema;
  private final String description;

  /** A factory of records of {@code type} indexed by {@code schema}, described by {@code description}. */
  protected SchemaRecordFactory(SourceType type, ObjectSchema schema, String description) {
    this.type = type;
    this.schema = schema;
    this.description = description;
  }

  @Override
  public final SourceType type() {
    return type;
  }

  @Override
  public final ObjectSchema schema() {
    return schema;
  }

  @Override
  public final String describe() {
    return description;
  }
}
