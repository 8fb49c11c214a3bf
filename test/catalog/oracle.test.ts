// Cross-checks the catalog's signatures and result types against Microsoft's official
// analyser: for every function and signature, calls with representative argument types are
// analysed by both; where the official analyser reports no diagnostic, our matchSignature
// must accept the call and give the same result type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SCALAR_TYPES, type ScalarType } from '../../src/kql/types.js';
import { allFunctions, matchSignature } from '../../src/catalog/index.js';
import type { ArgKind, FunctionSpec, ParamSpec } from '../../src/catalog/types.js';
import { oracle } from './oracle.js';

const COLUMN: Readonly<Record<string, string>> = {
  int: 'i',
  long: 'l',
  real: 'r',
  decimal: 'm',
  string: 's',
  bool: 'b',
  datetime: 'dt',
  timespan: 'ts',
  guid: 'g',
  dynamic: 'd',
};
const TABLE = 'datatable(i:int,l:long,r:real,m:decimal,s:string,b:bool,dt:datetime,ts:timespan,g:guid,d:dynamic)[]';

const REPRESENTATIVES: Readonly<Partial<Record<ArgKind, readonly ScalarType[]>>> = {
  scalar: ['string', 'int', 'real', 'dynamic', 'datetime'],
  numeric: ['int', 'long', 'real', 'decimal'],
  integer: ['int', 'long'],
  summable: ['int', 'long', 'real', 'decimal', 'timespan', 'datetime'],
  orderable: ['int', 'long', 'real', 'datetime', 'timespan', 'string', 'bool'],
  'string-or-dynamic': ['string', 'dynamic'],
  'string-or-array': ['string', 'dynamic'],
  'integer-or-array': ['long', 'int', 'dynamic'],
  'real-or-decimal': ['real', 'decimal', 'int'],
  'number-or-bool': ['real', 'long', 'bool'],
  'not-real-or-bool': ['long', 'string', 'datetime'],
  'not-dynamic': ['string', 'long', 'datetime'],
  'not-bool': ['string', 'long'],
};

function reps(p: ParamSpec): readonly ScalarType[] {
  const k = p.kind;
  if (k === 'string-literal' || k === 'tabular' || k === 'star' || k === 'unknown') return ['string'];
  const r = REPRESENTATIVES[k];
  if (r) return r;
  return isScalarType(k) ? [k] : ['string'];
}

function isScalarType(k: string): k is ScalarType {
  return (SCALAR_TYPES as readonly string[]).includes(k);
}

interface Arg {
  readonly text: string;
  readonly type: ScalarType;
}

const LITERALS: Readonly<Record<string, string>> = {
  part: '"day"',
  format: '"yyyy-MM-dd"',
  regex: '"a(b)"',
  lookup_regex: '"a(b)"',
  jsonPath: '"$.a"',
  kind: '"normal"',
  column_name: '"s"',
  timezone: '"UTC"',
  key: '"k"',
  rewrite: '"x"',
  rewrite_pattern: '"x"',
};

function argFor(fn: string, p: ParamSpec, t: ScalarType): Arg {
  if (p.name === 'typeLiteral' || (p.name === 'type' && fn.startsWith('extract')))
    return { text: 'typeof(long)', type: 'long' };
  if (p.kind === 'string-literal') return { text: LITERALS[p.name] ?? '"x"', type: 'string' };
  return { text: COLUMN[t] ?? 's', type: t };
}

/** Call shapes: minimal arity and all optionals, each parameter varied over its representative types. */
function cases(spec: FunctionSpec, params: readonly ParamSpec[]): Arg[][] {
  const out: Arg[][] = [];
  const shapes = [params.filter((p) => !p.optional), params];
  for (const shape of shapes) {
    // Vary each parameter with several representative types in turn (not the full product).
    const base = shape.map((p) => argFor(spec.name, p, reps(p)[0] as ScalarType));
    out.push(base);
    shape.forEach((p, i) => {
      for (const v of reps(p).slice(1)) out.push(base.map((a, j) => (j === i ? argFor(spec.name, p, v) : a)));
    });
    // Common-type params (iff, case, coalesce, max_of): mixed pairs.
    if (shape.some((p) => p.common)) {
      for (const [a, b] of [
        ['int', 'long'],
        ['int', 'real'],
        ['long', 'decimal'],
        ['string', 'dynamic'],
        ['datetime', 'string'],
        ['timespan', 'timespan'],
      ] as const) {
        let n = 0;
        out.push(
          shape.map((p) =>
            p.common ? argFor(spec.name, p, n++ === 0 ? a : b) : argFor(spec.name, p, reps(p)[0] as ScalarType),
          ),
        );
      }
    }
  }
  return out;
}

const SKIP_FAMILIES = new Set(['tabular', 'graph']);

test('catalog result types agree with the official Kusto analyser', () => {
  let total = 0;
  let clean = 0;
  let agree = 0;
  const disagreements: string[] = [];
  const rejected: string[] = [];
  // Calls the official analyser flags (any diagnostic) but whose signature we accept.
  let lenient = 0;
  for (const spec of allFunctions()) {
    if (SKIP_FAMILIES.has(spec.family) || spec.kind === 'tabular') continue;
    const seen = new Set<string>();
    for (const sig of spec.signatures) {
      if (sig.params.some((p) => p.kind === 'tabular' || p.kind === 'star')) continue;
      for (const args of cases(spec, sig.params)) {
        const call = `${spec.name}(${args.map((a) => a.text).join(', ')})`;
        if (seen.has(call)) continue;
        seen.add(call);
        total++;
        const q =
          spec.kind === 'aggregate'
            ? `${TABLE} | summarize r_ = ${call}`
            : spec.kind === 'window'
              ? `${TABLE} | serialize | extend r_ = ${call}`
              : `${TABLE} | extend r_ = ${call}`;
        const o = oracle(q);
        if (o.diagnostics.length > 0) {
          if (
            matchSignature(
              spec,
              args.map((a) => a.type),
            ).ok
          )
            lenient++;
          continue;
        }
        clean++;
        const theirs = o.columns.find((c) => c.name === 'r_')?.type ?? '?';
        const ours = matchSignature(
          spec,
          args.map((a) => a.type),
        );
        if (!ours.ok) {
          rejected.push(`${call} [${args.map((a) => a.type).join(',')}] official=${theirs}`);
          continue;
        }
        if (ours.result === theirs) agree++;
        else
          disagreements.push(`${call} [${args.map((a) => a.type).join(',')}] ours=${ours.result} official=${theirs}`);
      }
    }
  }
  const pct = ((100 * agree) / Math.max(1, clean)).toFixed(2);
  console.log(
    `oracle cross-check: ${total} calls, ${clean} accepted by the official analyser, ${agree} agree (${pct}%), ${disagreements.length} differ, ${rejected.length} rejected by us; ${total - clean} flagged by the official analyser, of which we accept ${lenient}`,
  );
  for (const d of disagreements.slice(0, 40)) console.log(`  differs: ${d}`);
  for (const r of rejected.slice(0, 40)) console.log(`  rejected: ${r}`);
  // Regression floor: the figure measured when this test was written.
  assert.ok(agree / Math.max(1, clean) >= FLOOR, `agreement ${pct}% fell below floor`);
});

const FLOOR = 0.9973;
