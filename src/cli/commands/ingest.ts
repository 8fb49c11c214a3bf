// `exfilhunt ingest [--db FILE] [--table NAME] [--strict] [--json] PATH...`
import { CliError, DEFAULT_DB, parseCommandArgs } from '../command.js';
import { sanitizeCell } from '../../util/terminal.js';
import { getTable } from '../../schema/index.js';
import { ingestPaths, StrictRejectError, type IngestProgress, type IngestSummary } from '../../ingest/index.js';

const HELP = `usage: exfilhunt ingest [--db FILE] [--table NAME] [--strict] [--json] PATH...

Ingest Defender exports (files or folders, recursively) into a workspace. The format is
detected from content: streaming API (Event Hub or storage), hunting API / Graph responses,
Defender portal CSV, Log Analytics JSON/CSV, NDJSON, Parquet, and gzip of any of them.

  --db FILE      workspace (default ${DEFAULT_DB}; created if missing)
  --table NAME   table for rows whose format names none (hunting API, plain NDJSON/CSV/Parquet)
  --strict       stop at the first rejected row (that file is rolled back)
  --json         print a machine-readable summary on stdout
Exit status: 0 all files processed (rejected rows are reported), 1 a file failed or --strict stopped.`;

function fmtBytes(n: number): string {
  const u = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1024 && i < u.length - 1) {
    n /= 1024;
    i++;
  }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${u[i]}`;
}

function progressRenderer(): { update: (p: IngestProgress) => void; clear: () => void } {
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      const secs = Math.max((now - start) / 1000, 0.001);
      const rate = p.rows / secs;
      const bps = p.bytesDone / secs;
      const eta = bps > 0 && p.bytesTotal > p.bytesDone ? Math.ceil((p.bytesTotal - p.bytesDone) / bps) : 0;
      const line = `[${p.fileIndex + 1}/${p.fileCount}] ${fmtBytes(p.bytesDone)}/${fmtBytes(p.bytesTotal)}  ${p.rows.toLocaleString('en-US')} rows  ${Math.round(rate).toLocaleString('en-US')} rows/s  ETA ${eta}s`;
      process.stderr.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    clear() {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}

export function renderSummary(s: IngestSummary): string {
  const out: string[] = [];
  for (const f of s.files) {
    const fmt = f.format === undefined ? '?' : `${f.format}${f.gzip ? '+gzip' : ''}`;
    out.push(
      `${f.status.padEnd(14)} ${sanitizeCell(f.path)} (${fmt}, ${fmtBytes(f.size)}): read ${f.counts.read}, stored ${f.counts.stored}, rejected ${f.counts.rejected}`,
    );
    for (const [t, c] of Object.entries(f.tables))
      out.push(`    ${sanitizeCell(t)}: read ${c.read}, stored ${c.stored}, rejected ${c.rejected}`);
    for (const m of f.messages) out.push(`    note: ${sanitizeCell(m)}`);
  }
  out.push('');
  out.push('per table:');
  for (const [t, c] of Object.entries(s.tables).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`  ${sanitizeCell(t).padEnd(26)} read ${c.read}, stored ${c.stored}, rejected ${c.rejected}`);
  }
  out.push(
    `total: read ${s.totals.read}, stored ${s.totals.stored}, rejected ${s.totals.rejected} — ${fmtBytes(s.bytes)} in ${(s.durationMs / 1000).toFixed(1)} s`,
  );
  if (s.rejects.length > 0) {
    out.push('');
    out.push('rejected rows:');
    const shown = s.rejects.slice(0, 50);
    for (const r of shown) out.push(`  ${sanitizeCell(r.path)}:${r.line}: ${sanitizeCell(r.reason)}`);
    const more = s.totals.rejected - shown.length;
    if (more > 0) out.push(`  … ${more} more (all are in the workspace table _exfilhunt_rejects)`);
  }
  return out.join('\n') + '\n';
}

export async function run(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    table: { type: 'string' },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`no input paths\n\n${HELP}`);
  if (values.table !== undefined && getTable(values.table) === undefined)
    throw new CliError(`unknown table '${sanitizeCell(values.table)}'`);
  const json = values.json === true;
  const progress = !json && process.stderr.isTTY === true ? progressRenderer() : undefined;
  let summary: IngestSummary;
  let code = 0;
  try {
    summary = await ingestPaths(values.db ?? DEFAULT_DB, positionals, {
      table: values.table,
      strict: values.strict === true,
      onProgress: progress?.update,
    });
  } catch (err) {
    progress?.clear();
    if (err instanceof StrictRejectError) {
      summary = err.summary;
      code = 1;
      process.stderr.write(`exfilhunt ingest: --strict: ${sanitizeCell(err.message)}; that file was rolled back\n`);
    } else if (err instanceof Error && /ENOENT|unknown table/.test(err.message)) {
      throw new CliError(sanitizeCell(err.message));
    } else throw err;
  }
  progress?.clear();
  if (summary.files.some((f) => f.status === 'failed')) code = 1;
  process.stdout.write(json ? JSON.stringify(summary, null, 2) + '\n' : renderSummary(summary));
  return code;
}
