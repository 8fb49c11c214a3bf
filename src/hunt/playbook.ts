// Loads the playbook: one readable, Defender-pasteable hunt per `.kql` file in ./playbook.
// File layout:
//   // hunt: archives-created                 (file stem)
//   // title: Archives created, by which process, and where
//   // step: 2. Collection and staging
//   // parameters: TargetDevice, StartTime, EndTime
//   let TargetDevice = "endpoint-za";          (defaults: the seed's case, so a paste runs)
//   ...
// The named parameters must be leading `let` statements; binding replaces their right-hand
// sides with the case values and leaves the rest of the text byte-for-byte unchanged.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderParam, type ParamValue } from './params.js';

export interface HuntParam {
  readonly name: string;
  /** Default right-hand side, as written in the file. */
  readonly defaultText: string;
  readonly start: number;
  readonly end: number;
}

export interface Hunt {
  readonly name: string;
  readonly title: string;
  readonly step: string;
  readonly text: string;
  readonly params: readonly HuntParam[];
}

function header(text: string, key: string): string | null {
  const m = new RegExp(`^//\\s*${key}:\\s*(.+)$`, 'mi').exec(text);
  return m === null ? null : (m[1] ?? '').trim();
}

/** Offsets of each leading `let Name = rhs;` statement (comments and blank lines skipped). */
function leadingLets(text: string): { name: string; start: number; end: number }[] {
  const out: { name: string; start: number; end: number }[] = [];
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n) {
      if (/\s/.test(text[i] ?? '')) i++;
      else if (text.startsWith('//', i)) {
        const nl = text.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else break;
    }
    const m = /^let\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*/.exec(text.slice(i, i + 200));
    if (m === null) return out;
    const start = i + m[0].length;
    let j = start;
    let depth = 0;
    let quote: string | null = null;
    for (; j < n; j++) {
      const ch = text[j];
      if (quote !== null) {
        if (ch === '\\') j++;
        else if (ch === quote) quote = null;
      } else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '/' && text[j + 1] === '/') {
        const nl = text.indexOf('\n', j);
        j = nl < 0 ? n : nl;
      } else if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth--;
      else if (ch === ';' && depth === 0) break;
    }
    if (j >= n) throw new Error('playbook: unterminated let statement');
    let end = j;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    out.push({ name: m[1] ?? '', start, end });
    i = j + 1;
  }
}

export function parseHunt(name: string, text: string): Hunt {
  const declared = (header(text, 'parameters') ?? '').split(/[,\s]+/).filter((s) => s !== '');
  const lets = leadingLets(text);
  const params: HuntParam[] = [];
  for (const p of declared) {
    const l = lets.find((x) => x.name === p);
    if (l === undefined) throw new Error(`playbook ${name}: parameter ${p} is not a leading let statement`);
    params.push({ name: p, defaultText: text.slice(l.start, l.end), start: l.start, end: l.end });
  }
  const hunt = header(text, 'hunt');
  if (hunt !== null && hunt !== name) throw new Error(`playbook ${name}: header says hunt ${hunt}`);
  return { name, title: header(text, 'title') ?? name, step: header(text, 'step') ?? '', text, params };
}

/** The hunt text with every declared parameter present in `values` replaced; others keep defaults. */
export function bindHunt(hunt: Hunt, values: Readonly<Record<string, ParamValue | undefined>>): string {
  let out = '';
  let pos = 0;
  for (const p of [...hunt.params].sort((a, b) => a.start - b.start)) {
    const v = values[p.name];
    if (v === undefined) continue;
    out += hunt.text.slice(pos, p.start) + renderParam(v);
    pos = p.end;
  }
  return out + hunt.text.slice(pos);
}

/** src/hunt/playbook, also when running from dist/ (tsc does not copy .kql files). */
export function playbookDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'playbook'), join(here, '..', '..', 'src', 'hunt', 'playbook')];
  const found = candidates.find((c) => existsSync(c));
  if (found === undefined) throw new Error('playbook: directory not found');
  return found;
}

let cache: ReadonlyMap<string, Hunt> | null = null;

export function loadPlaybook(dir = playbookDir()): ReadonlyMap<string, Hunt> {
  if (cache !== null && dir === playbookDir()) return cache;
  const map = new Map<string, Hunt>();
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.kql')) continue;
    const name = f.slice(0, -4);
    map.set(name, parseHunt(name, readFileSync(join(dir, f), 'utf8')));
  }
  if (dir === playbookDir()) cache = map;
  return map;
}

export function getHunt(name: string): Hunt {
  const h = loadPlaybook().get(name);
  if (h === undefined) throw new Error(`playbook: no hunt named ${name}`);
  return h;
}
