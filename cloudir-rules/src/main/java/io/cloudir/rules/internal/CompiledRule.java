package io.cloudir.rules.internal;

import io.cloudir.model.Location;
import io.cloudir.model.SourceType;
import io.cloudir.rules.Condition;
import io.cloudir.rules.FieldTest;
import io.cloudir.rules.Rule;
import io.cloudir.rules.RuleException;
import io.cloudir.rules.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A rule compiled for evaluation: field paths resolved, matchers built, the condition bound to
 * selection indices, routing keys inferred. Immutable and thread-safe.
 */
public final class CompiledRule {
  private final Rule rule;
  private final int index;
  private final Set<SourceType> types;
  private final @Nullable Set<String> eventNames;
  private final @Nullable Set<String> eventSources;
  private final List<String> selectionNames;
  private final Map<String, Integer> selectionIndex = new HashMap<>();
  private final List<List<List<Matchers.Compiled>>> selections = new ArrayList<>();
  /** {@link #selections} as arrays (evaluated per record: no iterator allocation). */
  private final Matchers.Compiled[][][] sel;
  /** {@link #stepSelections} as an array. */
  private final int[] stepSel;
  /** Per selection: its engine-wide slot for sharing results across rules, or -1. */
  private final int[] sharedSlot;
  /** Per selection: the rough cost of evaluating it (see {@link Matchers#cost}). */
  private final List<Integer> selectionCost = new ArrayList<>();
  /**
   * Whether every selection has a shared slot: the context then remembers each selection's
   * result for the record, and an evaluation needs no memo of its own (none to clear).
   */
  private final boolean memoless;
  private static final byte[] NO_MEMO = new byte[0];
  /** Whether this is the reference path's straightforward form. */
  private final boolean reference;
  private final Template title;
  private final Cond cond;
  private final List<Accessor> groupBy = new ArrayList<>();
  private final @Nullable Accessor field;
  private final List<Accessor> terms = new ArrayList<>();
  private final List<Integer> stepSelections = new ArrayList<>();
  private final List<Accessor> stepKeys = new ArrayList<>();
  private final List<Accessor> suppressBy = new ArrayList<>();

  /**
   * Compiles a rule.
   *
   * @param rule the rule
   * @param index its position in the engine (ties in ordering are broken by it)
   * @throws RuleException with the location of the offending part
   */
  public CompiledRule(Rule rule, int index) {
    this(rule, index, false);
  }

  /**
   * Compiles a rule, in the reference path's straightforward form when {@code reference} (tests
   * in the order written, every field read from the record by every test that names it), else in
   * the fast form (the tests of a selection and the operands of the condition cheapest first,
   * field values read once per record).
   *
   * @param rule the rule
   * @param index its position in the engine (ties in ordering are broken by it)
   * @param reference whether to build the reference form
   * @throws RuleException with the location of the offending part
   */
  public CompiledRule(Rule rule, int index, boolean reference) {
    this(rule, index, reference, null);
  }

  /**
   * Compiles a rule as {@link #CompiledRule(Rule, int, boolean)} does; in the fast form, with
   * {@code shared} (owned by one engine, filled as its rules compile), selections equal to a
   * selection of an earlier rule of the engine (same tests, same record types) get the same
   * slot, so that a record evaluates each distinct selection once for all rules ({@link
   * EvalContext#sharedSelection}). Selections are pure functions of the record and its context.
   *
   * @param rule the rule
   * @param index its position in the engine
   * @param reference whether to build the reference form (never shares)
   * @param shared selection signature to slot, or null for no sharing
   * @throws RuleException with the location of the offending part
   */
  public CompiledRule(Rule rule, int index, boolean reference,
      @Nullable Map<String, Integer> shared) {
    this.rule = rule;
    this.index = index;
    this.reference = reference;
    this.types = rule.logSource().types();
    this.selectionNames = List.copyOf(rule.selections().keySet());
    for (Selection s : rule.selections().values()) {
      selectionIndex.put(s.name(), selections.size());
      List<List<Matchers.Compiled>> alts = new ArrayList<>();
      int cost = 0;
      for (List<FieldTest> group : s.alternatives()) {
        List<FieldTest> ordered = new ArrayList<>(group);
        if (!reference) {
          // the tests of a group are pure and ANDed: the costly ones (attribution, enrichment,
          // transforms, policies) after the others, which keep the order written (stable)
          ordered.sort(java.util.Comparator.comparingInt(t -> Matchers.cost(t) >= 30 ? 1 : 0));
        }
        List<Matchers.Compiled> g = new ArrayList<>();
        for (FieldTest t : ordered) {
          try {
            g.add(Matchers.compile(t, types, reference));
          } catch (IllegalArgumentException e) {
            throw error(t.location() != null ? t.location() : s.location(),
                "selection " + s.name() + ", " + t.key() + ": " + e.getMessage(), e);
          }
          cost += Matchers.cost(t);
        }
        alts.add(List.copyOf(g));
      }
      selections.add(List.copyOf(alts));
      selectionCost.add(cost);
    }
    this.sharedSlot = new int[selections.size()];
    int k = 0;
    for (Selection s : rule.selections().values()) {
      sharedSlot[k++] = shared == null || reference ? -1
          : shared.computeIfAbsent(signature(s, types), x -> shared.size());
    }
    this.memoless = java.util.Arrays.stream(sharedSlot).allMatch(x -> x >= 0);
    this.sel = new Matchers.Compiled[selections.size()][][];
    for (int i = 0; i < sel.length; i++) {
      List<List<Matchers.Compiled>> alts = selections.get(i);
      sel[i] = new Matchers.Compiled[alts.size()][];
      for (int j = 0; j < alts.size(); j++) {
        sel[i][j] = alts.get(j).toArray(new Matchers.Compiled[0]);
      }
    }
    checkCondition(rule.condition());
    this.cond = bind(rule.condition());
    try {
      this.title = Template.compile(rule.title(), types);
    } catch (IllegalArgumentException e) {
      throw error(rule.location(), "title: " + e.getMessage(), e);
    }
    io.cloudir.rules.Correlation corr = rule.correlation();
    Accessor f = null;
    if (corr != null) {
      for (String g : corr.groupBy()) {
        groupBy.add(path(g, "correlation groupBy"));
      }
      if (corr.field() != null) {
        f = path(corr.field(), "correlation field");
      }
      for (String t : corr.terms()) {
        terms.add(path(t, "correlation terms"));
      }
      for (io.cloudir.rules.Correlation.Step st : corr.steps()) {
        Integer si = selectionIndex.get(st.selection());
        if (si == null) {
          throw error(rule.location(), "sequence step names an unknown selection '"
              + st.selection() + "'", null);
        }
        stepSelections.add(si);
        stepKeys.add(path(st.key(), "sequence step " + st.selection() + " key"));
      }
    }
    this.field = f;
    this.stepSel = stepSelections.stream().mapToInt(Integer::intValue).toArray();
    io.cloudir.rules.Suppression sup = rule.suppression();
    if (sup != null) {
      for (String b : sup.by()) {
        suppressBy.add(path(b, "suppress by"));
      }
    }
    List<String> stepNames = corr != null
        && corr.kind() == io.cloudir.rules.Correlation.Kind.SEQUENCE ? stepNames(corr) : null;
    Set<String> names = stepNames != null ? Routes.requiredAny(rule, stepNames, "eventName")
        : Routes.required(rule, "eventName");
    Set<String> sources = stepNames != null ? Routes.requiredAny(rule, stepNames, "eventSource")
        : Routes.required(rule, "eventSource");
    boolean ctOnly = types.equals(Set.of(SourceType.CLOUDTRAIL));
    this.eventNames = ctOnly ? combine(rule.logSource().eventNames(), names, "eventName") : null;
    this.eventSources = ctOnly
        ? combine(rule.logSource().eventSources(), sources, "eventSource") : null;
  }

  /**
   * What a selection's result depends on: the record types its paths are compiled for and every
   * test (field, modifiers, typed values) in order. Equal signatures give equal results.
   */
  private static String signature(Selection s, Set<SourceType> types) {
    StringBuilder sb = new StringBuilder();
    types.stream().map(SourceType::name).sorted().forEach(t -> sb.append(t).append(','));
    for (List<FieldTest> g : s.alternatives()) {
      sb.append("|(");
      for (FieldTest t : g) {
        sb.append(t.field().length()).append(':').append(t.field());
        for (String m : t.modifiers()) {
          sb.append('|').append(m.length()).append(':').append(m);
        }
        for (Object v : t.values()) {
          String text = String.valueOf(v);
          sb.append('=').append(v.getClass().getSimpleName()).append(text.length()).append(':')
              .append(text);
        }
        sb.append(';');
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static List<String> stepNames(io.cloudir.rules.Correlation c) {
    List<String> out = new ArrayList<>();
    for (io.cloudir.rules.Correlation.Step st : c.steps()) {
      out.add(st.selection());
    }
    return out;
  }

  private Accessor path(String p, String what) {
    try {
      return reference ? FieldPaths.compileUncached(p, types) : FieldPaths.compile(p, types);
    } catch (IllegalArgumentException e) {
      throw error(rule.location(), what + ": " + e.getMessage(), e);
    }
  }

  /** The group-by accessors of the correlation. */
  public List<Accessor> groupBy() {
    return groupBy;
  }

  /** The distinct/sum field accessor, or null. */
  public @Nullable Accessor field() {
    return field;
  }

  /** The new-term accessors. */
  public List<Accessor> terms() {
    return terms;
  }

  /** The key accessors of the sequence steps. */
  public List<Accessor> stepKeys() {
    return stepKeys;
  }

  /** The suppression key accessors. */
  public List<Accessor> suppressBy() {
    return suppressBy;
  }

  /** Bit i set when the selection of sequence step i holds for the current record. */
  public int stepMask(EvalContext ctx) {
    int mask = 0;
    byte[] memo = memoless ? NO_MEMO : ctx.memo(sel.length);
    int[] steps = stepSel;
    for (int i = 0; i < steps.length && i < 31; i++) {
      if (holds(steps[i], ctx, memo)) {
        mask |= 1 << i;
      }
    }
    return mask;
  }

  private @Nullable Set<String> combine(Set<String> declared, @Nullable Set<String> inferred,
      String what) {
    Set<String> d = declared.isEmpty() ? null : declared;
    if (d == null) {
      return inferred;
    }
    if (inferred == null) {
      return d;
    }
    Set<String> r = new LinkedHashSet<>(d);
    r.retainAll(inferred);
    if (r.isEmpty()) {
      throw error(rule.location(), "the rule can never fire: its logsource " + what + "s "
          + d + " and the " + what + "s its condition requires " + inferred + " do not overlap",
          null);
    }
    return r;
  }

  private void checkCondition(Condition c) {
    if (c instanceof Condition.Ref r) {
      if (!selectionIndex.containsKey(r.name())) {
        throw error(rule.location(), "condition names an unknown selection '" + r.name()
            + "' (selections: " + String.join(", ", selectionNames) + ")", null);
      }
    } else if (c instanceof Condition.Not n) {
      checkCondition(n.operand());
    } else if (c instanceof Condition.And a) {
      a.operands().forEach(this::checkCondition);
    } else if (c instanceof Condition.Or o) {
      o.operands().forEach(this::checkCondition);
    } else if (c instanceof Condition.Of of && of.expand(selectionNames).isEmpty()) {
      throw error(rule.location(), "condition '" + of + "' matches no selection", null);
    }
  }

  private RuleException error(@Nullable Location where, String msg, @Nullable Throwable cause) {
    Location l = where != null ? where : new Location("rule " + rule.id(), -1, -1, null);
    return new RuleException(l, "rule " + rule.id() + ": " + msg, cause);
  }

  /** The rule. */
  public Rule rule() {
    return rule;
  }

  /** The rule's position in its engine. */
  public int index() {
    return index;
  }

  /** The record types the rule reads. */
  public Set<SourceType> types() {
    return types;
  }

  /** Lower-case event names the rule can fire on, or null for any. */
  public @Nullable Set<String> eventNames() {
    return eventNames;
  }

  /** Lower-case event sources the rule can fire on, or null for any. */
  public @Nullable Set<String> eventSources() {
    return eventSources;
  }

  /** Renders the title for the current record. */
  public String title(EvalContext ctx) {
    return title.render(ctx);
  }

  /** The condition bound to selection indices (no name lookups when evaluating). */
  private interface Cond {
    boolean eval(EvalContext ctx, byte[] memo);
  }

  private Cond bind(Condition c) {
    if (c instanceof Condition.Ref r) {
      int i = java.util.Objects.requireNonNull(selectionIndex.get(r.name()));
      return (ctx, memo) -> holds(i, ctx, memo);
    }
    if (c instanceof Condition.Not n) {
      Cond o = bind(n.operand());
      return (ctx, memo) -> !o.eval(ctx, memo);
    }
    if (c instanceof Condition.And a) {
      Cond[] ops = ordered(a.operands()).stream().map(this::bind).toArray(Cond[]::new);
      return (ctx, memo) -> {
        for (Cond o : ops) {
          if (!o.eval(ctx, memo)) {
            return false;
          }
        }
        return true;
      };
    }
    if (c instanceof Condition.Or or) {
      Cond[] ops = ordered(or.operands()).stream().map(this::bind).toArray(Cond[]::new);
      return (ctx, memo) -> {
        for (Cond o : ops) {
          if (o.eval(ctx, memo)) {
            return true;
          }
        }
        return false;
      };
    }
    Condition.Of of = (Condition.Of) c;
    int[] idx = of.expand(selectionNames).stream()
        .mapToInt(n -> java.util.Objects.requireNonNull(selectionIndex.get(n))).toArray();
    boolean all = of.all();
    return (ctx, memo) -> {
      for (int i : idx) {
        if (holds(i, ctx, memo) != all) {
          return !all;
        }
      }
      return all && idx.length > 0;
    };
  }

  /**
   * The operands of an AND or OR, the costly ones last in the fast form (they are pure, so the
   * order changes only how soon the answer is known), as written in the reference form.
   */
  private List<Condition> ordered(List<Condition> operands) {
    if (reference) {
      return operands;
    }
    // as written (authors put the selective part first), the costly operands last
    List<Condition> out = new ArrayList<>(operands);
    out.sort(java.util.Comparator.comparingInt(c -> cost(c) >= 30 ? 1 : 0));
    return out;
  }

  /** The rough cost of evaluating a condition: the costs of the selections it reads. */
  private long cost(Condition c) {
    if (c instanceof Condition.Ref r) {
      Integer i = selectionIndex.get(r.name());
      return i == null ? 0 : selectionCost.get(i);
    }
    if (c instanceof Condition.Not n) {
      return cost(n.operand());
    }
    List<Condition> ops = c instanceof Condition.And a ? a.operands()
        : c instanceof Condition.Or o ? o.operands() : List.of();
    long sum = 0;
    for (Condition o : ops) {
      sum += cost(o);
    }
    if (c instanceof Condition.Of of) {
      for (String n : of.expand(selectionNames)) {
        Integer i = selectionIndex.get(n);
        sum += i == null ? 0 : selectionCost.get(i);
      }
    }
    return sum;
  }

  private boolean holds(int i, EvalContext ctx, byte[] memo) {
    if (sharedSlot[i] >= 0) {
      return evaluate(i, ctx) == 1; // the context remembers it for the record
    }
    if (memo[i] == 0) {
      memo[i] = evaluate(i, ctx);
    }
    return memo[i] == 1;
  }

  /** Selection {@code i} for the current record: 1 holds, 2 does not (shared across rules). */
  private byte evaluate(int i, EvalContext ctx) {
    int slot = sharedSlot[i];
    if (slot >= 0) {
      byte known = ctx.sharedSelection(slot);
      if (known != 0) {
        return known;
      }
    }
    byte r = (byte) (selection(sel[i], ctx) ? 1 : 2);
    if (slot >= 0) {
      ctx.shareSelection(slot, r);
    }
    return r;
  }

  /** Whether the rule's condition holds for the current record. */
  public boolean matches(EvalContext ctx) {
    return cond.eval(ctx, memoless ? NO_MEMO : ctx.memo(sel.length));
  }

  private static boolean selection(Matchers.Compiled[][] alts, EvalContext ctx) {
    for (Matchers.Compiled[] g : alts) {
      boolean all = true;
      for (Matchers.Compiled t : g) {
        if (!t.test(ctx)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
