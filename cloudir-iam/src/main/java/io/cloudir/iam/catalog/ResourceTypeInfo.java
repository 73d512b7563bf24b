package io.cloudir.iam.catalog;

import io.cloudir.iam.internal.catalog.ArnTemplate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resource type of a service: its name ({@code object}), its ARN template ({@code
 * arn:${Partition}:s3:::${BucketName}/${ObjectName}}) and the condition keys that apply to it.
 *
 * <p>How a concrete ARN is matched against the template is explained at {@link
 * ActionCatalog#resourceTypeOf(String)}.
 *
 * <p>Two instances are equal when they have the same service prefix and name. Immutable and
 * thread-safe.
 */
public final class ResourceTypeInfo {
  private final String service;
  private final String name;
  private final ArnTemplate template;
  private final List<ConditionKeyInfo> conditionKeys;

  ResourceTypeInfo(
      String service, String name, ArnTemplate template, List<ConditionKeyInfo> conditionKeys) {
    this.service = service;
    this.name = name;
    this.template = template;
    this.conditionKeys = conditionKeys;
  }

  /** The prefix of the service this type belongs to ({@code s3}). */
  public String service() {
    return service;
  }

  /** The resource type name as AWS spells it ({@code object}, {@code role}). */
  public String name() {
    return name;
  }

  /** The ARN template ({@code arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}}). */
  public String arnTemplate() {
    return template.template();
  }

  /** The condition keys that apply to this resource type, sorted by name ignoring case. */
  public List<ConditionKeyInfo> conditionKeys() {
    return conditionKeys;
  }

  /** Whether the whole ARN matches this type's template (rules at {@link ActionCatalog#resourceTypeOf(String)}). */
  public boolean matches(String arn) {
    return template.matches(arn);
  }

  ArnTemplate compiled() {
    return template;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ResourceTypeInfo other
        && other.service.equals(service)
        && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return service.hashCode() * 31 + name.hashCode();
  }

  /** {@code service/name}, e.g. {@code s3/object}. */
  @Override
  public String toString() {
    return service + "/" + name;
  }
}
