package io.cloudir.spark.internal;

import io.cloudir.model.Provenance;
import io.cloudir.model.SourceType;
import io.cloudir.rules.Evidence;
import io.cloudir.rules.Finding;
import io.cloudir.rules.Severity;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * A finding as it travels between Spark tasks and as a DataFrame row; {@link #finding()} gives
 * back an equal {@link Finding} (same JSON).
 *
 * <p>Immutable; safe to share.
 */
public final class FindingRec implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The schema of the findings DataFrame ({@code json} is {@code Finding.toJson()}). */
  public static final StructType SCHEMA = new StructType()
      .add("ruleId", DataTypes.StringType, false)
      .add("title", DataTypes.StringType, false)
      .add("severity", DataTypes.StringType, false)
      .add("mitre", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("time", DataTypes.TimestampType)
      .add("principal", DataTypes.StringType)
      .add("sourceIp", DataTypes.StringType)
      .add("evidence", DataTypes.createArrayType(new StructType()
          .add("type", DataTypes.StringType, false)
          .add("eventId", DataTypes.StringType)
          .add("time", DataTypes.TimestampType)
          .add("source", DataTypes.StringType, false)
          .add("offset", DataTypes.LongType, false)
          .add("line", DataTypes.LongType, false)
          .add("versionId", DataTypes.StringType)
          .add("etag", DataTypes.StringType), false), false)
      .add("author", DataTypes.StringType)
      .add("license", DataTypes.StringType)
      .add("link", DataTypes.StringType)
      .add("json", DataTypes.StringType, false);

  private record Ev(String type, @Nullable String eventId, @Nullable Instant time, String source,
      long offset, long line, @Nullable String versionId, @Nullable String etag)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private final String ruleId;
  private final String title;
  private final String severity;
  private final List<String> mitre;
  private final @Nullable Instant time;
  private final @Nullable String principal;
  private final @Nullable String sourceIp;
  private final List<Ev> evidence;
  private final @Nullable String author;
  private final @Nullable String license;
  private final @Nullable String link;

  /** The transport form of a finding. */
  public FindingRec(Finding f) {
    this.ruleId = f.ruleId();
    this.title = f.title();
    this.severity = f.severity().text();
    this.mitre = new ArrayList<>(f.mitre());
    this.time = f.time();
    this.principal = f.principal();
    this.sourceIp = f.sourceIp();
    List<Ev> ev = new ArrayList<>();
    for (Evidence e : f.evidence()) {
      Provenance p = e.provenance();
      ev.add(new Ev(e.source().name(), e.eventId(), e.time(), p.source(), p.offset(), p.line(),
          p.versionId(), p.etag()));
    }
    this.evidence = ev;
    this.author = f.author();
    this.license = f.license();
    this.link = f.link();
  }

  /** The finding. */
  public Finding finding() {
    List<Evidence> ev = new ArrayList<>(evidence.size());
    for (Ev e : evidence) {
      ev.add(new Evidence(SourceType.of(e.type()), e.eventId(), e.time(),
          new Provenance(e.source(), e.offset(), e.line(), e.versionId(), e.etag())));
    }
    return new Finding(ruleId, title, Severity.parse(severity), mitre, time, principal, sourceIp,
        ev, author, license, link);
  }

  private static @Nullable Timestamp ts(@Nullable Instant t) {
    return t == null ? null : Timestamp.from(t);
  }

  /** The DataFrame row ({@link #SCHEMA}). */
  public Row row() {
    Row[] ev = new Row[evidence.size()];
    for (int i = 0; i < ev.length; i++) {
      Ev e = evidence.get(i);
      ev[i] = RowFactory.create(e.type(), e.eventId(), ts(e.time()), e.source(), e.offset(),
          e.line(), e.versionId(), e.etag());
    }
    return RowFactory.create(ruleId, title, severity, mitre.toArray(new String[0]), ts(time),
        principal, sourceIp, ev, author, license, link, finding().toJson());
  }
}
