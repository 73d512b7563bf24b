package io.cloudir.iam.catalog;

import io.cloudir.iam.internal.catalog.Wildcard;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service of the catalog: its prefix ({@code s3}), its name ({@code Amazon S3}), its actions,
 * resource types and condition keys.
 *
 * <p>Two instances are equal when their prefixes are equal. Immutable and thread-safe.
 */
public final class ServiceInfo {
  private final String prefix;
  private final String name;
  private final List<ActionInfo> actions;
  private final Map<String, ActionInfo> actionsByLowerName;
  private final List<ResourceTypeInfo> resourceTypes;
  private final List<ConditionKeyInfo> conditionKeys;

  ServiceInfo(
      String prefix,
      String name,
      List<ActionInfo> actions,
      Map<String, ActionInfo> actionsByLowerName,
      List<ResourceTypeInfo> resourceTypes,
      List<ConditionKeyInfo> conditionKeys) {
    this.prefix = prefix;
    this.name = name;
    this.actions = actions;
    this.actionsByLowerName = actionsByLowerName;
    this.resourceTypes = resourceTypes;
    this.conditionKeys = conditionKeys;
  }

  /** The service prefix used in actions ({@code s3}, {@code iam}, {@code cloudwatch}). */
  public String prefix() {
    return prefix;
  }

  /** The service's name ({@code Amazon S3}). */
  public String name() {
    return name;
  }

  /** All actions, sorted by name ignoring case. */
  public List<ActionInfo> actions() {
    return actions;
  }

  /** The action with this name ({@code GetObject}, without prefix), ignoring case. */
  public Optional<ActionInfo> action(String actionName) {
    return Optional.ofNullable(actionsByLowerName.get(Wildcard.lower(actionName)));
  }

  /** All resource types, sorted by name ignoring case. */
  public List<ResourceTypeInfo> resourceTypes() {
    return resourceTypes;
  }

  /** The resource type with this name ({@code object}), ignoring case. */
  public Optional<ResourceTypeInfo> resourceType(String typeName) {
    for (ResourceTypeInfo t : resourceTypes) {
      if (t.name().equalsIgnoreCase(typeName)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * This service's own resource type whose ARN template matches the ARN, the most specific one when
   * several do (rules at {@link ActionCatalog#resourceTypeOf(String)}). Unlike that method, the
   * ARN's service field does not choose the service: {@code sts} has resource types with {@code
   * iam} ARNs.
   */
  public Optional<ResourceTypeInfo> resourceTypeOf(String arn) {
    ResourceTypeInfo best = null;
    for (ResourceTypeInfo t : resourceTypes) {
      if (t.matches(arn) && (best == null || ResourceMatching.better(t, best, arn))) {
        best = t;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The condition keys the service defines, sorted by name ignoring case; this includes the
   * {@code aws:} keys the service supports on its actions and resources ({@code aws:ResourceTag/${TagKey}}).
   */
  public List<ConditionKeyInfo> conditionKeys() {
    return conditionKeys;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ServiceInfo && ((ServiceInfo) o).prefix.equals(prefix);
  }

  @Override
  public int hashCode() {
    return prefix.hashCode();
  }

  /** The prefix. */
  @Override
  public String toString() {
    return prefix;
  }
}
