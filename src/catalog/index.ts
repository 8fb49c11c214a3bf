// The built-in function catalog: lookup, signature matching and result types.
import type { ScalarType } from '../kql/types.js';
import { AGGREGATE_FUNCTIONS } from './functions/aggregate.js';
import { CONVERSION_FUNCTIONS } from './functions/conversion.js';
import { DATETIME_FUNCTIONS } from './functions/datetime.js';
import { DYNAMIC_FUNCTIONS } from './functions/dynamic.js';
import { GEO_FUNCTIONS } from './functions/geo.js';
import { HASH_FUNCTIONS } from './functions/hash.js';
import { IPV4_FUNCTIONS } from './functions/ipv4.js';
import { MATH_FUNCTIONS } from './functions/math.js';
import { MISC_FUNCTIONS } from './functions/misc.js';
import { SERIES_FUNCTIONS } from './functions/series.js';
import { SKETCH_FUNCTIONS } from './functions/sketch.js';
import { STRING_FUNCTIONS } from './functions/string.js';
import { WINDOW_FUNCTIONS } from './functions/window.js';
import { layoutCandidates } from './layout.js';
import { accepts, type ArgType } from './typing.js';
import type { FunctionKind, FunctionSpec, ParamSpec } from './types.js';

export type { ArgType } from './typing.js';
export { aggregateOutputNames, defaultAggregateName, derivedCallName, expandsColumns } from './naming.js';

const ALL: readonly FunctionSpec[] = [
  ...STRING_FUNCTIONS,
  ...DATETIME_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...DYNAMIC_FUNCTIONS,
  ...CONVERSION_FUNCTIONS,
  ...IPV4_FUNCTIONS,
  ...HASH_FUNCTIONS,
  ...AGGREGATE_FUNCTIONS,
  ...WINDOW_FUNCTIONS,
  ...SKETCH_FUNCTIONS,
  ...SERIES_FUNCTIONS,
  ...GEO_FUNCTIONS,
  ...MISC_FUNCTIONS,
];

let byName: Map<string, FunctionSpec[]> | undefined;

function index(): Map<string, FunctionSpec[]> {
  if (byName) return byName;
  const m = new Map<string, FunctionSpec[]>();
  const add = (name: string, spec: FunctionSpec): void => {
    const list = m.get(name) ?? [];
    if (list.some((s) => s.kind === spec.kind)) throw new Error(`duplicate catalog function ${name}`);
    list.push(spec);
    m.set(name, list);
  };
  for (const spec of ALL) add(spec.name, spec);
  for (const spec of ALL) for (const alias of spec.aliases ?? []) add(alias, spec);
  byName = m;
  return m;
}

/**
 * Exact, case-sensitive lookup (Kusto function names are case-sensitive); aliases resolve to
 * their spec. A few names are both a scalar and an aggregate (hll_merge, tdigest_merge,
 * merge_tdigest): pass `prefer` ('aggregate' inside summarize) to choose; the default is the
 * aggregate.
 */
export function lookupFunction(name: string, prefer?: FunctionKind): FunctionSpec | undefined {
  const list = index().get(name);
  if (!list) return undefined;
  return (prefer !== undefined ? list.find((s) => s.kind === prefer) : undefined) ?? list[0];
}

export function allFunctions(): readonly FunctionSpec[] {
  return ALL;
}

export type MatchResult =
  | { readonly ok: true; readonly result: ScalarType; readonly signatureIndex: number }
  | { readonly ok: false; readonly expected: string };

function fits(params: readonly ParamSpec[], argTypes: readonly ArgType[], strict: boolean): boolean {
  return layoutCandidates(params, argTypes.length).some((layout) =>
    argTypes.every((t, i) => {
      const p = params[layout[i] ?? -1];
      return p !== undefined && accepts(p.kind, t, strict, p.starAllowed === true);
    }),
  );
}

/**
 * The first signature the arguments fit exactly wins; failing that, the first one they fit
 * with Kusto's implicit conversions (int -> long -> real/decimal). `unknown` arguments fit anything.
 * Tabular/star arguments report their result type as `unknown` to the result rule.
 */
export function matchSignature(spec: FunctionSpec, argTypes: readonly ArgType[]): MatchResult {
  for (const strict of [true, false]) {
    for (let i = 0; i < spec.signatures.length; i++) {
      const sig = spec.signatures[i];
      if (!sig || !fits(sig.params, argTypes, strict)) continue;
      const scalarArgs = argTypes.map((t): ScalarType => (t === 'tabular' || t === 'star' ? 'unknown' : t));
      const result = typeof sig.result === 'function' ? sig.result(scalarArgs) : sig.result;
      return { ok: true, result, signatureIndex: i };
    }
  }
  return { ok: false, expected: spec.signatures.map((s) => describeSignature(spec.name, s.params)).join(' or ') };
}

export function describeSignature(name: string, params: readonly ParamSpec[]): string {
  const ps = params.map((p) => {
    const kind = p.starAllowed ? `${p.kind}|*` : p.kind;
    const body = `${p.name}: ${kind}${p.variadic ? ', ...' : ''}`;
    return p.optional ? `[${body}]` : body;
  });
  return `${name}(${ps.join(', ')})`;
}
