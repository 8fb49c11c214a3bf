// `exfilhunt lab`: generate fleet telemetry with an insider scenario and its ground truth.
import { CliError, parseCommandArgs } from '../command.js';
import { sanitizeCell } from '../../util/terminal.js';

const USAGE = `usage: exfilhunt lab --scenario NAME [--seed N] [--devices D] [--days K] [--start ISO]
                     (--out DIR | --db FILE) [--format streaming|ndjson|parquet|csv]
                     [--device NAME] [--user NAME] [--archive-time ISO] [--upload-time ISO] [--vary]
                     [--density X] [--quiet]

scenarios: exfil-success, exfil-prevented, staged-only, benign-backup, mixed
--device/--user/--archive-time/--upload-time pin the malicious device to a story, e.g. seed 002:
  --device endpoint-za --archive-time 2025-11-20T00:48:57.6034636Z --upload-time 2025-11-18T23:38:31.6453479Z
--format the export format written (with --db: the intermediate files ingested, then deleted);
         streaming (default) is ~2 KB of JSON per event: use parquet for large fleets
--vary   vary archiver and destination by seed in the single-device scenarios too (mixed always does)`;

function int(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new CliError(`${name} must be a non-negative integer, got '${v}'`);
  return Number(v);
}

export async function run(args: readonly string[]): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    {
      scenario: { type: 'string' },
      seed: { type: 'string' },
      devices: { type: 'string' },
      days: { type: 'string' },
      start: { type: 'string' },
      out: { type: 'string' },
      format: { type: 'string' },
      db: { type: 'string' },
      device: { type: 'string' },
      user: { type: 'string' },
      'archive-time': { type: 'string' },
      'upload-time': { type: 'string' },
      vary: { type: 'boolean' },
      density: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    false,
  );
  if (values.help === true) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.scenario === undefined) throw new CliError(`--scenario is required\n${USAGE}`);
  if ((values.out === undefined) === (values.db === undefined))
    throw new CliError('give exactly one of --out DIR or --db FILE');
  const format = values.format ?? 'streaming';
  if (format !== 'streaming' && format !== 'ndjson' && format !== 'parquet' && format !== 'csv') {
    throw new CliError(`--format must be streaming, ndjson, parquet or csv, got '${format}'`);
  }
  const density = values.density === undefined ? undefined : Number(values.density);
  if (density !== undefined && !(density > 0 && density <= 100))
    throw new CliError('--density must be a number in (0, 100]');
  const { generateLab } = await import('../../lab/index.js');
  const quiet = values.quiet === true || !process.stderr.isTTY;
  const started = Date.now();
  const seed = int(values.seed, '--seed');
  const devices = int(values.devices, '--devices');
  const days = int(values.days, '--days');
  let result;
  try {
    result = await generateLab({
      scenario: values.scenario,
      format,
      ...(seed !== undefined ? { seed } : {}),
      ...(devices !== undefined ? { devices } : {}),
      ...(days !== undefined ? { days } : {}),
      ...(values.start !== undefined ? { start: values.start } : {}),
      ...(values.out !== undefined ? { out: values.out } : {}),
      ...(values.db !== undefined ? { db: values.db } : {}),
      ...(density !== undefined ? { density } : {}),
      vary: values.vary === true,
      pin: {
        ...(values.device !== undefined ? { device: values.device } : {}),
        ...(values.user !== undefined ? { user: values.user } : {}),
        ...(values['archive-time'] !== undefined ? { archiveTime: values['archive-time'] } : {}),
        ...(values['upload-time'] !== undefined ? { uploadTime: values['upload-time'] } : {}),
      },
      onProgress: quiet
        ? undefined
        : (p) =>
            process.stderr.write(
              `\r  ${p.devices}/${p.totalDevices} devices, ${p.events.toLocaleString('en-US')} events`,
            ),
    });
  } catch (err) {
    if (err instanceof CliError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    if (/outside the lab window|unknown scenario|must be|not an ISO-8601/.test(msg)) throw new CliError(msg);
    throw err;
  }
  if (!quiet) process.stderr.write('\n');
  const secs = (Date.now() - started) / 1000;
  const t = result.truth;
  const lines = [
    `scenario ${t.scenario}, seed ${t.seed}: ${t.devices.length} devices, ${t.start} .. ${t.end}`,
    `${result.events.toLocaleString('en-US')} events${values.db !== undefined ? '' : ` in ${result.files.length} files`} in ${secs.toFixed(1)} s (${Math.round(result.events / Math.max(secs, 0.001)).toLocaleString('en-US')} events/s)`,
    ...t.entities.map(
      (e) => `  ${e.verdict.padEnd(19)} ${e.device} (${e.user}): ${e.techniques.map((x) => x.id).join(', ')}`,
    ),
    values.db !== undefined ? `ingested into ${values.db}` : `written to ${result.outDir}`,
    `truth: ${result.truthPath}`,
  ];
  process.stdout.write(lines.map(sanitizeCell).join('\n') + '\n');
  return 0;
}
