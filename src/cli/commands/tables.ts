// `exfilhunt tables [--db FILE] [--json]`: what a workspace holds and where it came from.
import { DEFAULT_DB, parseCommandArgs, CliError } from '../command.js';
import { sanitizeCell } from '../../util/terminal.js';
import { listTables } from '../../ingest/index.js';

/**
 * Source files listed per table by default. A storage-account export is one blob per table and
 * hour, so a month of one table is ~720 files: the first few say where the data came from.
 */
const SOURCES_SHOWN = 5;

export async function run(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      db: { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      files: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help === true) {
    process.stdout.write(
      'usage: exfilhunt tables [--db FILE] [--json] [--all] [--files]\n' +
        `  lists tables with rows, time range, devices and source files (--all: include empty tables;\n` +
        `  --files: every source file, not only the first ${SOURCES_SHOWN} of a table)\n`,
    );
    return 0;
  }
  const db = values.db ?? DEFAULT_DB;
  let tables;
  try {
    tables = await listTables(db);
  } catch (err) {
    throw new CliError(sanitizeCell(err instanceof Error ? err.message : String(err)));
  }
  if (values.json === true) {
    process.stdout.write(JSON.stringify(tables, null, 2) + '\n');
    return 0;
  }
  const shown = values.all === true ? tables : tables.filter((t) => t.rows > 0);
  if (shown.length === 0) process.stdout.write(`workspace ${sanitizeCell(db)} holds no rows yet\n`);
  for (const t of shown) {
    const range = t.from === null ? 'no rows' : `${t.from} .. ${t.to ?? ''}`;
    process.stdout.write(
      `${sanitizeCell(t.name)}  ${t.rows.toLocaleString('en-US')} rows  ${t.devices} devices  ${range}\n`,
    );
    if (t.extraColumns.length > 0)
      process.stdout.write(`  extra columns: ${t.extraColumns.map(sanitizeCell).join(', ')}\n`);
    const listed = values.files === true ? t.sources : t.sources.slice(0, SOURCES_SHOWN);
    for (const s of listed)
      process.stdout.write(
        `  from ${sanitizeCell(s.path)} (${s.rows} rows, sha256 ${s.sha256.slice(0, 12)}…, ${s.ingestedAt} UTC)\n`,
      );
    const rest = t.sources.slice(listed.length);
    if (rest.length > 0) {
      const rows = rest.reduce((n, s) => n + s.rows, 0);
      process.stdout.write(
        `  … and ${rest.length.toLocaleString('en-US')} more files (${rows.toLocaleString('en-US')} rows, last ingested ${rest[rest.length - 1]!.ingestedAt} UTC; --files lists them)\n`,
      );
    }
  }
  return 0;
}
