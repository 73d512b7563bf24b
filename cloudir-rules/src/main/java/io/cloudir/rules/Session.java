package io.cloudir.rules;

import io.cloudir.investigate.Attribution;
import io.cloudir.investigate.Attributor;
import io.cloudir.investigate.IdentityKind;
import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.UserIdentity;
import io.cloudir.model.elb.LoadBalancerField;
import io.cloudir.model.elb.LoadBalancerLogRecord;
import io.cloudir.model.json.JsonValue;
import io.cloudir.model.net.IpAddress;
import io.cloudir.model.route53.PublicDnsQueryLogRecord;
import io.cloudir.model.route53.ResolverQueryLogRecord;
import io.cloudir.model.s3.S3AccessLogRecord;
import io.cloudir.model.vpcflow.FlowLogRecord;
import io.cloudir.model.waf.WafLogRecord;
import io.cloudir.rules.internal.CompiledRule;
import io.cloudir.rules.internal.EvalContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The evaluation of one stream of records by an {@link Engine}: feed records with {@link
 * #accept(LogRecord)} (it is a {@code Consumer<LogRecord>}, so it plugs into {@code
 * io.cloudir.parsers.PushReader} directly) or {@link #acceptAll(Iterable)} (a {@code
 * RecordStream}), then call {@link #flush()} at the end of input. Findings go to the sink given
 * to {@link Engine#newSession}, on the feeding thread.
 *
 * <p>The session attributes CloudTrail calls to their real actor as it goes (an {@code
 * io.cloudir.investigate.Attributor} in streaming mode), so feed CloudTrail events in time order
 * for complete attributions; it also remembers whether each console sign-in used MFA (at most
 * {@link #MAX_SIGN_INS}, oldest forgotten first).
 *
 * <p>Not thread-safe: one session per stream, fed by one thread at a time.
 */
public final class Session implements Consumer<LogRecord> {
  /** The number of console sign-ins whose MFA use is remembered. */
  public static final int MAX_SIGN_INS = 100_000;

  private final Engine engine;
  private final Consumer<Finding> sink;
  private final Attributor attributor = new Attributor();
  private final Map<String, Boolean> signInMfa = new LinkedHashMap<>(16, 0.75f, false) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_SIGN_INS;
    }
  };
  private final EvalContext ctx;
  private long records;
  private long findings;
  private long evaluations;
  private boolean flushed;

  Session(Engine engine, Consumer<Finding> sink) {
    this.engine = engine;
    this.sink = Objects.requireNonNull(sink);
    this.ctx = new EvalContext(attributor::attribute, signInMfa::get);
  }

  /**
   * Evaluates one record: every rule that can fire on it (by routing) is tested, and each match
   * is a finding sent to the sink.
   *
   * @throws IllegalStateException after {@link #flush()}
   */
  @Override
  public void accept(LogRecord r) {
    if (flushed) {
      throw new IllegalStateException("session already flushed");
    }
    records++;
    List<CompiledRule> candidates;
    if (r instanceof CloudTrailEvent e) {
      attributor.observe(e);
      String name = e.eventName();
      if ("ConsoleLogin".equals(name)) {
        rememberSignIn(e);
      }
      candidates = name == null ? engine.cloudTrailCandidates("") : engine.cloudTrailCandidates(name);
    } else {
      candidates = engine.candidates(r.source());
    }
    if (candidates.isEmpty()) {
      return;
    }
    ctx.reset(r);
    String eventSource = null;
    for (CompiledRule cr : candidates) {
      Set<String> sources = cr.eventSources();
      if (sources != null) {
        if (eventSource == null) {
          String s = ((CloudTrailEvent) r).eventSource();
          eventSource = s == null ? "" : s.toLowerCase(Locale.ROOT);
        }
        if (!sources.contains(eventSource)) {
          continue;
        }
      }
      Set<String> names = cr.eventNames();
      if (names != null && r instanceof CloudTrailEvent e) {
        String n = e.eventName();
        if (n == null || !names.contains(n.toLowerCase(Locale.ROOT))) {
          continue;
        }
      }
      evaluations++;
      if (cr.matches(ctx)) {
        emit(cr, r);
      }
    }
  }

  /** Evaluates every record of an iterable (such as a {@code RecordStream}), in order. */
  public void acceptAll(Iterable<? extends LogRecord> recordsIn) {
    for (LogRecord r : recordsIn) {
      accept(r);
    }
  }

  /**
   * Ends the input: findings still held (by correlations) are emitted. The session accepts no
   * record afterwards; calling flush again does nothing.
   */
  public void flush() {
    flushed = true;
  }

  /** Records accepted so far. */
  public long records() {
    return records;
  }

  /** Findings emitted so far. */
  public long findings() {
    return findings;
  }

  /** Rule evaluations made so far (what routing did not skip). */
  public long evaluations() {
    return evaluations;
  }

  private void rememberSignIn(CloudTrailEvent e) {
    String id = e.eventID();
    JsonValue add = e.additionalEventData();
    JsonValue m = add == null || !add.isObject() ? null : add.get("MFAUsed");
    String s = m == null ? null : m.stringOrNull();
    if (id != null && s != null) {
      signInMfa.put(id, s.equalsIgnoreCase("Yes"));
    }
  }

  private void emit(CompiledRule cr, LogRecord r) {
    Rule rule = cr.rule();
    Finding f = new Finding(rule.id(), cr.title(ctx), rule.severity(), rule.mitre(), r.time(),
        principal(r), sourceIp(r), List.of(evidence(r)), rule.author(), rule.license(),
        rule.references().isEmpty() ? null : rule.references().get(0));
    findings++;
    sink.accept(f);
  }

  private @Nullable String principal(LogRecord r) {
    if (!(r instanceof CloudTrailEvent e)) {
      return null;
    }
    Attribution a = ctx.attribution();
    if (a != null && a.origin().kind() != IdentityKind.UNKNOWN) {
      return a.origin().id();
    }
    UserIdentity ui = e.userIdentity();
    if (ui == null) {
      return null;
    }
    return ui.arn() != null ? ui.arn() : ui.principalId();
  }

  /** The source address of a record, by type. */
  static @Nullable String sourceIp(LogRecord r) {
    IpAddress ip;
    if (r instanceof CloudTrailEvent e) {
      return e.sourceIPAddress();
    } else if (r instanceof FlowLogRecord f) {
      ip = f.srcaddr();
    } else if (r instanceof WafLogRecord w) {
      return w.clientIpText();
    } else if (r instanceof ResolverQueryLogRecord q) {
      return q.srcaddrText();
    } else if (r instanceof S3AccessLogRecord s) {
      ip = s.remoteIp();
    } else if (r instanceof LoadBalancerLogRecord l) {
      return l.host(LoadBalancerField.CLIENT);
    } else if (r instanceof PublicDnsQueryLogRecord p) {
      return p.resolverIpText();
    } else {
      return null;
    }
    return ip == null ? null : ip.toString();
  }

  /** The evidence of a record. */
  static Evidence evidence(LogRecord r) {
    String id = null;
    if (r instanceof CloudTrailEvent e) {
      id = e.eventID();
    } else if (r instanceof WafLogRecord w) {
      id = w.requestId();
    } else if (r instanceof S3AccessLogRecord s) {
      id = s.requestId();
    } else if (r instanceof LoadBalancerLogRecord l) {
      id = l.traceId();
    }
    SourceType t = r.source();
    return new Evidence(t, id, r.time(), r.provenance());
  }
}
