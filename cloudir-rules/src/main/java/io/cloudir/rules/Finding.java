package io.cloudir.rules;

import io.cloudir.rules.internal.JsonOut;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a rule found: the rule's id, rendered title, severity, MITRE techniques, author, licence
 * and link; the time (of the last contributing record), the attributed principal (the identity at
 * the origin of the credentials, from {@code cloudir-investigate}, not the session name), the
 * source IP, and the {@link Evidence} of every record that contributed.
 *
 * <p>{@link #toJson()} writes one line of JSON with the fields of {@code cloudir hunt --format
 * jsonl}: {@code schemaVersion, rule, title, severity, time, mitre, principal, sourceIp, eventIds,
 * evidence, author, license, link}, and {@code details} (an object of strings) when the finding
 * has details (impossible travel: the two places, distance, time and speed).
 *
 * <p>Immutable and thread-safe.
 */
public final class Finding {
  /** The version of the finding JSON schema. */
  public static final int SCHEMA_VERSION = 1;

  private final String ruleId;
  private final String title;
  private final Severity severity;
  private final List<String> mitre;
  private final @Nullable Instant time;
  private final @Nullable String principal;
  private final @Nullable String sourceIp;
  private final List<Evidence> evidence;
  private final @Nullable String author;
  private final @Nullable String license;
  private final @Nullable String link;
  private final Map<String, String> details;

  /**
   * A finding from its parts.
   *
   * @param ruleId the rule's id
   * @param title the rendered title
   * @param severity the severity
   * @param mitre technique ids
   * @param time when (the time of the last contributing record), or null when no record had one
   * @param principal the attributed principal (ARN or identity id), or null
   * @param sourceIp the source IP address (or service name CloudTrail gave), or null
   * @param evidence the contributing records, in (time, provenance) order; at least one
   * @param author the rule's author, or null
   * @param license the rule's licence, or null
   * @param link the rule's link, or null
   */
  public Finding(String ruleId, String title, Severity severity, List<String> mitre,
      @Nullable Instant time, @Nullable String principal, @Nullable String sourceIp,
      List<Evidence> evidence, @Nullable String author, @Nullable String license,
      @Nullable String link) {
    this(ruleId, title, severity, mitre, time, principal, sourceIp, evidence, author, license, link,
        Map.of());
  }

  /**
   * A finding from its parts, with details.
   *
   * @param ruleId the rule's id
   * @param title the rendered title
   * @param severity the severity
   * @param mitre technique ids
   * @param time when (the time of the last contributing record), or null when no record had one
   * @param principal the attributed principal (ARN or identity id), or null
   * @param sourceIp the source IP address (or service name CloudTrail gave), or null
   * @param evidence the contributing records, in (time, provenance) order; at least one
   * @param author the rule's author, or null
   * @param license the rule's licence, or null
   * @param link the rule's link, or null
   * @param details named facts the correlation adds (kept in their order), possibly empty
   */
  public Finding(String ruleId, String title, Severity severity, List<String> mitre,
      @Nullable Instant time, @Nullable String principal, @Nullable String sourceIp,
      List<Evidence> evidence, @Nullable String author, @Nullable String license,
      @Nullable String link, Map<String, String> details) {
    this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    this.ruleId = Objects.requireNonNull(ruleId);
    this.title = Objects.requireNonNull(title);
    this.severity = Objects.requireNonNull(severity);
    this.mitre = List.copyOf(mitre);
    this.time = time;
    this.principal = principal;
    this.sourceIp = sourceIp;
    this.evidence = List.copyOf(evidence);
    if (this.evidence.isEmpty()) {
      throw new IllegalArgumentException("a finding has at least one piece of evidence");
    }
    this.author = author;
    this.license = license;
    this.link = link;
  }

  /** The rule's id. */
  public String ruleId() {
    return ruleId;
  }

  /** The rendered title. */
  public String title() {
    return title;
  }

  /** The severity. */
  public Severity severity() {
    return severity;
  }

  /** MITRE ATT&amp;CK technique ids. */
  public List<String> mitre() {
    return mitre;
  }

  /** The time of the last contributing record, or {@code null}. */
  public @Nullable Instant time() {
    return time;
  }

  /** The attributed principal, or {@code null}. */
  public @Nullable String principal() {
    return principal;
  }

  /** The source IP (or CloudTrail's service name for calls made by a service), or {@code null}. */
  public @Nullable String sourceIp() {
    return sourceIp;
  }

  /** The contributing records. */
  public List<Evidence> evidence() {
    return evidence;
  }

  /** The ids of the contributing records that have one, in evidence order. */
  public List<String> eventIds() {
    List<String> out = new ArrayList<>();
    for (Evidence e : evidence) {
      if (e.eventId() != null) {
        out.add(e.eventId());
      }
    }
    return out;
  }

  /** The rule's author, or {@code null}. */
  public @Nullable String author() {
    return author;
  }

  /** The rule's licence, or {@code null}. */
  public @Nullable String license() {
    return license;
  }

  /** The rule's link, or {@code null}. */
  public @Nullable String link() {
    return link;
  }

  /**
   * Named facts the correlation adds, in order (empty for most findings). Impossible travel
   * gives {@code from}, {@code to} (address, city, country), {@code basis} ({@code coordinates}
   * or {@code country}), {@code elapsed}, and with coordinates {@code distanceKm} and {@code
   * speedKmh}.
   */
  public Map<String, String> details() {
    return details;
  }

  /** One line of JSON (see the class comment); times in ISO-8601 UTC. */
  public String toJson() {
    JsonOut o = new JsonOut();
    o.beginObject();
    o.name("schemaVersion").value(SCHEMA_VERSION);
    o.name("rule").value(ruleId);
    o.name("title").value(title);
    o.name("severity").value(severity.text());
    o.name("time").value(time == null ? null : time.toString());
    o.name("mitre").strings(mitre);
    o.name("principal").value(principal);
    o.name("sourceIp").value(sourceIp);
    o.name("eventIds").strings(eventIds());
    o.name("evidence").beginArray();
    for (Evidence e : evidence) {
      o.beginObject();
      o.name("source").value(e.source().name());
      o.name("eventId").value(e.eventId());
      o.name("time").value(e.time() == null ? null : e.time().toString());
      o.name("file").value(e.provenance().source());
      o.name("offset").value(e.provenance().offset());
      o.name("line").value(e.provenance().line());
      if (e.provenance().versionId() != null) {
        o.name("versionId").value(e.provenance().versionId());
      }
      o.endObject();
    }
    o.endArray();
    o.name("author").value(author);
    o.name("license").value(license);
    o.name("link").value(link);
    if (!details.isEmpty()) {
      o.name("details").beginObject();
      for (Map.Entry<String, String> e : details.entrySet()) {
        o.name(e.getKey()).value(e.getValue());
      }
      o.endObject();
    }
    o.endObject();
    return o.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Finding f && f.toJson().equals(toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  /** The JSON form. */
  @Override
  public String toString() {
    return toJson();
  }
}
