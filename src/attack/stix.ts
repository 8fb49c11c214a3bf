// Loads a full ATT&CK dataset a user provides: a STIX 2.x bundle (enterprise-attack.json from
// mitre/cti) or the compact `{tactics, techniques}` lookup. Used to check or extend the catalog
// against a newer ATT&CK release without code changes.
import { readFileSync } from 'node:fs';
import type { Technique } from './catalog.js';

export interface AttackIndex {
  readonly version: string | null;
  readonly techniques: ReadonlyMap<string, Technique>;
  /** shortname -> display name */
  readonly tactics: ReadonlyMap<string, string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const arr = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : []);

function fromStix(objects: readonly unknown[]): AttackIndex {
  const techniques = new Map<string, Technique>();
  const tactics = new Map<string, string>();
  let version: string | null = null;
  for (const o of objects) {
    if (!isObj(o) || o['revoked'] === true || o['x_mitre_deprecated'] === true) continue;
    const type = str(o['type']);
    if (type === 'x-mitre-tactic') {
      const short = str(o['x_mitre_shortname']);
      const name = str(o['name']);
      if (short !== null && name !== null) tactics.set(short, name);
    } else if (type === 'x-mitre-collection') {
      version = str(o['x_mitre_version']) ?? version;
    } else if (type === 'attack-pattern') {
      const ref = arr(o['external_references']).find((r) => isObj(r) && r['source_name'] === 'mitre-attack');
      const id = isObj(ref) ? str(ref['external_id']) : null;
      const name = str(o['name']);
      if (id === null || name === null) continue;
      const phases = arr(o['kill_chain_phases'])
        .filter((p): p is Obj => isObj(p) && p['kill_chain_name'] === 'mitre-attack')
        .map((p) => str(p['phase_name']))
        .filter((p): p is string => p !== null);
      techniques.set(id, { id, name, tactics: phases });
    }
  }
  return { version, techniques, tactics };
}

function fromCompact(doc: Obj): AttackIndex {
  const techniques = new Map<string, Technique>();
  const tactics = new Map<string, string>();
  for (const t of arr(doc['tactics'])) {
    if (!isObj(t)) continue;
    const short = str(t['shortname']);
    const name = str(t['name']);
    if (short !== null && name !== null) tactics.set(short, name);
  }
  for (const t of arr(doc['techniques'])) {
    if (!isObj(t) || t['deprecated'] === true) continue;
    const id = str(t['id']);
    const name = str(t['name']);
    if (id === null || name === null) continue;
    const tac = arr(t['tactics']).filter((x): x is string => typeof x === 'string');
    techniques.set(id, { id, name, tactics: tac });
  }
  return { version: str(doc['attack_version']), techniques, tactics };
}

/** Parse either a STIX bundle (`{"type":"bundle","objects":[...]}`) or the compact lookup. */
export function parseAttack(doc: unknown): AttackIndex {
  if (!isObj(doc)) throw new Error('attack: expected a JSON object');
  if (doc['type'] === 'bundle' || Array.isArray(doc['objects'])) return fromStix(arr(doc['objects']));
  if (Array.isArray(doc['techniques'])) return fromCompact(doc);
  throw new Error('attack: neither a STIX bundle nor a {tactics, techniques} lookup');
}

export function loadAttack(path: string): AttackIndex {
  return parseAttack(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}

export interface CatalogMismatch {
  readonly id: string;
  readonly problem: string;
}

/** Every catalog entry must exist in the index with the same name and tactics. */
export function checkCatalog(catalog: readonly Technique[], index: AttackIndex): CatalogMismatch[] {
  const out: CatalogMismatch[] = [];
  for (const t of catalog) {
    const ref = index.techniques.get(t.id);
    if (ref === undefined) out.push({ id: t.id, problem: 'not in ATT&CK (revoked, deprecated or unknown)' });
    else {
      if (ref.name !== t.name) out.push({ id: t.id, problem: `name "${t.name}" but ATT&CK says "${ref.name}"` });
      const a = [...t.tactics].sort().join(',');
      const b = [...ref.tactics].sort().join(',');
      if (a !== b) out.push({ id: t.id, problem: `tactics ${a} but ATT&CK says ${b}` });
    }
  }
  return out;
}
