package io.cloudir.iam.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An IAM action of the catalog ({@code s3:GetObject}): its service prefix and name as AWS spells
 * them, its access level, the resource types it applies to and its own condition keys.
 *
 * <p>Two instances are equal when their {@link #fullName()}s are equal ignoring case. Immutable and
 * thread-safe.
 */
public final class ActionInfo {
  private final String service;
  private final String name;
  private final String fullName;
  private final List<AccessLevel> accessLevels;
  private final List<ActionResourceType> resourceTypes;
  private final List<ConditionKeyInfo> conditionKeys;

  ActionInfo(
      String service,
      String name,
      List<AccessLevel> accessLevels,
      List<ActionResourceType> resourceTypes,
      List<ConditionKeyInfo> conditionKeys) {
    this.service = service;
    this.name = name;
    this.fullName = service + ":" + name;
    this.accessLevels = accessLevels;
    this.resourceTypes = resourceTypes;
    this.conditionKeys = conditionKeys;
  }

  /** The service prefix ({@code s3}). */
  public String service() {
    return service;
  }

  /** The action name as AWS spells it ({@code GetObject}). */
  public String name() {
    return name;
  }

  /** {@code service:name} ({@code s3:GetObject}), as written in a policy. */
  public String fullName() {
    return fullName;
  }

  /**
   * The access level. Where the data gives two ({@code Permissions management, Write} for {@code
   * iam:PutRolePolicy}, {@code Tagging, Write} for {@code iam:TagRole}) this is the first, more
   * specific one; {@link #accessLevels()} has both.
   */
  public AccessLevel accessLevel() {
    return accessLevels.get(0);
  }

  /** Every access level the data gives for the action, most specific first (never empty). */
  public List<AccessLevel> accessLevels() {
    return accessLevels;
  }

  /**
   * The resource types the action applies to, in the order of the resource types' names (ignoring
   * case). Empty when the action supports no resource-level permissions (the policy must say
   * {@code "Resource": "*"}).
   */
  public List<ActionResourceType> resourceTypes() {
    return resourceTypes;
  }

  /**
   * The condition keys of the action itself (not those of its resource types nor the global
   * ones: {@link ActionCatalog#conditionKeys(ActionInfo)} has all), sorted by name ignoring case.
   */
  public List<ConditionKeyInfo> conditionKeys() {
    return conditionKeys;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ActionInfo other && other.fullName.equalsIgnoreCase(fullName);
  }

  @Override
  public int hashCode() {
    return io.cloudir.iam.internal.catalog.Wildcard.lower(fullName).hashCode();
  }

  /** The {@link #fullName()}. */
  @Override
  public String toString() {
    return fullName;
  }
}
