// Accuracy of `investigate --all` against lab ground truth: confusion matrix per scenario,
// precision/recall of malicious entities, and the benign-backup ceiling check.
// The investigation sees only the workspace; truth.json is read here, after it has answered.
//
//   node --import tsx scripts/accuracy.ts [--scenarios exfil-success,exfil-prevented,staged-only,benign-backup]
//        [--seeds 1-20] [--mixed-seeds 1-10] [--mixed-devices 200] [--mixed-days 30] [--json FILE]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLab } from '../src/lab/index.js';
import { DuckDbBackend } from '../src/engine/duckdb.js';
import { investigate } from '../src/hunt/investigate.js';
import type { InvestigationResult, Verdict } from '../src/hunt/result.js';
import type { Truth } from '../src/lab/index.js';

const VERDICTS: Verdict[] = ['EXFILTRATED', 'ATTEMPTED_PREVENTED', 'STAGED_NO_TRANSFER', 'INCONCLUSIVE', 'BENIGN'];
const MALICIOUS = new Set<Verdict>(['EXFILTRATED', 'ATTEMPTED_PREVENTED', 'STAGED_NO_TRANSFER']);
const RANK: Record<Verdict, number> = {
  EXFILTRATED: 4,
  ATTEMPTED_PREVENTED: 3,
  STAGED_NO_TRANSFER: 2,
  INCONCLUSIVE: 1,
  BENIGN: 0,
};

export interface RunScore {
  readonly scenario: string;
  readonly seed: number;
  readonly devices: number;
  readonly events: number;
  readonly ms: number;
  /** truth verdict -> predicted verdict -> count, per device. */
  readonly pairs: { device: string; user: string; truth: Verdict; predicted: Verdict; userMatch: boolean }[];
}

function range(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split(',')) {
    const [a, b] = part.split('-').map(Number);
    if (part.trim() === '' || a === undefined || Number.isNaN(a)) continue;
    for (let i = a; i <= (b ?? a); i++) out.push(i);
  }
  return out;
}

/** Per device: the most severe predicted verdict, and whether it sits on the true user. */
export function score(truth: Truth, result: InvestigationResult): RunScore['pairs'] {
  const mal = new Map(truth.entities.map((e) => [e.device.toLowerCase(), e]));
  const pairs: RunScore['pairs'] = [];
  for (const d of truth.devices) {
    const ents = result.entities.filter((e) => e.device.toLowerCase() === d.device.toLowerCase());
    const top = ents.reduce<Verdict>((v, e) => (RANK[e.verdict] > RANK[v] ? e.verdict : v), 'BENIGN');
    const t = mal.get(d.device.toLowerCase());
    const truthVerdict: Verdict = t?.verdict ?? 'BENIGN';
    const worst = ents.find((e) => e.verdict === top);
    const user = t?.user ?? d.user;
    const userMatch =
      top === 'BENIGN' || worst?.user === null || (worst?.user ?? '').toLowerCase() === user.toLowerCase();
    pairs.push({ device: d.device, user, truth: truthVerdict, predicted: top, userMatch });
  }
  return pairs;
}

/** Lab generation shares /tmp spools with other runs on a busy machine: retry a crashed generation once. */
async function runOne(scenario: string, seed: number, devices?: number, days?: number): Promise<RunScore> {
  try {
    return await runOnce(scenario, seed, devices, days);
  } catch (err) {
    process.stderr.write(
      `${scenario} seed ${seed}: retrying after: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n`,
    );
    return runOnce(scenario, seed, devices, days);
  }
}

async function runOnce(scenario: string, seed: number, devices?: number, days?: number): Promise<RunScore> {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-acc-'));
  try {
    const db = join(dir, 'ws.duckdb');
    const lab = await generateLab({
      batchEvents: 50_000_000, // one spool batch: multi-batch lab runs crashed here (a later batch lost a spool CSV)
      scenario,
      seed,
      db,
      vary: true,
      ...(devices !== undefined ? { devices } : {}),
      ...(days !== undefined ? { days } : {}),
    });
    const t0 = performance.now();
    const backend = await DuckDbBackend.open(db);
    try {
      const result = await investigate(backend, { all: true });
      return {
        scenario,
        seed,
        devices: lab.truth.devices.length,
        events: lab.events,
        ms: Math.round(performance.now() - t0),
        pairs: score(lab.truth, result),
      };
    } finally {
      await backend.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function matrix(runs: readonly RunScore[]): string {
  const m = new Map<string, number>();
  for (const r of runs)
    for (const p of r.pairs) m.set(`${p.truth}|${p.predicted}`, (m.get(`${p.truth}|${p.predicted}`) ?? 0) + 1);
  const truthRows = VERDICTS.filter((v) => v !== 'INCONCLUSIVE');
  const lines = [`| truth \\ predicted | ${VERDICTS.join(' | ')} |`, `|---|${VERDICTS.map(() => '---:').join('|')}|`];
  for (const t of truthRows)
    lines.push(`| ${t} | ${VERDICTS.map((p) => String(m.get(`${t}|${p}`) ?? 0)).join(' | ')} |`);
  return lines.join('\n');
}

export function precisionRecall(runs: readonly RunScore[]): {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of runs)
    for (const p of r.pairs) {
      const predicted = MALICIOUS.has(p.predicted) && p.userMatch;
      const actual = MALICIOUS.has(p.truth);
      if (predicted && actual) tp++;
      // A malicious verdict on the wrong user flags the wrong person (fp) and misses the right one (fn).
      else if (MALICIOUS.has(p.predicted)) fp++;
      if (actual && !predicted) fn++;
    }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenarios: { type: 'string', default: 'exfil-success,exfil-prevented,staged-only,benign-backup' },
      seeds: { type: 'string', default: '1-20' },
      'mixed-seeds': { type: 'string', default: '1-10' },
      'mixed-devices': { type: 'string', default: '200' },
      'mixed-days': { type: 'string', default: '30' },
      json: { type: 'string' },
      /** Score an existing lab workspace (its truth is `<db>.truth.json`) instead of generating. */
      'score-db': { type: 'string' },
    },
  });
  if (values['score-db'] !== undefined) {
    const db = values['score-db'];
    const truth = JSON.parse(readFileSync(`${db}.truth.json`, 'utf8')) as Truth;
    const backend = await DuckDbBackend.open(db);
    const t0 = performance.now();
    const result = await investigate(backend, { all: true });
    await backend.close();
    const run: RunScore = {
      scenario: truth.scenario,
      seed: truth.seed,
      devices: truth.devices.length,
      events: truth.events,
      ms: Math.round(performance.now() - t0),
      pairs: score(truth, result),
    };
    const pr = precisionRecall([run]);
    const wrong = run.pairs.filter((p) => p.truth !== p.predicted || !p.userMatch);
    process.stdout.write(
      `${db}: ${run.scenario} seed ${run.seed}, ${run.devices} devices, ${run.events} events, investigate --all ${run.ms} ms\nprecision ${pr.precision.toFixed(3)} recall ${pr.recall.toFixed(3)} (tp ${pr.tp}, fp ${pr.fp}, fn ${pr.fn})\n${wrong.map((p) => `  ${p.device}: ${p.truth} -> ${p.predicted}${p.userMatch ? '' : ' (wrong user)'}`).join('\n')}\n\n${matrix([run])}\n`,
    );
    return;
  }
  const runs: RunScore[] = [];
  const scenarios = (values.scenarios ?? '').split(',').filter((s) => s !== '');
  for (const scenario of scenarios)
    for (const seed of range(values.seeds ?? '')) {
      const r = await runOne(scenario, seed);
      runs.push(r);
      const wrong = r.pairs.filter((p) => p.truth !== p.predicted || !p.userMatch);
      process.stderr.write(
        `${scenario} seed ${seed}: ${r.devices} devices, ${r.events} events, ${r.ms} ms, ${wrong.length === 0 ? 'all correct' : wrong.map((p) => `${p.device}: ${p.truth} -> ${p.predicted}${p.userMatch ? '' : ' (wrong user)'}`).join('; ')}\n`,
      );
    }
  const mixed: RunScore[] = [];
  for (const seed of range(values['mixed-seeds'] ?? '')) {
    const r = await runOne('mixed', seed, Number(values['mixed-devices']), Number(values['mixed-days']));
    mixed.push(r);
    const wrong = r.pairs.filter((p) => p.truth !== p.predicted || !p.userMatch);
    process.stderr.write(
      `mixed seed ${seed}: ${r.devices} devices, ${r.events} events, ${r.ms} ms, ${wrong.length} wrong: ${wrong
        .slice(0, 8)
        .map((p) => `${p.device}: ${p.truth} -> ${p.predicted}`)
        .join('; ')}\n`,
    );
  }
  const out: string[] = [];
  for (const scenario of scenarios) {
    const rs = runs.filter((r) => r.scenario === scenario);
    const ok = rs.filter((r) => r.pairs.every((p) => p.truth === p.predicted && p.userMatch)).length;
    out.push(`${scenario}: ${ok}/${rs.length} seeds fully correct`);
  }
  const benign = runs.filter((r) => r.scenario === 'benign-backup').flatMap((r) => r.pairs);
  if (benign.length > 0)
    out.push(
      `benign-backup devices above INCONCLUSIVE: ${benign.filter((p) => MALICIOUS.has(p.predicted)).length} of ${benign.length}`,
    );
  if (runs.length > 0) out.push('', 'Single-scenario runs (per device):', '', matrix(runs));
  if (mixed.length > 0) {
    const pr = precisionRecall(mixed);
    out.push(
      '',
      `mixed (${mixed.length} seeds, ${mixed[0]!.devices} devices): precision ${pr.precision.toFixed(3)}, recall ${pr.recall.toFixed(3)} (tp ${pr.tp}, fp ${pr.fp}, fn ${pr.fn}); investigate --all ${mixed.map((r) => r.ms).join('/')} ms`,
      '',
      matrix(mixed),
    );
  }
  process.stdout.write(out.join('\n') + '\n');
  if (values.json !== undefined) writeFileSync(values.json, JSON.stringify({ runs, mixed }, null, 1));
}

if (process.argv[1]?.endsWith('accuracy.ts')) await main();
