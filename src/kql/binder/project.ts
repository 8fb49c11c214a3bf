// The project family: project, project-away/keep/rename/reorder, extend, serialize,
// distinct. All of them produce an explicit output column list.
import type { ColumnPattern, NamedExpr, Operator } from '../ast.js';
import type { BoundColumnDef, BoundExpr, BoundTable } from '../bound.js';
import type { Column } from '../types.js';
import * as codes from '../diagnostics/binding-codes.js';
import { didYouMean } from '../suggest.js';
import { schemaOf, uniqueName, type Binder, type Env } from './scope.js';
import { bindScalar } from './expr.js';
import { resultName, UnnamedNames } from './naming.js';
import { substituteColumns } from './rewrite.js';
import { tableError } from './tabular.js';
import { appendTupleColumns, tupleCall, tupleColumns } from './tuples.js';

function colRef(c: Column, span: BoundExpr['span']): BoundExpr {
  return { kind: 'Column', name: c.name, type: c.type, span };
}

function defsSchema(defs: readonly BoundColumnDef[]): Column[] {
  return defs.map((d) => ({ name: d.name, type: d.type }));
}

export function patternRegex(p: string): RegExp {
  const esc = p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${esc}$`);
}

/** Input columns matching a pattern; reports an unknown plain name. */
function matchPattern(b: Binder, p: ColumnPattern, cols: readonly Column[]): Column[] {
  if (p.pattern.includes('*')) {
    const re = patternRegex(p.pattern);
    return cols.filter((c) => re.test(c.name));
  }
  const c = cols.find((x) => x.name === p.pattern);
  if (c === undefined) {
    b.report(
      codes.UNKNOWN_NAME,
      { name: p.pattern, entity: 'column' },
      p.span,
      didYouMean(
        p.pattern,
        cols.map((x) => x.name),
      ),
    );
    return [];
  }
  return [c];
}

/** Names for a project/distinct list: explicit, derived (`tostring(x)` -> x) or Column1, ... */
function bindItems(b: Binder, items: readonly NamedExpr[], input: BoundTable, env: Env): BoundColumnDef[] {
  const out: BoundColumnDef[] = [];
  const taken = new Set<string>();
  const unnamed = new UnnamedNames('Column', 1);
  for (const item of items) {
    const expr = bindScalar(b, item.expr, { columns: input.schema.columns }, env);
    if (appendTupleColumns(item, expr, taken, out)) continue;
    const explicit = item.names[0]?.name;
    const base =
      explicit ??
      resultName(item.expr, null) ??
      unnamed.next(new Set([...taken, ...input.schema.columns.map((c) => c.name)]));
    const name = uniqueName(base, taken);
    taken.add(name);
    out.push({ name, type: expr.type, expr });
  }
  return out;
}

export function bindProjectFamily(
  b: Binder,
  op: Operator,
  inputOrNull: BoundTable | null,
  env: Env,
): BoundTable | null {
  const input = inputOrNull ?? tableError(op.span);
  const cols = input.schema.columns;
  const project = (
    origin: 'project' | 'project-away' | 'project-keep' | 'project-rename' | 'project-reorder',
    defs: BoundColumnDef[],
  ): BoundTable => ({
    kind: 'Project',
    origin,
    input,
    columns: defs,
    schema: schemaOf(defsSchema(defs)),
    span: op.span,
  });
  switch (op.kind) {
    case 'Project':
      return project('project', bindItems(b, op.items, input, env));
    case 'ProjectAway': {
      const drop = new Set<string>();
      for (const p of op.columns) for (const c of matchPattern(b, p, cols)) drop.add(c.name);
      return project(
        'project-away',
        cols.filter((c) => !drop.has(c.name)).map((c) => ({ name: c.name, type: c.type, expr: colRef(c, op.span) })),
      );
    }
    case 'ProjectKeep': {
      const keep = new Set<string>();
      for (const p of op.columns) for (const c of matchPattern(b, p, cols)) keep.add(c.name);
      return project(
        'project-keep',
        cols.filter((c) => keep.has(c.name)).map((c) => ({ name: c.name, type: c.type, expr: colRef(c, op.span) })),
      );
    }
    case 'ProjectRename': {
      const renames = new Map<string, string>();
      for (const it of op.items) {
        const c = cols.find((x) => x.name === it.oldName.name);
        if (c === undefined) {
          b.report(
            codes.UNKNOWN_NAME,
            { name: it.oldName.name, entity: 'column' },
            it.oldName.span,
            didYouMean(
              it.oldName.name,
              cols.map((x) => x.name),
            ),
          );
        } else renames.set(c.name, it.newName.name);
      }
      const defs = cols.map((c) => ({ name: renames.get(c.name) ?? c.name, type: c.type, expr: colRef(c, op.span) }));
      // A column renamed onto an existing name replaces it.
      const targets = new Set(renames.values());
      const kept = defs.filter((d, i) => renames.has(cols[i]!.name) || !targets.has(d.name));
      return project('project-rename', kept);
    }
    case 'ProjectReorder': {
      const first: Column[] = [];
      const seen = new Set<string>();
      for (const it of op.items) {
        let matched = matchPattern(b, it.column, cols);
        if (it.order === 'asc' || it.order === 'granny-asc')
          matched = [...matched].sort((x, y) => x.name.localeCompare(y.name));
        if (it.order === 'desc' || it.order === 'granny-desc')
          matched = [...matched].sort((x, y) => y.name.localeCompare(x.name));
        for (const c of matched) {
          if (seen.has(c.name)) continue;
          seen.add(c.name);
          first.push(c);
        }
      }
      const all = [...first, ...cols.filter((c) => !seen.has(c.name))];
      return project(
        'project-reorder',
        all.map((c) => ({ name: c.name, type: c.type, expr: colRef(c, op.span) })),
      );
    }
    case 'Extend':
      return bindExtend(b, op.items, input, env, false, op.span);
    case 'Serialize':
      return bindExtend(b, op.items, input, env, true, op.span);
    case 'Distinct': {
      const defs = op.star
        ? cols.map((c) => ({ name: c.name, type: c.type, expr: colRef(c, op.span) }))
        : bindItems(b, op.items, input, env);
      return { kind: 'Distinct', input, columns: defs, schema: schemaOf(defsSchema(defs)), span: op.span };
    }
    default:
      return null;
  }
}

function bindExtend(
  b: Binder,
  items: readonly NamedExpr[],
  input: BoundTable,
  env: Env,
  serialize: boolean,
  span: BoundTable['span'],
): BoundTable {
  let running: Column[] = [...input.schema.columns];
  const inlined = new Map<string, BoundExpr>();
  const defs = new Map<string, BoundColumnDef>();
  const unnamed = new UnnamedNames('Column', 1);
  for (const item of items) {
    const raw = bindScalar(b, item.expr, { columns: running }, env);
    const expr = substituteColumns(raw, inlined);
    const tuple = tupleCall(item);
    const produced: BoundColumnDef[] =
      tuple !== null
        ? tupleColumns(
            tuple,
            expr,
            item.names.map((n) => n.name),
          )
        : [];
    if (tuple === null) {
      const names =
        item.names.length > 0
          ? item.names.map((n) => n.name)
          : [resultName(item.expr, null) ?? unnamed.next(new Set(running.map((c) => c.name)))];
      for (const name of names) produced.push({ name, type: expr.type, expr });
    }
    for (const def of produced) {
      const { name } = def;
      const at = running.findIndex((c) => c.name === name);
      if (at >= 0) running = running.map((c, i) => (i === at ? { name, type: def.type } : c));
      else running = [...running, { name, type: def.type }];
      inlined.set(name, def.expr);
      defs.set(name, def);
    }
  }
  return { kind: 'Extend', input, columns: [...defs.values()], serialize, schema: schemaOf(running), span };
}
