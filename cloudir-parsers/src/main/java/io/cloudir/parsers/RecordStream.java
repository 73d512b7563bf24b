package io.cloudir.parsers;

import io.cloudir.model.LogRecord;
import io.cloudir.model.SourceType;
import io.cloudir.parsers.internal.ReaderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The records of one or more sources, in order. Iterate it once (or use {@link #stream()}); close
 * it when done (closing stops background readers). {@link #stats()} is exact once iteration has
 * ended and up to date while it runs.
 *
 * <p>Cancellation: {@link #cancel()} may be called from any thread; iteration then ends at the next
 * record.
 *
 * <p>Not thread-safe except {@link #cancel()} and {@link #stats()}: iterate on one thread.
 */
public final class RecordStream implements Iterable<LogRecord>, AutoCloseable {
  private static final int QUEUE = 1024;

  private final List<LogSource> sources;
  private final @Nullable SourceType type;
  private final ReadLimits limits;
  private final Consumer<Rejection> onRejection;
  private final int parallelism;
  private final int blockSize;
  private final ReaderOptions options;
  private final java.util.List<io.cloudir.parsers.internal.FormatSupport> formats;
  private volatile boolean cancelled;
  private boolean iterated;
  private @Nullable ExecutorService pool;

  private volatile long files;
  private volatile long parsed;
  private volatile long rejected;
  private volatile long warnings;
  private volatile long skipped;
  private volatile long bytes;

  RecordStream(List<LogSource> sources, @Nullable SourceType type, ReadLimits limits,
      Consumer<Rejection> onRejection, int parallelism, int blockSize, ReaderOptions options,
      java.util.List<io.cloudir.parsers.internal.FormatSupport> formats) {
    this.sources = sources;
    this.type = type;
    this.limits = limits;
    this.onRejection = onRejection;
    this.parallelism = parallelism;
    this.blockSize = blockSize;
    this.options = options;
    this.formats = formats;
  }

  /** The counts so far. */
  public ReadStats stats() {
    long p = parsed;
    long r = rejected;
    return new ReadStats(files, p + r, p, r, warnings, skipped, bytes);
  }

  /** Stops reading; iteration ends at the next record. Thread-safe. */
  public void cancel() {
    cancelled = true;
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled;
  }

  /** The records as a sequential stream (closing it closes this). */
  public Stream<LogRecord> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * The records.
   *
   * @throws IllegalStateException if called twice
   */
  @Override
  public Iterator<LogRecord> iterator() {
    if (iterated) {
      throw new IllegalStateException("a RecordStream can be iterated once");
    }
    iterated = true;
    if (parallelism > 1 && sources.size() > 1) {
      return new ParallelIterator();
    }
    SequentialIterator it = new SequentialIterator();
    sequential = it;
    return it;
  }

  private @Nullable LogRecord account(Object item) {
    if (item instanceof LogRecord rec) {
      parsed++;
      if (!rec.warnings().isEmpty()) {
        warnings++;
      }
      return rec;
    }
    if (item instanceof Rejection rej) {
      rejected++;
      onRejection.accept(rej);
    } else {
      skipped++;
    }
    return null;
  }

  private @Nullable SequentialIterator sequential;

  private final class SequentialIterator implements Iterator<LogRecord> {
    private int index;
    private @Nullable SourceParser current;
    private @Nullable LogRecord next;

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (cancelled) {
          closeCurrent();
          return false;
        }
        try {
          if (current == null) {
            if (index >= sources.size()) {
              return false;
            }
            current = new SourceParser(sources.get(index++), type, limits, true, false, blockSize, options, formats);
            files++;
          }
          SourceParser c = current;
          long before = c.bytesRead();
          Object item = c.next();
          bytes += c.bytesRead() - before;
          if (item == null) {
            current = null;
            continue;
          }
          next = account(item);
        } catch (IOException e) {
          closeCurrent();
          throw new UncheckedIOException(e);
        }
      }
      return true;
    }

    void closeCurrent() {
      SourceParser c = current;
      current = null;
      if (c != null) {
        try {
          c.close();
        } catch (IOException ignored) {
          // closing after cancellation or a failure: nothing more to report
        }
      }
    }

    @Override
    public LogRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      LogRecord r = next;
      next = null;
      if (r == null) {
        throw new NoSuchElementException();
      }
      return r;
    }
  }


  private record Failure(Exception error) {}

  private record Done(long bytes) {}

  private final class ParallelIterator implements Iterator<LogRecord> {
    private final ExecutorService exec;
    private final ArrayDeque<BlockingQueue<Object>> queues = new ArrayDeque<>();
    private int submitted;
    private @Nullable LogRecord next;

    ParallelIterator() {
      exec = Executors.newFixedThreadPool(parallelism, r -> {
        Thread t = new Thread(r, "cloudir-reader");
        t.setDaemon(true);
        return t;
      });
      pool = exec;
      fill();
    }

    private void fill() {
      while (queues.size() < parallelism && submitted < sources.size()) {
        BlockingQueue<Object> q = new ArrayBlockingQueue<>(QUEUE);
        LogSource src = sources.get(submitted++);
        queues.add(q);
        exec.execute(() -> produce(src, q));
      }
    }

    private void produce(LogSource src, BlockingQueue<Object> q) {
      try (SourceParser p = new SourceParser(src, type, limits, true, false, blockSize, options, formats)) {
        Object item;
        while (!cancelled && (item = p.next()) != null) {
          q.put(item);
        }
        q.put(new Done(p.bytesRead()));
      } catch (IOException | RuntimeException e) {
        putQuietly(q, new Failure(e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void putQuietly(BlockingQueue<Object> q, Object o) {
      try {
        q.put(o);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (cancelled) {
          exec.shutdownNow();
          return false;
        }
        BlockingQueue<Object> q = queues.peek();
        if (q == null) {
          exec.shutdown();
          return false;
        }
        Object item;
        try {
          item = q.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          exec.shutdownNow();
          return false;
        }
        if (item instanceof Done d) {
          files++;
          bytes += d.bytes();
          queues.poll();
          fill();
          continue;
        }
        if (item instanceof Failure f) {
          exec.shutdownNow();
          if (f.error() instanceof IOException io) {
            throw new UncheckedIOException(io);
          }
          throw (RuntimeException) f.error();
        }
        next = account(item);
      }
      return true;
    }

    @Override
    public LogRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      LogRecord r = next;
      next = null;
      if (r == null) {
        throw new NoSuchElementException();
      }
      return r;
    }
  }

  /** Stops background readers and releases sources. */
  @Override
  public void close() {
    cancelled = true;
    SequentialIterator it = sequential;
    if (it != null) {
      it.closeCurrent();
    }
    ExecutorService p = pool;
    if (p != null) {
      p.shutdownNow();
    }
  }

}
