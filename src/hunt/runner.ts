// Runs playbook hunts through a Backend and keeps what ran (the exact KQL, columns, rows,
// timing) for the evidence trail and the report.
import type { Backend, CellValue, QueryResult } from '../engine/types.js';
import type { HuntRun } from './result.js';
import { bindHunt, getHunt } from './playbook.js';
import type { ParamValue } from './params.js';
import { records, type Rec } from './rows.js';

export interface RanHunt {
  readonly run: HuntRun;
  readonly records: readonly Rec[];
  readonly result: QueryResult;
  /** Set when the hunt could not run (e.g. a table missing from the workspace); rows are then empty. */
  readonly error: string | null;
}

export type Params = Readonly<Record<string, ParamValue | undefined>>;

export async function runHunt(backend: Backend, name: string, params: Params, now?: Date): Promise<RanHunt> {
  const hunt = getHunt(name);
  const kql = bindHunt(hunt, params);
  const t0 = performance.now();
  let result: QueryResult;
  let error: string | null = null;
  try {
    result = await backend.query(kql, now !== undefined ? { now } : {});
  } catch (err) {
    error = err instanceof Error ? err.message.slice(0, 300) : String(err);
    result = { columns: [], rows: [] };
  }
  const elapsedMs = Math.round(performance.now() - t0);
  return {
    error,
    run: {
      hunt: name,
      title: error === null ? hunt.title : `${hunt.title} (FAILED: ${error})`,
      kql,
      columns: result.columns.map((c) => ({ name: c.name, type: c.type })),
      rows: result.rows.slice(0, 50).map((r) => r.map(jsonSafe)),
      totalRows: result.rows.length,
      elapsedMs,
    },
    records: records(result),
    result,
  };
}

export function jsonSafe(v: unknown): unknown {
  return typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v;
}

/** The same hunt run restricted to one device's rows (for an entity's evidence trail). */
export function forDevice(h: RanHunt, device: string, deviceColumn = 'DeviceName', limit = 25): HuntRun {
  const idx = h.result.columns.findIndex((c) => c.name === deviceColumn);
  const rows = idx < 0 ? h.result.rows : (rowsByDevice(h, idx).get(device.toLowerCase()) ?? []);
  return { ...h.run, rows: rows.slice(0, limit).map((r) => r.map(jsonSafe)), totalRows: rows.length };
}

/** A fleet run's rows by lower-cased device, built once: filtering per entity was quadratic at 2,000 devices. */
const deviceIndex = new WeakMap<RanHunt, Map<number, Map<string, (readonly CellValue[])[]>>>();

function rowsByDevice(h: RanHunt, idx: number): Map<string, (readonly CellValue[])[]> {
  let byColumn = deviceIndex.get(h);
  if (byColumn === undefined) deviceIndex.set(h, (byColumn = new Map()));
  let index = byColumn.get(idx);
  if (index === undefined) {
    index = new Map();
    for (const r of h.result.rows) {
      const k = String(r[idx] ?? '').toLowerCase();
      const list = index.get(k);
      if (list === undefined) index.set(k, [r]);
      else list.push(r);
    }
    byColumn.set(idx, index);
  }
  return index;
}
