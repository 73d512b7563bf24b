package io.cloudir.investigate;

import io.cloudir.model.LogRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * The one order of records across sources: by time (a flow record by the start of its window;
 * records without a valid time last), then by provenance (source name, then byte offset).
 *
 * <p>Stateless and thread-safe.
 */
public final class RecordOrder {
  private RecordOrder() {}

  /** (time, provenance); records without a time sort after every timed record. */
  public static final Comparator<LogRecord> COMPARATOR = (a, b) -> {
    Instant ta = a.time();
    Instant tb = b.time();
    if (ta == null || tb == null) {
      if (ta != tb) {
        return ta == null ? 1 : -1;
      }
    } else {
      int c = ta.compareTo(tb);
      if (c != 0) {
        return c;
      }
    }
    return a.provenance().compareTo(b.provenance());
  };

  /**
   * Merges iterators that are each already in {@link #COMPARATOR} order into one iterator in
   * that order (a k-way merge holding one record per input). Ties between inputs go to the input
   * listed first, so the result is deterministic. The result is not thread-safe.
   */
  public static <T extends LogRecord> Iterator<T> merge(List<? extends Iterator<? extends T>> inputs) {
    record Head<T>(T record, int input) {}
    Comparator<Head<T>> order = Comparator.<Head<T>, LogRecord>comparing(Head::record, COMPARATOR)
        .thenComparingInt(Head::input);
    PriorityQueue<Head<T>> heap = new PriorityQueue<>(Math.max(1, inputs.size()), order);
    List<Iterator<? extends T>> its = new ArrayList<>(inputs);
    for (int i = 0; i < its.size(); i++) {
      if (its.get(i).hasNext()) {
        heap.add(new Head<>(its.get(i).next(), i));
      }
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return !heap.isEmpty();
      }

      @Override
      public T next() {
        Head<T> h = heap.poll();
        if (h == null) {
          throw new NoSuchElementException();
        }
        Iterator<? extends T> it = its.get(h.input());
        if (it.hasNext()) {
          heap.add(new Head<>(it.next(), h.input()));
        }
        return h.record();
      }
    };
  }
}
