package io.cloudir.iam.internal.snapshot;

import io.cloudir.iam.catalog.ActionInfo;
import io.cloudir.iam.catalog.EventActionMap;
import io.cloudir.iam.eval.Explanation;
import io.cloudir.iam.eval.Result;
import io.cloudir.iam.snapshot.EventAuthorization;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.cloudtrail.SessionContext;
import io.cloudir.model.cloudtrail.SourceAddress;
import io.cloudir.model.cloudtrail.TrailResource;
import io.cloudir.model.cloudtrail.UserIdentity;
import io.cloudir.model.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Explains which statements allowed a CloudTrail event's call. Stateless and thread-safe. */
public final class EventAuthorizer {
  private EventAuthorizer() {}

  /**
   * One answer per IAM action the event needed.
   *
   * @param a the analyzer
   * @param map the event to action map
   * @param e the event
   * @return the answers
   */
  public static List<EventAuthorization> authorize(Analyzer a, EventActionMap map, CloudTrailEvent e) {
    UserIdentity ui = e.userIdentity();
    String principal = ui == null ? null : ui.arn();
    if (principal == null) {
      throw new IllegalArgumentException("the event has no userIdentity.arn");
    }
    String source = e.eventSource();
    String name = e.eventName();
    if (source == null || name == null) {
      return List.of();
    }
    List<ActionInfo> actions = map.resolve(source, name).actions();
    String resource = resource(e);
    Map<String, List<String>> ctx = context(e);
    List<EventAuthorization> out = new ArrayList<>();
    for (ActionInfo ai : actions) {
      Result r = a.canDo(principal, ai.fullName(), resource, ctx);
      List<Explanation> allowedBy = new ArrayList<>();
      for (Explanation x : r.explanation()) {
        if ("matched".equals(x.outcome()) && "Allow".equals(x.effect())) {
          allowedBy.add(x);
        }
      }
      out.add(new EventAuthorization(principal, ai.fullName(), resource, ctx, r, allowedBy));
    }
    return out;
  }

  /** The resource the call acted on, as far as the event shows it. */
  static String resource(CloudTrailEvent e) {
    for (TrailResource r : e.resources()) {
      if (r.arn() != null) {
        return r.arn();
      }
    }
    JsonValue rp = e.requestParameters();
    if (rp != null) {
      String bucket = rp.getString("bucketName");
      if (bucket != null) {
        String key = rp.getString("key");
        return "arn:aws:s3:::" + bucket + (key == null ? "" : "/" + key);
      }
      String acct = e.recipientAccountId();
      if ("iam.amazonaws.com".equals(e.eventSource()) && acct != null) {
        String pa = rp.getString("policyArn");
        if (pa != null) {
          return pa;
        }
        for (String[] k : new String[][] {{"roleName", "role"}, {"userName", "user"},
            {"groupName", "group"}}) {
          String v = rp.getString(k[0]);
          if (v != null) {
            return "arn:aws:iam::" + acct + ":" + k[1] + "/" + v;
          }
        }
      }
      String roleArn = rp.getString("roleArn");
      if (roleArn != null) {
        return roleArn;
      }
    }
    return "*";
  }

  /** The request context the event shows. */
  static Map<String, List<String>> context(CloudTrailEvent e) {
    Map<String, List<String>> ctx = new LinkedHashMap<>();
    SourceAddress sa = e.sourceAddress();
    if (sa != null && sa.ip() != null) {
      ctx.put("aws:SourceIp", List.of(sa.text()));
    }
    put(ctx, "aws:RequestedRegion", e.awsRegion());
    put(ctx, "aws:UserAgent", e.userAgent());
    put(ctx, "aws:SourceVpce", e.vpcEndpointId());
    Instant t = e.eventTime();
    if (t != null) {
      ctx.put("aws:CurrentTime", List.of(t.toString()));
      ctx.put("aws:EpochTime", List.of(Long.toString(t.getEpochSecond())));
    }
    UserIdentity ui = e.userIdentity();
    if (ui != null) {
      ctx.put("aws:ViaAWSService", List.of(ui.invokedBy() != null ? "true" : "false"));
      SessionContext sc = ui.sessionContext();
      Boolean mfa = sc == null ? null : sc.mfaAuthenticated();
      if (mfa != null) {
        ctx.put("aws:MultiFactorAuthPresent", List.of(mfa.toString()));
      }
    }
    return ctx;
  }

  private static void put(Map<String, List<String>> ctx, String key, @Nullable String value) {
    if (value != null) {
      ctx.put(key, List.of(value));
    }
  }
}
