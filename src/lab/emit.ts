// The generators' single output path. Events become narrow CSV rows (only the columns the
// event itself carries) in per-table spool files; processes become rows of the process
// dimension. A DuckDB pass later joins them into full Defender rows (see writers/expand.ts).
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Binary } from './catalog.js';
import type { Device } from './fleet.js';
import { layout, PROC_COLUMNS } from './layout.js';
import { formatTicks, type Clock } from './time.js';

export type Val = string | number | boolean | null | undefined;
export type Fields = Readonly<Record<string, Val>>;

export interface Account {
  readonly domain: string;
  readonly name: string;
  readonly sid: string;
  readonly upn: string;
  readonly objectId: string;
}

export const SYSTEM: Account = { domain: 'nt authority', name: 'system', sid: 'S-1-5-18', upn: '', objectId: '' };
export const LOCAL_SERVICE: Account = {
  domain: 'nt authority',
  name: 'local service',
  sid: 'S-1-5-19',
  upn: '',
  objectId: '',
};
export const NETWORK_SERVICE: Account = {
  domain: 'nt authority',
  name: 'network service',
  sid: 'S-1-5-20',
  upn: '',
  objectId: '',
};

export interface Proc {
  readonly key: number;
  readonly dev: Device;
  readonly pid: number;
  readonly bin: Binary;
  readonly folderPath: string;
  readonly cmd: string;
  readonly created: number;
  readonly account: Account;
  readonly logonId: number;
  readonly integrity: 'System' | 'High' | 'Medium' | 'Low';
  readonly elevation: 'TokenElevationTypeDefault' | 'TokenElevationTypeFull' | 'TokenElevationTypeLimited';
  readonly sessionId: number;
  readonly parent: Proc | null;
}

export interface EvidenceRef {
  readonly table: string;
  readonly reportId: number;
  readonly timestamp: string;
}

const FLUSH_AT = 1 << 20;

const OWN_NAMES = new Map<string, readonly string[]>();

function ownNames(table: string): readonly string[] {
  let names = OWN_NAMES.get(table);
  if (names === undefined) {
    names = layout(table).own.map((c) => c.name);
    OWN_NAMES.set(table, names);
  }
  return names;
}

function csv(v: Val): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') {
    if (v === '') return '""';
    return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

class Spool {
  private buf: string[] = [];
  private size = 0;
  private fd: number;
  rows = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  push(line: string): void {
    this.buf.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size > FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.buf.length === 0) return;
    writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** One batch of devices' narrow rows, spooled to `dir`. */
export class Batch {
  readonly spools = new Map<string, Spool>();
  readonly procs: Spool;
  readonly devices: Device[] = [];
  events = 0;

  constructor(readonly dir: string) {
    this.procs = new Spool(join(dir, 'procs.csv'));
  }

  spool(table: string): Spool {
    let s = this.spools.get(table);
    if (s === undefined) {
      s = new Spool(join(this.dir, `${table}.csv`));
      this.spools.set(table, s);
    }
    return s;
  }

  close(): void {
    this.procs.close();
    for (const s of this.spools.values()) s.close();
  }
}

export class Emitter {
  private seq = 0;
  private procKey = 0;
  private readonly reportIds = new Map<number, number>();
  private readonly counts = new Map<string, number>();
  batch: Batch | null = null;

  constructor(readonly clock: Clock) {}

  private nextReportId(dev: Device): number {
    const r = (this.reportIds.get(dev.idx) ?? 1000 + ((dev.idx * 7919) % 50000)) + 1;
    this.reportIds.set(dev.idx, r);
    return r;
  }

  private current(): Batch {
    if (this.batch === null) throw new Error('lab: no open batch');
    return this.batch;
  }

  countsByTable(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Registers a process and emits its ProcessCreated event (initiated by its parent). */
  process(p: Omit<Proc, 'key' | 'folderPath'> & { folderPath?: string }): { proc: Proc; ref: EvidenceRef } {
    const proc = this.register(p);
    const ref = this.event(
      'DeviceProcessEvents',
      proc.created,
      proc.dev,
      proc.parent,
      { ActionType: 'ProcessCreated', AppGuardContainerId: '' },
      proc,
    );
    return { proc, ref };
  }

  /** Adds a process to the dimension without a creation event (the kernel, pid 4, started before any sensor). */
  register(p: Omit<Proc, 'key' | 'folderPath'> & { folderPath?: string }): Proc {
    const b = this.current();
    const folderPath = p.folderPath ?? `${p.bin.dir.replace('{home}', p.dev.user.home)}\\${p.bin.fileName}`;
    const proc: Proc = { ...p, key: ++this.procKey, folderPath };
    const parent = p.parent;
    const row = [
      proc.key,
      proc.pid,
      proc.bin.fileName,
      folderPath,
      proc.bin.sha1,
      proc.bin.sha256,
      proc.bin.md5,
      proc.bin.size,
      proc.bin.company,
      proc.bin.product,
      proc.bin.version,
      proc.bin.internalName,
      proc.bin.originalName,
      proc.bin.description,
      proc.cmd,
      proc.created,
      proc.integrity,
      proc.elevation,
      proc.account.domain,
      proc.account.name,
      proc.account.sid,
      proc.account.upn,
      proc.account.objectId,
      proc.logonId,
      parent?.pid ?? 0,
      parent?.bin.fileName ?? '',
      parent?.created ?? null,
      proc.bin.signer,
      proc.bin.signatureStatus,
      proc.sessionId,
      false,
      '',
      '',
    ];
    if (row.length !== PROC_COLUMNS.length + 1) throw new Error('lab: process row/dimension mismatch');
    b.procs.push(row.map(csv).join(',') + '\n');
    return proc;
  }

  /** Emits one event; `actor` is the initiating process. Returns the evidence reference. */
  event(
    table: string,
    t: number,
    dev: Device,
    actor: Proc | null,
    fields: Fields,
    created: Proc | null = null,
  ): EvidenceRef {
    const reportId = this.emit(table, t, dev, actor, fields, created);
    return { table, reportId, timestamp: formatTicks(this.clock, t) };
  }

  /** As `event`, without formatting an evidence reference (the hot path). */
  emit(table: string, t: number, dev: Device, actor: Proc | null, fields: Fields, created: Proc | null = null): number {
    const b = this.current();
    const names = ownNames(table);
    const reportId = this.nextReportId(dev);
    const parts: string[] = [
      String(++this.seq),
      String(dev.idx),
      actor === null ? '' : String(actor.key),
      created === null ? '' : String(created.key),
      String(Math.trunc(t)),
    ];
    for (const name of names) parts.push(name === 'ReportId' ? String(reportId) : csv(fields[name]));
    const line = parts.join(',');
    b.spool(table).push(line + '\n');
    b.events++;
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
    return reportId;
  }
}
