package io.cloudir.iam.internal.eval;

/** JSON paths in error messages ({@code $.Statement[0].Condition}). Stateless and thread-safe. */
public final class JsonPaths {
  private JsonPaths() {}

  /**
   * The path of a member: {@code path.name} for a plain name, else {@code path['name']}.
   *
   * @param path the parent's path
   * @param name the member name
   * @return the member's path
   */
  public static String child(String path, String name) {
    boolean simple = !name.isEmpty();
    for (int i = 0; i < name.length() && simple; i++) {
      char c = name.charAt(i);
      simple = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
    return simple ? path + "." + name : path + "['" + name.replace("'", "\\'") + "']";
  }
}
