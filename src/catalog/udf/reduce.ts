// `reduce by Expr with threshold=T, characters=C` (reduce-operator.md) over the column's
// values in input order. The page bases it on Vaarandi's SLCT: a value is a sequence of
// terms, a word is a term at its position, frequent words form cluster candidates, frequent
// candidates are the groups, and the rest are `others`. What the page leaves open is fitted to
// its examples (docs/known-differences/engine.md):
// - support: a word or a group must cover at least (1 - T) of the rows. The examples run the
//   other way from the parameter table's wording: T=0.001 gives one group where each term of
//   the values covers ~10% of the rows, T=0.9 splits them, and the page says a smaller
//   threshold gives fewer groups;
// - terms: maximal runs without separators; separators are C's characters, or every character
//   that is not a letter or digit;
// - a group's Representative is its first value and its Pattern that value with every term
//   outside the group's words replaced by `*`, a wildcard also taking the separator characters
//   next to it up to whitespace (`fooZ1` gives `foo*`, the page's `One -on- One` `* -on- *`),
//   and adjacent wildcards merge.
import { num, str, UdfError, type UdfSpec, type UdfValue } from './types.js';

const WORD_CHAR = /[\p{L}\p{Nd}]/u;
const SPACE = /\s/u;

/** A value as separator runs and terms: seps[i] comes before terms[i]; seps[n] is the tail. */
interface Split {
  readonly terms: string[];
  readonly seps: string[];
}

export function splitTerms(value: string, separators: string | null): Split {
  const isSep = separators === null ? (ch: string) => !WORD_CHAR.test(ch) : (ch: string) => separators.includes(ch);
  const terms: string[] = [];
  const seps: string[] = [''];
  for (const ch of value) {
    const inSeparators = seps.length > terms.length;
    if (isSep(ch)) {
      if (inSeparators) seps[seps.length - 1] += ch;
      else seps.push(ch);
    } else if (inSeparators) terms.push(ch);
    else terms[terms.length - 1] += ch;
  }
  if (seps.length === terms.length) seps.push('');
  return { terms, seps };
}

/** `s` without its trailing (or leading) run of non-whitespace characters. */
function keepSpaced(s: string, from: 'start' | 'end'): string {
  const cs = [...s];
  if (from === 'end') {
    while (cs.length > 0 && !SPACE.test(cs[cs.length - 1]!)) cs.pop();
  } else {
    while (cs.length > 0 && !SPACE.test(cs[0]!)) cs.shift();
  }
  return cs.join('');
}

/** The value with the terms not kept (by index) as `*`; see the header for the separators. */
export function patternOf(v: Split, keep: (i: number) => boolean): string {
  const n = v.terms.length;
  let out = '';
  for (let i = 0; i <= n; i++) {
    const prevWild = i > 0 && !keep(i - 1);
    const wild = i < n && !keep(i);
    let sep = v.seps[i] ?? '';
    if (prevWild) sep = keepSpaced(sep, 'start');
    if (wild) sep = keepSpaced(sep, 'end');
    out += sep;
    if (i === n) break;
    if (!wild) out += v.terms[i] ?? '';
    else if (!(prevWild && sep === '')) out += '*';
  }
  return out;
}

export interface ReduceGroup {
  readonly pattern: string;
  readonly count: number;
  readonly representative: string;
}

export function reduceValues(values: readonly string[], threshold: number, separators: string | null): ReduceGroup[] {
  const n = values.length;
  // Rounded so that 0.29 of 100 rows is 29 rows, not 28.999999999999996.
  const support = Math.round((n - threshold * n) * 1e9) / 1e9;
  const split = values.map((v) => splitTerms(v, separators));
  const word = (i: number, t: string) => `${i}\u0000${t}`;
  const wordCount = new Map<string, number>();
  for (const s of split) s.terms.forEach((t, i) => wordCount.set(word(i, t), (wordCount.get(word(i, t)) ?? 0) + 1));
  const frequent = (s: Split, i: number) => (wordCount.get(word(i, s.terms[i] ?? '')) ?? 0) >= support;
  // Each row's candidate: the positions of its frequent words, with the words themselves.
  const candidate = split.map((s) => s.terms.flatMap((t, i) => (frequent(s, i) ? [word(i, t)] : [])).join('\u0001'));
  const groups = new Map<string, { first: number; count: number }>();
  candidate.forEach((c, row) => {
    if (c === '') return;
    const g = groups.get(c);
    if (g === undefined) groups.set(c, { first: row, count: 1 });
    else g.count++;
  });
  const out: ReduceGroup[] = [];
  let others = n;
  for (const g of groups.values()) {
    if (g.count < support) continue;
    const s = split[g.first]!;
    out.push({
      pattern: patternOf(s, (i) => frequent(s, i)),
      count: g.count,
      representative: values[g.first] ?? '',
    });
    others -= g.count;
  }
  if (others > 0) out.push({ pattern: 'others', count: others, representative: '' });
  return out;
}

function reduceJson(valuesJson: string, threshold: number, separators: UdfValue): string {
  const v: unknown = JSON.parse(valuesJson);
  if (!Array.isArray(v)) throw new UdfError('reduce: input is not a list of values');
  const values = v.map((x) => (typeof x === 'string' ? x : x === null ? '' : String(x)));
  const groups = reduceValues(values, threshold, separators === null ? null : str(separators));
  return JSON.stringify({
    p: groups.map((g) => g.pattern),
    c: groups.map((g) => g.count),
    r: groups.map((g) => g.representative),
  });
}

export const REDUCE_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_reduce',
    params: ['VARCHAR', 'DOUBLE', 'VARCHAR'],
    returns: 'VARCHAR',
    nulls: 'pass',
    fn: ([values, threshold, separators]) =>
      values === null ? null : reduceJson(str(values), num(threshold ?? null), separators ?? null),
  },
];
