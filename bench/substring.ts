// Case-insensitive string matching in DuckDB, side by side (not a test): the SQL exfilhunt
// emits for `contains`, `=~`, `has`, `startswith` and `like` against the alternatives
// (ILIKE, lower(x) LIKE, strpos, contains, regexp), on the bench tables (bench/data.ts).
// Every variant must return the same count (printed); ratios are against the fastest.
// The same runs on a copy where a quarter of the rows carry non-ASCII letters, because
// DuckDB's ILIKE has an ASCII-only fast path.
//
//   npx tsx bench/substring.ts [--rows 2000000] [--devices 200] [--repeat 5] [--db FILE (reused if present)]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DuckDbBackend } from '../src/engine/duckdb.js';
import { ensureData } from './data.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '2000000' },
    devices: { type: 'string', default: '200' },
    days: { type: 'string', default: '7' },
    repeat: { type: 'string', default: '5' },
    db: { type: 'string' },
  },
});
const SIZE = { rows: Number(values.rows), devices: Number(values.devices), days: Number(values.days) };
const REPEAT = Number(values.repeat);

interface Case {
  readonly title: string;
  /** The KQL whose generated SQL is measured as "exfilhunt" (its WHERE over table T). */
  readonly kql: string;
  readonly variants: readonly (readonly [string, string])[];
}

/** Predicates over T(x: a file path, f: a file name). */
const CASES: readonly Case[] = [
  {
    title: 'x contains "\\temp\\"',
    kql: `T | where x contains @"\\Temp\\" | count`,
    variants: [
      ['ILIKE', `x ILIKE '%\\temp\\%'`],
      ['lower(x) LIKE', `lower(x) LIKE '%\\temp\\%'`],
      ['contains(lower(x))', `contains(lower(x), '\\temp\\')`],
      ['strpos(lower(x)) > 0', `strpos(lower(x), '\\temp\\') > 0`],
      ['regexp (?i)', `regexp_matches(x, '(?i)\\\\temp\\\\')`],
    ],
  },
  {
    title: 'f =~ "FILE123.ZIP"',
    kql: `T | where f =~ "FILE123.ZIP" | count`,
    variants: [
      ['ILIKE', `f ILIKE 'file123.zip'`],
      ['lower(f) =', `lower(f) = 'file123.zip'`],
      ['regexp (?i) full', `regexp_full_match(f, '(?i)file123\\.zip')`],
    ],
  },
  {
    title: 'f in~ ("FILE1.ZIP", "file22.7z", "File12345.DOCX")',
    kql: `T | where f in~ ("FILE1.ZIP", "file22.7z", "File12345.DOCX") | count`,
    variants: [
      ['ILIKE ... OR', `(f ILIKE 'file1.zip' OR f ILIKE 'file22.7z' OR f ILIKE 'file12345.docx')`],
      ['lower(f) IN', `lower(f) IN ('file1.zip', 'file22.7z', 'file12345.docx')`],
    ],
  },
  {
    title: 'x startswith "d:\\shares"',
    kql: `T | where x startswith @"D:\\Shares" | count`,
    variants: [
      ['ILIKE', `x ILIKE 'd:\\shares%'`],
      ['lower(x) LIKE', `lower(x) LIKE 'd:\\shares%'`],
      ['starts_with(lower(x))', `starts_with(lower(x), 'd:\\shares')`],
      ['prefix(lower(x))', `prefix(lower(x), 'd:\\shares')`],
    ],
  },
  {
    title: 'x has "appdata"',
    kql: `T | where x has "AppData" | count`,
    variants: [
      ['regexp (?i) only', `regexp_matches(x, '(?i)(?:^|[^A-Za-z0-9])appdata(?:$|[^A-Za-z0-9])')`],
      [
        'ILIKE prefilter + regexp',
        `x ILIKE '%appdata%' AND regexp_matches(lower(x), '(?:^|[^A-Za-z0-9])appdata(?:$|[^A-Za-z0-9])')`,
      ],
    ],
  },
  {
    title: 'x like "%\\temp\\%" (SQL-style like)',
    kql: `T | where x like @"%\\Temp\\%" | count`,
    variants: [
      ['ILIKE', `x ILIKE '%\\temp\\%'`],
      ['lower(x) LIKE', `lower(x) LIKE '%\\temp\\%'`],
    ],
  },
];

async function timeSql(c: DuckDBConnection, sql: string): Promise<{ ms: number; count: string }> {
  let ms = Infinity;
  let count = '';
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    const r = await c.runAndReadAll(sql);
    ms = Math.min(ms, performance.now() - t0);
    count = String(r.getRowsJS()[0]?.[0]);
  }
  return { ms, count };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-bench-'));
  const path = values.db ?? join(dir, 'bench.duckdb');
  const wsPath = join(dir, 'ws.duckdb');
  try {
    if (await ensureData(path, SIZE)) console.log(`generated ${SIZE.rows.toLocaleString()} rows`);
    // A workspace with T(x) lets exfilhunt compile the predicates exactly as for a real column.
    const ws = await DuckDBInstance.create(wsPath);
    const wc = await ws.connect();
    await wc.run(`CREATE TABLE T (x VARCHAR, f VARCHAR)`);
    wc.closeSync();
    ws.closeSync();
    const b = await DuckDbBackend.open(wsPath);
    const generated = new Map<string, string>();
    for (const k of CASES) {
      const sql = (await b.explain(k.kql)).sql;
      // `... FROM "T" WHERE <pred>` (inside a subquery: one closing parenthesis more).
      const at = sql.indexOf('FROM "T" WHERE ');
      const rest = at < 0 ? 'false' : sql.slice(at + 'FROM "T" WHERE '.length);
      const where = sql.slice(0, at).includes('FROM (') ? rest.slice(0, -1) : rest;
      generated.set(k.kql, where);
    }
    await b.close();

    const inst = await DuckDBInstance.create(path);
    const c = await inst.connect();
    // Distinct paths (a per-row folder and the file name), as in real telemetry: the bench
    // tables have few distinct FolderPath values, which DuckDB's dictionaries make too cheap.
    const xSql = `"FolderPath" || 'sub' || CAST("ReportId" % 100003 AS VARCHAR) || '\\' || "FileName"`;
    await c.run(`CREATE TEMP TABLE ascii AS SELECT ${xSql} AS x, "FileName" AS f FROM "DeviceFileEvents"`);
    await c.run(
      `CREATE TEMP TABLE mixed AS SELECT CASE WHEN "ReportId" % 4 = 0 THEN replace(replace(${xSql}, 'alice', 'Ålice'), 'Finance', 'Finanșe') ELSE ${xSql} END AS x, ` +
        `CASE WHEN "ReportId" % 4 = 0 THEN replace("FileName", 'file', 'fïle') ELSE "FileName" END AS f FROM "DeviceFileEvents"`,
    );
    for (const table of ['ascii', 'mixed']) {
      console.log(`\n## ${table === 'ascii' ? 'ASCII paths' : 'paths, 1 in 4 with non-ASCII letters'}`);
      for (const k of CASES) {
        const rows: { name: string; ms: number; count: string }[] = [];
        const all: (readonly [string, string])[] = [['exfilhunt', generated.get(k.kql) ?? 'false'], ...k.variants];
        for (const [name, pred] of all) {
          const r = await timeSql(c, `SELECT count(*) FROM ${table} WHERE ${pred}`);
          rows.push({ name, ...r });
        }
        const fastest = Math.min(...rows.map((r) => r.ms));
        console.log(`\n${k.title}   (exfilhunt emits: ${generated.get(k.kql) ?? ''})`);
        console.log(`| variant | ms | vs fastest | count |\n|---|---:|---:|---:|`);
        for (const r of rows)
          console.log(`| ${r.name} | ${r.ms.toFixed(1)} | ${(r.ms / fastest).toFixed(2)} | ${r.count} |`);
      }
    }
    c.closeSync();
    inst.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
