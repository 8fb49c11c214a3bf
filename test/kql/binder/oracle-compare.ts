// Schema-level differential comparison against the official analyser, shared by the test
// and by ad-hoc runs (`node --import tsx test/kql/binder/oracle-compare.ts`).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { check } from '../../../src/kql/check.js';
import { mdeSchemaMap } from '../../../src/schema/index.js';
import { analyze, makeGlobals } from './oracle.js';

export const CORPORA = ['../shared/corpus/hunting-queries/m365d.jsonl', '../shared/corpus/kql-docs/examples.jsonl'];

export interface CorpusQuery {
  readonly id: string;
  readonly kql: string;
}

export function loadCorpus(rel: string): CorpusQuery[] {
  const text = readFileSync(resolve(process.cwd(), rel), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; kql: string })
    .map((o) => ({ id: o.id, kql: o.kql }));
}

export interface Comparison {
  readonly id: string;
  readonly officialClean: boolean;
  readonly oursClean: boolean;
  /** Only for officially clean queries with a tabular result. */
  readonly agree: boolean | null;
  readonly ours: string;
  readonly official: string;
  readonly ourErrors: string;
}

const fmt = (cols: readonly { name: string; type: string }[] | null): string =>
  cols === null ? '(none)' : cols.map((c) => `${c.name}:${c.type}`).join(', ');

export function compareAll(queries: readonly CorpusQuery[]): Comparison[] {
  const schema = mdeSchemaMap();
  const globals = makeGlobals(schema);
  const out: Comparison[] = [];
  for (const q of queries) {
    const off = analyze(q.kql, globals);
    const ours = check(q.kql, { schema });
    const ourErrs = ours.diagnostics.filter((d) => d.severity === 'error');
    const officialClean = off.errors.length === 0;
    const oursClean = ourErrs.length === 0;
    let agree: boolean | null = null;
    if (officialClean && off.columns !== null) agree = oursClean && fmt(ours.columns) === fmt(off.columns);
    out.push({
      id: q.id,
      officialClean,
      oursClean,
      agree,
      ours: fmt(ours.columns),
      official: fmt(off.columns),
      ourErrors: ourErrs.map((d) => `${d.code}@${d.span.start}: ${d.message}`).join(' | '),
    });
  }
  return out;
}

if (process.argv[1] !== undefined && process.argv[1].endsWith('oracle-compare.ts')) {
  const all = CORPORA.flatMap(loadCorpus);
  const res = compareAll(all);
  const judged = res.filter((r) => r.agree !== null);
  const agree = judged.filter((r) => r.agree === true).length;
  for (const r of judged.filter((x) => x.agree === false)) {
    console.log(`DIFF ${r.id}\n  ours: ${r.ours}\n  offi: ${r.official}\n  errs: ${r.ourErrors}`);
  }
  console.log(`schema agreement: ${agree}/${judged.length} (${((100 * agree) / judged.length).toFixed(1)}%)`);
  console.log(
    `clean: ours ${res.filter((r) => r.oursClean).length}, official ${res.filter((r) => r.officialClean).length}, of ${res.length}`,
  );
}
