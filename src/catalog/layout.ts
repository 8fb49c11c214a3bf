// Assigns call arguments to signature parameters. Consecutive repeating parameters repeat
// as a group (case(p1, v1, p2, v2, else), bag_pack(k1, v1, k2, v2)); optional parameters
// fill in order.
import type { ParamSpec } from './types.js';

/** For each argument, the index of the parameter it binds to; null when the count doesn't fit. */
export function layoutArgs(params: readonly ParamSpec[], argc: number): number[] | null {
  return layoutCandidates(params, argc)[0] ?? null;
}

/**
 * Every way the arguments can bind, most repetitions first: array_sort_asc(a, b, true) binds
 * `true` to nulls_last only when the caller checks types, so matching tries each candidate.
 */
export function layoutCandidates(params: readonly ParamSpec[], argc: number): number[][] {
  const first = params.findIndex((p) => p.variadic === true);
  if (first < 0) {
    const fixed = layoutFixed(params, 0, params.length, argc);
    return fixed ? [fixed] : [];
  }
  const out: number[][] = [];
  let end = first;
  while (end < params.length && params[end]?.variadic === true) end++;
  const group = end - first;
  const groupOptional = params.slice(first, end).every((p) => p.optional === true);
  const prefixReq = countRequired(params, 0, first);
  const suffixReq = countRequired(params, end, params.length);
  const suffixMax = params.length - end;
  const maxReps = Math.floor((argc - prefixReq - suffixReq) / group);
  for (let k = maxReps; k >= (groupOptional ? 0 : 1); k--) {
    for (let pre = first; pre >= prefixReq; pre--) {
      const rest = argc - pre - k * group;
      if (rest < suffixReq || rest > suffixMax) continue;
      const head = layoutFixed(params, 0, first, pre);
      const tail = layoutFixed(params, end, params.length, rest);
      if (!head || !tail) continue;
      const reps: number[] = [];
      for (let r = 0; r < k; r++) for (let g = 0; g < group; g++) reps.push(first + g);
      out.push([...head, ...reps, ...tail]);
    }
  }
  return out;
}

function countRequired(params: readonly ParamSpec[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (params[i]?.optional !== true) n++;
  return n;
}

/** Non-repeating params[from..to) with `argc` arguments: required ones always, optional ones in order. */
function layoutFixed(params: readonly ParamSpec[], from: number, to: number, argc: number): number[] | null {
  const required = countRequired(params, from, to);
  if (argc < required || argc > to - from) return null;
  let optionalBudget = argc - required;
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    if (params[i]?.optional === true) {
      if (optionalBudget === 0) continue;
      optionalBudget--;
    }
    out.push(i);
  }
  return out;
}
