package io.cloudir.rules.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the literal structure of an RE2 expression tells without running it, so the {@code re}
 * matcher can skip the RE2 machine (an NFA simulation, slow per character) for most values.
 *
 * <p>The expression is read with a small parser of the common subset (literals, {@code \}-escaped
 * punctuation, groups, alternation, {@code ? * + {n,m}}, small character classes, anchors).
 * From it come either
 *
 * <ul>
 *   <li>an <b>exact</b> form: the top-level branches each match a finite set of strings, anchored
 *       at the start ({@code ^}), the end ({@code $}), both or neither — so {@code find} is an
 *       equals / startsWith / endsWith / contains test over that set and RE2 is never needed; or
 *   <li>a <b>prefilter</b>: a set of strings one of which every match must contain; a value that
 *       contains none cannot match, the others go to RE2.
 * </ul>
 *
 * Anything the parser does not know (inline flags, {@code \d} outside a finite class, named
 * groups, non-ASCII under {@code i}…) simply loses precision: at worst every value goes to RE2.
 * {@code .} alone (without the {@code s} flag: a character other than a newline) is recognised
 * too. Case-insensitive ({@code i}) literals are ASCII (anything else is left to RE2) and fold as
 * RE2's simple case folding does: a letter matches both cases, {@code k} also the Kelvin sign and
 * {@code s} the long s.
 *
 * <p>Immutable and thread-safe.
 */
public final class RegexLiterals {
  /** Most strings kept in a finite set. */
  private static final int MAX_SET = 256;
  /** Most characters expanded from one character class. */
  private static final int MAX_CLASS = 16;

  private final boolean ignoreCase;
  /** Branches of the exact form, or null. */
  private final @Nullable List<Branch> exact;
  /** Strings one of which any match contains, or null (no prefilter). */
  private final String @Nullable [] must;
  /** The expression is {@code .} (any character but newline; any character with flag s). */
  private final int dot;

  /** One top-level branch of the exact form. */
  private record Branch(boolean start, boolean end, String[] strings) {}

  /** The anchored branches of the exact form in byte form for {@link #testAscii}, or null. */
  private final ByteBranch @Nullable [] anchoredBytes;
  /** The strings of the unanchored exact branches, searched together, or null. */
  private final AsciiText.@Nullable Needles anywhereBytes;
  /** The must-contain strings for {@link #testAscii}, or null. */
  private final AsciiText.@Nullable Needles mustBytes;
  /** Whether {@link #testAscii} can answer at all (not for a non-ASCII literal under i). */
  private final boolean bytes;
  /**
   * The strings of the unanchored exact branches searched together in a folded text by {@link
   * #test} (instead of one {@code contains} per string), or null (none, or one is not ASCII).
   */
  private final AsciiText.@Nullable Needles anywhereText;

  /** One anchored exact branch in byte form. */
  private record ByteBranch(boolean start, boolean end, byte[][] strings) {}

  private RegexLiterals(boolean ignoreCase, @Nullable List<Branch> exact,
      String @Nullable [] must, int dot) {
    this.ignoreCase = ignoreCase;
    this.exact = exact;
    this.must = must;
    this.dot = dot;
    boolean ok = true;
    List<ByteBranch> anchored = new ArrayList<>();
    List<String> anywhere = new ArrayList<>();
    if (exact != null) {
      for (Branch b : exact) {
        ok &= asciiUnderFold(b.strings);
        if (!b.start && !b.end) {
          anywhere.addAll(List.of(b.strings));
          continue;
        }
        List<byte[]> l = new ArrayList<>();
        for (String str : b.strings) {
          byte[] n = AsciiText.needle(str, ignoreCase);
          if (n != null) {
            l.add(n); // a non-ASCII string (case-sensitive) never occurs in ASCII text
          }
        }
        anchored.add(new ByteBranch(b.start, b.end, l.toArray(new byte[0][])));
      }
    }
    AsciiText.Needles mb = null;
    if (must != null) {
      ok &= asciiUnderFold(must);
      mb = AsciiText.Needles.of(List.of(must), ignoreCase);
    }
    this.bytes = ok;
    this.anchoredBytes = ok && exact != null ? anchored.toArray(new ByteBranch[0]) : null;
    this.anywhereBytes = ok && !anywhere.isEmpty() ? AsciiText.Needles.of(anywhere, ignoreCase)
        : null;
    this.mustBytes = ok ? mb : null;
    boolean ascii = !anywhere.isEmpty();
    for (String str : anywhere) {
      ascii &= AsciiText.needle(str, false) != null;
    }
    // the strings are lowered already under i, and test() searches the folded text
    this.anywhereText = ascii ? AsciiText.Needles.of(anywhere, false) : null;
  }

  /** False when folding a non-ASCII literal (its fold partners may be ASCII: left to strings). */
  private boolean asciiUnderFold(String[] strings) {
    if (!ignoreCase) {
      return true;
    }
    for (String str : strings) {
      if (AsciiText.needle(str, true) == null) {
        return false;
      }
    }
    return true;
  }

  /** Analyses an expression with RE2 flags ({@code i}, {@code m}, {@code s}). */
  public static RegexLiterals analyse(String re, String flags) {
    boolean i = flags.indexOf('i') >= 0;
    boolean m = flags.indexOf('m') >= 0;
    boolean s = flags.indexOf('s') >= 0;
    if (re.equals(".")) {
      return new RegexLiterals(i, null, null, s ? 2 : 1);
    }
    Node root;
    try {
      Parser p = new Parser(re, i);
      root = p.alternation();
      if (p.pos != re.length()) {
        return none(i);
      }
    } catch (Unsupported e) {
      return none(i);
    }
    List<Branch> branches = m ? null : exactBranches(root, i);
    if (branches != null) {
      return new RegexLiterals(i, branches, null, 0);
    }
    Info info = root.info();
    String[] must = info.must == null || info.must.contains("") ? null
        : lowered(info.must, i);
    return new RegexLiterals(i, null, must, 0);
  }

  private static RegexLiterals none(boolean i) {
    return new RegexLiterals(i, null, null, 0);
  }

  /** The strings, in lower case when folding (they are ASCII then). */
  private static String[] lowered(Set<String> set, boolean fold) {
    String[] out = set.toArray(new String[0]);
    for (int k = 0; fold && k < out.length; k++) {
      out[k] = out[k].toLowerCase(java.util.Locale.ROOT);
    }
    return out;
  }

  private static @Nullable List<Branch> exactBranches(Node root, boolean i) {
    List<Node> alts = root instanceof Alt a ? a.items : List.of(root);
    List<Branch> out = new ArrayList<>();
    for (Node b : alts) {
      List<Node> parts = b instanceof Cat c ? new ArrayList<>(c.items) : new ArrayList<>(List.of(b));
      boolean start = !parts.isEmpty() && parts.get(0) instanceof Anchor a0 && a0.kind == '^';
      if (start) {
        parts.remove(0);
      }
      boolean end = !parts.isEmpty() && parts.get(parts.size() - 1) instanceof Anchor a1
          && a1.kind == '$';
      if (end) {
        parts.remove(parts.size() - 1);
      }
      Info info = new Cat(parts).info();
      if (info.exact == null || info.anchored) {
        return null;
      }
      out.add(new Branch(start, end, lowered(info.exact, i)));
    }
    return out;
  }

  /** Whether the analysis decides every value alone (RE2 is never needed). */
  public boolean decides() {
    return exact != null || dot != 0;
  }

  /**
   * The answer of {@code find} on {@code s} when it is known without RE2: {@code 1} matches,
   * {@code 0} does not, {@code -1} unknown (run RE2).
   */
  public int test(String s) {
    if (dot == 1) {
      for (int k = 0; k < s.length(); k++) {
        if (s.charAt(k) != '\n') {
          return 1;
        }
      }
      return 0;
    }
    if (dot == 2) {
      return s.isEmpty() ? 0 : 1;
    }
    String t = ignoreCase ? fold(s) : s;
    List<Branch> ex = exact;
    if (ex != null) {
      AsciiText.Needles anywhereNeedles = anywhereText;
      if (anywhereNeedles != null && anywhereNeedles.containedInExactly(t)) {
        return 1;
      }
      for (Branch b : ex) {
        if (anywhereNeedles != null && !b.start && !b.end) {
          continue; // searched above
        }
        for (String e : b.strings) {
          if (branchMatches(b, e, t)) {
            return 1;
          }
        }
      }
      return 0;
    }
    String[] mu = must;
    if (mu == null) {
      return -1;
    }
    for (String e : mu) {
      if (t.indexOf(e) >= 0) {
        return -1;
      }
    }
    return 0;
  }

  /**
   * Whether {@link #testAscii} is worth calling: it answers without decoding, and does not search
   * a set of strings anywhere in the text (a decoded string's vectorised search is faster).
   */
  public boolean bytesFirst() {
    return dot != 0 || (bytes && anywhereBytes == null);
  }

  /**
   * {@link #test} on a text given as bytes {@code [s, e)} that are printable ASCII without a
   * backslash ({@link AsciiText#plain}): the same answer without decoding a string, or -1.
   */
  public int testAscii(byte[] b, int s, int e) {
    if (dot == 1) {
      for (int k = s; k < e; k++) {
        if (b[k] != '\n') {
          return 1;
        }
      }
      return 0;
    }
    if (dot == 2) {
      return s < e ? 1 : 0;
    }
    if (!bytes) {
      return -1;
    }
    ByteBranch[] ex = anchoredBytes;
    if (ex != null) {
      AsciiText.Needles any = anywhereBytes;
      if (any != null && any.containedIn(b, s, e)) {
        return 1;
      }
      for (ByteBranch br : ex) {
        for (byte[] n : br.strings) {
          if (br.start && br.end ? AsciiText.equalsNeedle(b, s, e, n, ignoreCase)
              : br.start ? AsciiText.startsWith(b, s, e, n, ignoreCase)
              : AsciiText.endsWith(b, s, e, n, ignoreCase)) {
            return 1;
          }
        }
      }
      return 0;
    }
    AsciiText.Needles mu = mustBytes;
    if (mu == null) {
      return -1;
    }
    return mu.containedIn(b, s, e) ? -1 : 0;
  }

  private static boolean branchMatches(Branch b, String e, String t) {
    if (b.start && b.end) {
      return t.equals(e);
    }
    if (b.start) {
      return t.startsWith(e);
    }
    if (b.end) {
      return t.endsWith(e);
    }
    return t.contains(e);
  }

  /**
   * {@code s} with ASCII letters in lower case, the Kelvin sign as {@code k} and the long s as
   * {@code s}: the only characters RE2's simple folding pairs with ASCII letters. Searching it
   * for a lower-case ASCII literal is searching {@code s} case-insensitively as RE2 does.
   */
  static String fold(String s) {
    int k = 0;
    int n = s.length();
    while (k < n) {
      char c = s.charAt(k);
      if ((c >= 'A' && c <= 'Z') || c == '\u212A' || c == '\u017F') {
        break;
      }
      k++;
    }
    if (k == n) {
      return s;
    }
    char[] out = s.toCharArray();
    for (; k < n; k++) {
      char c = out[k];
      if (c >= 'A' && c <= 'Z') {
        out[k] = (char) (c | 0x20);
      } else if (c == '\u212A') {
        out[k] = 'k';
      } else if (c == '\u017F') {
        out[k] = 's';
      }
    }
    return new String(out);
  }

  // ---------------------------------------------------------------- analysis

  /** Literal facts of a node: exact set (or null), a must-contain set (or null), anchors inside. */
  private record Info(@Nullable Set<String> exact, @Nullable Set<String> must, boolean anchored) {
    static final Info ANY = new Info(null, null, false);
  }

  private interface Node {
    Info info();
  }

  private record Lit(String text) implements Node {
    @Override
    public Info info() {
      Set<String> s = Set.of(text);
      return new Info(s, s, false);
    }
  }

  private record Anchor(char kind) implements Node {
    @Override
    public Info info() {
      Set<String> s = Set.of("");
      return new Info(s, null, true);
    }
  }

  /** Something that matches one character of a set too large (or unknown) to list. */
  private record AnyChar() implements Node {
    @Override
    public Info info() {
      return Info.ANY;
    }
  }

  private record Cat(List<Node> items) implements Node {
    @Override
    public Info info() {
      @Nullable Set<String> exact = new LinkedHashSet<>(Set.of(""));
      Set<String> run = Set.of("");
      Set<String> best = null;
      boolean anchored = false;
      for (Node n : items) {
        Info in = n.info();
        anchored |= in.anchored;
        if (exact != null) {
          exact = in.exact == null ? null : cross(exact, in.exact);
        }
        Set<String> joined = in.exact == null ? null : cross(run, in.exact);
        if (joined != null) {
          run = joined;
        } else {
          best = better(best, run);
          best = better(best, in.must != null ? in.must : in.exact);
          run = Set.of("");
        }
      }
      best = better(best, run);
      if (exact != null) {
        return new Info(exact, exact.contains("") ? null : exact, anchored);
      }
      return new Info(null, best, anchored);
    }
  }

  /** The more selective of two must-contain sets (a set holding "" tells nothing). */
  private static @Nullable Set<String> better(@Nullable Set<String> a, @Nullable Set<String> b) {
    if (b == null || b.contains("")) {
      return a;
    }
    return a == null || minLen(b) > minLen(a) ? b : a;
  }

  private record Alt(List<Node> items) implements Node {
    @Override
    public Info info() {
      Set<String> exact = new LinkedHashSet<>();
      Set<String> must = new LinkedHashSet<>();
      boolean anchored = false;
      for (Node n : items) {
        Info in = n.info();
        anchored |= in.anchored;
        if (exact != null) {
          if (in.exact == null) {
            exact = null;
          } else {
            exact.addAll(in.exact);
            if (exact.size() > MAX_SET) {
              exact = null;
            }
          }
        }
        Set<String> mu = in.must != null ? in.must : in.exact;
        if (must != null) {
          if (mu == null || mu.contains("")) {
            must = null;
          } else {
            must.addAll(mu);
          }
        }
      }
      return new Info(exact, must, anchored);
    }
  }

  /** {@code x?}, {@code x*}, {@code x+}, {@code x{n,m}}. */
  private record Repeat(Node item, int min, int max) implements Node {
    @Override
    public Info info() {
      Info in = item.info();
      if (min == 0 && max == 1 && in.exact != null) {
        Set<String> e = new LinkedHashSet<>(in.exact);
        e.add("");
        return new Info(e, null, in.anchored);
      }
      if (min >= 1) {
        Set<String> mu = in.must != null ? in.must : in.exact;
        return new Info(min == 1 && max == 1 ? in.exact : null, mu, in.anchored);
      }
      return new Info(null, null, in.anchored);
    }
  }

  private static @Nullable Set<String> cross(Set<String> a, Set<String> b) {
    if ((long) a.size() * b.size() > MAX_SET) {
      return null;
    }
    Set<String> out = new LinkedHashSet<>();
    for (String x : a) {
      for (String y : b) {
        out.add(x + y);
      }
    }
    return out;
  }

  private static int minLen(Set<String> s) {
    int m = Integer.MAX_VALUE;
    for (String x : s) {
      m = Math.min(m, x.length());
    }
    return m;
  }

  /** The subset of RE2 syntax this analysis reads. */
  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final class Parser {
    private final String re;
    private final boolean ignoreCase;
    int pos;

    Parser(String re, boolean ignoreCase) {
      this.re = re;
      this.ignoreCase = ignoreCase;
    }

    Node alternation() throws Unsupported {
      List<Node> alts = new ArrayList<>();
      alts.add(concatenation());
      while (pos < re.length() && re.charAt(pos) == '|') {
        pos++;
        alts.add(concatenation());
      }
      return alts.size() == 1 ? alts.get(0) : new Alt(alts);
    }

    private Node concatenation() throws Unsupported {
      List<Node> items = new ArrayList<>();
      while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
        Node atom = atom();
        items.add(repeat(atom));
      }
      return new Cat(items);
    }

    private Node repeat(Node atom) throws Unsupported {
      if (pos >= re.length()) {
        return atom;
      }
      char c = re.charAt(pos);
      Node r;
      if (c == '?') {
        pos++;
        r = new Repeat(atom, 0, 1);
      } else if (c == '*') {
        pos++;
        r = new Repeat(atom, 0, -1);
      } else if (c == '+') {
        pos++;
        r = new Repeat(atom, 1, -1);
      } else if (c == '{') {
        int close = re.indexOf('}', pos);
        if (close < 0) {
          throw new Unsupported();
        }
        String body = re.substring(pos + 1, close);
        int comma = body.indexOf(',');
        try {
          int min = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
          int max = comma < 0 ? min : body.length() == comma + 1 ? -1
              : Integer.parseInt(body.substring(comma + 1));
          pos = close + 1;
          r = new Repeat(atom, min, max);
        } catch (NumberFormatException e) {
          throw new Unsupported();
        }
      } else {
        return atom;
      }
      if (pos < re.length() && "?*+{".indexOf(re.charAt(pos)) >= 0) {
        throw new Unsupported(); // lazy or stacked quantifiers: leave to RE2
      }
      return r;
    }

    private Node atom() throws Unsupported {
      char c = re.charAt(pos);
      switch (c) {
        case '(' -> {
          pos++;
          if (re.startsWith("?:", pos)) {
            pos += 2;
          } else if (pos < re.length() && re.charAt(pos) == '?') {
            throw new Unsupported(); // flags, named groups
          }
          Node inner = alternation();
          if (pos >= re.length() || re.charAt(pos) != ')') {
            throw new Unsupported();
          }
          pos++;
          return inner;
        }
        case '^', '$' -> {
          pos++;
          return new Anchor(c);
        }
        case '.' -> {
          pos++;
          return new AnyChar();
        }
        case '[' -> {
          return charClass();
        }
        case '\\' -> {
          if (pos + 1 >= re.length()) {
            throw new Unsupported();
          }
          char n = re.charAt(pos + 1);
          pos += 2;
          if (n == 'b' || n == 'B' || n == 'A' || n == 'z') {
            return new Anchor('b');
          }
          if (n == 'd' || n == 'D' || n == 'w' || n == 'W' || n == 's' || n == 'S') {
            return new AnyChar();
          }
          if (n < 128 && !Character.isLetterOrDigit(n)) {
            return literal(n);
          }
          throw new Unsupported();
        }
        case '*', '+', '?', '{', ')', '|' -> throw new Unsupported();
        default -> {
          pos++;
          return literal(c);
        }
      }
    }

    private Node literal(char c) throws Unsupported {
      if (ignoreCase && c >= 128) {
        throw new Unsupported();
      }
      if (Character.isSurrogate(c)) {
        throw new Unsupported();
      }
      return new Lit(String.valueOf(c));
    }

    /** A class of at most {@link #MAX_CLASS} listed ASCII characters; anything else: any char. */
    private Node charClass() throws Unsupported {
      int close = pos + 1;
      if (close < re.length() && re.charAt(close) == '^') {
        close++;
      }
      if (close < re.length() && re.charAt(close) == ']') {
        close++;
      }
      close = re.indexOf(']', close);
      if (close < 0) {
        throw new Unsupported();
      }
      String body = re.substring(pos + 1, close);
      pos = close + 1;
      if (body.startsWith("^") || body.indexOf('\\') >= 0 || body.indexOf('[') >= 0) {
        return new AnyChar();
      }
      Set<Character> chars = new LinkedHashSet<>();
      for (int k = 0; k < body.length(); k++) {
        char a = body.charAt(k);
        if (k + 2 < body.length() && body.charAt(k + 1) == '-') {
          char b = body.charAt(k + 2);
          if (b < a || b - a >= MAX_CLASS) {
            return new AnyChar();
          }
          for (char x = a; x <= b; x++) {
            chars.add(x);
          }
          k += 2;
        } else {
          chars.add(a);
        }
        if (chars.size() > MAX_CLASS) {
          return new AnyChar();
        }
      }
      List<Node> alts = new ArrayList<>();
      for (char x : chars) {
        if (x >= 128) {
          return new AnyChar();
        }
        alts.add(new Lit(String.valueOf(x)));
      }
      return alts.isEmpty() ? new AnyChar() : alts.size() == 1 ? alts.get(0) : new Alt(alts);
    }
  }
}
