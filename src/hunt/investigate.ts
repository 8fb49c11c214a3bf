// The investigation, automated: scope -> detection hunts (set-based, whole scope at once)
// -> pivots around the candidates (one query per pivot for all anchors) -> correlation per
// device and user -> verdict, ATT&CK, response. The engine sees only telemetry.
import type { Backend } from '../engine/types.js';
import type { EntityResult, HuntRun, InvestigationResult } from './result.js';
import { VERSION } from '../version.js';
import { WATCHED_DOMAINS } from './destinations.js';
import { kqlTimespan, type Anchor } from './params.js';
import { Baseline, habitOf } from './baseline.js';
import { isSuspiciousUploader, scoreArchive, STAGED_THRESHOLD, type Collection, type Ctx } from './assess.js';
import {
  archiveSignal,
  blockSignal,
  egressSignal,
  execSignal,
  usbSignal,
  type ArchiveSignal,
  type EgressSignal,
  type Signal,
} from './signals.js';
import { kustoTime, ms, normUser, num, str } from './rows.js';
import { forDevice, runHunt, type Params, type RanHunt } from './runner.js';
import { addCollection, assess, groupBy, noData, tableGaps } from './correlate.js';
import { buildEntity } from './entity.js';
import { detectionRule } from './detection.js';
import type { Assessment } from './assessment.js';
import type { DetectionRule } from './response.js';

export interface InvestigateOptions {
  readonly device?: string | null;
  readonly user?: string | null;
  readonly all?: boolean;
  readonly from?: Date | null;
  readonly to?: Date | null;
  readonly windowMs?: number;
  readonly collectionWindowMs?: number;
  readonly baselineDays?: number;
  readonly maxAnchorsPerDevice?: number;
  /** Include hunt runs in every entity (default: only non-benign entities, or a single-device scope). */
  readonly huntsForAll?: boolean;
  readonly provenance?: InvestigationResult['provenance'];
  readonly generatedAt?: Date;
}

const DAY = 86_400_000;
const WIDE_FROM = new Date('2000-01-01T00:00:00Z');
const WIDE_TO = new Date('2100-01-01T00:00:00Z');
const TABLES = ['DeviceProcessEvents', 'DeviceFileEvents', 'DeviceNetworkEvents', 'DeviceEvents'];

export async function investigate(backend: Backend, opts: InvestigateOptions): Promise<InvestigationResult> {
  const windowMs = opts.windowMs ?? 120_000;
  const device = opts.device ?? '';
  const user = opts.user ?? '';
  const scopeParams: Params = { TargetDevice: device, TargetUser: user };

  // 0. Scope: what telemetry exists, and the time range to use.
  const sources = await runHunt(backend, 'data-sources', {
    ...scopeParams,
    StartTime: opts.from ?? WIDE_FROM,
    EndTime: opts.to ?? WIDE_TO,
  });
  const times = sources.records
    .flatMap((r) => [str(r, 'From'), str(r, 'To')])
    .filter((t) => t !== '')
    .map(ms);
  const from = opts.from ?? (times.length > 0 ? new Date(Math.min(...times)) : WIDE_FROM);
  const to = opts.to ?? (times.length > 0 ? new Date(Math.max(...times) + 1) : WIDE_TO);
  const params: Params = {
    ...scopeParams,
    StartTime: from,
    EndTime: to,
    BaselineStart: new Date(Math.min(from.getTime(), to.getTime() - (opts.baselineDays ?? 30) * DAY)),
    WatchedDomains: { kind: 'list', items: WATCHED_DOMAINS },
  };

  // 1-2, 4-5. Detection hunts over the whole scope, one query each.
  const users = await runHunt(backend, 'device-users', params);
  const execH = await runHunt(backend, 'suspicious-execution', params);
  const archH = await runHunt(backend, 'archives-created', params);
  const egressH = await runHunt(backend, 'egress-connections', params);
  const blockH = await runHunt(backend, 'blocked-transfers', params);
  const usbH = await runHunt(backend, 'usb-activity', params);
  const baseH = await runHunt(backend, 'archive-baseline', { ...params, TargetDevice: device });
  const baseline = new Baseline(baseH.records.map(habitOf));

  const execs = execH.records.map((r) => execSignal(r));
  const archives = archH.records.map(archiveSignal);
  const egress = egressH.records.map((r) => egressSignal(r));
  const blocks = blockH.records.map(blockSignal);
  const usb = usbH.records.map(usbSignal);

  const prevalence = new Map<string, Set<string>>();
  for (const e of egress) {
    const k = e.host !== '' ? e.host : e.ip;
    const s = prevalence.get(k) ?? new Set<string>();
    s.add(e.device.toLowerCase());
    prevalence.set(k, s);
  }
  const collections = new Map<string, Collection>();
  const ctx: Ctx = {
    windowMs,
    baseline,
    prevalence: new Map([...prevalence].map(([k, v]) => [k, v.size])),
    collection: (a) => collections.get(`${a.device.toLowerCase()}|${a.time}`) ?? null,
  };

  // 3. Anchors: archives that could be staging, and candidate uploads; one pivot query each.
  const byDevice = groupBy<Signal>([...execs, ...archives, ...egress, ...blocks, ...usb], (s) =>
    s.device.toLowerCase(),
  );
  const anchors: Anchor[] = [];
  for (const [, sigs] of byDevice) {
    const dExecs = sigs.filter((s): s is (typeof execs)[number] => s.kind === 'exec');
    const cands: { device: string; ms: number; time: string }[] = [];
    for (const a of sigs.filter((s): s is ArchiveSignal => s.kind === 'archive' && s.action !== 'FileDeleted')) {
      const sc = scoreArchive(a, dExecs, ctx);
      if (sc.score >= STAGED_THRESHOLD - 1 && (baseline.routine(a) === null || sc.linkedExec.length > 0))
        cands.push({ device: a.device, ms: a.ms, time: a.time });
    }
    for (const e of sigs.filter((s): s is EgressSignal => s.kind === 'egress')) {
      if (isSuspiciousUploader(e) && e.intent === 'upload') cands.push({ device: e.device, ms: e.ms, time: e.time });
    }
    cands.sort((p, q) => p.ms - q.ms);
    let last = -Infinity;
    let n = 0;
    for (const c of cands) {
      if (c.ms - last < windowMs) continue;
      if (n++ >= (opts.maxAnchorsPerDevice ?? 6)) break;
      anchors.push({ device: c.device, time: c.time });
      last = c.ms;
    }
  }
  let procPivot: RanHunt | null = null;
  let netPivot: RanHunt | null = null;
  let collPivot: RanHunt | null = null;
  if (anchors.length > 0) {
    const ap: Params = {
      Anchors: { kind: 'anchors', rows: anchors },
      Window: { kind: 'timespan', ms: windowMs },
      CollectionWindow: { kind: 'timespan', ms: opts.collectionWindowMs ?? 30 * 60_000 },
    };
    procPivot = await runHunt(backend, 'process-pivot', ap);
    netPivot = await runHunt(backend, 'network-pivot', ap);
    collPivot = await runHunt(backend, 'collection-pivot', ap);
    for (const r of collPivot.records) addCollection(collections, r);
  }
  const netPivotEgress = (netPivot?.records ?? []).map((r) => egressSignal(r, 'network-pivot'));

  // Correlation per device, then per user.
  const userRows = groupBy(users.records, (r) => str(r, 'DeviceName').toLowerCase());
  const sourceRows = groupBy(sources.records, (r) => str(r, 'DeviceName').toLowerCase());
  const procRows = groupBy(procPivot?.records ?? [], (r) => str(r, 'DeviceName').toLowerCase());
  const pivotEgress = groupBy(netPivotEgress, (e) => e.device.toLowerCase());
  // A --user scope covers the devices where that account was active, and only its entities.
  const scopeUser = user !== '' ? (normUser(user) ?? user.toLowerCase()) : null;
  const devices = new Set(
    scopeUser === null ? [...sourceRows.keys(), ...byDevice.keys()] : [...userRows.keys(), ...byDevice.keys()],
  );
  const detectionCache: { rule: DetectionRule | null } = { rule: null };
  const entities: EntityResult[] = [];
  const huntList = [
    execH,
    archH,
    egressH,
    blockH,
    usbH,
    baseH,
    ...(procPivot !== null ? [procPivot] : []),
    ...(netPivot !== null ? [netPivot] : []),
    ...(collPivot !== null ? [collPivot] : []),
  ];

  const failed = [sources, users, ...huntList]
    .filter((h) => h.error !== null)
    .map((h) => `hunt ${h.run.hunt} could not run: ${h.error ?? ''}`);
  for (const dev of [...devices].sort()) {
    const sigs = byDevice.get(dev) ?? [];
    const srcs = sourceRows.get(dev) ?? [];
    const uRows = userRows.get(dev) ?? [];
    const primary = uRows.length > 0 ? normUser(str(uRows[0]!, 'AccountName')) : null;
    const tables = new Set(srcs.filter((r) => (num(r, 'Rows') ?? 0) > 0).map((r) => str(r, 'SourceTable')));
    const deviceName = str(srcs[0] ?? uRows[0] ?? {}, 'DeviceName') || sigs[0]?.device || dev;
    const deviceId = str(srcs[0] ?? {}, 'DeviceId') || sigs.find((s) => s.deviceId !== '')?.deviceId || '';
    const groups = groupBy(sigs, (s) => s.user ?? primary ?? '');
    if (groups.size === 0) groups.set(primary ?? '', []);
    const assessments: Assessment[] = [];
    for (const [u, us] of groups) {
      const gaps = [...failed, ...tableGaps(deviceName, tables, srcs)];
      const a = assess(
        deviceName,
        deviceId,
        u === '' ? null : u,
        us,
        ctx,
        procRows.get(dev) ?? [],
        (pivotEgress.get(dev) ?? []).filter((e) => (e.user ?? primary ?? '') === u),
        tables,
        gaps,
      );
      const upnRow = uRows.find((r) => normUser(str(r, 'AccountName')) === a.user);
      assessments.push({
        ...a,
        upn: upnRow !== undefined && str(upnRow, 'AccountUpn') !== '' ? str(upnRow, 'AccountUpn') : null,
      });
    }
    if (srcs.length === 0 && sigs.length === 0) continue;
    for (const a of assessments) {
      if (
        scopeUser !== null &&
        a.user !== scopeUser &&
        !(a.user ?? '').startsWith(scopeUser.split('@')[0] ?? scopeUser)
      )
        continue;
      const include =
        opts.huntsForAll === true || !opts.all || a.staged.length + a.transfers.length + a.execs.length > 0;
      let detection: DetectionRule | null = null;
      if (a.staged.length > 0 || a.transfers.length > 0) {
        if (detectionCache.rule === null)
          detectionCache.rule = await detectionRule(backend, from, to, windowMs, egress);
        detection = detectionCache.rule;
      }
      const hunts: HuntRun[] = include
        ? [
            forDevice(sources, deviceName),
            ...huntList.map((h) =>
              forDevice(h, deviceName, h.run.hunt === 'collection-pivot' ? 'AnchorDevice' : 'DeviceName'),
            ),
          ]
        : [];
      entities.push(buildEntity(a, detection, hunts));
    }
  }
  if (entities.length === 0) entities.push(noData(device || user || 'fleet', user || null, failed));
  entities.sort((p, q) => q.riskScore - p.riskScore || p.device.localeCompare(q.device));

  const dataSources = TABLES.map((t) => {
    const rows = sources.records.filter((r) => str(r, 'SourceTable') === t);
    const f = rows
      .map((r) => str(r, 'From'))
      .filter((x) => x !== '')
      .sort();
    const l = rows
      .map((r) => str(r, 'To'))
      .filter((x) => x !== '')
      .sort();
    return {
      table: t,
      rows: rows.reduce((n, r) => n + (num(r, 'Rows') ?? 0), 0),
      from: f[0] ?? null,
      to: l[l.length - 1] ?? null,
    };
  });
  return {
    schemaVersion: 1,
    tool: { name: 'exfilhunt', version: VERSION },
    generatedAt: kustoTime(opts.generatedAt ?? new Date()),
    scope: {
      device: opts.device ?? null,
      user: opts.user ?? null,
      all: opts.all === true,
      from: kustoTime(from),
      to: kustoTime(to),
      window: kqlTimespan(windowMs),
    },
    dataSources,
    provenance: opts.provenance ?? [],
    entities,
  };
}
