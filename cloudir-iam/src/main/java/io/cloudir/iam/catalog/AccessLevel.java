package io.cloudir.iam.catalog;

import io.cloudir.iam.internal.catalog.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The access level of an action as the AWS Service Authorization Reference classifies it: {@link
 * #LIST}, {@link #READ}, {@link #WRITE}, {@link #PERMISSIONS_MANAGEMENT}, {@link #TAGGING}. An
 * <em>open</em> enumeration: a level AWS adds later is represented by {@link #of(String)} with its
 * name kept, and {@link #isKnown()} is false for it.
 *
 * <p>Equality ignores ASCII case of the name. Immutable and thread-safe.
 */
public final class AccessLevel {
  /** Listing resources ({@code s3:ListBucket}). */
  public static final AccessLevel LIST = new AccessLevel("List", true);

  /** Reading data or configuration ({@code s3:GetObject}). */
  public static final AccessLevel READ = new AccessLevel("Read", true);

  /** Creating, changing or deleting resources ({@code iam:PassRole}). */
  public static final AccessLevel WRITE = new AccessLevel("Write", true);

  /** Granting or changing permissions ({@code iam:PutRolePolicy}). */
  public static final AccessLevel PERMISSIONS_MANAGEMENT =
      new AccessLevel("Permissions management", true);

  /** Changing tags only ({@code iam:TagRole}). */
  public static final AccessLevel TAGGING = new AccessLevel("Tagging", true);

  private static final List<AccessLevel> KNOWN =
      List.of(LIST, READ, WRITE, PERMISSIONS_MANAGEMENT, TAGGING);

  private final String name;
  private final boolean known;

  private AccessLevel(String name, boolean known) {
    this.name = name;
    this.known = known;
  }

  /** The five levels AWS defines, in the order above. */
  public static List<AccessLevel> known() {
    return KNOWN;
  }

  /**
   * The level with this name: a known constant when the name is one (ignoring ASCII case), else a
   * new unknown level carrying the name.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public static AccessLevel of(String name) {
    String n = name.strip();
    if (n.isEmpty()) {
      throw new IllegalArgumentException("access level name is blank");
    }
    for (AccessLevel l : KNOWN) {
      if (l.name.equalsIgnoreCase(n)) {
        return l;
      }
    }
    return new AccessLevel(n, false);
  }

  /**
   * The levels of a comma-separated list as the catalog data spells some of them ({@code
   * "Permissions management, Write"}), in order, without duplicates.
   *
   * @throws IllegalArgumentException if an element is blank
   */
  public static List<AccessLevel> parseList(String names) {
    List<AccessLevel> out = new ArrayList<>(2);
    for (String part : names.split(",", -1)) {
      AccessLevel l = of(part);
      if (!out.contains(l)) {
        out.add(l);
      }
    }
    return List.copyOf(out);
  }

  /** The name as AWS spells it ({@code Permissions management}). */
  public String name() {
    return name;
  }

  /** Whether this is one of the five levels AWS defines. */
  public boolean isKnown() {
    return known;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AccessLevel other && other.name.equalsIgnoreCase(name);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(Wildcard.lower(name));
  }

  @Override
  public String toString() {
    return name;
  }
}
