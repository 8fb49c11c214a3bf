// Runs the docs' examples (../shared/corpus/kql-docs/examples.jsonl) on the engine and
// compares with the documented outputs. Shared by the test and `npx tsx test/conformance/run.ts`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { lookupFunction } from '../../src/catalog/index.js';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import { cellText } from '../../src/engine/render.js';
import { QueryError } from '../../src/engine/types.js';
import { cellsEqual, cleanDocCell } from './normalise.js';

export interface Example {
  readonly id: string;
  readonly page: string;
  readonly kql: string;
  readonly expected: { readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };
  readonly truncated: boolean;
  readonly page_kind: string;
  readonly nondeterministic: boolean;
  /** Some documented row has fewer or more cells than columns. */
  readonly ragged: boolean;
}

export type Outcome = 'pass' | 'fail' | 'unsupported';

export interface ExampleResult {
  readonly id: string;
  readonly outcome: Outcome;
  readonly group: string;
  readonly family: string;
  readonly detail: string;
}

export const CORPUS = resolve(process.cwd(), '../shared/corpus/kql-docs/examples.jsonl');
// Fixed clock for reproducible now()/ago() examples.
const NOW = new Date('2025-01-01T00:00:00Z');

export function loadExamples(): Example[] {
  return readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Example);
}

function stem(page: string): string {
  return (page.split('/').pop() ?? page).replace(/\.md$/, '');
}

export function groupOf(ex: Example): { group: string; family: string } {
  const s = stem(ex.page);
  if (ex.page_kind === 'operator') return { group: `op:${s.replace(/-operator$/, '')}`, family: 'operator' };
  const fn = s.replace(/-(function|aggregation-function|aggregate-function|plugin|fl)$/, '').replace(/-/g, '_');
  const spec = lookupFunction(fn);
  return { group: ex.page_kind, family: spec?.family ?? ex.page_kind };
}

function ordered(kql: string): boolean {
  // top-nested is no sort: its output order is unspecified (the docs' own tables interleave levels).
  if (
    /\b(sort|order)\s+by\b|\btop\b(?!-nested)|\bserialize\b|\brow_number\b|\bprev\b|\bnext\b|\bmake-series\b/.test(kql)
  )
    return true;
  // `range` yields its rows in order, but a summarize, join, distinct or union after it
  // leaves the order unspecified (Kusto's docs: the output of summarize is not sorted).
  return /^\s*range\b|\|\s*range\b/m.test(kql) && !/\|\s*(summarize|join|distinct|union|partition)\b/.test(kql);
}

function rowKey(r: readonly string[]): string {
  return JSON.stringify(r);
}

export function compare(ex: Example, cols: readonly string[], rows: readonly (readonly string[])[]): string | null {
  const ec = ex.expected.columns.map(cleanDocCell);
  if (ec.length !== cols.length) return `columns ${JSON.stringify(cols)} vs doc ${JSON.stringify(ec)}`;
  let er = ex.expected.rows.map((r) => r.map(cleanDocCell));
  // An empty result rendered as one ragged, blank row (`||` under a two-column header).
  if (ex.ragged && er.length === 1 && (er[0]?.length ?? 0) < ec.length && er[0]?.every((c) => c === '')) er = [];
  if (er.length !== rows.length) return `${rows.length} rows vs doc ${er.length}`;
  // Random rows (`sample`) can only be compared by shape; the corpus flags rand() but not sample.
  if (ex.nondeterministic || /\|\s*sample\s+\d/.test(ex.kql)) return null;
  const eqRow = (a: readonly string[], b: readonly string[]) => a.every((c, i) => cellsEqual(c, b[i] ?? ''));
  if (ordered(ex.kql)) {
    for (let i = 0; i < rows.length; i++) {
      const a = rows[i] ?? [];
      const b = er[i] ?? [];
      if (!eqRow(a, b)) return `row ${i}: ${JSON.stringify(a)} vs doc ${JSON.stringify(b)}`;
    }
    return null;
  }
  // Unordered: greedy matching of each doc row to an unused row of ours.
  const used = new Set<number>();
  for (const b of er) {
    const idx = rows.findIndex((a, i) => !used.has(i) && eqRow(a, b));
    if (idx < 0) return `doc row ${rowKey(b)} not found in ${JSON.stringify(rows.slice(0, 4))}`;
    used.add(idx);
  }
  return null;
}

export async function runAll(filter?: (e: Example) => boolean): Promise<ExampleResult[]> {
  const b = await DuckDbBackend.open(null);
  const out: ExampleResult[] = [];
  try {
    for (const ex of loadExamples()) {
      if (ex.truncated || (filter !== undefined && !filter(ex))) continue;
      const { group, family } = groupOf(ex);
      try {
        if (process.env['CONFORMANCE_TRACE'] !== undefined) process.stderr.write(`${ex.id}\n`);
        const timer = setTimeout(() => b.interrupt(), 30_000);
        const t0 = performance.now();
        const r = await b.query(ex.kql, { now: NOW }).finally(() => clearTimeout(timer));
        const took = performance.now() - t0;
        if (took > 5_000) process.stderr.write(`conformance: ${ex.id} took ${(took / 1000).toFixed(1)} s\n`);
        const rows = r.rows.map((row) => row.map(cellText));
        const diff = compare(
          ex,
          r.columns.map((c) => c.name),
          rows,
        );
        out.push({ id: ex.id, outcome: diff === null ? 'pass' : 'fail', group, family, detail: diff ?? '' });
      } catch (err) {
        if (err instanceof QueryError) {
          const d = err.diagnostics[0];
          const code = d?.code ?? '';
          const unsupported = code.startsWith('EXF30') || code === 'EXF301';
          out.push({
            id: ex.id,
            outcome: unsupported ? 'unsupported' : 'fail',
            group,
            family,
            detail: `${code} ${d?.message ?? ''}`,
          });
        } else
          out.push({
            id: ex.id,
            outcome: 'fail',
            group,
            family,
            detail: `crash: ${err instanceof Error ? err.message : String(err)}`,
          });
      }
    }
  } finally {
    await b.close();
  }
  return out;
}

export function summarise(results: readonly ExampleResult[], key: 'group' | 'family'): string {
  const m = new Map<string, Record<Outcome, number>>();
  for (const r of results) {
    const k = r[key];
    const e = m.get(k) ?? { pass: 0, fail: 0, unsupported: 0 };
    e[r.outcome] += 1;
    m.set(k, e);
  }
  return [...m.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(
      ([k, v]) =>
        `  ${k.padEnd(28)} pass ${String(v.pass).padStart(4)}  fail ${String(v.fail).padStart(4)}  unsupported ${String(v.unsupported).padStart(4)}`,
    )
    .join('\n');
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const only = process.argv[2];
  const res = await runAll(only === undefined ? undefined : (e) => e.id.includes(only));
  const pass = res.filter((r) => r.outcome === 'pass').length;
  for (const r of res)
    if (r.outcome !== 'pass') console.log(`${r.outcome.padEnd(11)} ${r.id}: ${r.detail.slice(0, 300)}`);
  console.log(`pass ${pass}/${res.length} = ${((100 * pass) / res.length).toFixed(1)}%`);
  console.log(summarise(res, 'family'));
}
