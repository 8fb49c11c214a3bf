// `exfilhunt report`: re-render a saved investigation (investigate --format json) as the
// full report set. Warnings and paths are printed through the terminal sanitizer: the
// output directory and warnings can carry attacker-influenced text.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, parseCommandArgs } from '../command.js';
import { parseInvestigationResult, ResultFormatError, writeReports } from '../../report/index.js';
import { sanitizeForTerminal } from '../../util/terminal.js';

const USAGE = `usage: exfilhunt report [--db FILE] --from-json investigation.json --out DIR [--no-png] [--top N]

Renders report.md, report.html, report.json, attack-layer.json, timeline.png and
process-tree.png (a fleet result gets a ranking plus one subfolder per entity).

  --from-json FILE  a result saved with \`exfilhunt investigate --format json\`
  --out DIR         output directory (created if missing)
  --db FILE         accepted for symmetry with investigate; the saved result is self-contained
  --no-png          skip the headless-chromium pictures
  --top N           result rows shown per investigation step in report.md (default 10)`;

export async function run(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      'from-json': { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      'no-png': { type: 'boolean' },
      top: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help === true) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const from = values['from-json'];
  const out = values.out;
  if (from === undefined || out === undefined) throw new CliError(`--from-json and --out are required\n${USAGE}`);
  let top: number | undefined;
  if (values.top !== undefined) {
    top = Number(values.top);
    if (!Number.isInteger(top) || top < 1 || top > 10_000)
      throw new CliError('--top must be an integer between 1 and 10000');
  }
  let text: string;
  try {
    text = readFileSync(from, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read ${sanitizeForTerminal(from)}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let result;
  try {
    result = parseInvestigationResult(text);
  } catch (err) {
    if (err instanceof ResultFormatError)
      throw new CliError(
        `${sanitizeForTerminal(from)} is not an exfilhunt investigation result: ${sanitizeForTerminal(err.message)}`,
      );
    throw err;
  }
  const outDir = resolve(out);
  const { files } = await writeReports(result, outDir, {
    png: values['no-png'] !== true,
    ...(top !== undefined ? { topRows: top } : {}),
    onWarning: (m) => process.stderr.write(`warning: ${sanitizeForTerminal(m)}\n`),
  });
  process.stdout.write(`wrote ${files.length} files to ${sanitizeForTerminal(outDir)}\n`);
  for (const f of files) process.stdout.write(`  ${sanitizeForTerminal(f)}\n`);
  return 0;
}
