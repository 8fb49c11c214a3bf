// Hunt rows -> typed signals. Each signal remembers the row it came from (table, ReportId,
// Timestamp, hunt) so every verdict can cite its evidence.
import type { EvidenceRef } from './result.js';
import { classifyDestination, hostOf, type DestinationCategory } from './destinations.js';
import {
  classifyLocation,
  execFlags,
  folderOf,
  transferIntent,
  type ExecFlag,
  type LocationClass,
  type TransferIntent,
} from './classify.js';
import { jsonField, ms, normUser, num, reportIdOf, str, type Rec } from './rows.js';

export interface SignalBase {
  readonly device: string;
  readonly deviceId: string;
  readonly user: string | null;
  readonly account: string;
  readonly time: string;
  readonly ms: number;
  readonly reportId: number | string;
  readonly table: string;
  readonly hunt: string;
}

export interface ExecSignal extends SignalBase {
  readonly kind: 'exec';
  readonly flags: readonly ExecFlag[];
  readonly fileName: string;
  readonly folderPath: string;
  readonly commandLine: string;
  readonly processId: number | null;
  readonly creationTime: string;
  readonly originalName: string;
  readonly parentName: string;
  readonly parentCommandLine: string;
  readonly parentId: number | null;
  readonly grandparentName: string;
  readonly sha1: string;
  readonly sha256: string;
}

export interface ArchiveSignal extends SignalBase {
  readonly kind: 'archive';
  readonly action: string;
  readonly fileName: string;
  readonly path: string;
  readonly folder: string;
  readonly location: LocationClass;
  readonly process: string;
  readonly processPath: string;
  readonly processCommandLine: string;
  readonly processId: number | null;
  readonly originalName: string;
  readonly parentName: string;
  readonly parentId: number | null;
  readonly sha1: string;
  readonly sha256: string;
  readonly size: number | null;
}

export type Outcome = 'success' | 'failed' | 'blocked' | 'other';

export interface EgressSignal extends SignalBase {
  readonly kind: 'egress';
  readonly action: string;
  readonly outcome: Outcome;
  readonly url: string;
  readonly host: string;
  readonly ip: string;
  readonly port: number | null;
  readonly category: DestinationCategory;
  readonly process: string;
  readonly processPath: string;
  readonly commandLine: string;
  readonly processId: number | null;
  readonly originalName: string;
  readonly sha1: string;
  readonly sha256: string;
  readonly intent: TransferIntent;
  readonly bytes: number | null;
}

export interface BlockSignal extends SignalBase {
  readonly kind: 'block';
  readonly action: string;
  readonly url: string;
  readonly host: string;
  readonly ip: string;
  readonly category: DestinationCategory;
  readonly process: string;
  readonly commandLine: string;
  readonly fileName: string;
}

export interface UsbSignal extends SignalBase {
  readonly kind: 'usb';
  readonly action: string;
  readonly driveLetter: string;
  readonly fileName: string;
  readonly path: string;
  readonly process: string;
  readonly size: number | null;
}

export type Signal = ExecSignal | ArchiveSignal | EgressSignal | BlockSignal | UsbSignal;

function base(r: Rec, hunt: string, table: string, accountKey: string): SignalBase {
  const time = str(r, 'Timestamp');
  const account = str(r, accountKey);
  return {
    device: str(r, 'DeviceName'),
    deviceId: str(r, 'DeviceId'),
    user: normUser(account),
    account,
    time,
    ms: ms(time),
    reportId: reportIdOf(r),
    table,
    hunt,
  };
}

export function execSignal(r: Rec, hunt = 'suspicious-execution'): ExecSignal {
  const fileName = str(r, 'FileName');
  const originalName = str(r, 'ProcessVersionInfoOriginalFileName');
  const commandLine = str(r, 'ProcessCommandLine');
  return {
    ...base(r, hunt, 'DeviceProcessEvents', 'AccountName'),
    kind: 'exec',
    flags: execFlags(fileName, originalName, commandLine),
    fileName,
    folderPath: str(r, 'FolderPath'),
    commandLine,
    processId: num(r, 'ProcessId'),
    creationTime: str(r, 'ProcessCreationTime'),
    originalName,
    parentName: str(r, 'InitiatingProcessFileName'),
    parentCommandLine: str(r, 'InitiatingProcessCommandLine'),
    parentId: num(r, 'InitiatingProcessId'),
    grandparentName: str(r, 'InitiatingProcessParentFileName'),
    sha1: str(r, 'SHA1'),
    sha256: str(r, 'SHA256'),
  };
}

export function archiveSignal(r: Rec): ArchiveSignal {
  const fileName = str(r, 'FileName');
  const path = str(r, 'FolderPath');
  const folder = folderOf(path, fileName);
  return {
    ...base(r, 'archives-created', 'DeviceFileEvents', 'InitiatingProcessAccountName'),
    kind: 'archive',
    action: str(r, 'ActionType'),
    fileName,
    path,
    folder,
    location: classifyLocation(folder),
    process: str(r, 'InitiatingProcessFileName'),
    processPath: str(r, 'InitiatingProcessFolderPath'),
    processCommandLine: str(r, 'InitiatingProcessCommandLine'),
    processId: num(r, 'InitiatingProcessId'),
    originalName: str(r, 'InitiatingProcessVersionInfoOriginalFileName'),
    parentName: str(r, 'InitiatingProcessParentFileName'),
    parentId: num(r, 'InitiatingProcessParentId'),
    sha1: str(r, 'SHA1'),
    sha256: str(r, 'SHA256'),
    size: num(r, 'FileSize'),
  };
}

export function outcomeOf(actionType: string): Outcome {
  const a = actionType.toLowerCase();
  if (
    a.startsWith('connectionsuccess') ||
    a === 'connectionacknowledged' ||
    a === 'connectionfound' ||
    a.endsWith('connectioninspected')
  )
    return 'success';
  if (a.startsWith('connectionfailed')) return 'failed';
  if (a.includes('blocked')) return 'blocked';
  return 'other';
}

/** Bytes sent, where Defender has them (only inside AdditionalFields of inspected events). */
function bytesOf(r: Rec): number | null {
  const af = jsonField(r, 'AdditionalFields');
  if (af === null) return null;
  for (const k of ['request_body_len', 'orig_bytes', 'BytesSent', 'bytes_sent', 'SentBytes']) {
    const v = af[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  }
  return null;
}

export function egressSignal(r: Rec, hunt = 'egress-connections'): EgressSignal {
  const url = str(r, 'RemoteUrl');
  const ip = str(r, 'RemoteIP');
  const commandLine = str(r, 'InitiatingProcessCommandLine');
  const action = str(r, 'ActionType');
  return {
    ...base(r, hunt, 'DeviceNetworkEvents', 'InitiatingProcessAccountName'),
    kind: 'egress',
    action,
    outcome: outcomeOf(action),
    url,
    host: hostOf(url),
    ip,
    port: num(r, 'RemotePort'),
    category: classifyDestination(url, ip, str(r, 'RemoteIPType')),
    process: str(r, 'InitiatingProcessFileName'),
    processPath: str(r, 'InitiatingProcessFolderPath'),
    commandLine,
    processId: num(r, 'InitiatingProcessId'),
    originalName: str(r, 'InitiatingProcessVersionInfoOriginalFileName'),
    sha1: str(r, 'InitiatingProcessSHA1'),
    sha256: str(r, 'InitiatingProcessSHA256'),
    intent: transferIntent(commandLine),
    bytes: bytesOf(r),
  };
}

export function blockSignal(r: Rec): BlockSignal {
  const url = str(r, 'RemoteUrl');
  const ip = str(r, 'RemoteIP');
  const b = base(r, 'blocked-transfers', 'DeviceEvents', 'InitiatingProcessAccountName');
  const user = b.user ?? normUser(str(r, 'AccountName'));
  return {
    ...b,
    user,
    kind: 'block',
    action: str(r, 'ActionType'),
    url,
    host: hostOf(url),
    ip,
    category: classifyDestination(url, ip),
    process: str(r, 'InitiatingProcessFileName'),
    commandLine: str(r, 'InitiatingProcessCommandLine'),
    fileName: str(r, 'FileName'),
  };
}

export function usbSignal(r: Rec): UsbSignal {
  return {
    ...base(r, 'usb-activity', str(r, 'Table') || 'DeviceFileEvents', 'Account'),
    kind: 'usb',
    action: str(r, 'ActionType'),
    driveLetter: str(r, 'DriveLetter')
      .replace(/[^A-Z:]/gi, '')
      .toUpperCase(),
    fileName: str(r, 'FileName'),
    path: str(r, 'FolderPath'),
    process: str(r, 'InitiatingProcessFileName'),
    size: num(r, 'FileSize'),
  };
}

export function evidenceOf(s: SignalBase, summary?: string): EvidenceRef {
  return summary === undefined
    ? { table: s.table, reportId: s.reportId, timestamp: s.time, hunt: s.hunt }
    : { table: s.table, reportId: s.reportId, timestamp: s.time, hunt: s.hunt, summary };
}

export function summarize(s: Signal): string {
  switch (s.kind) {
    case 'exec':
      return `${s.parentName || '?'} started ${s.fileName}: ${s.commandLine}`.slice(0, 400);
    case 'archive':
      return `${s.process || '?'} ${s.action === 'FileDeleted' ? 'deleted' : s.action === 'FileRenamed' ? 'renamed to' : 'wrote'} ${s.path}${s.size !== null ? ` (${s.size} bytes)` : ''}`;
    case 'egress':
      return `${s.process || '?'} -> ${s.url || s.ip}${s.port !== null ? `:${s.port}` : ''} ${s.action} [${s.category}]`;
    case 'block':
      return `${s.action}: ${s.process || '?'} -> ${s.url || s.ip || s.fileName}`;
    case 'usb':
      return s.action === 'UsbDriveMounted'
        ? `USB drive mounted ${s.driveLetter}`
        : `${s.process || '?'} wrote ${s.path} to removable drive`;
  }
}
