package io.cloudir.rules.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * The hits waiting for the watermark, taken out in {@link Hit#ORDER}. Records mostly arrive in
 * that order, so hits that come in order go to a FIFO (constant time) and only the others to a
 * priority queue; the smallest hit is the smaller of the two heads. Not thread-safe (owned by a
 * session).
 */
public final class HitBuffer {
  private final ArrayDeque<Hit> inOrder = new ArrayDeque<>();
  private final PriorityQueue<Hit> late = new PriorityQueue<>(Hit.ORDER);

  /** Adds a hit. */
  public void add(Hit h) {
    Hit last = inOrder.peekLast();
    if (last == null || Hit.ORDER.compare(last, h) <= 0) {
      inOrder.addLast(h);
    } else {
      late.add(h);
    }
  }

  /** The smallest hit, or null when empty. */
  public @Nullable Hit peek() {
    Hit a = inOrder.peekFirst();
    Hit b = late.peek();
    if (a == null) {
      return b;
    }
    return b == null || Hit.ORDER.compare(a, b) <= 0 ? a : b;
  }

  /** Removes and returns the smallest hit, or null when empty. */
  public @Nullable Hit poll() {
    Hit a = inOrder.peekFirst();
    Hit b = late.peek();
    if (a != null && (b == null || Hit.ORDER.compare(a, b) <= 0)) {
      return inOrder.pollFirst();
    }
    return late.poll();
  }

  /**
   * Removes and returns the smallest hit when its end is at most {@code limit} or more than
   * {@code max} hits are held; else (or when empty) null. One comparison at most: the release
   * loop of a session calls this once per hit.
   */
  public @Nullable Hit pollIf(long limit, int max) {
    Hit a = inOrder.peekFirst();
    Hit b = late.peek();
    boolean first;
    if (a == null) {
      if (b == null) {
        return null;
      }
      first = false;
    } else {
      first = b == null || Hit.ORDER.compare(a, b) <= 0;
    }
    Hit h = first ? a : b;
    if (h == null || (h.end() > limit && inOrder.size() + late.size() <= max)) {
      return null;
    }
    return first ? inOrder.pollFirst() : late.poll();
  }

  /** The number of hits held. */
  public int size() {
    return inOrder.size() + late.size();
  }

  /** Whether no hit is held. */
  public boolean isEmpty() {
    return inOrder.isEmpty() && late.isEmpty();
  }

  /** The hits held, in {@link Hit#ORDER}. */
  public List<Hit> sorted() {
    List<Hit> out = new ArrayList<>(inOrder);
    out.addAll(late);
    out.sort(Hit.ORDER);
    return out;
  }
}
