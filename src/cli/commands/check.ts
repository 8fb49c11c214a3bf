// `exfilhunt check [--jsonl FILE] [QUERY]`: parse and type-check KQL against the Defender
// schema. Kept free of DuckDB and the engine so a cold start stays fast.
import { readFileSync } from 'node:fs';
import { CliError, parseCommandArgs } from '../command.js';
import { check } from '../../kql/check.js';
import { hasErrors, type Diagnostic } from '../../kql/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../kql/diagnostics/render.js';
import { sanitizeForTerminal } from '../../util/terminal.js';
import { INVALID_INPUT_LINE } from '../../kql/diagnostics/binding-codes.js';
import type { Column } from '../../kql/types.js';

const USAGE = `usage: exfilhunt check [--jsonl FILE] [QUERY]

Parse and type-check a KQL query against the Defender advanced-hunting schema.
Prints the diagnostics (exit code 1 on errors) or the result columns.

  QUERY          the query text; '-' or absent reads it from standard input
  --jsonl FILE   check every line {"id","kql"} of FILE ('-' = stdin); writes one JSON
                 line per query: {"id","ok","diagnostics":[...],"columns":[...]}
  -h, --help     show this help`;

/** A line of --jsonl output. */
export interface CheckRecord {
  readonly id: string | null;
  readonly ok: boolean;
  readonly diagnostics: readonly {
    readonly code: string;
    readonly severity: Diagnostic['severity'];
    readonly phase: 'syntax' | 'binding';
    readonly message: string;
    readonly start: number;
    readonly end: number;
  }[];
  readonly columns: readonly { readonly name: string; readonly type: string }[];
}

function typeName(c: Column): string {
  // `unknown` only survives error recovery; Kusto would call such a column dynamic.
  return c.type === 'unknown' ? 'dynamic' : c.type;
}

export function checkRecord(id: string | null, kql: string): CheckRecord {
  const r = check(kql);
  return {
    id,
    ok: !hasErrors(r.diagnostics),
    diagnostics: r.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      phase: d.phase === 'syntax' ? 'syntax' : 'binding',
      message: d.message,
      start: d.span.start,
      end: d.span.end,
    })),
    columns: (r.columns ?? []).map((c) => ({ name: c.name, type: typeName(c) })),
  };
}

function invalidLine(lineNo: number, why: string): CheckRecord {
  return {
    id: null,
    ok: false,
    diagnostics: [
      {
        code: INVALID_INPUT_LINE.code,
        severity: 'error',
        phase: 'syntax',
        message: INVALID_INPUT_LINE.message({ line: lineNo, why }),
        start: 0,
        end: 0,
      },
    ],
    columns: [],
  };
}

/** Processes --jsonl input text; returns the output lines and whether every query checked clean. */
export function checkJsonl(text: string): { lines: string[]; allOk: boolean } {
  const lines: string[] = [];
  let allOk = true;
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let rec: CheckRecord;
    try {
      const o: unknown = JSON.parse(raw);
      if (typeof o !== 'object' || o === null || !('kql' in o) || typeof o.kql !== 'string')
        rec = invalidLine(i + 1, 'expected an object with a string "kql"');
      else {
        const id = 'id' in o && (typeof o.id === 'string' || typeof o.id === 'number') ? String(o.id) : null;
        rec = checkRecord(id, o.kql);
      }
    } catch {
      rec = invalidLine(i + 1, 'not valid JSON');
    }
    if (!rec.ok) allOk = false;
    lines.push(JSON.stringify(rec));
  });
  return { lines, allOk };
}

function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    throw new CliError(
      `cannot read ${path === '-' ? 'standard input' : sanitizeForTerminal(path)}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** Human output for one query: rendered diagnostics, then the columns when there is no error. */
export function formatCheck(kql: string, color: boolean): { out: string; err: string; code: number } {
  const r = check(kql);
  const err = r.diagnostics.length > 0 ? renderDiagnostics(kql, r.diagnostics, { color }) + '\n' : '';
  if (hasErrors(r.diagnostics)) {
    const n = r.diagnostics.filter((d) => d.severity === 'error').length;
    return { out: '', err: `${err}\n${n} error${n === 1 ? '' : 's'}\n`, code: 1 };
  }
  const cols = r.columns ?? [];
  const width = Math.max(0, ...cols.map((c) => c.name.length));
  const out = cols.map((c) => `${sanitizeForTerminal(c.name).padEnd(width)}  ${typeName(c)}`).join('\n');
  return { out: out === '' ? '' : out + '\n', err, code: 0 };
}

export async function run(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    jsonl: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.jsonl !== undefined) {
    if (positionals.length > 0) throw new CliError('give either --jsonl FILE or a QUERY, not both');
    const { lines, allOk } = checkJsonl(readInput(values.jsonl));
    process.stdout.write(lines.map((l) => l + '\n').join(''));
    return allOk ? 0 : 1;
  }
  if (positionals.length > 1) throw new CliError('expected one QUERY argument (quote it)');
  const q = positionals[0];
  if (q === undefined && process.stdin.isTTY === true) throw new CliError(`no query given\n${USAGE}`);
  const kql = q === undefined || q === '-' ? readInput('-') : q;
  const color = process.stderr.isTTY === true && process.env['NO_COLOR'] === undefined;
  const r = formatCheck(kql, color);
  process.stderr.write(r.err);
  process.stdout.write(r.out);
  return r.code;
}
