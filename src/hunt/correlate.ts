// Per-entity correlation: one device's (and user's) signals -> an Assessment (staging,
// transfers, USB, suppressions, process tree, data gaps).
import type { EntityResult, Suppression } from './result.js';
import { kqlTimespan } from './params.js';
import {
  execSuppression,
  findTransfers,
  isStrongExec,
  isSuspiciousUploader,
  orphanBlocks,
  scoreArchive,
  usbCopies,
  type Collection,
  type Ctx,
  type ScoredArchive,
} from './assess.js';
import {
  evidenceOf,
  type ArchiveSignal,
  type blockSignal,
  type EgressSignal,
  type execSignal,
  type Signal,
  type usbSignal,
} from './signals.js';
import { listField, normUser, num, reportIdOf, str, type Rec } from './rows.js';
import { buildTree, pruneTree } from './tree.js';
import type { Assessment } from './assessment.js';

const TABLES = ['DeviceProcessEvents', 'DeviceFileEvents', 'DeviceNetworkEvents', 'DeviceEvents'];

export function addCollection(map: Map<string, Collection>, r: Rec): void {
  const k = `${str(r, 'AnchorDevice').toLowerCase()}|${str(r, 'AnchorTime')}`;
  const files = num(r, 'Files') ?? 0;
  const prev = map.get(k);
  // Keep the busiest writer in the window: that is the collection step.
  if (prev !== undefined && prev.files >= files) return;
  map.set(k, {
    files,
    extensions: listField(r, 'Extensions').filter((x): x is string => typeof x === 'string' && x !== ''),
    folders: [
      str(r, 'Folder'),
      ...listField(r, 'SourceFolders').filter((x): x is string => typeof x === 'string' && x !== ''),
    ],
    process: str(r, 'InitiatingProcessFileName'),
    evidence:
      str(r, 'SampleTimestamp') !== ''
        ? { table: 'DeviceFileEvents', reportId: reportIdOf(r, 'SampleReportId'), timestamp: str(r, 'SampleTimestamp') }
        : null,
  });
}

export function tableGaps(device: string, tables: ReadonlySet<string>, srcs: readonly Rec[]): string[] {
  const gaps: string[] = [];
  const why: Record<string, string> = {
    DeviceNetworkEvents: 'transfers cannot be confirmed or excluded',
    DeviceProcessEvents: 'no process pivot or process tree',
    DeviceFileEvents: 'archive creation and collection are not visible',
    DeviceEvents: 'network-protection/SmartScreen blocks and USB mounts are not visible',
  };
  for (const t of TABLES) if (!tables.has(t)) gaps.push(`no ${t} for ${device} in the time range: ${why[t] ?? ''}`);
  void srcs;
  return gaps;
}

export function assess(
  device: string,
  deviceId: string,
  user: string | null,
  sigs: readonly Signal[],
  ctx: Ctx,
  procRows: readonly Rec[],
  pivotEgress: readonly EgressSignal[],
  tables: ReadonlySet<string>,
  gaps: string[],
): Omit<Assessment, 'upn'> {
  const suppressed: Suppression[] = [];
  const allExecs = sigs.filter((s): s is ReturnType<typeof execSignal> => s.kind === 'exec');
  const recurring = recurringCommands(allExecs);
  const execs = allExecs.filter((e) => {
    const why = execSuppression(e) ?? recurring.get(commandKey(e.commandLine)) ?? null;
    if (why !== null)
      suppressed.push({ what: `${e.fileName} ${e.commandLine}`.slice(0, 200), reason: why, evidence: [evidenceOf(e)] });
    return why === null;
  });
  const archives = sigs.filter((s): s is ArchiveSignal => s.kind === 'archive');
  const scored: ScoredArchive[] = archives
    .filter((a) => a.action !== 'FileDeleted')
    .map((a) => scoreArchive(a, execs, ctx));
  const staged = scored.filter((s) => s.suppressed === null);
  const weak = scored.filter(
    (s) =>
      s.suppressed !== null && s.score >= 2 && ctx.baseline.routine(s.a) === null && !/^written by/.test(s.suppressed),
  );
  // Suppressions are grouped by reason so a nightly job is one line, not thirty.
  const byReason = groupBy(
    scored.filter((s) => s.suppressed !== null),
    (s) => s.suppressed ?? '',
  );
  for (const [reason, list] of byReason) {
    suppressed.push({
      what: `${list.length} archive event(s), e.g. ${list[0]!.a.path}`,
      reason,
      evidence: list.slice(0, 5).map((s) => evidenceOf(s.a)),
    });
  }
  const egress = mergeEgress(
    sigs.filter((s): s is EgressSignal => s.kind === 'egress'),
    pivotEgress,
  );
  const blocks = sigs.filter((s): s is ReturnType<typeof blockSignal> => s.kind === 'block');
  const routine: { e: EgressSignal; reason: string }[] = [];
  const transfers = findTransfers(egress, staged, blocks, ctx, routine);
  for (const [reason, list] of groupBy(routine, (r) => r.reason))
    suppressed.push({
      what: `${list.length} connection(s), e.g. ${list[0]!.e.process} -> ${list[0]!.e.url || list[0]!.e.ip}`,
      reason,
      evidence: list.slice(0, 5).map((r) => evidenceOf(r.e)),
    });
  const stagedNames = new Set(staged.map((s) => s.a.fileName.toLowerCase()));
  const deletes = archives.filter((a) => a.action === 'FileDeleted' && stagedNames.has(a.fileName.toLowerCase()));
  const usb = usbCopies(
    sigs.filter((s): s is ReturnType<typeof usbSignal> => s.kind === 'usb'),
    staged,
  ).filter((u) => u.archive || staged.length > 0);
  const ingress = egress
    .filter((e) => (e.intent === 'download' || e.category === 'software-download') && isSuspiciousUploader(e))
    .slice(0, 10);
  const interesting = new Set<string>([
    ...staged.map((s) => s.a.process.toLowerCase()),
    ...transfers.map((t) => t.e.process.toLowerCase()),
    ...execs.filter(isStrongExec).map((e) => e.fileName.toLowerCase()),
  ]);
  const userRows = procRows.filter(
    (r) => user === null || normUser(str(r, 'AccountName')) === user || normUser(str(r, 'AccountName')) === null,
  );
  const tree =
    interesting.size > 0 ? pruneTree(buildTree(userRows), (n) => interesting.has(n.fileName.toLowerCase())) : [];
  if (staged.length > 0 && procRows.length === 0 && tables.has('DeviceProcessEvents'))
    gaps.push(
      `no DeviceProcessEvents within ±${kqlTimespan(ctx.windowMs)} of the staged archive: process tree unavailable`,
    );
  if (staged.length > 0 && tables.has('DeviceNetworkEvents') && transfers.length === 0 && egress.length === 0)
    gaps.push('no outbound connections by scripts, archivers or upload tools after staging');
  return {
    device,
    deviceId,
    user,
    execs,
    staged,
    weak,
    deletes,
    transfers,
    orphanBlocks: orphanBlocks(blocks, transfers, staged, ctx),
    usb,
    ingress,
    suppressed,
    tree,
    gaps,
    tables,
  };
}

export function mergeEgress(a: readonly EgressSignal[], b: readonly EgressSignal[]): EgressSignal[] {
  const seen = new Set(a.map((e) => `${e.reportId}|${e.time}`));
  return [...a, ...b.filter((e) => !seen.has(`${e.reportId}|${e.time}`))].sort((p, q) => p.ms - q.ms);
}

export function noData(device: string, user: string | null, failed: readonly string[]): EntityResult {
  return {
    device,
    user,
    verdict: 'INCONCLUSIVE',
    confidence: 0,
    riskScore: 0,
    reason: 'no telemetry for this scope in the time range',
    techniques: [],
    evidence: [],
    timeline: [],
    processTree: [],
    destinations: [],
    suppressed: [],
    gaps: [
      ...failed,
      `no DeviceProcessEvents, DeviceFileEvents, DeviceNetworkEvents or DeviceEvents rows match ${device} in the time range`,
    ],
    actions: [],
    hunts: [],
  };
}

export function groupBy<T>(xs: readonly T[], k: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) {
    const key = k(x);
    const l = m.get(key);
    if (l === undefined) m.set(key, [x]);
    else l.push(x);
  }
  return m;
}

export const commandKey = (cmd: string) =>
  cmd
    .toLowerCase()
    .replace(/[0-9]+/g, '#')
    .trim();

/** Command lines run on at least three different days: a scheduled job, the device's normal. */
export function recurringCommands(
  execs: readonly { commandLine: string; time: string; parentName: string }[],
): Map<string, string> {
  const days = new Map<string, Set<string>>();
  for (const e of execs) {
    const k = commandKey(e.commandLine);
    const set = days.get(k) ?? new Set<string>();
    set.add(e.time.slice(0, 10));
    days.set(k, set);
  }
  const out = new Map<string, string>();
  for (const [k, set] of days) {
    if (set.size >= 3)
      out.set(
        k,
        `recurring job: the same command ran on ${set.size} days (${[...set].sort()[0]} to ${[...set].sort().pop() ?? ''})`,
      );
  }
  return out;
}
