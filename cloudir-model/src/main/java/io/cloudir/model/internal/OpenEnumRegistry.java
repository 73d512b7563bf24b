package io.cloudir.model.internal;

import io.cloudir.model.OpenEnum;
import io.cloudir.model.internal.json.ByteNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The known constants of one {@link OpenEnum}, found by text or by raw bytes without allocating.
 * Filled during the enum class's static initialisation, read-only afterwards (thread-safe then).
 *
 * @param <T> the enumeration
 */
public final class OpenEnumRegistry<T extends OpenEnum<T>> {
  private final BiFunction<String, Boolean, T> factory;
  private final Map<String, T> byName = new HashMap<>();
  private final List<T> values = new ArrayList<>();
  private @Nullable ByteNames names;

  /** A registry whose values are made by {@code factory(text, known)}. */
  public OpenEnumRegistry(BiFunction<String, Boolean, T> factory) {
    this.factory = factory;
  }

  /** Adds a known constant (during static initialisation only). */
  public synchronized T known(String name) {
    T t = factory.apply(name, true);
    byName.put(name, t);
    values.add(t);
    names = null;
    return t;
  }

  /** The known constant with this text, or a new unknown value. */
  public T of(String name) {
    T t = byName.get(name);
    return t != null ? t : factory.apply(name, false);
  }

  /** The known constant with this text, or null. */
  public @Nullable T knownOrNull(String name) {
    return byName.get(name);
  }

  /** The known constant whose UTF-8 text is bytes {@code [s, e)}, or null; no allocation. */
  public @Nullable T knownOrNull(byte[] b, int s, int e) {
    ByteNames n = names;
    if (n == null) {
      synchronized (this) {
        n = names;
        if (n == null) {
          String[] all = new String[values.size()];
          for (int i = 0; i < all.length; i++) {
            all[i] = values.get(i).value();
          }
          n = new ByteNames(all);
          names = n;
        }
      }
    }
    int i = n.lookup(b, s, e);
    return i < 0 ? null : values.get(i);
  }

  /** The known constants in declaration order. */
  public List<T> values() {
    return Collections.unmodifiableList(values);
  }
}
