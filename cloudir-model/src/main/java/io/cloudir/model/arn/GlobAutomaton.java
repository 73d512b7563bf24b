package io.cloudir.model.arn;

import io.cloudir.model.LimitExceededException;
import io.cloudir.model.Location;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The nondeterministic automaton of a concrete (variable-free) pattern program, and the language
 * algorithms of {@link ArnPattern}: intersection with a witness, and inclusion with a
 * counterexample.
 *
 * <p>A program is a sequence of tokens: a literal character ({@code >= 0}), {@link #STAR} or
 * {@link #ONE}. Wildcards at token indices below {@code lastSegStart} lie in a non-final
 * colon-separated segment and do not match {@code ':'}; wildcards at or after it match any
 * character. NFA state {@code i} (0 to {@code n}) means "tokens {@code [0, i)} consumed"; a star at
 * {@code i} loops on its class and has an epsilon move to {@code i + 1}.
 *
 * <p><b>Symbolic alphabet.</b> Both automata only distinguish the characters that occur literally
 * in them and {@code ':'}; every other character behaves the same. The algorithms therefore run
 * over the literal characters of the two programs, {@code ':'}, and one representative of "any
 * other character" (for {@link #intersection} with the ARN syntax, also one representative of each
 * class the ARN automaton distinguishes). This makes them exact over the full {@code char}
 * alphabet.
 *
 * <p>Immutable and thread-safe.
 */
final class GlobAutomaton {
  static final int STAR = -1;
  static final int ONE = -2;

  /** Default bound on explored product states. */
  static final int DEFAULT_MAX_STATES = 250_000;

  private final int[] prog;
  private final int lastSegStart;
  private final int n;
  /** closureEnd[i] = the first index j >= i with prog[j] != STAR (or n). */
  private final int[] closureEnd;

  GlobAutomaton(int[] prog, int lastSegStart) {
    this.prog = prog;
    this.lastSegStart = lastSegStart;
    this.n = prog.length;
    this.closureEnd = new int[n + 1];
    closureEnd[n] = n;
    for (int i = n - 1; i >= 0; i--) {
      closureEnd[i] = prog[i] == STAR ? closureEnd[i + 1] : i;
    }
  }

  int size() {
    return n;
  }

  boolean accepting(int state) {
    return closureEnd[state] == n;
  }

  private boolean wildcardAccepts(int token, char c) {
    return token >= lastSegStart || c != ':';
  }

  /**
   * Writes to {@code out} every state reachable from {@code state} on {@code c} and returns how
   * many (targets are not closed: {@link #accepting} and later steps apply the closure).
   */
  private int successors(int state, char c, int[] out) {
    int count = 0;
    int end = closureEnd[state];
    for (int t = state; t <= end && t < n; t++) {
      int tok = prog[t];
      if (tok == STAR) {
        if (wildcardAccepts(t, c)) {
          out[count++] = t;
        }
      } else if (tok == ONE ? wildcardAccepts(t, c) : tok == c) {
        out[count++] = t + 1;
      }
    }
    return count;
  }

  /** Writes the literal characters of this program into {@code buf} from {@code k}; returns the new end. */
  private int literals(char[] buf, int k) {
    for (int tok : prog) {
      if (tok >= 0) {
        buf[k++] = (char) tok;
      }
    }
    return k;
  }

  private static final String OTHER_PREFERENCE = "x0_zqjkv123456789.=+@";

  /** Literals of both automata, ':', and representatives as described in the class comment. */
  static char[] alphabet(@Nullable GlobAutomaton a, @Nullable GlobAutomaton b, boolean arnClasses) {
    int na = a == null ? 0 : a.n;
    int nb = b == null ? 0 : b.n;
    char[] buf = new char[na + nb + 16];
    int k = 0;
    buf[k++] = ':';
    if (arnClasses) {
      for (char c : "-arnws".toCharArray()) {
        buf[k++] = c;
      }
    }
    k = a == null ? k : a.literals(buf, k);
    k = b == null ? k : b.literals(buf, k);
    Arrays.sort(buf, 0, k);
    int distinct = 0;
    for (int i = 0; i < k; i++) {
      if (distinct == 0 || buf[distinct - 1] != buf[i]) {
        buf[distinct++] = buf[i];
      }
    }
    char[] used = Arrays.copyOf(buf, distinct);
    StringBuilder sb = new StringBuilder(distinct + 3).append(used);
    if (arnClasses) {
      // one unused character of each class the ARN automaton distinguishes
      addRepresentative(sb, used, "xyzqjkbcdefghilmoptuv");
      addRepresentative(sb, used, "0123456789");
      if (!addRepresentative(sb, used, "_.=+@/ ~,;!")) {
        for (int c = 0x20; c <= Character.MAX_VALUE; c++) {
          char ch = (char) c;
          if (isOtherPrintable(ch) && Arrays.binarySearch(used, ch) < 0) {
            sb.append(ch);
            break;
          }
        }
      }
    } else {
      boolean found = false;
      for (int i = 0; i < OTHER_PREFERENCE.length() && !found; i++) {
        char c = OTHER_PREFERENCE.charAt(i);
        if (Arrays.binarySearch(used, c) < 0) {
          sb.append(c);
          found = true;
        }
      }
      for (int c = 0x20; c <= Character.MAX_VALUE && !found; c++) {
        if (!Character.isSurrogate((char) c) && Arrays.binarySearch(used, (char) c) < 0) {
          sb.append((char) c);
          found = true;
        }
      }
    }
    char[] out = new char[sb.length()];
    sb.getChars(0, out.length, out, 0);
    return out;
  }

  /** A printable character that the ARN automaton treats like every other such character. */
  private static boolean isOtherPrintable(char c) {
    return c >= 0x20 && c != 0x7f && c != ':' && c != '-' && !(c >= 'a' && c <= 'z')
        && !(c >= '0' && c <= '9') && !Character.isSurrogate(c);
  }

  /** Appends the first of {@code candidates} not in {@code used}; false if all are used. */
  private static boolean addRepresentative(StringBuilder sb, char[] used, String candidates) {
    for (int i = 0; i < candidates.length(); i++) {
      char c = candidates.charAt(i);
      if (Arrays.binarySearch(used, c) < 0) {
        sb.append(c);
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- intersection

  /**
   * A shortest string accepted by both automata (and, if {@code arn}, by the ARN syntax automaton),
   * by breadth-first search over the product of the two NFAs (and the ARN DFA). No subset
   * construction is needed: the product has at most {@code (n+1)(m+1)} (times the ARN automaton's
   * states) states, each expanded once per alphabet symbol. Only reachable states are stored, and
   * at most {@code maxStates} of them.
   */
  static Optional<String> intersection(GlobAutomaton a, GlobAutomaton b, boolean arn, int maxStates) {
    char[] sigma = alphabet(a, b, arn);
    long nb = b.n + 1;
    long nd = arn ? ArnSyntax.STATES : 1;
    Map<Long, Integer> seen = new HashMap<>();
    IntList parent = new IntList();
    StringBuilder via = new StringBuilder();
    java.util.List<Long> states = new java.util.ArrayList<>();
    seen.put(0L, 0); // (0, 0, START)
    parent.add(-1);
    via.append('\0');
    states.add(0L);
    int[] sa = new int[a.n + 2];
    int[] sb = new int[b.n + 2];
    for (int node = 0; node < states.size(); node++) {
      long s = states.get(node);
      int d = (int) (s % nd);
      int j = (int) ((s / nd) % nb);
      int i = (int) (s / nd / nb);
      if (a.accepting(i) && b.accepting(j) && (!arn || ArnSyntax.accepting(d))) {
        StringBuilder w = new StringBuilder();
        for (int t = node; parent.get(t) >= 0; t = parent.get(t)) {
          w.append(via.charAt(t));
        }
        return Optional.of(w.reverse().toString());
      }
      for (char c : sigma) {
        int d2 = 0;
        if (arn) {
          d2 = ArnSyntax.step(d, c);
          if (d2 == ArnSyntax.DEAD) {
            continue;
          }
        }
        int ca = a.successors(i, c, sa);
        if (ca == 0) {
          continue;
        }
        int cb = b.successors(j, c, sb);
        for (int x = 0; x < ca; x++) {
          for (int y = 0; y < cb; y++) {
            long t = (sa[x] * nb + sb[y]) * nd + d2;
            if (!seen.containsKey(t)) {
              if (states.size() >= maxStates) {
                throw new LimitExceededException(
                    Location.UNKNOWN,
                    "ARN pattern intersection: more than " + maxStates + " product states explored");
              }
              seen.put(t, states.size());
              parent.add(node);
              via.append(c);
              states.add(t);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- inclusion

  /** A closed set of states of this automaton, as a bit set. */
  private static final class StateSet {
    final long[] bits;
    final int hash;

    StateSet(long[] bits) {
      this.bits = bits;
      this.hash = Arrays.hashCode(bits);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof StateSet && Arrays.equals(((StateSet) o).bits, bits);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private void addClosed(long[] bits, int state) {
    int end = closureEnd[state];
    for (int t = state; t <= end; t++) {
      bits[t >>> 6] |= 1L << t;
    }
  }

  private long[] startSet() {
    long[] bits = new long[(n >>> 6) + 1];
    addClosed(bits, 0);
    return bits;
  }

  /** The closed successor set of a closed set {@code from} on {@code c}. */
  private long[] step(long[] from, char c) {
    long[] to = new long[from.length];
    for (int w = 0; w < from.length; w++) {
      long word = from[w];
      while (word != 0) {
        int t = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        // t is in a closed set, so its own closure is in `from`: only t's token matters here
        if (t < n) {
          int tok = prog[t];
          if (tok == STAR) {
            if (wildcardAccepts(t, c)) {
              addClosed(to, t);
            }
          } else if (tok == ONE ? wildcardAccepts(t, c) : tok == c) {
            addClosed(to, t + 1);
          }
        }
      }
    }
    return to;
  }

  private boolean setAccepts(long[] bits) {
    return (bits[n >>> 6] & (1L << n)) != 0;
  }

  /**
   * A shortest string accepted by {@code sub} and rejected by {@code sup}, or empty when {@code
   * L(sub) ⊆ L(sup)}. Breadth-first search over pairs (state of {@code sub}'s NFA, state of the
   * determinised {@code sup}); a pair where {@code sub} accepts and the {@code sup} subset does not
   * is a counterexample. Subsets are memoised; the number of pairs is at most {@code (m+1)} times
   * the number of reachable subsets of {@code sup} (at most {@code 2^(n+1)}, in practice close to
   * {@code n} when {@code sup} has few {@code ?}), bounded by {@code maxStates}.
   *
   * @param sup the automaton that should include the other, or null for the empty language
   */
  static Optional<String> counterexample(
      GlobAutomaton sub, @Nullable GlobAutomaton sup, int maxStates) {
    char[] sigma = alphabet(sub, sup, false);
    Map<StateSet, Integer> subsetIds = new HashMap<>();
    java.util.List<long[]> subsets = new java.util.ArrayList<>();
    long[] start = sup == null ? new long[1] : sup.startSet();
    subsetIds.put(new StateSet(start), 0);
    subsets.add(start);
    // transitions of the determinised sup already computed: (subset id * |sigma| + symbol) -> id + 1
    IntList transitions = new IntList();
    LongSet seen = new LongSet();
    IntList parent = new IntList();
    StringBuilder via = new StringBuilder();
    IntList subState = new IntList();
    IntList supSet = new IntList();
    int nodes = 0;
    seen.add(0L);
    parent.add(-1);
    via.append('\0');
    subState.add(0);
    supSet.add(0);
    nodes++;
    int[] succ = new int[sub.n + 2];
    // breadth-first: nodes are numbered in the order they are found, so the queue is 0, 1, 2...
    for (int node = 0; node < nodes; node++) {
      int i = subState.get(node);
      int setOfNode = supSet.get(node);
      if (sub.accepting(i) && (sup == null || !sup.setAccepts(subsets.get(setOfNode)))) {
        StringBuilder sb = new StringBuilder();
        for (int t = node; parent.get(t) >= 0; t = parent.get(t)) {
          sb.append(via.charAt(t));
        }
        return Optional.of(sb.reverse().toString());
      }
      for (int ci = 0; ci < sigma.length; ci++) {
        char c = sigma[ci];
        int count = sub.successors(i, c, succ);
        if (count == 0) {
          continue;
        }
        int setId;
        if (sup == null) {
          setId = 0;
        } else {
          int slot = setOfNode * sigma.length + ci;
          transitions.ensureSize(slot + 1);
          setId = transitions.get(slot) - 1;
          if (setId < 0) {
            long[] next = sup.step(subsets.get(setOfNode), c);
            StateSet key = new StateSet(next);
            Integer id = subsetIds.get(key);
            if (id == null) {
              id = subsets.size();
              subsetIds.put(key, id);
              subsets.add(next);
            }
            setId = id;
            transitions.set(slot, setId + 1);
          }
        }
        for (int x = 0; x < count; x++) {
          long key = ((long) setId << 32) | succ[x];
          if (!seen.contains(key)) {
            if (nodes >= maxStates) {
              throw new LimitExceededException(
                  Location.UNKNOWN,
                  "ARN pattern inclusion: more than " + maxStates + " product states explored");
            }
            seen.add(key);
            parent.add(node);
            via.append(c);
            subState.add(succ[x]);
            supSet.add(setId);
            nodes++;
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A set of non-negative longs: open addressing with linear probing, no boxing. Not thread-safe;
   * used inside one call only.
   */
  private static final class LongSet {
    private long[] keys = newTable(64);
    private int size;

    private static long[] newTable(int capacity) {
      long[] t = new long[capacity];
      Arrays.fill(t, -1L);
      return t;
    }

    private static int slot(long key, int mask) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    boolean contains(long key) {
      int mask = keys.length - 1;
      for (int i = slot(key, mask); ; i = (i + 1) & mask) {
        long k = keys[i];
        if (k == key) {
          return true;
        }
        if (k < 0) {
          return false;
        }
      }
    }

    /** Adds {@code key >= 0}, which must not be in the set yet. */
    void add(long key) {
      if (2 * (size + 1) > keys.length) {
        long[] old = keys;
        keys = newTable(old.length * 2);
        for (long k : old) {
          if (k >= 0) {
            insert(k);
          }
        }
      }
      insert(key);
      size++;
    }

    private void insert(long key) {
      int mask = keys.length - 1;
      int i = slot(key, mask);
      while (keys[i] >= 0) {
        i = (i + 1) & mask;
      }
      keys[i] = key;
    }
  }

  /** A growable int array. Not thread-safe; used inside one call only. */
  private static final class IntList {
    private int[] a = new int[16];
    private int size;

    void add(int v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    int get(int i) {
      return a[i];
    }

    void set(int i, int v) {
      a[i] = v;
    }

    /** Grows to at least {@code n} elements, the new ones 0. */
    void ensureSize(int n) {
      if (n > a.length) {
        a = Arrays.copyOf(a, Math.max(n, a.length * 2));
      }
      if (n > size) {
        size = n;
      }
    }
  }
}
