package io.cloudir.iam.catalog;

import io.cloudir.iam.internal.catalog.Wildcard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A service of the catalog: its prefix ({@code s3}), its name ({@code Amazon S3}), its actions,
 * resource types and condition keys.
 *
 * <p>The actions of a service are built from the catalog data the first time they are asked for
 * (once, under a lock); everything else is built with the catalog.
 *
 * <p>Two instances are equal when their prefixes are equal. Immutable (apart from that one-time
 * build) and thread-safe.
 */
public final class ServiceInfo {
  private final String prefix;
  private final String name;
  private final int actionCount;
  private final List<ResourceTypeInfo> resourceTypes;
  private final List<ConditionKeyInfo> conditionKeys;
  private @Nullable Supplier<Actions> loader;
  private volatile @Nullable Actions loaded;

  /** The actions of a service, built together on first use. */
  static final class Actions {
    final List<ActionInfo> list;
    final Map<String, ActionInfo> byLowerName;

    Actions(List<ActionInfo> list, Map<String, ActionInfo> byLowerName) {
      this.list = list;
      this.byLowerName = byLowerName;
    }
  }

  ServiceInfo(
      String prefix,
      String name,
      int actionCount,
      List<ResourceTypeInfo> resourceTypes,
      List<ConditionKeyInfo> conditionKeys,
      Supplier<Actions> loader) {
    this.prefix = prefix;
    this.name = name;
    this.actionCount = actionCount;
    this.resourceTypes = resourceTypes;
    this.conditionKeys = conditionKeys;
    this.loader = loader;
  }

  /** The actions, built from the catalog data on first use (once; later calls share them). */
  private Actions loaded() {
    Actions a = loaded;
    if (a == null) {
      synchronized (this) {
        a = loaded;
        if (a == null) {
          Supplier<Actions> l = loader;
          if (l == null) {
            throw new IllegalStateException("actions of " + prefix + " failed to load before");
          }
          a = l.get();
          loaded = a;
          loader = null;
        }
      }
    }
    return a;
  }

  /** The number of actions (known without building them). */
  public int actionCount() {
    return actionCount;
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
    return loaded().list;
  }

  /** The action with this name ({@code GetObject}, without prefix), ignoring case. */
  public Optional<ActionInfo> action(String actionName) {
    return Optional.ofNullable(loaded().byLowerName.get(Wildcard.lower(actionName)));
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
  public boolean equals(@Nullable Object o) {
    return o instanceof ServiceInfo other && other.prefix.equals(prefix);
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
