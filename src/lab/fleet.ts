// The fleet: Windows devices and their primary users, with identities as Entra ID and
// Defender report them (SIDs, UPNs, object ids) and each person's working pattern.
import { Rng } from './prng.js';

export type Role = 'staff' | 'developer' | 'it-admin' | 'finance' | 'hr';

export interface User {
  readonly accountName: string;
  readonly displayName: string;
  readonly domain: string;
  readonly sid: string;
  readonly upn: string;
  readonly objectId: string;
  readonly role: Role;
  /** Working hours, UTC hours (fractional). */
  readonly workStart: number;
  readonly workEnd: number;
  readonly weekendWorker: boolean;
  readonly home: string;
}

export interface Device {
  readonly idx: number;
  readonly deviceId: string;
  readonly name: string;
  readonly machineGroup: string;
  readonly ip: string;
  readonly publicIp: string;
  readonly mac: string;
  readonly aadDeviceId: string;
  readonly user: User;
  /** Nightly backup job (the seed-002 look-alike). */
  readonly nightlyBackup: boolean;
}

export interface FleetOptions {
  readonly devices: number;
  readonly domain: string;
  /** Exact names for the first devices/users (e.g. the seeds' `endpoint-za`). */
  readonly pinnedDevice?: string;
  readonly pinnedUser?: string;
}

const FIRST = [
  'john',
  'maria',
  'li',
  'ahmed',
  'sofia',
  'james',
  'olivia',
  'noah',
  'emma',
  'lucas',
  'ava',
  'mateo',
  'mia',
  'yuki',
  'priya',
  'omar',
  'chloe',
  'daniel',
  'fatima',
  'ethan',
  'lena',
  'samuel',
  'nora',
  'kofi',
  'ines',
  'pavel',
  'grace',
  'tomas',
  'aisha',
  'leo',
];
const LAST = [
  'doe',
  'garcia',
  'wang',
  'khan',
  'rossi',
  'smith',
  'brown',
  'muller',
  'silva',
  'novak',
  'kim',
  'patel',
  'nguyen',
  'okafor',
  'dubois',
  'tanaka',
  'jensen',
  'haddad',
  'kowalski',
  'larsen',
  'moreau',
  'ito',
  'mensah',
  'cohen',
  'ferreira',
];
const SITES = ['hq', 'lon', 'nyc', 'ber', 'sgp'];
const GROUPS = ['Workstations - Standard', 'Workstations - Engineering', 'Workstations - Finance', 'Workstations - IT'];

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function deviceName(rng: Rng, i: number, role: Role, first: string, last: string): string {
  const style = rng.int(0, 3);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const two = letters[i % 26]! + letters[Math.floor(i / 26) % 26]!;
  if (style === 0) return `endpoint-${two}${i >= 676 ? String(Math.floor(i / 676)) : ''}`;
  if (style === 1) return `lt-${first.charAt(0)}${last}-${rng.int(1000, 9999)}.corp.contoso.com`;
  if (style === 2)
    return `ws-${role === 'developer' ? 'eng' : role === 'finance' ? 'fin' : 'std'}-${String(i).padStart(4, '0')}.corp.contoso.com`;
  return `desktop-${rng.hex(4).slice(0, 7)}`;
}

export function makeFleet(seed: number, opts: FleetOptions): Device[] {
  const rng = Rng.derive(seed, 'fleet');
  const domainSid = `S-1-5-21-${rng.int(1_000_000_000, 4_000_000_000)}-${rng.int(1_000_000_000, 4_000_000_000)}-${rng.int(100_000_000, 999_999_999)}`;
  const used = new Set<string>();
  const devices: Device[] = [];
  for (let i = 0; i < opts.devices; i++) {
    const role = rng.weighted<Role>([
      ['staff', 50],
      ['developer', 20],
      ['it-admin', 6],
      ['finance', 14],
      ['hr', 10],
    ]);
    let first = rng.pick(FIRST);
    let last = rng.pick(LAST);
    if (i === 0 && opts.pinnedUser !== undefined) {
      const [f = 'john', l = 'doe'] = opts.pinnedUser.toLowerCase().split(/[.\s_]+/);
      first = f;
      last = l;
    }
    let account = `${first}.${last}`;
    for (let k = 2; used.has(account); k++) account = `${first}.${last}${k}`;
    used.add(account);
    const start = rng.pick([6.5, 7, 7.5, 8, 8.5, 9, 9.5]);
    const user: User = {
      accountName: account,
      displayName: `${cap(first)} ${cap(last)}`,
      domain: opts.domain,
      sid: `${domainSid}-${1100 + i}`,
      upn: `${account}@contoso.com`,
      objectId: rng.guid(),
      role,
      workStart: start,
      workEnd: start + rng.pick([8, 8.5, 9, 9.5, 10]),
      weekendWorker: rng.chance(0.12),
      home: `C:\\Users\\${account}`,
    };
    let name = deviceName(rng, i, role, first, last);
    if (i === 0 && opts.pinnedDevice !== undefined) name = opts.pinnedDevice.toLowerCase();
    while (used.has(name)) name = `${name}-${rng.int(0, 9)}`;
    used.add(name);
    const site = SITES[i % SITES.length]!;
    devices.push({
      idx: i,
      deviceId: rng.hex(20),
      name,
      machineGroup:
        role === 'developer'
          ? GROUPS[1]!
          : role === 'finance'
            ? GROUPS[2]!
            : role === 'it-admin'
              ? GROUPS[3]!
              : GROUPS[0]!,
      ip: `10.${10 + SITES.indexOf(site)}.${rng.int(1, 40)}.${rng.int(10, 250)}`,
      publicIp: `20.${rng.int(40, 120)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
      mac: Array.from({ length: 6 }, () => rng.hex(1))
        .join('-')
        .toUpperCase(),
      aadDeviceId: rng.guid(),
      user,
      nightlyBackup: i === 0 || rng.chance(0.35),
    });
  }
  return devices;
}
