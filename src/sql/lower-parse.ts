// The `parse` operator as one regex: text parts are literal (or regex, for kind=regex),
// captures become groups typed by their column type, `*` skips lazily.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { ScalarType } from '../kql/types.js';
import { col, type NamedSx, type Plan, type Sx } from './plan.js';
import { reEscape } from './dialects/duckdb/operators.js';

type BoundParse = Extract<BoundTable, { kind: 'Parse' }>;

function groupFor(type: ScalarType, last: boolean, greedy: boolean): string {
  switch (type) {
    case 'int':
    case 'long':
      return '(-?\\d+)';
    case 'real':
    case 'decimal':
      return '(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)';
    default:
      return last || greedy ? '(.*)' : '(.*?)';
  }
}

/** Turns a user regex's capturing groups into non-capturing ones so our group numbers hold. */
export function neutraliseGroups(re: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re.charAt(i);
    if (c === '\\') {
      out += c + re.charAt(i + 1);
      i += 1;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '(' && re.charAt(i + 1) !== '?') out += '(?:';
    else out += c;
  }
  return out;
}

export function parseRegex(t: BoundParse): {
  re: string;
  captures: { name: string; type: ScalarType; group: number }[];
} {
  let re = '';
  const captures: { name: string; type: ScalarType; group: number }[] = [];
  t.parts.forEach((p, i) => {
    const last = i === t.parts.length - 1;
    if (p.kind === 'Text') re += t.parseKind === 'regex' ? neutraliseGroups(p.text) : reEscape(p.text);
    else if (p.kind === 'Skip') re += last ? '.*' : '.*?';
    else {
      captures.push({ name: p.name, type: p.type, group: captures.length + 1 });
      // kind=regex captures are greedy unless flags contain U (ungreedy), as in Kusto.
      const group = groupFor(p.type, last, t.parseKind === 'regex' && !(t.flags ?? '').includes('U'));
      const loose = groupFor('string', last, false);
      // kind=relaxed: a typed capture that isn't of its type still matches (then is null alone).
      re += t.parseKind === 'relaxed' && group !== loose ? `(${group.slice(1, -1)}|${loose.slice(1, -1)})` : group;
    }
  });
  const flags = (t.flags ?? '').includes('i') ? '(?i)' : '';
  const dot = (t.flags ?? '').includes('s') ? '(?s)' : '';
  return { re: `${flags}${dot}^${re}`, captures };
}

export function lowerParse(t: BoundParse, input: Plan, scalar: (e: BoundExpr) => Sx): Plan {
  const { re, captures } = parseRegex(t);
  const src0 = scalar(t.source);
  const src: Sx = src0.type === 'string' ? src0 : { k: 'op', op: 'cast', args: [src0], type: 'string', span: t.span };
  const reLit: Sx = { k: 'lit', type: 'string', value: re };
  const matched: Sx = { k: 'op', op: 'matches regex', args: [src, reLit], type: 'bool', span: t.span };
  const base: Plan = t.where ? { kind: 'Filter', input, predicate: matched, columns: input.columns } : input;
  const byName = new Map(captures.map((c) => [c.name, c]));
  const items: NamedSx[] = t.schema.columns.map((c) => {
    const cap = byName.get(c.name);
    if (cap === undefined) return { name: c.name, expr: col(c.name, c.type) };
    const text: Sx = {
      k: 'fn',
      name: 'extract',
      args: [reLit, { k: 'lit', type: 'long', value: BigInt(cap.group) }, src],
      type: 'string',
      span: t.span,
    };
    return {
      name: c.name,
      expr: c.type === 'string' ? text : { k: 'op', op: 'cast', args: [text], type: c.type, span: t.span },
    };
  });
  const parsed: Plan = { kind: 'Project', input: base, items, columns: t.schema.columns };
  // A typed capture that doesn't convert fails the whole match, as in Kusto: parse leaves
  // every capture empty, parse-where drops the row.
  const typed = t.parseKind === 'relaxed' ? [] : captures.filter((c) => c.type !== 'string');
  if (typed.length === 0) return parsed;
  const ok = typed
    .map((c): Sx => ({ k: 'fn', name: 'isnotnull', args: [col(c.name, c.type)], type: 'bool', span: t.span }))
    .reduce((a, b) => ({ k: 'op', op: 'and', args: [a, b], type: 'bool', span: t.span }));
  if (t.where) return { kind: 'Filter', input: parsed, predicate: ok, columns: t.schema.columns };
  const cleared: NamedSx[] = t.schema.columns.map((c) =>
    byName.has(c.name)
      ? {
          name: c.name,
          expr: {
            k: 'fn',
            name: 'iff',
            args: [ok, col(c.name, c.type), { k: 'lit', type: c.type, value: null }],
            type: c.type,
            span: t.span,
          },
        }
      : { name: c.name, expr: col(c.name, c.type) },
  );
  return { kind: 'Project', input: parsed, items: cleared, columns: t.schema.columns };
}
