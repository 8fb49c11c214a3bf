// summarize, make-series, top-nested, count. Output names follow Kusto's analyser:
// by-columns first, then aggregates; duplicates get 1, 2, ... suffixes; arg_max/arg_min/
// take_any expand `*` (skipping by-columns and columns already produced); percentiles()
// yields one column per percentile (percentile_X_95_5).
import { paramText } from './join.js';
import type { Call, Expr, NamedExpr, Operator } from '../ast.js';
import type { BoundAggregate, BoundColumnDef, BoundExpr, BoundTable, BoundTopNestedLevel } from '../bound.js';
import type { Column, ScalarType } from '../types.js';
import { schemaOf, uniqueName, type Binder, type Env, type RowScope } from './scope.js';
import { bindScalar } from './expr.js';
import { resultName, UnnamedNames } from './naming.js';
import { lookup } from './catalog.js';
import { tableError } from './tabular.js';

function strip(e: Expr): Expr {
  return e.kind === 'Paren' ? strip(e.expr) : e;
}

/** The input column an expression plainly refers to (Kusto's GetResultColumn). */
function plainColumn(e: Expr, cols: readonly Column[]): Column | undefined {
  const s = strip(e);
  return s.kind === 'NameRef' ? cols.find((c) => c.name === s.name.name) : undefined;
}

class Names {
  readonly taken = new Set<string>();
  readonly unnamed = new UnnamedNames('Column', 1);
  add(base: string): string {
    const n = uniqueName(base, this.taken);
    this.taken.add(n);
    return n;
  }
  fresh(): string {
    return this.add(this.unnamed.next(this.taken));
  }
}

function bindBy(b: Binder, by: readonly NamedExpr[], rs: RowScope, env: Env, names: Names): BoundColumnDef[] {
  return by.map((item) => {
    const expr = bindScalar(b, item.expr, rs, env);
    const base = item.names[0]?.name ?? resultName(item.expr, null);
    return { name: base !== null ? names.add(base) : names.fresh(), type: expr.type, expr };
  });
}

const EXTREMES = new Set(['arg_max', 'arg_min', 'argmax', 'argmin', 'take_any', 'any', 'take_anyif', 'anyif']);

function multiOutput(call: Call): boolean {
  const n = call.callee.name;
  if (n === 'arg_max' || n === 'arg_min' || n === 'argmax' || n === 'argmin') return true;
  if (n === 'take_any' || n === 'any') return call.args.length > 1 || call.args.some((a) => a.kind === 'Star');
  return false;
}

function bindAggregates(
  b: Binder,
  items: readonly NamedExpr[],
  rs: RowScope,
  env: Env,
  names: Names,
  byCols: readonly Column[],
): BoundAggregate[] {
  const out: BoundAggregate[] = [];
  const aggScope: RowScope = { ...rs, aggregates: true };
  for (const item of items) {
    const e = strip(item.expr);
    if (e.kind === 'Call' && EXTREMES.has(e.callee.name) && multiOutput(e)) {
      out.push(bindExtreme(b, e, item, rs, env, names, byCols));
      continue;
    }
    if (
      e.kind === 'Call' &&
      (e.callee.name === 'percentiles' || e.callee.name === 'percentilesw') &&
      item.names.length === 0
    ) {
      out.push(...bindPercentiles(b, e, aggScope, env, names));
      continue;
    }
    const expr = bindScalar(b, item.expr, aggScope, env);
    let base = item.names[0]?.name ?? resultName(item.expr, null);
    if (base === null && e.kind === 'Call' && e.callee.name === 'percentile')
      base = percentileName('percentile', e.args[0], e.args[1]);
    if (base === null && e.kind === 'Call' && e.callee.name === 'percentilew')
      base = percentileName('percentile', e.args[0], e.args[2]);
    if (
      base === null &&
      e.kind === 'Call' &&
      (e.callee.name === 'percentiles_array' || e.callee.name === 'percentilesw_array')
    )
      base = `percentiles_${e.args[0] === undefined ? '' : (resultName(e.args[0], '') ?? '')}`;
    out.push({ kind: 'Value', name: base !== null ? names.add(base) : names.fresh(), type: expr.type, expr });
  }
  return out;
}

function literalText(e: Expr | undefined): string {
  if (e === undefined) return '';
  const s = strip(e);
  if (s.kind === 'Literal' && s.value !== null) return String(s.value).replace(/\./g, '_');
  if (s.kind === 'Unary' && s.op === '-') return `_${literalText(s.operand)}`;
  return '';
}

function percentileName(prefix: string, value: Expr | undefined, pct: Expr | undefined): string {
  return `${prefix}_${value === undefined ? '' : (resultName(value, '') ?? '')}_${literalText(pct)}`;
}

function bindPercentiles(b: Binder, call: Call, rs: RowScope, env: Env, names: Names): BoundAggregate[] {
  const weighted = call.callee.name === 'percentilesw';
  const single = lookup(weighted ? 'percentilew' : 'percentile');
  const whole = bindScalar(b, call, rs, env);
  const fixed = weighted ? 2 : 1;
  if (single === undefined || whole.kind !== 'Call' || call.args.length <= fixed)
    return [{ kind: 'Value', name: names.fresh(), type: whole.type, expr: whole }];
  const out: BoundAggregate[] = [];
  for (let i = fixed; i < call.args.length; i++) {
    const args = [...whole.args.slice(0, fixed), whole.args[i]!];
    const expr: BoundExpr = {
      kind: 'Call',
      name: single.name,
      spec: single,
      signature: 0,
      args,
      type: whole.type,
      span: call.span,
    };
    out.push({
      kind: 'Value',
      name: names.add(percentileName('percentile', call.args[0], call.args[i])),
      type: whole.type,
      expr,
    });
  }
  return out;
}

function bindExtreme(
  b: Binder,
  call: Call,
  item: NamedExpr,
  rs: RowScope,
  env: Env,
  names: Names,
  byCols: readonly Column[],
): BoundAggregate {
  const fnName = call.callee.name;
  const fn: 'arg_max' | 'arg_min' | 'take_any' =
    fnName === 'arg_max' || fnName === 'argmax'
      ? 'arg_max'
      : fnName === 'arg_min' || fnName === 'argmin'
        ? 'arg_min'
        : 'take_any';
  if (fnName === 'argmax' || fnName === 'argmin')
    return bindLegacyExtreme(b, call, item, rs, env, names, fnName === 'argmax' ? 'arg_max' : 'arg_min');
  const isArg = fn !== 'take_any';
  const bound = bindScalar(b, call, { ...rs, aggregates: true }, env);
  const boundCall =
    bound.kind === 'Call'
      ? bound
      : ({
          kind: 'Call',
          name: fnName,
          spec: lookup(fnName) ?? lookup('take_any')!,
          signature: 0,
          args: [],
          type: 'unknown',
          span: call.span,
        } as const);
  const args = boundCall.args;
  const anyStar = call.args.some((a) => a.kind === 'Star');
  const doNotRepeat = new Set<string>(isArg ? [] : byCols.map((c) => c.name));
  const byNames = new Set(byCols.map((c) => c.name));
  const cols: { base: string; type: ScalarType; expr: BoundExpr }[] = [];
  const primaryName = call.args[0] === undefined ? null : resultName(call.args[0], null);
  call.args.forEach((a, i) => {
    if (a.kind === 'Star') {
      for (const c of rs.columns) {
        if (doNotRepeat.has(c.name) || (isArg && byNames.has(c.name))) continue;
        doNotRepeat.add(c.name);
        cols.push({ base: c.name, type: c.type, expr: { kind: 'Column', name: c.name, type: c.type, span: a.span } });
      }
      return;
    }
    const be = args[i] ?? ({ kind: 'Error', type: 'unknown', span: a.span } as const);
    const named = a.kind === 'NamedArg' ? a : null;
    const col = plainColumn(named !== null ? named.value : a, rs.columns);
    if (col !== undefined) {
      const canAdd =
        (isArg && i === 0) || !anyStar || (!doNotRepeat.has(col.name) && !(isArg && byNames.has(col.name)));
      if (!canAdd) return;
      doNotRepeat.add(col.name);
      cols.push({ base: named !== null ? named.name.name : col.name, type: col.type, expr: be });
      return;
    }
    let base = resultName(a, null);
    if (base === null)
      base = isArg ? (i === 0 ? `${fnName}_` : `${fnName}_${primaryName ?? ''}_arg${i}`) : `any_arg${i}`;
    cols.push({ base, type: be.type, expr: be });
  });
  // `(a, b, ...) = arg_max(...)` renames the outputs in order.
  const defs: BoundColumnDef[] = cols.map((c, i) => ({
    name: names.add(item.names[i]?.name ?? c.base),
    type: c.type,
    expr: c.expr,
  }));
  return { kind: 'ArgExtreme', fn, call: boundCall, by: isArg ? (args[0] ?? null) : null, columns: defs };
}

/** Obsolete argmax/argmin: columns max_E, max_E_c1, ... */
function bindLegacyExtreme(
  b: Binder,
  call: Call,
  item: NamedExpr,
  rs: RowScope,
  env: Env,
  names: Names,
  fn: 'arg_max' | 'arg_min',
): BoundAggregate {
  const bound = bindScalar(b, call, { ...rs, aggregates: true }, env);
  if (bound.kind !== 'Call') return { kind: 'Value', name: names.fresh(), type: bound.type, expr: bound };
  const prefix = fn === 'arg_max' ? 'max' : 'min';
  const first = call.args[0] === undefined ? '' : (resultName(call.args[0], '') ?? '');
  const defs: BoundColumnDef[] = bound.args.map((a, i) => {
    const base = i === 0 ? `${prefix}_${first}` : `${prefix}_${first}_${resultName(call.args[i]!, '') ?? ''}`;
    return { name: names.add(item.names[i]?.name ?? base), type: a.type, expr: a };
  });
  return { kind: 'ArgExtreme', fn, call: bound, by: bound.args[0] ?? null, columns: defs };
}

function aggregateColumns(aggs: readonly BoundAggregate[]): Column[] {
  return aggs.flatMap((a) =>
    a.kind === 'Value' ? [{ name: a.name, type: a.type }] : a.columns.map((c) => ({ name: c.name, type: c.type })),
  );
}

export function bindSummarizeFamily(
  b: Binder,
  op: Operator,
  inputOrNull: BoundTable | null,
  env: Env,
): BoundTable | null {
  const input = inputOrNull ?? tableError(op.span);
  const rs: RowScope = { columns: input.schema.columns };
  switch (op.kind) {
    case 'Summarize': {
      const names = new Names();
      const by = bindBy(b, op.by, rs, env, names);
      const byCols = op.by.map((it) => plainColumn(it.expr, rs.columns)).filter((c): c is Column => c !== undefined);
      const aggregates = bindAggregates(b, op.aggregates, rs, env, names, byCols);
      const columns = [...by.map((c) => ({ name: c.name, type: c.type })), ...aggregateColumns(aggregates)];
      return { kind: 'Summarize', input, by, aggregates, schema: schemaOf(columns), span: op.span };
    }
    case 'Count':
      return { kind: 'Count', input, schema: schemaOf([{ name: 'Count', type: 'long' }]), span: op.span };
    case 'MakeSeries': {
      const names = new Names();
      const by = bindBy(b, op.by, rs, env, names);
      const aggScope: RowScope = { ...rs, aggregates: true };
      const aggs = op.aggregates.map((a) => {
        const expr = bindScalar(b, a.item.expr, aggScope, env);
        const base = a.item.names[0]?.name ?? resultName(a.item.expr, null);
        const defaultValue = a.defaultValue === null ? null : bindScalar(b, a.defaultValue, { columns: [] }, env);
        return { name: base !== null ? names.add(base) : names.fresh(), type: 'dynamic' as const, expr, defaultValue };
      });
      const onExpr = bindScalar(b, op.on, rs, env);
      const onBase = resultName(op.on, null);
      const on: BoundColumnDef = {
        name: onBase !== null ? names.add(onBase) : names.fresh(),
        type: 'dynamic',
        expr: onExpr,
      };
      const from = op.from === null ? null : bindScalar(b, op.from, rs, env);
      const to = op.to === null ? null : bindScalar(b, op.to, rs, env);
      const step = bindScalar(b, op.step, rs, env);
      const columns: Column[] = [
        ...by.map((c) => ({ name: c.name, type: c.type })),
        ...aggs.map((a) => ({ name: a.name, type: a.type })),
        { name: on.name, type: 'dynamic' },
      ];
      return {
        kind: 'MakeSeries',
        input,
        aggregates: aggs,
        on,
        from,
        to,
        step,
        by,
        nonEmpty: op.params.some((p) => p.name.toLowerCase() === 'kind' && paramText(p)?.toLowerCase() === 'nonempty'),
        inRange: op.inRange,
        schema: schemaOf(columns),
        span: op.span,
      };
    }
    case 'TopNested': {
      const columns: Column[] = [];
      const names = new Names();
      const levels: BoundTopNestedLevel[] = [];
      for (const lvl of op.levels) {
        const count = lvl.count === null ? null : bindScalar(b, lvl.count, { columns: [] }, env);
        const of = bindScalar(b, lvl.of.expr, rs, env);
        const ofBase = lvl.of.names[0]?.name ?? resultName(lvl.of.expr, null);
        const ofName = ofBase !== null ? names.add(ofBase) : names.fresh();
        columns.push({ name: ofName, type: of.type });
        const agg = bindScalar(b, lvl.by.expr, { ...rs, aggregates: true }, env);
        const aggName = names.add(lvl.by.names[0]?.name ?? `aggregated_${ofName}`);
        columns.push({ name: aggName, type: agg.type });
        if (lvl.withOthers !== null) bindScalar(b, lvl.withOthers, { columns: [] }, env);
        levels.push({
          count,
          of: { name: ofName, type: of.type, expr: of },
          by: { name: aggName, type: agg.type, expr: agg },
          direction: lvl.direction ?? 'desc',
          withOthers: lvl.withOthers !== null,
        });
      }
      return { kind: 'Opaque', op: 'top-nested', input, schema: schemaOf(columns), span: op.span, topNested: levels };
    }
    default:
      return null;
  }
}
