// `exfilhunt explain [--db WORKSPACE] [--now ISO] 'KQL'`: the relational plan and the SQL.
import { CliError, DEFAULT_DB, parseCommandArgs } from '../command.js';
import { DuckDbBackend } from '../../engine/duckdb.js';
import { QueryError } from '../../engine/types.js';
import type { BagKey } from '../../kql/binder/bag-unpack.js';
import { renderDiagnostics } from '../../kql/diagnostics/render.js';
import { sanitizeForTerminal } from '../../util/terminal.js';
import { parseNow } from './query.js';

export async function run(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    now: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true || positionals.length !== 1) {
    if (values.help !== true) throw new CliError(`usage: exfilhunt explain [--db WORKSPACE] [--now ISO] 'KQL'`);
    process.stdout.write(`usage: exfilhunt explain [--db WORKSPACE] [--now ISO] 'KQL'\n`);
    return 0;
  }
  const kql = positionals[0] ?? '';
  const b = await DuckDbBackend.open(values.db ?? DEFAULT_DB);
  try {
    const opts = { now: parseNow(values.now) ?? new Date() };
    // bag_unpack keys are read once for all statements (as `query` does).
    const bagKeys = new Map<number, readonly BagKey[]>();
    const first = await b.explain(kql, opts, 0, bagKeys);
    // One plan per tabular statement (a query `T1; T2` returns two tables).
    for (let i = 0; i < first.results; i++) {
      const ex = i === 0 ? first : await b.explain(kql, opts, i, bagKeys);
      const which = first.results > 1 ? ` (result ${i + 1} of ${first.results})` : '';
      process.stdout.write(
        `-- plan${which}\n${sanitizeForTerminal(ex.planText)}\n-- sql (DuckDB)${which}\n${sanitizeForTerminal(ex.sql)}\n`,
      );
    }
    return 0;
  } catch (err) {
    if (err instanceof QueryError) {
      process.stderr.write(`${renderDiagnostics(kql, err.diagnostics)}\n`);
      return 1;
    }
    throw err;
  } finally {
    await b.close();
  }
}
