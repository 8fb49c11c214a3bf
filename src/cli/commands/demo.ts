// exfilhunt demo: the main job end to end, using the same commands an analyst would type:
//   lab (a fleet with the seeds' insider story) -> investigate --all -> reports.
// Each step is the real command module, so the demo exercises exactly what ships.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliError, parseCommandArgs } from '../command.js';

const HELP = `usage: exfilhunt demo [--out DIR] [--scenario NAME] [--seed N] [--devices D] [--days K]

Generates a lab fleet (default: exfil-success, seed 2, the seeds' device endpoint-za and
archive time), ingests it into DIR/workspace.duckdb, investigates every device and writes
the reports to DIR/report (fleet ranking in report.md / report.html, one folder per entity).
`;

export async function run(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      out: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      devices: { type: 'string' },
      days: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help === true) {
    process.stdout.write(HELP);
    return 0;
  }
  const out = resolve(values.out ?? 'out/demo');
  const scenario = values.scenario ?? 'exfil-success';
  const db = join(out, 'workspace.duckdb');
  const reportDir = join(out, 'report');
  // A demo always starts from a clean workspace so that it tells one story.
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const step = (n: number, title: string): void => {
    process.stderr.write(`\n== ${n}/3 ${title}\n`);
  };
  const lab = await import('./lab.js');
  const investigate = await import('./investigate.js');

  step(1, `lab: generate the '${scenario}' scenario and ingest it`);
  const labArgs = [
    '--scenario',
    scenario,
    '--seed',
    values.seed ?? '2',
    '--devices',
    values.devices ?? '6',
    '--days',
    values.days ?? '7',
    '--db',
    db,
  ];
  if (values.scenario === undefined)
    labArgs.push('--device', 'endpoint-za', '--archive-time', '2025-11-20T00:48:57.6034636Z');
  const labCode = await lab.run(labArgs);
  if (labCode !== 0) throw new CliError(`lab failed (exit ${labCode})`, labCode);

  step(2, 'investigate every device (playbook hunts through the KQL engine)');
  step(3, `report: ${reportDir}`);
  const code = await investigate.run(['--db', db, '--all', '--report', reportDir]);
  if (code !== 0) return code;
  process.stderr.write(
    `\nDone. Workspace: ${db}\nReports: ${reportDir} (fleet ranking in report.html / report.md; one folder per entity)\n` +
      `Try: node bin/exfilhunt.js query --db ${db} 'DeviceFileEvents | where FileName endswith "zip" | take 5'\n`,
  );
  return 0;
}
