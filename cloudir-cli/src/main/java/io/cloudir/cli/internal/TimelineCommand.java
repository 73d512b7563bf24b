package io.cloudir.cli.internal;

import io.cloudir.investigate.Attribution;
import io.cloudir.investigate.SessionHop;
import io.cloudir.investigate.Timeline;
import io.cloudir.investigate.TimelineEntry;
import io.cloudir.investigate.TimelineFilter;
import io.cloudir.investigate.enrich.CompositeIpEnricher;
import io.cloudir.investigate.enrich.IpDetails;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cloudir timeline [--principal ARN] [--key KEYID] [--ip IP] [--resource ARN] [--since T]
 * [--until T] [--format jsonl|table] [--geoip FILE]... [--asn FILE]... [--aws-ip-ranges FILE]
 * [--accounts ID,...] [--regions R,...] PATH...}: every record of every source in time order, each
 * event once, with the attributed principal and the role sessions in between, and (with
 * enrichment files) what is known about the source IP. Under {@code s3://bucket/prefix} only the
 * day folders of the time range (and the accounts and regions given) are listed, as in {@code
 * hunt}.
 *
 * <p>Not thread-safe (picocli fills its fields; one call per instance).
 */
@Command(
    name = "timeline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Every event of every source in time order (each event once), filtered by the options.",
      "principal is the attributed identity at the origin of the credentials; via lists the role"
          + " sessions between it and the call.",
      "s3://bucket/prefix: only the day folders of --since/--until for --accounts and --regions"
          + " are listed (as in hunt); digest files are not read.",
      "Standard error ends with: parsed=N rejected=M warnings=W skipped=S"
          + " [objects=N digestsSkipped=D failed=F] duplicates=D selected=E"
    },
    footer = {"", "Exit codes: 0 nothing rejected, 2 something rejected or an s3:// object could"
        + " not be read (the rest was written), 1 usage or I/O error."})
final class TimelineCommand implements Callable<Integer> {
  private final Io io;

  @Option(names = "--principal", paramLabel = "ARN",
      description = "Attributed principal (user, root, federated/SSO identity, instance) or a role"
          + " on the chain.")
  @Nullable String principal;

  @Option(names = "--key", paramLabel = "KEYID", description = "Access key id.")
  @Nullable String key;

  @Option(names = "--ip", paramLabel = "IP", description = "IP address (source or destination).")
  @Nullable String ip;

  @Option(names = "--resource", paramLabel = "ARN",
      description = "Resource ARN, ARN pattern (* and ?), or an instance/ENI id.")
  @Nullable String resource;

  /** --since, --until: the records kept and the s3:// day folders listed. */
  @Mixin TimeWindow window = new TimeWindow();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (default) or table.")
  String format = "jsonl";

  @Mixin EnrichOptions enrich = new EnrichOptions();

  /** --accounts, --regions, --profile, --endpoint-url for s3:// paths. */
  @Mixin S3Scope s3 = new S3Scope();

  @Parameters(paramLabel = "PATH", arity = "1..*",
      description = "Files, directories (recursive), s3://bucket/prefix or '-' for standard"
          + " input.")
  List<String> paths = new ArrayList<>();

  TimelineCommand(Io io) {
    this.io = io;
  }

  /** An ISO-8601 instant, or a date (midnight UTC); null when invalid. */
  static @Nullable Instant time(String s) {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  @Override
  public Integer call() {
    PrintStream err = io.err();
    if (!format.equals("jsonl") && !format.equals("table")) {
      return usage("unknown --format " + format + " (expected jsonl or table)");
    }
    String bad = window.error();
    if (bad != null) {
      return usage(bad);
    }
    Instant from = window.from();
    Instant to = window.to();
    CompositeIpEnricher en;
    try {
      en = enrich.open();
    } catch (IllegalArgumentException e) {
      return usage(String.valueOf(e.getMessage()));
    }
    RecordsInput in = RecordsInput.read(io, paths, s3, from, to);
    if (in.error != null && in.records.isEmpty()) {
      return usage(in.error);
    }
    Timeline tl = Timeline.of(in.records);
    List<TimelineEntry> sel = tl.select(new TimelineFilter(from, to, principal, key, ip, resource));
    PrintStream out = io.out();
    if (format.equals("table")) {
      out.println(String.join("\t", "TIME", "SOURCE", "EVENT", "PRINCIPAL", "VIA", "KEY", "IP",
          "SUMMARY"));
    }
    for (TimelineEntry e : sel) {
      IpDetails d = EnrichOptions.details(en, enrich.cache(), e.sourceIp());
      if (format.equals("table")) {
        out.println(row(e, en == null ? null : EnrichOptions.text(d)));
      } else {
        out.println(json(e, d));
      }
    }
    out.flush();
    boolean failed = out.checkError();
    if (in.error != null) {
      err.println("cloudir: " + in.error);
      failed = true;
    }
    if (failed && in.error == null) {
      err.println("cloudir: standard output was closed");
    }
    err.println(in.stats.summary() + in.remoteSummary + " duplicates=" + tl.duplicates()
        + " selected=" + sel.size());
    err.flush();
    if (failed) {
      return Cli.ERROR;
    }
    return in.stats.rejected() > 0 || in.remoteFailures > 0 ? Cli.REJECTED : Cli.OK;
  }

  static String json(TimelineEntry e) {
    return json(e, null);
  }

  /** The entry line; {@code ip} adds the enrichment facts of the source IP as {@code sourceIpInfo}. */
  static String json(TimelineEntry e, @Nullable IpDetails ip) {
    Json j = new Json().put("time", e.time()).put("source", e.source().name())
        .put("eventId", e.eventId()).put("eventName", e.eventName()).put("principal", e.principal());
    Attribution a = e.attribution();
    StringBuilder via = new StringBuilder("[");
    if (a != null) {
      boolean first = true;
      for (SessionHop h : a.via()) {
        if (!first) {
          via.append(',');
        }
        first = false;
        via.append(new Json().put("role", h.roleArn()).put("session", h.sessionName())
            .put("accessKeyId", h.accessKeyId()).put("mintEventId", h.mintEventId())
            .put("mintEventName", h.mintEventName()).put("mintTime", h.mintTime()).end());
      }
    }
    j.putRaw("via", via.append(']').toString());
    j.put("accessKeyId", e.accessKeyId()).put("sourceIp", e.sourceIp()).put("summary", e.summary());
    if (a != null) {
      j.put("principalKind", a.origin().kind().name())
          .put("attribution", a.completeness().name().toLowerCase(java.util.Locale.ROOT));
      if (a.reason() != null) {
        j.put("reason", a.reason());
      }
      if (a.keyAccountId() != null) {
        j.put("keyAccountId", a.keyAccountId());
      }
      if (a.sourceIdentity() != null) {
        j.put("sourceIdentity", a.sourceIdentity());
      }
      if (a.signInEventId() != null) {
        j.put("signInEventId", a.signInEventId());
      }
    } else if (e.instance() != null) {
      j.put("instance", e.instance());
    }
    if (ip != null) {
      j.putRaw("sourceIpInfo", EnrichOptions.json(ip));
    }
    return j.end();
  }

  private static String row(TimelineEntry e, @Nullable String ipInfo) {
    Attribution a = e.attribution();
    String via = a == null ? "" : String.join(" > ", a.viaRoles());
    return String.join("\t", str(e.time()), e.source().name(), str(e.eventName()),
        str(e.principal()) + (a != null && !a.isComplete() ? " (partial)" : ""), via,
        str(e.accessKeyId()), str(e.sourceIp())
            + (ipInfo == null || ipInfo.isEmpty() ? "" : " (" + ipInfo + ")"), e.summary());
  }

  private static String str(@Nullable Object o) {
    return o == null ? "-" : o.toString();
  }

  private int usage(String message) {
    io.err().println("cloudir: " + message);
    io.err().flush();
    return Cli.ERROR;
  }
}
