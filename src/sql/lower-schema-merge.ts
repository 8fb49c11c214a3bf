// `evaluate schema_merge([PreserveOrder])`: the getschema rows are numbered in input order,
// gathered into one JSON list and merged by kql_schema_merge (src/catalog/udf/schema-merge.ts),
// whose rows are expanded back into getschema's columns.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { Column } from '../kql/types.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, type Ctx } from './lower.js';
import { col, passThrough, type Plan, type Sx } from './plan.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;

const INPUT = ['ColumnName', 'ColumnOrdinal', 'DataType', 'ColumnType'];

function preserveOrder(t: BoundEvaluate): boolean | null {
  const e: BoundExpr | undefined = t.namedArgs['PreserveOrder'] ?? t.args[0];
  if (e === undefined) return true;
  return e.kind === 'Literal' && typeof e.value === 'boolean' ? e.value : null;
}

export function lowerSchemaMerge(t: BoundEvaluate, cx: Ctx): Plan {
  const preserve = preserveOrder(t);
  if (preserve === null) return unsupported('schema_merge with a PreserveOrder that is not a bool constant', t.span);
  const input = lowerTable(t.input, cx);
  const missing = INPUT.filter((n) => !input.columns.some((c) => c.name === n));
  if (missing.length > 0) return unsupported(`schema_merge of rows without ${missing.join(', ')}`, t.span);
  const type = (n: string) => input.columns.find((c) => c.name === n)!.type;
  const rn: Sx = { k: 'fn', name: 'row_number', args: [], type: 'long', span: t.span };
  const numbered: Plan = {
    kind: 'Window',
    input,
    items: [...passThrough(input.columns), { name: '__rn', expr: rn }],
    columns: [...input.columns, { name: '__rn', type: 'long' }],
  };
  const fields: [string, Sx][] = [
    ['n', col('ColumnName', type('ColumnName'))],
    ['o', col('ColumnOrdinal', type('ColumnOrdinal'))],
    ['d', col('DataType', type('DataType'))],
    ['c', col('ColumnType', type('ColumnType'))],
    ['r', col('__rn', 'long')],
  ];
  const bag: Sx = {
    k: 'fn',
    name: 'bag_pack',
    args: fields.flatMap(([k, v]): Sx[] => [{ k: 'lit', type: 'string', value: k }, v]),
    type: 'dynamic',
    span: t.span,
  };
  const list: Sx = { k: 'fn', name: 'make_list', args: [bag], type: 'dynamic', span: t.span, agg: true };
  const gathered: Plan = {
    kind: 'Aggregate',
    input: numbered,
    keys: [],
    aggs: [{ name: '__rows', expr: list }],
    columns: [{ name: '__rows', type: 'dynamic' }],
  };
  const merge: Sx = {
    k: 'op',
    op: 'schema_merge',
    args: [col('__rows', 'dynamic'), { k: 'lit', type: 'bool', value: preserve }],
    type: 'dynamic',
    span: t.span,
  };
  const merged: Plan = {
    kind: 'Project',
    input: gathered,
    items: [{ name: '__merged', expr: merge }],
    columns: [{ name: '__merged', type: 'dynamic' }],
  };
  const rows: Plan = {
    kind: 'Unnest',
    input: merged,
    items: [{ name: '__merged', expr: col('__merged', 'dynamic'), toType: 'dynamic' }],
    bagArray: false,
    limit: null,
    index: null,
    columns: [{ name: '__merged', type: 'dynamic' }],
  };
  const field = (c: Column): Sx => {
    const v: Sx = {
      k: 'path',
      target: col('__merged', 'dynamic'),
      steps: [{ k: 'lit', type: 'string', value: c.name }],
      type: 'dynamic',
    };
    return { k: 'op', op: 'cast', args: [v], type: c.type, span: t.span };
  };
  return {
    kind: 'Project',
    input: rows,
    items: t.schema.columns.map((c) => ({ name: c.name, expr: field(c) })),
    columns: t.schema.columns,
  };
}
