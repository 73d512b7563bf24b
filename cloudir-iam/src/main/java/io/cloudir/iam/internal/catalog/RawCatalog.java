package io.cloudir.iam.internal.catalog;

import java.util.List;
import java.util.Map;

/**
 * The content of the catalog resource as read, before the API objects are built: names, and
 * references as indexes. Produced by {@link CatalogReader}. A service's actions (nine tenths of
 * the data) are not parsed up front: {@link Service#actions()} gives {@link ActionLines} that
 * parse them on request. Nothing here is changed after reading; thread-safe.
 *
 * @param header the {@code #name value} lines ({@code package}, {@code version}, {@code
 *     published}, {@code updated}, {@code license})
 * @param notice the licence notice lines
 * @param levels access level table
 * @param types condition key type table
 * @param globals the global condition keys
 * @param services the services in file order
 */
public record RawCatalog(
    Map<String, String> header,
    List<String> notice,
    List<String> levels,
    List<String> types,
    List<Key> globals,
    List<Service> services) {

  /** A condition key: its name and an index into {@link RawCatalog#types()}. */
  public record Key(String name, int type) {}

  /**
   * A service and what belongs to it.
   *
   * @param prefix the service prefix
   * @param name the service name
   * @param keys its condition keys
   * @param resourceTypes its resource types
   * @param actions its actions, parsed on request
   */
  public record Service(
      String prefix,
      String name,
      List<Key> keys,
      List<ResourceType> resourceTypes,
      ActionLines actions) {}

  /**
   * A resource type.
   *
   * @param name its name
   * @param arn its ARN template
   * @param keys indexes into the service's keys
   */
  @SuppressWarnings("ArrayRecordComponent") // internal, never changed after reading
  public record ResourceType(String name, String arn, int[] keys) {}

  /**
   * An action.
   *
   * @param name its name
   * @param level an index into {@link RawCatalog#levels()}
   * @param keys indexes into the service's keys
   * @param resources the resource types it applies to
   */
  @SuppressWarnings("ArrayRecordComponent") // internal, never changed after reading
  public record Action(String name, int level, int[] keys, List<ResourceRef> resources) {}

  /**
   * A resource type an action applies to.
   *
   * @param type an index into the service's resource types
   * @param required whether the resource type is required
   * @param keys indexes into the service's keys that apply only on this resource type
   */
  @SuppressWarnings("ArrayRecordComponent") // internal, never changed after reading
  public record ResourceRef(int type, boolean required, int[] keys) {}
}
