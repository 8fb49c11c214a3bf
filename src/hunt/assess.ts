// Correlation: which archives are staging, which connections are transfers of them, and
// what the outcome was. Pure functions over signals, so each rule is unit-testable.
import {
  ARCHIVERS,
  BENIGN_ARCHIVE_CREATORS,
  BROWSERS,
  JOB_PARENTS,
  MANAGEMENT_AGENTS,
  SCRIPT_HOSTS,
  SHELLS,
  STAGING_LOCATIONS,
  STRONG_EXEC,
  UPLOAD_TOOLS,
  isUserWritable,
} from './classify.js';
import { EXFIL_CATEGORIES } from './destinations.js';
import type { Baseline } from './baseline.js';
import type { ArchiveSignal, BlockSignal, EgressSignal, ExecSignal, UsbSignal } from './signals.js';

export interface Collection {
  readonly files: number;
  readonly extensions: readonly string[];
  readonly folders: readonly string[];
  readonly process: string;
  readonly evidence: { readonly table: string; readonly reportId: number | string; readonly timestamp: string } | null;
}

export interface ScoredArchive {
  readonly a: ArchiveSignal;
  readonly score: number;
  readonly reasons: readonly string[];
  /** Set when the archive is routine or benign; shown as a suppression. */
  readonly suppressed: string | null;
  readonly linkedExec: readonly ExecSignal[];
  readonly collection: Collection | null;
}

export const STAGED_THRESHOLD = 3;
/** Sensor jitter tolerated between tables when nothing else ties a connection to an archive. */
export const JITTER_MS = 10_000;
const DAY_MS = 86_400_000;

export interface Ctx {
  readonly windowMs: number;
  readonly baseline: Baseline;
  /** hosts/IPs -> number of devices contacting them among egress rows (fleet prevalence). */
  readonly prevalence: ReadonlyMap<string, number>;
  readonly collection: (a: ArchiveSignal) => Collection | null;
}

/** Suppression for an execution signal: managed software deployment is IT's normal. */
export function execSuppression(e: ExecSignal): string | null {
  const parents = [e.parentName, e.grandparentName].map((p) => p.toLowerCase());
  if (e.flags.includes('silent-archiver-install') && parents.some((p) => MANAGEMENT_AGENTS.has(p))) {
    return `managed deployment: ${e.fileName} silent install started by ${parents.find((p) => MANAGEMENT_AGENTS.has(p)) ?? ''}`;
  }
  return null;
}

export function isStrongExec(e: ExecSignal): boolean {
  return e.flags.some((f) => STRONG_EXEC.has(f)) && execSuppression(e) === null;
}

function near(aMs: number, bMs: number, w: number): boolean {
  return Math.abs(aMs - bMs) <= w;
}

export function scoreArchive(a: ArchiveSignal, execs: readonly ExecSignal[], ctx: Ctx): ScoredArchive {
  const proc = a.process.toLowerCase();
  const orig = a.originalName.toLowerCase();
  const parent = a.parentName.toLowerCase();
  const reasons: string[] = [];
  const linkedExec = execs.filter(
    (e) =>
      isStrongExec(e) &&
      (near(e.ms, a.ms, ctx.windowMs) ||
        (a.processId !== null && (e.processId === a.processId || e.processId === a.parentId))),
  );
  const collection = ctx.collection(a);
  if (BENIGN_ARCHIVE_CREATORS.has(proc) && linkedExec.length === 0) {
    return {
      a,
      score: 0,
      reasons,
      suppressed: `written by ${a.process} (download, mail, sync, build or OS servicing), not collection`,
      linkedExec,
      collection,
    };
  }
  let score = 0;
  if (STAGING_LOCATIONS.has(a.location)) {
    score += 2;
    reasons.push(`staging location (${a.location})`);
  } else if (a.location === 'backup' || a.location === 'development') {
    score -= 1;
  } else if (a.location === 'system') score -= 2;
  if (orig !== '' && ARCHIVERS.has(orig) && !ARCHIVERS.has(proc)) {
    score += 3;
    reasons.push(`renamed archiver ${a.process} (originally ${a.originalName})`);
  } else if (ARCHIVERS.has(proc) || SHELLS.has(proc)) {
    score += 1;
    reasons.push(`created by ${a.process}`);
  }
  if (SCRIPT_HOSTS.has(parent)) {
    score += 1;
    reasons.push(`launched from ${a.parentName}`);
  } else if (JOB_PARENTS.has(parent)) score -= 1;
  if (isUserWritable(a.processPath)) {
    score += 1;
    reasons.push(`archiver runs from a user-writable folder (${a.processPath})`);
  }
  if (linkedExec.length > 0) {
    score += 2;
    reasons.push(
      `suspicious execution within ±${Math.round(ctx.windowMs / 1000)}s (${[...new Set(linkedExec.flatMap((e) => e.flags))].join(', ')})`,
    );
  }
  if (collection !== null && collection.files >= 10) {
    score += 1;
    reasons.push(`${collection.files} files gathered just before`);
  }
  let suppressed: string | null = null;
  const routine = ctx.baseline.routine(a);
  if (routine !== null && linkedExec.length === 0) suppressed = routine;
  else if (score < STAGED_THRESHOLD)
    suppressed = `archive in ${a.location === 'other' ? a.folder : a.location + ' folder'} by ${a.process || 'unknown process'} with no staging indicators (score ${score})`;
  return { a, score, reasons, suppressed, linkedExec, collection };
}

export interface Transfer {
  readonly e: EgressSignal;
  readonly outcome: 'success' | 'failed' | 'blocked';
  readonly category: string;
  readonly why: string;
  readonly staged: ScoredArchive | null;
  readonly blockedBy: BlockSignal | null;
}

export function isSuspiciousUploader(e: EgressSignal): boolean {
  const p = e.process.toLowerCase();
  const o = e.originalName.toLowerCase();
  return (
    UPLOAD_TOOLS.has(p) ||
    SCRIPT_HOSTS.has(p) ||
    ARCHIVERS.has(p) ||
    (o !== '' && o !== p && (UPLOAD_TOOLS.has(o) || ARCHIVERS.has(o) || SHELLS.has(o))) ||
    isUserWritable(e.processPath)
  );
}

export function effectiveCategory(e: EgressSignal, ctx: Ctx): string {
  if (e.category !== 'other') return e.category;
  const key = e.host !== '' ? e.host : e.ip;
  const n = ctx.prevalence.get(key) ?? 0;
  return n <= 2 ? 'rare-external' : 'other';
}

/**
 * A connection tied to the staging only by time, to a destination judged suspicious by rarity
 * alone, from a process image and account that reached the same destination before anything
 * was staged, is that account's routine (a developer's shell talking to a code host), not a
 * transfer. Exfiltration-class destinations (cloud storage, file sharing, webmail, paste) are
 * never cleared this way: habitual use of cloud storage does not make an upload benign.
 */
export function habitualDestination(
  e: EgressSignal,
  egress: readonly EgressSignal[],
  firstStagedMs: number,
  ctx: Ctx,
): string | null {
  const key = e.host !== '' ? e.host : e.ip;
  const proc = e.process.toLowerCase();
  const earlier = egress.filter(
    (x) =>
      (x.host !== '' ? x.host : x.ip) === key &&
      x.process.toLowerCase() === proc &&
      x.account.toLowerCase() === e.account.toLowerCase() &&
      x.outcome === 'success' &&
      x.ms < firstStagedMs - ctx.windowMs,
  );
  if (earlier.length === 0) return null;
  const days = [...new Set(earlier.map((x) => x.time.slice(0, 10)))].sort();
  return `routine destination: ${e.process} (${e.account || 'unknown account'}) reached ${key} on ${days.length} day(s) before anything was staged (${days[0] ?? ''} to ${days[days.length - 1] ?? ''}); only the time order links it to the archive`;
}

/**
 * Transfers: connections that carry (or try to carry) data out. A connection counts when a
 * script, archiver or upload tool talks to an exfiltration-class destination, and either its
 * command line uploads, or it follows a staged archive (tolerating clock skew of one window
 * when the command line names the archive or uploads).
 */
export function findTransfers(
  egress: readonly EgressSignal[],
  staged: readonly ScoredArchive[],
  blocks: readonly BlockSignal[],
  ctx: Ctx,
  /** Receives the connections left out as routine, with the reason (shown, never silent). */
  routine: { e: EgressSignal; reason: string }[] = [],
): Transfer[] {
  const out: Transfer[] = [];
  const firstStaged = staged.length === 0 ? Infinity : Math.min(...staged.map((s) => s.a.ms));
  for (const e of egress) {
    // A browser started straight onto the destination (e.g. `msedge.exe https://www.googleapis.com/`)
    // after data was staged is a manual upload; ordinary browsing is not.
    const browserLaunch =
      BROWSERS.has(e.process.toLowerCase()) && e.host !== '' && e.commandLine.toLowerCase().includes(e.host);
    if ((!isSuspiciousUploader(e) && !browserLaunch) || e.outcome === 'other') continue;
    const category = effectiveCategory(e, ctx);
    if (!EXFIL_CATEGORIES.has(category as never)) continue;
    if (e.intent === 'download') continue;
    const cmd = e.commandLine.toLowerCase();
    const named = staged.find((s) => s.a.fileName !== '' && cmd.includes(s.a.fileName.toLowerCase()));
    // Clock skew: a connection that names the archive or uploads may precede it by a window;
    // otherwise only by a few seconds of sensor jitter.
    const skew = named !== undefined || e.intent === 'upload' ? ctx.windowMs : JITTER_MS;
    // A script's connections before its own archive exists are preparation (tool download), not transfer.
    const sameRun = staged.filter(
      (s) =>
        e.processId !== null &&
        (s.a.parentId === e.processId || s.a.processId === e.processId) &&
        near(s.a.ms, e.ms, DAY_MS),
    );
    const pool = sameRun.length > 0 && named === undefined ? sameRun : staged;
    const after = pool.filter((s) => e.ms >= s.a.ms - skew);
    const link = named ?? after[after.length - 1] ?? null;
    if (link === null && sameRun.length > 0) continue;
    const tool = UPLOAD_TOOLS.has(e.process.toLowerCase()) || UPLOAD_TOOLS.has(e.originalName.toLowerCase());
    if (link === null && (browserLaunch || (e.intent !== 'upload' && !tool))) continue;
    if (link !== null && named === undefined && sameRun.length === 0 && e.intent !== 'upload' && !tool) {
      const habit = category === 'rare-external' ? habitualDestination(e, egress, firstStaged, ctx) : null;
      if (habit !== null) {
        routine.push({ e, reason: habit });
        continue;
      }
    }
    const blockedBy =
      blocks.find(
        (b) =>
          (b.host !== '' && b.host === e.host) ||
          (b.ip !== '' && b.ip === e.ip) ||
          (b.process.toLowerCase() === e.process.toLowerCase() && near(b.ms, e.ms, ctx.windowMs)),
      ) ?? null;
    const outcome =
      blockedBy !== null
        ? 'blocked'
        : e.outcome === 'success'
          ? 'success'
          : e.outcome === 'blocked'
            ? 'blocked'
            : 'failed';
    const why =
      link !== null
        ? `${e.process} connected to ${e.url || e.ip} (${category}) ${named !== undefined ? `naming ${named.a.fileName}` : `after ${link.a.fileName} was staged`}`
        : `${e.process} uploaded to ${e.url || e.ip} (${category}) with no archive: direct upload`;
    out.push({ e, outcome, category, why, staged: link, blockedBy });
  }
  return out;
}

/** Blocks with no matching connection row still prove an attempt (e.g. SmartScreen before connect). */
export function orphanBlocks(
  blocks: readonly BlockSignal[],
  transfers: readonly Transfer[],
  staged: readonly ScoredArchive[],
  ctx: Ctx,
): BlockSignal[] {
  if (staged.length === 0) return [];
  const first = Math.min(...staged.map((s) => s.a.ms));
  return blocks.filter(
    (b) =>
      !transfers.some((t) => t.blockedBy === b) &&
      b.ms >= first - ctx.windowMs &&
      b.category !== 'internal' &&
      b.category !== 'corporate' &&
      /network|smartscreen|firewall/i.test(b.action),
  );
}

export interface UsbCopy {
  readonly write: UsbSignal;
  readonly mount: UsbSignal | null;
  readonly archive: boolean;
}

/** Files written to a drive that a UsbDriveMounted event says is removable. */
export function usbCopies(usb: readonly UsbSignal[], staged: readonly ScoredArchive[]): UsbCopy[] {
  const mounts = usb.filter((u) => u.action === 'UsbDriveMounted');
  const names = new Set(staged.map((s) => s.a.fileName.toLowerCase()));
  const out: UsbCopy[] = [];
  for (const w of usb) {
    if (w.action === 'UsbDriveMounted') continue;
    const letter = w.path.slice(0, 2).toUpperCase();
    const mount =
      mounts
        .filter((m) => m.ms <= w.ms + 60_000 && (m.driveLetter === '' || m.driveLetter.startsWith(letter.slice(0, 1))))
        .pop() ?? null;
    if (mount === null) continue;
    const isArchive = names.has(w.fileName.toLowerCase()) || /\.(zip|7z|rar|tar|gz|tgz|cab)$/i.test(w.fileName);
    out.push({ write: w, mount, archive: isArchive });
  }
  return out;
}
