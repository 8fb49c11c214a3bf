// exfilhunt investigate [--db FILE] (--device NAME | --user NAME | --all) [--from ISO --to ISO]
//   [--window 2m] [--format text|json] [--report DIR]
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CliError, DEFAULT_DB, parseCommandArgs } from '../command.js';
import { parseDuration } from '../../hunt/params.js';

const HELP = `usage: exfilhunt investigate [--db FILE] (--device NAME | --user NAME | --all)
                             [--from ISO --to ISO] [--window 2m] [--format text|json] [--report DIR]

Runs the playbook (src/hunt/playbook/*.kql) on a workspace and prints a verdict per
device and user: EXFILTRATED, ATTEMPTED_PREVENTED, STAGED_NO_TRANSFER, BENIGN, INCONCLUSIVE.
  --window     pivot window around each suspicious archive (default 2m, as in the seeds)
  --format     text (terminal summary, default) or json (docs/investigation.md)
  --report DIR also write report.md, report.html, report.json and an ATT&CK layer
`;

function parseTime(flag: string, v: string | undefined): Date | null {
  if (v === undefined) return null;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw new CliError(`${flag}: not an ISO time: ${v}`);
  return d;
}

export async function run(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      db: { type: 'string' },
      device: { type: 'string' },
      user: { type: 'string' },
      all: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string' },
      window: { type: 'string' },
      format: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help === true) {
    process.stdout.write(HELP);
    return 0;
  }
  const scopes = [values.device !== undefined, values.user !== undefined, values.all === true].filter(Boolean).length;
  if (scopes !== 1) throw new CliError('give exactly one of --device NAME, --user NAME or --all');
  if (values.device === '' || values.user === '') throw new CliError('--device/--user need a non-empty name');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new CliError(`--format must be text or json, not ${format}`);
  let windowMs = 120_000;
  try {
    if (values.window !== undefined) windowMs = parseDuration(values.window);
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  if (windowMs <= 0 || windowMs > 7 * 86_400_000) throw new CliError('--window must be between 1ms and 7d');
  const from = parseTime('--from', values.from);
  const to = parseTime('--to', values.to);
  if (from !== null && to !== null && from > to) throw new CliError('--from is after --to');

  const { DuckDbBackend } = await import('../../engine/duckdb.js');
  const { investigate } = await import('../../hunt/investigate.js');
  const db = values.db ?? DEFAULT_DB;
  let backend;
  try {
    backend = await DuckDbBackend.open(db, { allowMissing: false });
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
  try {
    const result = await investigate(backend, {
      device: values.device ?? null,
      user: values.user ?? null,
      all: values.all === true,
      from,
      to,
      windowMs,
    });
    if (values.report !== undefined) {
      const { writeReports } = await import('../../report/index.js').catch(() => ({ writeReports: null }));
      if (writeReports !== null) {
        const out = await writeReports(result, values.report, {
          onWarning: (m) => process.stderr.write(`warning: ${m}\n`),
        });
        process.stderr.write(`report: ${out.files.length} files in ${values.report}\n`);
      } else {
        mkdirSync(values.report, { recursive: true });
        writeFileSync(join(values.report, 'report.json'), JSON.stringify(result, null, 2) + '\n');
      }
    }
    if (format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else {
      const { renderText } = await import('../../hunt/text.js');
      process.stdout.write(renderText(result));
    }
    return 0;
  } finally {
    await backend.close();
  }
}
