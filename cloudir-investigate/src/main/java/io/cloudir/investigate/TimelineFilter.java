package io.cloudir.investigate;

import io.cloudir.model.arn.ArnPattern;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.UserIdentityField;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a timeline selects: a time range and any of principal, access key, IP and resource (all
 * given criteria must hold).
 *
 * <ul>
 *   <li>{@code principal} matches the <em>attributed</em> origin identity, any role on the chain
 *       ({@link Attribution#via()}), or the calling identity's own ARN — so a user's timeline
 *       includes what was done with roles that user assumed. For network records it matches the
 *       instance they belong to.
 *   <li>{@code accessKeyId} matches the key used or any key on the chain.
 *   <li>{@code ip} matches any address of the record (source or destination for flows).
 *   <li>{@code resource} is an ARN or an IAM-style ARN pattern ({@code *}, {@code ?}) matched
 *       against every resource the record touched; a non-ARN value (an ENI or instance id)
 *       matches equal resources and the instance of network records.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param since inclusive lower bound of time, or null
 * @param until exclusive upper bound of time, or null
 * @param principal the principal (ARN or identity id), or null
 * @param accessKeyId the access key, or null
 * @param ip the address (text form as printed), or null
 * @param resource the resource ARN or pattern, or null
 */
public record TimelineFilter(
    @Nullable Instant since,
    @Nullable Instant until,
    @Nullable String principal,
    @Nullable String accessKeyId,
    @Nullable String ip,
    @Nullable String resource) {

  /** Selects everything. */
  public static TimelineFilter all() {
    return new TimelineFilter(null, null, null, null, null, null);
  }

  /** Whether the entry is selected. */
  public boolean matches(TimelineEntry e) {
    Instant t = e.time();
    if (since != null && (t == null || t.isBefore(since))) {
      return false;
    }
    if (until != null && (t == null || !t.isBefore(until))) {
      return false;
    }
    if (principal != null && !matchesPrincipal(e, principal)) {
      return false;
    }
    if (accessKeyId != null && !matchesKey(e, accessKeyId)) {
      return false;
    }
    if (ip != null && !e.ips().contains(ip)) {
      return false;
    }
    return resource == null || matchesResource(e, resource);
  }

  private static boolean matchesPrincipal(TimelineEntry e, String p) {
    Attribution a = e.attribution();
    if (a != null) {
      if (p.equals(a.origin().id())) {
        return true;
      }
      for (SessionHop h : a.via()) {
        if (p.equals(h.roleArn())) {
          return true;
        }
      }
      return e.record() instanceof CloudTrailEvent ev
          && p.equals(ev.userIdentityString(UserIdentityField.ARN));
    }
    return p.equals(e.instance());
  }

  private static boolean matchesKey(TimelineEntry e, String k) {
    if (k.equals(e.accessKeyId())) {
      return true;
    }
    Attribution a = e.attribution();
    if (a != null) {
      for (SessionHop h : a.via()) {
        if (k.equals(h.accessKeyId())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matchesResource(TimelineEntry e, String r) {
    if (r.startsWith("arn:")) {
      ArnPattern pattern;
      try {
        pattern = ArnPattern.parseWithoutVariables(r);
      } catch (RuntimeException ex) {
        return e.resources().contains(r);
      }
      for (String res : e.resources()) {
        if (res.equals(r) || (res.startsWith("arn:") && pattern.matches(res))) {
          return true;
        }
      }
      return false;
    }
    return e.resources().contains(r) || r.equals(e.instance());
  }
}
