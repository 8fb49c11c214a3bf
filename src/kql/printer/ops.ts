// Operator and pipeline printing: one operator per line, nested pipelines indented.
import type {
  ColumnPattern,
  Expr,
  NamedExpr,
  Operator,
  OpParam,
  Param,
  Pipeline,
  ScalarTypeRef,
  SortItem,
  TypeRef,
} from '../ast.js';
import { printExpr, printIdent } from './expr.js';
import { printGraphOperator } from './graph.js';

export function printPipeline(p: Pipeline, indent: string): string {
  const inner = `${indent}    `;
  const parts: string[] = [];
  if (p.source !== null) parts.push(printExpr(p.source, 1, indent));
  p.ops.forEach((op, i) => {
    const text = printOperator(op, inner).trimEnd();
    parts.push(p.source === null && i === 0 ? text : `| ${text}`);
  });
  return parts.join(`\n${indent}`);
}

function e(x: Expr, indent: string, minPrec = 0): string {
  return printExpr(x, minPrec, indent);
}

export function printNamed(n: NamedExpr, indent: string): string {
  const v = e(n.expr, indent, 1);
  if (n.names.length === 0) return v;
  if (n.names.length === 1)
    return `${printIdent(n.names[0] ?? { kind: 'Ident', name: '', quoted: false, span: n.span })}=${v}`;
  return `(${n.names.map(printIdent).join(', ')})=${v}`;
}

function named(items: readonly NamedExpr[], indent: string): string {
  return items.map((n) => printNamed(n, indent)).join(', ');
}

function params(ps: readonly OpParam[], indent: string): string {
  return ps.map((p) => `${p.name}=${e(p.value, indent, 8)} `).join('');
}

/** `(a=1, ycolumns=x, y)`: consecutive values of one property print as one comma list. */
function parenParams(ps: readonly OpParam[], indent: string): string {
  const parts: string[] = [];
  ps.forEach((p, i) => {
    const v = e(p.value, indent, 8);
    parts.push(i > 0 && ps[i - 1]?.name === p.name ? v : `${p.name}=${v}`);
  });
  return `(${parts.join(', ')})`;
}

function sortItem(s: SortItem, indent: string): string {
  return `${e(s.expr, indent, 1)}${s.direction === null ? '' : ` ${s.direction}`}${s.nulls === null ? '' : ` nulls ${s.nulls}`}`;
}

export function printPattern(c: ColumnPattern): string {
  return /^[A-Za-z_*\p{L}][A-Za-z0-9_*\p{L}]*$/u.test(c.pattern)
    ? c.pattern
    : printIdent({ kind: 'Ident', name: c.pattern, quoted: true, span: c.span });
}

export function printScalarType(t: ScalarTypeRef): string {
  return t.name;
}

export function printTypeRef(t: TypeRef): string {
  if (t.kind === 'ScalarTypeRef') return t.name;
  const cols = t.columns.map((c) => `${printIdent(c.name)}:${c.type.name}`);
  if (t.star) cols.push('*');
  return `(${cols.join(', ')})`;
}

export function printParam(p: Param, indent: string): string {
  const d = p.defaultValue === null ? '' : ` = ${e(p.defaultValue, indent)}`;
  return `${printIdent(p.name)}:${printTypeRef(p.type)}${d}`;
}

export function printSub(x: Expr, indent: string): string {
  return sub(x, indent);
}

function sub(x: Expr, indent: string): string {
  // Subquery bodies (mv-apply, partition, fork, facet) print with their own parentheses.
  const body = x.kind === 'Pipeline' ? printPipeline(x, indent) : e(x, indent);
  return `(${body})`;
}

export function printOperator(op: Operator, indent: string): string {
  switch (op.kind) {
    case 'Unmodeled':
      return op.text === '' ? op.name : `${op.name} ${op.text}`;
    case 'ProjectByNames':
    case 'MakeGraph':
    case 'GraphMatch':
    case 'GraphToTable':
    case 'GraphMarkComponents':
      return printGraphOperator(op, indent);
    case 'Where':
      return `where ${params(op.params, indent)}${e(op.predicate, indent, 1)}`;
    case 'Project':
      return `project ${named(op.items, indent)}`;
    case 'ProjectAway':
      return `project-away ${op.columns.map(printPattern).join(', ')}`;
    case 'ProjectKeep':
      return `project-keep ${op.columns.map(printPattern).join(', ')}`;
    case 'ProjectRename':
      return `project-rename ${op.items.map((i) => `${printIdent(i.newName)}=${printIdent(i.oldName)}`).join(', ')}`;
    case 'ProjectReorder':
      return `project-reorder ${op.items.map((i) => `${printPattern(i.column)}${i.order === null ? '' : ` ${i.order}`}`).join(', ')}`;
    case 'Extend':
      return `extend ${named(op.items, indent)}`;
    case 'Summarize': {
      const parts = [
        params(op.params, indent).trimEnd(),
        named(op.aggregates, indent),
        op.by.length > 0 ? `by ${named(op.by, indent)}` : '',
      ];
      return ['summarize', ...parts.filter((x) => x !== '')].join(' ');
    }
    case 'Sort':
      return `sort ${params(op.params, indent)}by ${op.items.map((s) => sortItem(s, indent)).join(', ')}`;
    case 'Top':
      return `top ${e(op.count, indent, 1)} by ${sortItem(op.by, indent)}`;
    case 'TopNested':
      return op.levels
        .map((l) => {
          const count = l.count === null ? '' : `${e(l.count, indent, 1)} `;
          const others = l.withOthers === null ? '' : ` with others=${e(l.withOthers, indent, 1)}`;
          const dir = l.direction === null ? '' : ` ${l.direction}`;
          return `top-nested ${count}of ${printNamed(l.of, indent)}${others} by ${printNamed(l.by, indent)}${dir}`;
        })
        .join(', ');
    case 'TopHitters':
      return `top-hitters ${e(op.count, indent, 1)} of ${e(op.of, indent, 1)}${op.by === null ? '' : ` by ${e(op.by, indent, 1)}`}`;
    case 'Take':
      return `take ${params(op.params, indent)}${e(op.count, indent, 1)}`;
    case 'Count':
      return 'count';
    case 'Distinct':
      return `distinct ${params(op.params, indent)}${op.star ? '*' : named(op.items, indent)}`;
    case 'Join': {
      const cond =
        op.where !== null
          ? ` where ${e(op.where, indent, 1)}`
          : op.on.length > 0
            ? ` on ${op.on.map((c) => e(c, indent, 1)).join(', ')}`
            : '';
      return `join ${params(op.params, indent)}${e(op.right, indent, 1)}${cond}`;
    }
    case 'Lookup':
      return `lookup ${params(op.params, indent)}${e(op.right, indent, 1)} on ${op.on.map((c) => e(c, indent, 1)).join(', ')}`;
    case 'Union':
      return `union ${params(op.params, indent)}${op.tables.map((t) => e(t, indent, 1)).join(', ')}`;
    case 'MvExpand':
    case 'MvApply': {
      const items = op.items
        .map(
          (i) =>
            `${i.name === null ? '' : `${printIdent(i.name)}=`}${e(i.expr, indent, 1)}${i.toType === null ? '' : ` to typeof(${i.toType.name})`}`,
        )
        .join(', ');
      const limit = op.limit === null ? '' : ` limit ${e(op.limit, indent, 1)}`;
      if (op.kind === 'MvExpand') return `mv-expand ${params(op.params, indent)}${items}${limit}`;
      const id = op.id === null ? '' : ` id=${printIdent(op.id)}`;
      return `mv-apply ${params(op.params, indent)}${items}${limit}${id} on ${sub(op.body, indent)}`;
    }
    case 'Parse': {
      const pattern = op.pattern
        .map((part) =>
          part.kind === 'ParseStar'
            ? '*'
            : part.kind === 'ParseText'
              ? e(part.text, indent)
              : `${printIdent(part.name)}${part.type === null ? '' : `:${part.type.name}`}`,
        )
        .join(' ');
      return `${op.where ? 'parse-where' : 'parse'} ${params(op.params, indent)}${e(op.input, indent, 1)} with ${pattern}`;
    }
    case 'ParseKv': {
      const cols = op.columns.map((c) => `${printIdent(c.name)}:${c.type.name}`).join(', ');
      const w = op.options.length > 0 ? ` with ${parenParams(op.options, indent)}` : '';
      return `parse-kv ${e(op.input, indent, 1)} as (${cols})${w}`;
    }
    case 'MakeSeries': {
      const aggs = op.aggregates
        .map(
          (a) =>
            `${printNamed(a.item, indent)}${a.defaultValue === null ? '' : ` default=${e(a.defaultValue, indent, 1)}`}`,
        )
        .join(', ');
      let axis: string;
      if (op.inRange)
        axis = ` in range(${[op.from, op.to, op.step].map((x) => (x === null ? '' : e(x, indent))).join(', ')})`;
      else
        axis = `${op.from === null ? '' : ` from ${e(op.from, indent, 1)}`}${op.to === null ? '' : ` to ${e(op.to, indent, 1)}`} step ${e(op.step, indent, 1)}`;
      const by = op.by.length > 0 ? ` by ${named(op.by, indent)}` : '';
      return `make-series ${params(op.params, indent)}${aggs} on ${e(op.on, indent, 1)}${axis}${by}`;
    }
    case 'Render': {
      const w = op.with.length > 0 ? ` with ${parenParams(op.with, indent)}` : '';
      return `render ${printIdent(op.chart)}${w}`;
    }
    case 'Evaluate':
      return `evaluate ${params(op.params, indent)}${e(op.plugin, indent)}${op.schema === undefined ? '' : ` : ${printTypeRef(op.schema)}`}`;
    case 'Search':
    case 'Find': {
      const tables = op.tables.length > 0 ? `in (${op.tables.map((t) => e(t, indent, 1)).join(', ')}) ` : '';
      if (op.kind === 'Search') return `search ${params(op.params, indent)}${tables}${e(op.predicate, indent, 1)}`;
      const proj =
        op.project === null ? '' : op.project === 'smart' ? ' project-smart' : ` project ${named(op.project, indent)}`;
      return `find ${params(op.params, indent)}${tables}where ${e(op.predicate, indent, 1)}${proj}`;
    }
    case 'Invoke':
      return `invoke ${e(op.call, indent)}`;
    case 'As':
      return `as ${params(op.params, indent)}${printIdent(op.name)}`;
    case 'Sample':
      return `sample ${e(op.count, indent, 1)}`;
    case 'SampleDistinct':
      return `sample-distinct ${e(op.count, indent, 1)} of ${e(op.of, indent, 1)}`;
    case 'Serialize':
      return op.items.length > 0 ? `serialize ${named(op.items, indent)}` : 'serialize';
    case 'GetSchema':
      return 'getschema';
    case 'Consume':
      return `consume ${params(op.params, indent)}`.trimEnd();
    case 'Scan': {
      const id = op.matchId === null ? '' : `with_match_id=${printIdent(op.matchId)} `;
      const decl = op.declare.length > 0 ? `declare (${op.declare.map((d) => printParam(d, indent)).join(', ')}) ` : '';
      const steps = op.steps
        .map((s) => {
          const out = s.output === null ? '' : ` output=${s.output}`;
          const asg = s.assignments.length > 0 ? ` => ${named(s.assignments, indent)}` : '';
          return `\n${indent}step ${printIdent(s.name)}${out}: ${e(s.condition, indent, 1)}${asg};`;
        })
        .join('');
      return `scan ${params(op.params, indent)}${id}${decl}with (${steps}\n${indent})`;
    }
    case 'Partition':
      return `partition ${params(op.params, indent)}by ${printIdent(op.by)} ${sub(op.body, indent)}`;
    case 'Fork':
      return `fork ${op.branches.map((b) => `${b.name === null ? '' : `${printIdent(b.name)}=`}${sub(b.body, indent)}`).join(' ')}`;
    case 'Facet':
      return `facet by ${op.columns.map(printIdent).join(', ')}${op.with === null ? '' : ` with ${sub(op.with, indent)}`}`;
    case 'Print':
      return op.items.length > 0 ? `print ${named(op.items, indent)}` : 'print';
    case 'Range':
      return `range ${printIdent(op.column)} from ${e(op.from, indent, 1)} to ${e(op.to, indent, 1)} step ${e(op.step, indent, 1)}`;
    case 'Reduce': {
      const w =
        op.with.length > 0 ? ` with ${op.with.map((o) => `${o.name}=${e(o.value, indent, 8)}`).join(', ')}` : '';
      return `reduce ${params(op.params, indent)}by ${e(op.by, indent, 1)}${w}`;
    }
  }
}
