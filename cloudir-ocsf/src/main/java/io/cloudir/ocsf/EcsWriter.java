package io.cloudir.ocsf;

import io.cloudir.model.LogRecord;
import io.cloudir.ocsf.internal.Ecs;
import io.cloudir.rules.Finding;

/**
 * Writes cloudir records and findings as Elastic Common Schema 8.x documents, one JSON object per
 * call: {@code @timestamp}, {@code ecs.version}, {@code event.*} (kind, category, type, action,
 * outcome, dataset, provider, id), {@code cloud.*}, {@code source.*}, {@code destination.*},
 * {@code user.*}, {@code network.*}, {@code dns.*}, {@code http.*}, {@code url.*},
 * {@code user_agent.original}, and the AWS details that ECS has no field for under {@code aws.*}.
 * Findings are {@code event.kind: alert} documents with {@code rule.*} and {@code threat.*}.
 * The decisions are tabulated in the module's {@code MAPPING.md}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class EcsWriter {
  private static final EcsWriter INSTANCE = new EcsWriter();

  private EcsWriter() {}

  /**
   * The writer.
   *
   * @return the shared instance
   */
  public static EcsWriter create() {
    return INSTANCE;
  }

  /**
   * The ECS version the documents follow ({@code ecs.version}).
   *
   * @return {@code "8.11.0"}
   */
  public static String schemaVersion() {
    return Ecs.VERSION;
  }

  /**
   * One record as one ECS document.
   *
   * @param record any cloudir record; record types this writer does not know become an {@code event}
   *     document with the record's JSON in {@code event.original}
   * @return the document as one line of JSON (no line end)
   */
  public String write(LogRecord record) {
    return Ecs.record(record).toJson();
  }

  /**
   * One finding as one ECS alert document.
   *
   * @param finding a finding from the rule engine
   * @return the document as one line of JSON (no line end)
   */
  public String write(Finding finding) {
    return Ecs.finding(finding).toJson();
  }
}
