// Turns a scenario definition into concrete per-device attack plans: which devices, which
// variant, and when (honouring pinned timestamps such as the seeds').
import type { Device } from '../fleet.js';
import { Rng } from '../prng.js';
import { DAY, MINUTE, SECOND } from '../time.js';
import type { Round } from './attack.js';
import type { AttackProfile, ScenarioDef } from './defs.js';
import {
  DESTINATIONS,
  RENAMES,
  TOOLS,
  delayFor,
  stagingDirs,
  type Destination,
  type Outcome,
  type Tool,
  type Variant,
} from './variant.js';

export interface Pins {
  /** Relative ticks of the archive FileCreated event (seed 002: 2025-11-20T00:48:57.6034636Z). */
  readonly archiveAt?: number;
  /** Relative ticks of the upload connection (seed 002: 2025-11-18T23:38:31.6453479Z). */
  readonly uploadAt?: number;
}

export interface AttackPlan {
  readonly device: Device;
  readonly profile: AttackProfile;
  readonly variant: Variant;
  readonly rounds: readonly Round[];
}

const TOOL_WEIGHTS: readonly (readonly [Tool, number])[] = [
  ['7zip', 4],
  ['winrar', 2],
  ['compress-archive', 2],
  ['tar', 2],
  ['makecab', 1],
];
const DEST_WEIGHTS: readonly (readonly [Destination, number])[] = [
  ['azure-blob', 4],
  ['s3', 2],
  ['dropbox', 2],
  ['mega', 1],
  ['google-drive', 1],
  ['onedrive-personal', 1],
  ['rclone-ftp', 1],
  ['rclone-sftp', 1],
  ['curl', 1],
];

function pickVariant(rng: Rng, dev: Device, profile: AttackProfile, vary: boolean): Variant {
  const tool: Tool = vary ? rng.weighted(TOOL_WEIGHTS) : '7zip';
  const destination: Destination = vary ? rng.weighted(DEST_WEIGHTS) : 'azure-blob';
  const spec = DESTINATIONS[destination];
  const outcomes = profile.outcomes.filter((o) => o !== 'blocked-smartscreen' || spec.uploader === 'browser');
  const outcome: Outcome = rng.pick(outcomes.length > 0 ? outcomes : profile.outcomes);
  const host = spec.host(rng);
  const renamed = TOOLS[tool].binary !== null && rng.chance(vary ? 0.3 : 0.15);
  const stamp = rng.int(100_000, 999_999);
  return {
    tool,
    destination,
    outcome,
    stagingDir: rng.pick(stagingDirs(dev.user.home)),
    scriptPath: rng.pick([
      'C:\\ProgramData\\exfiltratedata.ps1',
      'C:\\ProgramData\\sync.ps1',
      `${dev.user.home}\\AppData\\Local\\Temp\\collect.ps1`,
      'C:\\Users\\Public\\update.ps1',
    ]),
    archiveBase: rng.pick(['employee-data', 'backup', 'q4-files', 'archive', 'personal']) + `-${stamp}`,
    renamedTo: renamed ? rng.pick(RENAMES) : null,
    host,
    remoteIp: host === '' ? `${rng.int(45, 200)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}` : null,
    urlPath: spec.path(rng, `${stamp}.zip`),
    delaySeconds: delayFor(rng),
  };
}

function planRounds(
  rng: Rng,
  dev: Device,
  days: number,
  end: number,
  transfer: boolean,
  delaySeconds: number,
  pins: Pins,
): Round[] {
  let delay = delaySeconds * SECOND;
  let archiveAt = pins.archiveAt;
  if (archiveAt === undefined) {
    const latest = end - 10 * MINUTE - (transfer && pins.uploadAt === undefined ? delay : 0);
    if (latest < 30 * MINUTE) delay = Math.max(60 * SECOND, Math.trunc((end - 40 * MINUTE) / 2));
    const lo = Math.max(0, days - 4);
    for (let tries = 0; tries < 50; tries++) {
      const d = rng.int(lo, Math.max(lo, days - 1));
      const tod = (dev.user.workEnd * 60 + rng.int(-180, 240)) * MINUTE;
      archiveAt = Math.trunc(d * DAY + tod + rng.int(0, MINUTE));
      if (archiveAt >= 30 * MINUTE && archiveAt + (transfer ? delay : 0) < end - 10 * MINUTE) break;
    }
    if (archiveAt === undefined || archiveAt + (transfer ? delay : 0) >= end - 10 * MINUTE || archiveAt < 5 * MINUTE) {
      archiveAt = Math.trunc(Math.max(5 * MINUTE, end / 3));
      delay = Math.min(delay, Math.trunc((end - archiveAt) / 2));
    }
  }
  if (!transfer) return [{ archiveAt, uploadAt: null }];
  const uploadAt = pins.uploadAt ?? archiveAt + delay;
  // An upload before the archive means the script already ran once (the seed's lab did).
  if (uploadAt < archiveAt)
    return [
      { archiveAt: uploadAt - rng.int(50, 100) * SECOND, uploadAt },
      { archiveAt, uploadAt: null },
    ];
  return [{ archiveAt, uploadAt }];
}

export function planAttacks(
  seed: number,
  def: ScenarioDef,
  fleet: readonly Device[],
  days: number,
  end: number,
  pins: Pins,
  vary: boolean,
): AttackPlan[] {
  if (def.profiles.length === 0) return [];
  const rng = Rng.derive(seed, 'scenario', def.name);
  let targets: Device[];
  if (def.targets === 'pinned') targets = fleet.slice(0, 1);
  else {
    const k = Math.min(fleet.length, Math.max(1, Math.round(fleet.length * 0.03)));
    const pool = [...fleet];
    targets = [];
    for (let i = 0; i < k; i++) targets.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
    targets.sort((a, b) => a.idx - b.idx);
  }
  return targets.map((device, i) => {
    const profile = def.profiles.length === 1 ? def.profiles[0]! : rng.pick(def.profiles);
    const variant = pickVariant(rng, device, profile, def.vary || vary);
    const rounds = planRounds(rng, device, days, end, profile.transfer, variant.delaySeconds, i === 0 ? pins : {});
    return { device, profile, variant: rounds.length > 0 ? variant : variant, rounds };
  });
}
