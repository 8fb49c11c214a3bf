// `exfilhunt query [--db WORKSPACE] [--now ISO] [--format table|json|jsonl|csv] 'KQL'`
// `exfilhunt query --batch FILE.jsonl`: {"id","kql"} lines -> one JSON line each.
import { readFileSync } from 'node:fs';
import { CliError, DEFAULT_DB, parseCommandArgs } from '../command.js';
import { DuckDbBackend } from '../../engine/duckdb.js';
import { formatResult, type OutputFormat } from '../../engine/format.js';
import { cellJson } from '../../engine/render.js';
import { parseKustoDatetime } from '../../engine/time.js';
import { QueryError, type QueryResult } from '../../engine/types.js';
import { renderDiagnostics } from '../../kql/diagnostics/render.js';

const USAGE = `usage: exfilhunt query [--db WORKSPACE] [--now ISO] [--format table|json|jsonl|csv] 'KQL'
       exfilhunt query [--db WORKSPACE] [--now ISO] --batch FILE.jsonl`;

export function parseNow(s: string | undefined): Date | undefined {
  if (s === undefined) return undefined;
  const ns = parseKustoDatetime(s);
  if (ns === null) throw new CliError(`--now: not a datetime: ${JSON.stringify(s)}`);
  return new Date(Number(ns / 1_000_000n));
}

function errorJson(err: unknown): { code: string; message: string; start: number; end: number } {
  if (err instanceof QueryError) {
    const d = err.diagnostics.find((x) => x.severity === 'error') ?? err.diagnostics[0];
    if (d !== undefined) return { code: d.code, message: d.message, start: d.span.start, end: d.span.end };
  }
  return { code: 'EXF399', message: err instanceof Error ? err.message : String(err), start: 0, end: 0 };
}

async function runBatch(b: DuckDbBackend, file: string, now: Date | undefined): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read ${file}`);
  }
  let failures = 0;
  for (const [n, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let id: unknown = null;
    try {
      const rec: unknown = JSON.parse(line);
      if (typeof rec !== 'object' || rec === null) throw new Error('not an object');
      const r = rec as Record<string, unknown>;
      id = r['id'] ?? null;
      if (typeof r['kql'] !== 'string') throw new Error(`line ${n + 1}: missing "kql"`);
      const res = await b.query(r['kql'], now === undefined ? {} : { now });
      // A query with several tabular statements: the first table, then the others under "more".
      const table = (t: QueryResult) => ({
        columns: t.columns.map((c) => ({ name: c.name, type: c.type })),
        rows: t.rows.map((row) => row.map(cellJson)),
      });
      const more = res.more ?? [];
      process.stdout.write(
        `${JSON.stringify({ id, ...table(res), ...(more.length === 0 ? {} : { more: more.map(table) }) })}\n`,
      );
    } catch (err) {
      failures += 1;
      process.stdout.write(`${JSON.stringify({ id, error: errorJson(err) })}\n`);
    }
  }
  return failures === 0 ? 0 : 1;
}

export async function run(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    now: { type: 'string' },
    format: { type: 'string' },
    batch: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const format = (values.format ?? 'table') as OutputFormat;
  if (!['table', 'json', 'jsonl', 'csv'].includes(format))
    throw new CliError(`--format must be table, json, jsonl or csv`);
  const now = parseNow(values.now) ?? new Date();
  if (values.batch === undefined && positionals.length !== 1) throw new CliError(USAGE);
  const b = await DuckDbBackend.open(values.db ?? DEFAULT_DB);
  try {
    if (values.batch !== undefined) return await runBatch(b, values.batch, now);
    const kql = positionals[0] ?? '';
    try {
      const r = await b.query(kql, { now });
      process.stdout.write(formatResult(r, format));
      return 0;
    } catch (err) {
      if (err instanceof QueryError) {
        process.stderr.write(`${renderDiagnostics(kql, err.diagnostics)}\n`);
        return 1;
      }
      throw err;
    }
  } finally {
    await b.close();
  }
}
