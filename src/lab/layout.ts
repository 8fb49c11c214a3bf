// How each schema column of each table is produced. The lab writes narrow rows (only what an
// event itself carries) plus a process dimension; DuckDB expands them to full Defender rows.
// This keeps the lineage exact by construction: every InitiatingProcess* value of every event
// is read from the same process row as the ProcessCreated event that created that process.
import { MDE_TABLES, type TableDef } from '../schema/index.js';
import type { ScalarType } from '../kql/types.js';

/** The process dimension; names are the suffix after `InitiatingProcess`. */
export const PROC_COLUMNS: readonly { readonly name: string; readonly type: ScalarType }[] = [
  ['Id', 'long'],
  ['FileName', 'string'],
  ['FolderPath', 'string'],
  ['SHA1', 'string'],
  ['SHA256', 'string'],
  ['MD5', 'string'],
  ['FileSize', 'long'],
  ['VersionInfoCompanyName', 'string'],
  ['VersionInfoProductName', 'string'],
  ['VersionInfoProductVersion', 'string'],
  ['VersionInfoInternalFileName', 'string'],
  ['VersionInfoOriginalFileName', 'string'],
  ['VersionInfoFileDescription', 'string'],
  ['CommandLine', 'string'],
  ['CreationTime', 'datetime'],
  ['IntegrityLevel', 'string'],
  ['TokenElevation', 'string'],
  ['AccountDomain', 'string'],
  ['AccountName', 'string'],
  ['AccountSid', 'string'],
  ['AccountUpn', 'string'],
  ['AccountObjectId', 'string'],
  ['LogonId', 'long'],
  ['ParentId', 'long'],
  ['ParentFileName', 'string'],
  ['ParentCreationTime', 'datetime'],
  ['SignerType', 'string'],
  ['SignatureStatus', 'string'],
  ['SessionId', 'long'],
  ['IsRemoteSession', 'bool'],
  ['RemoteSessionDeviceName', 'string'],
  ['RemoteSessionIP', 'string'],
].map(([name, type]) => ({ name: name as string, type: type as ScalarType }));

const PROC_NAMES = new Set(PROC_COLUMNS.map((c) => c.name));

/** Columns of a DeviceProcessEvents row that describe the created process. */
const CREATED: Readonly<Record<string, string>> = {
  FileName: 'FileName',
  FolderPath: 'FolderPath',
  SHA1: 'SHA1',
  SHA256: 'SHA256',
  MD5: 'MD5',
  FileSize: 'FileSize',
  ProcessId: 'Id',
  ProcessCommandLine: 'CommandLine',
  ProcessIntegrityLevel: 'IntegrityLevel',
  ProcessTokenElevation: 'TokenElevation',
  ProcessCreationTime: 'CreationTime',
  AccountDomain: 'AccountDomain',
  AccountName: 'AccountName',
  AccountSid: 'AccountSid',
  AccountUpn: 'AccountUpn',
  AccountObjectId: 'AccountObjectId',
  LogonId: 'LogonId',
  CreatedProcessSessionId: 'SessionId',
  IsProcessRemoteSession: 'IsRemoteSession',
  ProcessRemoteSessionDeviceName: 'RemoteSessionDeviceName',
  ProcessRemoteSessionIP: 'RemoteSessionIP',
};

export type Source =
  | { readonly kind: 'time' }
  | { readonly kind: 'device'; readonly field: 'DeviceId' | 'DeviceName' }
  | { readonly kind: 'actor'; readonly field: string }
  | { readonly kind: 'created'; readonly field: string }
  | { readonly kind: 'own' };

export interface ColumnPlan {
  readonly name: string;
  readonly type: ScalarType;
  readonly source: Source;
}

export interface TableLayout {
  readonly table: TableDef;
  readonly columns: readonly ColumnPlan[];
  /** The columns the generator writes itself, in narrow-row order. */
  readonly own: readonly { readonly name: string; readonly type: ScalarType }[];
  readonly ownIndex: ReadonlyMap<string, number>;
}

function sourceOf(table: string, col: string): Source {
  if (col === 'Timestamp') return { kind: 'time' };
  if (col === 'DeviceId' || col === 'DeviceName') return { kind: 'device', field: col };
  if (col === 'IsInitiatingProcessRemoteSession') return { kind: 'actor', field: 'IsRemoteSession' };
  if (col.startsWith('InitiatingProcess')) {
    const field = col.slice('InitiatingProcess'.length);
    if (!PROC_NAMES.has(field)) throw new Error(`lab layout: no process field for ${table}.${col}`);
    return { kind: 'actor', field };
  }
  if (table === 'DeviceProcessEvents' && col.startsWith('ProcessVersionInfo'))
    return { kind: 'created', field: col.slice('Process'.length) };
  if (table === 'DeviceProcessEvents' && CREATED[col] !== undefined) return { kind: 'created', field: CREATED[col] };
  return { kind: 'own' };
}

function layoutOf(table: TableDef): TableLayout {
  const columns = table.columns.map((c) => ({ name: c.name, type: c.type, source: sourceOf(table.name, c.name) }));
  const own = columns.filter((c) => c.source.kind === 'own').map((c) => ({ name: c.name, type: c.type }));
  return { table, columns, own, ownIndex: new Map(own.map((c, i) => [c.name, i])) };
}

export const LAYOUTS: ReadonlyMap<string, TableLayout> = new Map(MDE_TABLES.map((t) => [t.name, layoutOf(t)]));

export function layout(table: string): TableLayout {
  const l = LAYOUTS.get(table);
  if (l === undefined) throw new Error(`lab layout: unknown table ${table}`);
  return l;
}
