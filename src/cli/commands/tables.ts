// `exfilhunt tables [--db FILE] [--json]`: what a workspace holds and where it came from.
import { DEFAULT_DB, parseCommandArgs, CliError } from '../command.js';
import { sanitizeCell } from '../../util/terminal.js';
import { listTables } from '../../ingest/index.js';

export async function run(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      db: { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help === true) {
    process.stdout.write(
      'usage: exfilhunt tables [--db FILE] [--json] [--all]\n  lists tables with rows, time range, devices and source files (--all: include empty tables)\n',
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
    for (const s of t.sources)
      process.stdout.write(
        `  from ${sanitizeCell(s.path)} (${s.rows} rows, sha256 ${s.sha256.slice(0, 12)}…, ${s.ingestedAt} UTC)\n`,
      );
  }
  return 0;
}
