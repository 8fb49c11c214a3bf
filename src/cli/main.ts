// Entry point. Commands are loaded lazily so that `exfilhunt check` never pays for
// DuckDB, and a cold start stays well under the 300 ms budget.
import { CliError, type CommandModule } from './command.js';

const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<CommandModule> }>> = {
  check: {
    summary: 'parse and type-check KQL; print diagnostics or result columns',
    load: () => import('./commands/check.js'),
  },
  query: { summary: 'run KQL on a workspace (embedded DuckDB)', load: () => import('./commands/query.js') },
  explain: { summary: 'show the relational plan and SQL for a query', load: () => import('./commands/explain.js') },
  ingest: { summary: 'ingest Defender exports into a workspace', load: () => import('./commands/ingest.js') },
  tables: {
    summary: 'list workspace tables, row counts, time ranges and sources',
    load: () => import('./commands/tables.js'),
  },
  lab: {
    summary: 'generate fleet telemetry with insider scenarios and ground truth',
    load: () => import('./commands/lab.js'),
  },
  investigate: {
    summary: 'investigate a device, a user or the whole fleet',
    load: () => import('./commands/investigate.js'),
  },
  report: {
    summary: 'render a saved investigation as Markdown, HTML, JSON and a Navigator layer',
    load: () => import('./commands/report.js'),
  },
  demo: { summary: 'lab scenario -> investigate -> report, end to end', load: () => import('./commands/demo.js') },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([k, v]) => `  ${k.padEnd(width)}  ${v.summary}`);
  return [
    'usage: exfilhunt <command> [options]',
    '',
    'commands:',
    ...lines,
    '',
    'Run `exfilhunt <command> --help` for options.',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    const { VERSION } = await import('../version.js');
    process.stdout.write(`exfilhunt ${VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS[name];
  if (cmd === undefined) {
    process.stderr.write(`exfilhunt: unknown command '${name}'\n\n${usage()}\n`);
    return 2;
  }
  try {
    const mod = await cmd.load();
    return await mod.run(rest);
  } catch (err) {
    // Only CliError is an expected failure; anything else is a bug, still reported without a stack trace
    // unless EXFILHUNT_DEBUG asks for one.
    if (err instanceof CliError) {
      process.stderr.write(`exfilhunt ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    const msg = err instanceof Error ? err.message : String(err);
    process.stderr.write(`exfilhunt ${name}: internal error: ${msg}\n`);
    if (process.env['EXFILHUNT_DEBUG'] !== undefined && err instanceof Error)
      process.stderr.write(`${err.stack ?? ''}\n`);
    return 70;
  }
}
