package io.cloudir.iam.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A resource type an action applies to, as listed for that action in the AWS Service
 * Authorization Reference.
 *
 * <p>Immutable and thread-safe.
 *
 * @param resourceType the resource type
 * @param required whether the action always needs a resource of this type (AWS marks it with an
 *     asterisk); when an action lists several optional types, a request names one of them
 * @param conditionKeys condition keys that apply to the action only on this resource type (often
 *     empty), sorted by name ignoring case
 */
public record ActionResourceType(
    ResourceTypeInfo resourceType, boolean required, List<ConditionKeyInfo> conditionKeys) {

  /** Copies the list. */
  public ActionResourceType {
    Objects.requireNonNull(resourceType, "resourceType");
    conditionKeys = List.copyOf(conditionKeys);
  }
}
