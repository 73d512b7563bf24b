package io.cloudir.rules.internal;

import java.util.List;

/** Reads the values of one field path from the current record of a context. */
@FunctionalInterface
public interface Accessor {
  /** Adds the values (see {@link Values}) of the field to {@code out}; none when absent. */
  void collect(EvalContext ctx, List<Object> out);
}
