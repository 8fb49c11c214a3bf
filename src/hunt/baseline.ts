// Baseline and suppression: is this archive the device's normal? A recurring job (same
// process, same folder pattern, several days) or a fleet-wide habit is suppressed, and
// the suppression is always reported with its reason and evidence, never dropped silently.
import { listField, num, str, type Rec } from './rows.js';
import type { ArchiveSignal } from './signals.js';

export interface Habit {
  readonly device: string;
  readonly process: string;
  readonly folderPattern: string;
  readonly events: number;
  readonly days: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly hours: readonly number[];
}

export function habitOf(r: Rec): Habit {
  return {
    device: str(r, 'DeviceName').toLowerCase(),
    process: str(r, 'Process').toLowerCase(),
    folderPattern: str(r, 'FolderPattern'),
    events: num(r, 'Events') ?? 0,
    days: num(r, 'Days') ?? 0,
    firstSeen: str(r, 'FirstSeen'),
    lastSeen: str(r, 'LastSeen'),
    hours: listField(r, 'Hours')
      .filter((h): h is number => typeof h === 'number')
      .sort((a, b) => a - b),
  };
}

/** The same normalisation as the archive-baseline hunt's FolderPattern column. */
export function folderPattern(folder: string): string {
  return folder
    .toLowerCase()
    .replace(/\\users\\[^\\]+\\/, '\\users\\*\\')
    .replace(/[0-9]+/g, '#');
}

export const MIN_DAYS = 3;
export const MIN_FLEET_DEVICES = 5;

export class Baseline {
  private readonly byKey = new Map<string, Habit>();
  private readonly fleet = new Map<string, Set<string>>();

  constructor(habits: readonly Habit[]) {
    for (const h of habits) {
      this.byKey.set(`${h.device}|${h.process}|${h.folderPattern}`, h);
      const k = `${h.process}|${h.folderPattern}`;
      const set = this.fleet.get(k) ?? new Set<string>();
      set.add(h.device);
      this.fleet.set(k, set);
    }
  }

  /** Why this archive is routine, or null if it is not. */
  routine(a: ArchiveSignal): string | null {
    const pattern = folderPattern(a.folder);
    const proc = a.process.toLowerCase();
    const h = this.byKey.get(`${a.device.toLowerCase()}|${proc}|${pattern}`);
    if (h !== undefined && h.days >= MIN_DAYS) {
      const hours =
        h.hours.length > 0 && h.hours.length <= 4
          ? ` at ${h.hours.map((x) => `${String(x).padStart(2, '0')}h`).join('/')}`
          : '';
      return `recurring job: ${a.process} wrote ${h.events} archives to ${a.folder} on ${h.days} days${hours} (${h.firstSeen.slice(0, 10)} to ${h.lastSeen.slice(0, 10)})`;
    }
    const devices = this.fleet.get(`${proc}|${pattern}`);
    if (devices !== undefined && devices.size >= MIN_FLEET_DEVICES) {
      return `fleet-wide habit: ${a.process} writes archives to this folder on ${devices.size} devices`;
    }
    return null;
  }
}
