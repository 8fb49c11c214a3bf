// Front-end benchmark (not a test). Run after `npm run build`:
//   node --import tsx bench/frontend.ts [runs]
// 1. cold `node bin/exfilhunt.js check 'DeviceFileEvents | take 1'` wall time (median of runs)
// 2. cold start of the official analyser (@kusto/language-service-next): require + first
//    ParseAndAnalyze of the same query against the same MDE schema, in a fresh node process
// 3. warm parse + bind of the whole m365d hunting corpus, in process (median of runs)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { check } from '../src/kql/check.js';
import { mdeSchemaMap } from '../src/schema/index.js';

const RUNS = Number(process.argv[2] ?? 7);
const QUERY = 'DeviceFileEvents | take 1';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Sample {
  readonly wall: number;
  /** user + system CPU of the child, from /usr/bin/time when available (load-independent-ish). */
  readonly cpu: number | null;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function timeSpawn(args: readonly string[]): Sample[] {
  const out: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cmd = TIME ?? process.execPath;
    const argv = TIME !== null ? ['-f', 'EXFCPU %U %S', process.execPath, ...args] : [...args];
    const t0 = performance.now();
    const r = spawnSync(cmd, argv, { encoding: 'utf8' });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    const m = /EXFCPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
    out.push({ wall, cpu: m === null ? null : (Number(m[1]) + Number(m[2])) * 1000 });
  }
  return out;
}

const walls = (xs: readonly Sample[]): number[] => xs.map((x) => x.wall);
const cpus = (xs: readonly Sample[]): string =>
  xs.every((x) => x.cpu !== null) ? `${median(xs.map((x) => x.cpu ?? 0)).toFixed(0)} ms` : 'n/a';

if (!existsSync('dist/cli/main.js')) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}

// 0. bare node start-up, for context on a loaded machine
const bare = timeSpawn(['-e', '0']);

// 1. our cold start
const ours = timeSpawn(['bin/exfilhunt.js', 'check', QUERY]);

// 2. the official library's cold start, same schema
const require = createRequire(import.meta.url);
const pkgDir = resolve(require.resolve('@kusto/language-service-next/package.json'), '..');
const schema = [...mdeSchemaMap()].map(([name, t]) => [
  name,
  '(' + t.columns.map((c) => `['${c.name}']:${c.type}`).join(', ') + ')',
]);
const dir = mkdtempSync(join(tmpdir(), 'exf-bench-'));
const script = join(dir, 'official.cjs');
writeFileSync(
  script,
  `require(${JSON.stringify(join(pkgDir, 'bridge.js'))});
require(${JSON.stringify(join(pkgDir, 'Kusto.Language.Bridge.js'))});
const L = globalThis.Kusto.Language, S = L.Symbols;
const tables = ${JSON.stringify(schema)}.map(([n, s]) => new S.TableSymbol.$ctor7(n, s, null));
const g = L.GlobalState.Default.WithDatabase(new S.DatabaseSymbol.ctor('db', tables));
const code = L.KustoCode.ParseAndAnalyze(${JSON.stringify(QUERY)}, g);
if (code.ResultType === null) process.exit(1);
`,
);
const official = timeSpawn([script]);

// 3. warm corpus parse + bind
const corpus = readFileSync('../shared/corpus/hunting-queries/m365d.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => (JSON.parse(l) as { kql: string }).kql);
const schemaMap = mdeSchemaMap();
for (const q of corpus) check(q, { schema: schemaMap }); // warm-up
const passes: number[] = [];
const passCpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const q of corpus) check(q, { schema: schemaMap });
  passes.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  passCpu.push((c.user + c.system) / 1000);
}

const ms = (x: number): string => `${x.toFixed(0)} ms`;
const rows: [string, string, string, string][] = [
  ['measure', 'wall', 'cpu', 'target'],
  ['bare `node -e 0` (baseline)', ms(median(walls(bare))), cpus(bare), ''],
  ['cold `check` (ours, node bin/exfilhunt.js)', ms(median(walls(ours))), cpus(ours), '< 300 ms wall'],
  ['cold official analyser (require + first analyse)', ms(median(walls(official))), cpus(official), ''],
  ['ratio official / ours (wall)', `${(median(walls(official)) / median(walls(ours))).toFixed(1)}x`, '', ''],
  [`warm parse+bind, m365d corpus (${corpus.length} queries)`, ms(median(passes)), ms(median(passCpu)), '< 1000 ms'],
];
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
console.log(`front-end benchmark, median of ${RUNS} runs`);
for (const r of rows) console.log(`${r[0].padEnd(w[0]!)}  ${r[1].padStart(w[1]!)}  ${r[2].padStart(w[2]!)}  ${r[3]}`);
