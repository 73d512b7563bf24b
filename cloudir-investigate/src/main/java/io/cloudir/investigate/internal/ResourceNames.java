package io.cloudir.investigate.internal;

import io.cloudir.iam.catalog.ActionInfo;
import io.cloudir.iam.catalog.ActionResourceType;
import io.cloudir.iam.catalog.EventActionMap;
import io.cloudir.iam.catalog.ResourceTypeInfo;
import io.cloudir.model.cloudtrail.CloudTrailEvent;
import io.cloudir.model.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds the ARNs of the resources a CloudTrail call names by name or id rather than by ARN
 * ({@code CreateUser {"userName": "mallory"}}, {@code AuthorizeSecurityGroupIngress {"groupId":
 * "sg-…"}}, {@code UpdateFunctionCode {"functionName": "x"}}): the call's IAM action(s) come from
 * the {@link EventActionMap}, their resource types' ARN templates from the action catalog, and the
 * template variables are filled from the call:
 *
 * <ul>
 *   <li>{@code ${Partition}} from the region ({@code cn-…} → {@code aws-cn}, {@code us-gov-…} →
 *       {@code aws-us-gov}, {@code eusc-…} → {@code aws-eusc}, else {@code aws}); {@code
 *       ${Region}} from {@code awsRegion}; {@code ${Account}} from {@code recipientAccountId};
 *   <li>every other variable from a top-level string of {@code requestParameters} whose name
 *       equals it ignoring case ({@code ${FunctionName}} ← {@code functionName}), or, failing
 *       that, whose name is a suffix of it of at least five letters ({@code ${SecurityGroupId}} ←
 *       {@code groupId}); {@code ${ObjectName}} ← {@code key}; an IAM {@code ${…NameWithPath}}
 *       ← {@code path} (without its leading {@code /}) followed by the name.
 * </ul>
 *
 * <p>An ARN is produced only when every variable is filled, no value is itself an ARN (those are
 * taken as they are by the caller) or contains a wildcard, and the result matches the resource
 * type's own template. Nothing is guessed beyond that.
 *
 * <p>Stateless and thread-safe.
 */
public final class ResourceNames {
  private static final EventActionMap MAP = EventActionMap.bundled();

  private ResourceNames() {}

  /** The ARNs the call names by name or id, in catalog order, without duplicates. */
  public static List<String> of(CloudTrailEvent e) {
    String source = e.eventSource();
    String name = e.eventName();
    JsonValue rp = e.requestParameters();
    if (source == null || name == null || rp == null || !rp.isObject()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    for (ActionInfo a : MAP.resolve(source, name).actions()) {
      for (ActionResourceType art : a.resourceTypes()) {
        String arn = fill(art.resourceType(), e, rp);
        if (arn != null && !out.contains(arn)) {
          out.add(arn);
        }
      }
    }
    return out;
  }

  private static @Nullable String fill(ResourceTypeInfo type, CloudTrailEvent e, JsonValue rp) {
    String template = type.arnTemplate();
    StringBuilder sb = new StringBuilder(template.length() + 32);
    int i = 0;
    while (true) {
      int s = template.indexOf("${", i);
      if (s < 0) {
        sb.append(template, i, template.length());
        break;
      }
      int t = template.indexOf('}', s);
      if (t < 0) {
        return null;
      }
      sb.append(template, i, s);
      String v = value(template.substring(s + 2, t), e, rp);
      if (v == null || v.isEmpty() || v.startsWith("arn:") || v.indexOf('*') >= 0
          || v.indexOf('?') >= 0) {
        return null;
      }
      sb.append(v);
      i = t + 1;
    }
    String arn = sb.toString();
    return type.matches(arn) ? arn : null;
  }

  private static @Nullable String value(String var, CloudTrailEvent e, JsonValue rp) {
    switch (var) {
      case "Partition" -> {
        String r = e.awsRegion();
        return r == null ? null : partitionOf(r);
      }
      case "Region" -> {
        return e.awsRegion();
      }
      case "Account" -> {
        return e.recipientAccountId();
      }
      case "ObjectName" -> {
        return rp.getString("key");
      }
      default -> {
        // an IAM name with its path: role/${RoleNameWithPath} is role/<path without '/'><name>
        if (var.endsWith("NameWithPath")) {
          String n = param(var.substring(0, var.length() - "WithPath".length()), rp);
          if (n == null) {
            return null;
          }
          String path = rp.getString("path");
          return path == null || path.equals("/") ? n
              : (path.startsWith("/") ? path.substring(1) : path) + n;
        }
        return param(var, rp);
      }
    }
  }

  private static @Nullable String param(String var, JsonValue rp) {
    String lower = var.toLowerCase(Locale.ROOT);
    String suffixHit = null;
    int best = 0;
    for (Map.Entry<String, JsonValue> m : rp.entries()) {
      String k = m.getKey().toLowerCase(Locale.ROOT);
      JsonValue v = m.getValue();
      if (!v.isString()) {
        continue;
      }
      if (k.equals(lower)) {
        return v.asString();
      }
      if (k.length() >= 5 && k.length() > best && lower.endsWith(k)) {
        best = k.length();
        suffixHit = v.asString();
      }
    }
    return suffixHit;
  }

  /** The partition of a region name. */
  static String partitionOf(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    if (region.startsWith("us-iso-")) {
      return "aws-iso";
    }
    if (region.startsWith("us-isob-")) {
      return "aws-iso-b";
    }
    if (region.startsWith("eusc-")) {
      return "aws-eusc";
    }
    return "aws";
  }
}
