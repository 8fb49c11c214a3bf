// generateLab: fleet -> per-device activity (benign, look-alikes, attacks) -> spooled batches
// -> DuckDB expansion -> files in a real export format (+ optional ingest) -> truth.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { background, boot, workDay, worksOn } from './benign.js';
import { DeviceCtx } from './device.js';
import { Batch, Emitter } from './emit.js';
import { makeFleet } from './fleet.js';
import {
  blobCdn,
  developerArchive,
  it7zipInstall,
  nightlyBackup,
  onedriveBulkSync,
  teamsLargeUpload,
  type LookalikeRecord,
} from './lookalikes.js';
import { Rng } from './prng.js';
import { runRound } from './scenarios/attack.js';
import { SCENARIOS, scenarioNames } from './scenarios/defs.js';
import { planAttacks, type AttackPlan, type Pins } from './scenarios/plan.js';
import { DAY, HOUR, MINUTE, formatTicks, parseIsoTicks, relTicks, type Clock } from './time.js';
import { EvidenceLog, type Truth, type TruthEntity } from './truth.js';
import { OutputPipeline } from './writers/pipeline.js';
import type { LabFormat } from './writers/expand.js';

export type { LabFormat } from './writers/expand.js';

export interface LabOptions {
  readonly scenario: string;
  readonly seed?: number;
  readonly devices?: number;
  readonly days?: number;
  /** Start of the window; floored to midnight UTC. Default 2025-11-14 (the seeds' week). */
  readonly start?: string;
  /** Output folder for the files and truth.json. */
  readonly out?: string;
  readonly format?: LabFormat;
  /** Workspace to ingest into (through the normal ingest reader); truth goes to `<db>.truth.json`. */
  readonly db?: string;
  /** Pin the malicious device to the seeds' story: name, user and exact timestamps. */
  readonly pin?: {
    readonly device?: string;
    readonly user?: string;
    readonly archiveTime?: string;
    readonly uploadTime?: string;
  };
  /** Vary archiver and destination by seed even in the single-device scenarios. */
  readonly vary?: boolean;
  /** Multiplier of routine activity volume (default 1). */
  readonly density?: number;
  /** Events per output part (memory bound). */
  readonly batchEvents?: number;
  readonly threads?: number;
  readonly onProgress?: (p: {
    readonly devices: number;
    readonly totalDevices: number;
    readonly events: number;
  }) => void;
}

export interface LabResult {
  readonly files: string[];
  readonly truth: Truth;
  readonly events: number;
  readonly truthPath: string;
  readonly outDir: string;
}

export const DEFAULT_START = '2025-11-14T00:00:00Z';

export async function generateLab(opts: LabOptions): Promise<LabResult> {
  const def = SCENARIOS[opts.scenario];
  if (def === undefined) throw new Error(`unknown scenario '${opts.scenario}' (one of: ${scenarioNames().join(', ')})`);
  const seed = opts.seed ?? 1;
  const nDevices = opts.devices ?? (def.targets === 'few' ? 40 : 5);
  const days = opts.days ?? 7;
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  if (!Number.isInteger(nDevices) || nDevices < 1) throw new Error('--devices must be a positive integer');
  if (!Number.isInteger(days) || days < 1) throw new Error('--days must be a positive integer');
  const startTicks = parseIsoTicks(opts.start ?? DEFAULT_START);
  const startMs = Math.floor(Number(startTicks / 10_000n) / 86_400_000) * 86_400_000;
  const clock: Clock = { baseMs: startMs };
  const end = days * DAY;
  const pins: Pins = {
    ...(opts.pin?.archiveTime !== undefined
      ? { archiveAt: pinned(clock, opts.pin.archiveTime, end, '--archive-time') }
      : {}),
    ...(opts.pin?.uploadTime !== undefined
      ? { uploadAt: pinned(clock, opts.pin.uploadTime, end, '--upload-time') }
      : {}),
  };
  const fleet = makeFleet(seed, {
    devices: nDevices,
    domain: 'contoso',
    ...(opts.pin?.device !== undefined ? { pinnedDevice: opts.pin.device } : {}),
    ...(opts.pin?.user !== undefined ? { pinnedUser: opts.pin.user } : {}),
  });
  const plans = planAttacks(seed, def, fleet, days, end, pins, opts.vary === true);
  const byDevice = new Map<number, AttackPlan>(plans.map((p) => [p.device.idx, p]));
  const tenantId = Rng.derive(seed, 'tenant').guid();

  const outDir = resolve(opts.out ?? (opts.db !== undefined ? mkdtempSync(join(tmpdir(), 'exfilhunt-lab-out-')) : '.'));
  mkdirSync(outDir, { recursive: true });
  const format: LabFormat = opts.format ?? 'streaming';
  const spoolRoot = mkdtempSync(join(tmpdir(), 'exfilhunt-lab-spool-'));
  const baseNs = BigInt(startMs) * 1_000_000n;
  const pipeline = await OutputPipeline.open(outDir, format, baseNs, tenantId, opts.threads);
  const em = new Emitter(clock);
  const entities: TruthEntity[] = [];
  const lookalikes: LookalikeRecord[] = [];
  const density = opts.density ?? 1;
  const batchEvents = opts.batchEvents ?? 250_000;
  let total = 0;
  let batchNo = 0;
  let pending: Promise<void> = Promise.resolve();
  let generated = false;
  try {
    for (const dev of fleet) {
      if (em.batch === null) {
        const dir = join(spoolRoot, `b${batchNo++}`);
        mkdirSync(dir);
        em.batch = new Batch(dir);
      }
      em.batch.devices.push(dev);
      const ctx = new DeviceCtx(em, dev, Rng.derive(seed, 'device', dev.idx), days, end);
      generateDevice(ctx, clock, def.lookalikes, density, days, lookalikes);
      const plan = byDevice.get(dev.idx);
      if (plan !== undefined) entities.push(runPlan(ctx, plan));
      if (em.batch.events >= batchEvents || dev === fleet[fleet.length - 1]) {
        const b = em.batch;
        em.batch = null;
        b.close();
        total += b.events;
        // DuckDB expands batch N on its own threads while JS generates batch N+1; writes stay
        // sequential, so the output is identical to a fully sequential run.
        await pending;
        pending = pipeline.write(b).then(() => {
          if (process.env['EXFILHUNT_LAB_KEEP_SPOOL'] === undefined) rmSync(b.dir, { recursive: true, force: true });
        });
        // Handled here so a failure surfaces at the next await, not as an unhandled rejection.
        pending.catch(() => undefined);
      }
      opts.onProgress?.({ devices: dev.idx + 1, totalDevices: fleet.length, events: total + (em.batch?.events ?? 0) });
    }
    await pending;
    generated = true;
  } finally {
    await pending.catch(() => undefined);
    pipeline.close();
    // A temporary export directory (--db) must not outlive a failed run: a big fleet fills the disk.
    if (!generated && opts.out === undefined && opts.db !== undefined) rmSync(outDir, { recursive: true, force: true });
    if (process.env['EXFILHUNT_LAB_KEEP_SPOOL'] === undefined) rmSync(spoolRoot, { recursive: true, force: true });
    else process.stderr.write(`lab: spool kept in ${spoolRoot}\n`);
  }
  const truth: Truth = {
    scenario: def.name,
    seed,
    start: formatTicks(clock, 0),
    end: formatTicks(clock, end),
    tenantId,
    devices: fleet.map((d) => ({ device: d.name, deviceId: d.deviceId, user: d.user.accountName })),
    entities,
    lookalikes,
    events: total,
    eventsByTable: em.countsByTable(),
  };
  const truthPath =
    opts.out === undefined && opts.db !== undefined ? `${resolve(opts.db)}.truth.json` : join(outDir, 'truth.json');
  writeFileSync(truthPath, JSON.stringify(truth, null, 2) + '\n');
  let files = pipeline.files;
  if (opts.db !== undefined) {
    // Same reader as real exports: no private shortcut into the workspace.
    const { ingestPaths } = await import('../ingest/index.js');
    // Portal CSV carries no table name and some tables' columns are subsets of others', so
    // each table's files go in with the table named, as an analyst would pass --table.
    try {
      let stored = 0;
      let duplicate = false;
      const groups = format === 'csv' ? groupByTable(files) : new Map([[undefined, files]]);
      for (const [table, group] of groups) {
        const summary = await ingestPaths(opts.db, group, { strict: true, ...(table !== undefined ? { table } : {}) });
        stored += summary.totals.stored;
        duplicate ||= summary.files.some((f) => f.status === 'duplicate');
        const failed = summary.files.find((f) => f.status === 'failed');
        if (failed !== undefined)
          throw new Error(`lab: ingest failed for ${failed.path}: ${failed.messages.join('; ')}`);
      }
      // Re-running the same seed into the same workspace is a no-op for the ingest (same content).
      if (!duplicate && stored !== total) throw new Error(`lab: ingest stored ${stored} of ${total} generated events`);
    } finally {
      // The export files were only a vehicle for the ingest.
      if (opts.out === undefined) rmSync(outDir, { recursive: true, force: true });
    }
    if (opts.out === undefined) files = [];
  }
  return {
    files,
    truth,
    events: total,
    truthPath,
    outDir: opts.out === undefined && opts.db !== undefined ? '' : outDir,
  };
}

function groupByTable(files: readonly string[]): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const f of files) {
    const table = basename(dirname(f));
    const list = groups.get(table) ?? [];
    list.push(f);
    groups.set(table, list);
  }
  return groups;
}

function pinned(clock: Clock, iso: string, end: number, flag: string): number {
  const t = relTicks(clock, parseIsoTicks(iso));
  if (t < 10 * MINUTE || t >= end - MINUTE) {
    throw new Error(
      `${flag} ${iso} is outside the lab window ${formatTicks(clock, 0)} .. ${formatTicks(clock, end)}; adjust --start/--days`,
    );
  }
  return t;
}

function generateDevice(
  ctx: DeviceCtx,
  clock: Clock,
  mult: number,
  density: number,
  days: number,
  out: LookalikeRecord[],
): void {
  const { rng, dev } = ctx;
  boot(ctx, rng.int(0, 5 * MINUTE));
  const installDay = rng.chance(0.15 * mult) ? rng.int(0, days - 1) : -1;
  let firstWorkday = true;
  for (let day = 0; day < days; day++) {
    background(ctx, day, density);
    if (dev.nightlyBackup) {
      const r = nightlyBackup(ctx, clock, day);
      if (r !== null && mult > 1) out.push(r);
    }
    const works = worksOn(ctx, clock, day);
    const apps = works ? workDay(ctx, day, density) : null;
    if (rng.chance(0.25 * mult))
      out.push(blobCdn(ctx, clock, Math.trunc(day * DAY + rng.int(0, 23) * HOUR + rng.int(0, HOUR - 1))));
    if (apps === null) continue;
    const s = apps.session;
    const during = (): number => Math.trunc(s.start + (s.end - s.start) * (0.1 + 0.8 * rng.float()));
    const forceAll = mult > 1 && dev.idx === 0 && firstWorkday;
    firstWorkday = false;
    if (day === installDay || forceAll) out.push(it7zipInstall(ctx, clock, during()));
    if ((dev.user.role === 'developer' && rng.chance(0.3 * mult)) || forceAll)
      out.push(developerArchive(ctx, clock, during(), s.explorer));
    if (rng.chance(0.04 * mult) || forceAll) out.push(onedriveBulkSync(ctx, clock, during(), apps.onedrive));
    if (rng.chance(0.06 * mult) || forceAll) out.push(teamsLargeUpload(ctx, clock, during(), apps.teams));
  }
}

function runPlan(ctx: DeviceCtx, plan: AttackPlan): TruthEntity {
  const log = new EvidenceLog();
  const st = { ctx, v: plan.variant, log, archives: [] as string[], installed: false };
  plan.rounds.forEach((r, i) => runRound(st, r, i));
  const stamps = log
    .all()
    .map((e) => e.timestamp)
    .sort();
  const v = plan.variant;
  const upload = plan.rounds.find((r) => r.uploadAt !== null);
  return {
    device: plan.device.name,
    deviceId: plan.device.deviceId,
    user: plan.device.user.accountName,
    upn: plan.device.user.upn,
    verdict: plan.profile.verdict,
    scenario: plan.profile.scenario,
    techniques: log.techniques(),
    variant: {
      tool: v.tool,
      archiverFileName:
        v.renamedTo ??
        (v.tool === 'compress-archive'
          ? 'powershell.exe'
          : v.tool === '7zip'
            ? '7z.exe'
            : v.tool === 'winrar'
              ? 'Rar.exe'
              : `${v.tool}.exe`),
      renamed: v.renamedTo !== null,
      stagingDir: v.stagingDir,
      archivePaths: st.archives,
      destination: v.destination,
      destinationUrl: plan.profile.transfer
        ? v.host === ''
          ? `${v.destination.replace('rclone-', '')}://${v.remoteIp ?? ''}`
          : `https://${v.host}${v.urlPath}`
        : null,
      outcome: plan.profile.transfer ? v.outcome : 'none',
      transferDelaySeconds: upload?.uploadAt != null ? Math.round((upload.uploadAt - upload.archiveAt) / 1e7) : null,
    },
    window: { from: stamps[0] ?? '', to: stamps[stamps.length - 1] ?? '' },
  };
}
