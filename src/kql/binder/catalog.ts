// The binder's view of the function catalog: lookup by name (aliases included) and
// signature resolution with Kusto-style error reporting (count vs. types).
import type { Expr } from '../ast.js';
import type { BoundExpr } from '../bound.js';
import type { FunctionKind, FunctionSpec, ParamSpec } from '../../catalog/types.js';
import { SCALAR_TYPES, type ScalarType } from '../types.js';
import { allFunctions, lookupFunction, matchSignature, type ArgType } from '../../catalog/index.js';

export function lookup(name: string, prefer?: FunctionKind): FunctionSpec | undefined {
  return lookupFunction(name, prefer);
}

let names: string[] | null = null;
export function catalogNames(): string[] {
  if (names === null) names = allFunctions().flatMap((f) => [f.name, ...(f.aliases ?? [])]);
  return names;
}

export interface Resolution {
  readonly index: number;
  readonly type: ScalarType;
  readonly error:
    | null
    | { readonly kind: 'count'; readonly min: number; readonly max: number }
    | { readonly kind: 'types'; readonly arg: number | null; readonly expected: string | null };
}

function arity(params: readonly ParamSpec[]): { min: number; max: number } {
  const min = params.filter((p) => p.optional !== true).length;
  const max = params.some((p) => p.variadic === true) ? Infinity : params.length;
  return { min, max };
}

export function resolveSignature(spec: FunctionSpec, args: readonly BoundExpr[], _ast: readonly Expr[]): Resolution {
  const argTypes: ArgType[] = args.map((a) =>
    a.kind === 'Star' ? 'star' : a.kind === 'Subquery' ? 'tabular' : a.type,
  );
  const m = matchSignature(spec, argTypes);
  if (m.ok) return { index: m.signatureIndex, type: m.result, error: null };
  // The analyser converts a dynamic value of unknown shape (a column, a function result) to
  // string where a string is expected; dynamic literals, whose shape is known, don't convert.
  if (args.some((a) => a.type === 'dynamic' && a.kind !== 'DynamicLiteral')) {
    const relaxed = args.map((a, i): ArgType =>
      a.type === 'dynamic' && a.kind !== 'DynamicLiteral' ? 'string' : argTypes[i]!,
    );
    const m2 = matchSignature(spec, relaxed);
    if (m2.ok) return { index: m2.signatureIndex, type: m2.result, error: null };
  }
  let minAll = Infinity;
  let maxAll = 0;
  let countOk = false;
  for (const sig of spec.signatures) {
    const { min, max } = arity(sig.params);
    minAll = Math.min(minAll, min);
    maxAll = Math.max(maxAll, max);
    if (args.length >= min && args.length <= max) countOk = true;
  }
  const first = spec.signatures[0];
  const type =
    first === undefined
      ? 'unknown'
      : safeResult(
          first,
          args.map((a) => a.type),
        );
  if (!countOk) return { index: 0, type, error: { kind: 'count', min: minAll, max: maxAll } };
  // Blame the first argument whose replacement by an unknown value makes the call fit.
  for (let i = 0; i < args.length; i++) {
    const probe = argTypes.map((t, j): ArgType => (j === i ? 'unknown' : t));
    const m3 = matchSignature(spec, probe);
    if (!m3.ok) continue;
    const sig = spec.signatures[m3.signatureIndex];
    const kind = sig?.params[Math.min(i, sig.params.length - 1)]?.kind;
    const expected = kind !== undefined && (SCALAR_TYPES as readonly string[]).includes(kind) ? kind : null;
    return { index: m3.signatureIndex, type, error: { kind: 'types', arg: i, expected } };
  }
  return { index: 0, type, error: { kind: 'types', arg: null, expected: null } };
}

function safeResult(sig: FunctionSpec['signatures'][number], types: readonly ScalarType[]): ScalarType {
  if (typeof sig.result !== 'function') return sig.result;
  try {
    return sig.result(types);
  } catch {
    return 'unknown';
  }
}
