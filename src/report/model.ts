// Presentation facts shared by every renderer: verdict wording, ordering, cell
// formatting and the one rule for turning attacker-controlled names into folder names.
import type { EntityResult, InvestigationResult, ResponseAction, Verdict } from '../hunt/result.js';

/** The analyst vocabulary of the seed write-ups. */
export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  EXFILTRATED: 'Data Exfiltration (Confirmed)',
  ATTEMPTED_PREVENTED: 'Attempted Data Exfiltration (Prevented)',
  STAGED_NO_TRANSFER: 'Data Staged, No Transfer Observed',
  BENIGN: 'Benign Activity (No Exfiltration)',
  INCONCLUSIVE: 'Inconclusive (Insufficient Evidence)',
};

/** Higher is worse; used to break risk-score ties in fleet rankings. */
export const VERDICT_SEVERITY: Readonly<Record<Verdict, number>> = {
  EXFILTRATED: 4,
  ATTEMPTED_PREVENTED: 3,
  STAGED_NO_TRANSFER: 2,
  INCONCLUSIVE: 1,
  BENIGN: 0,
};

export const ACTION_HEADINGS: readonly { readonly category: ResponseAction['category']; readonly heading: string }[] = [
  { category: 'containment', heading: 'Contain the threat' },
  { category: 'securing', heading: 'Secure accounts and system' },
  { category: 'prevention', heading: 'Prevent recurrence' },
  { category: 'monitoring', heading: 'Strengthen monitoring' },
];

export const DEFAULT_TOP_ROWS = 10;

export function percent(x: number): string {
  return `${Math.round(Math.max(0, Math.min(1, x)) * 100)}%`;
}

export function formatInt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}

export function plural(n: number, noun: string): string {
  return `${formatInt(n)} ${n === 1 ? noun : `${noun}s`}`;
}

export function formatBytes(n: number | null): string {
  if (n === null) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}

/** A result-table cell as plain text (renderers escape it). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
}

export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

export function entityTitle(e: EntityResult): string {
  return e.user !== null && e.user !== '' ? `${e.device} (${e.user})` : e.device;
}

/** Fleet order: risk score, then verdict severity, then device name. */
export function rankEntities(entities: readonly EntityResult[]): EntityResult[] {
  return [...entities].sort(
    (a, b) =>
      b.riskScore - a.riskScore ||
      VERDICT_SEVERITY[b.verdict] - VERDICT_SEVERITY[a.verdict] ||
      (a.device < b.device ? -1 : a.device > b.device ? 1 : 0),
  );
}

/**
 * A folder name for an entity's report. Device names come from telemetry, so they are
 * reduced to a safe character set (no separators, no leading dot, bounded length) and
 * prefixed with the rank, which also keeps colliding names apart.
 */
export function entitySlug(rank: number, device: string): string {
  const base = device
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._-]+/, '')
    .slice(0, 60)
    .replace(/[._-]+$/, '');
  return `${String(rank).padStart(2, '0')}-${base === '' ? 'entity' : base.toLowerCase()}`;
}

/** True when the report is a fleet report: an --all run, or anything but exactly one entity. */
export function isFleet(result: InvestigationResult): boolean {
  return result.scope.all || result.entities.length !== 1;
}

/** The same result narrowed to one entity, for per-entity report.json files. */
export function resultForEntity(result: InvestigationResult, e: EntityResult): InvestigationResult {
  return { ...result, scope: { ...result.scope, device: e.device, user: e.user, all: false }, entities: [e] };
}

export function timeRange(result: InvestigationResult): string {
  const { from, to, window } = result.scope;
  const span =
    from !== null && to !== null
      ? `${from} – ${to}`
      : from !== null
        ? `from ${from}`
        : to !== null
          ? `until ${to}`
          : 'all available data';
  return window !== '' ? `${span} (pivot window ${window})` : span;
}

/** One sentence describing where the data went, if anywhere. */
export function destinationSentence(e: EntityResult): string | null {
  if (e.destinations.length === 0) return null;
  const by = (o: string) => e.destinations.filter((d) => d.outcome === o).length;
  const parts = [
    ['success', 'successful'],
    ['blocked', 'blocked'],
    ['failed', 'failed'],
  ]
    .map(([o, w]) => [by(o as string), w] as const)
    .filter(([n]) => n > 0)
    .map(([n, w]) => `${n} ${w}`);
  const bytes = e.destinations.filter((d) => d.outcome === 'success').reduce((s, d) => s + (d.bytes ?? 0), 0);
  const plural = e.destinations.length === 1 ? 'connection' : 'connections';
  return `${parts.join(', ')} outbound ${plural} to external destinations${bytes > 0 ? ` (${formatBytes(bytes)} sent)` : ''}.`;
}

/** Epoch milliseconds of a Kusto timestamp (7 fractional digits are cut to 3), or null. */
export function parseKustoTime(ts: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})?$/.exec(ts.trim());
  if (m === null) return null;
  const frac = (m[3] ?? '').slice(0, 3).padEnd(3, '0');
  const ms = Date.parse(`${m[1]}T${m[2]}.${frac}${m[4] ?? 'Z'}`);
  return Number.isNaN(ms) ? null : ms;
}

/** The seed write-ups open with the scenario; this is its factual form. Plain text. */
export function scenarioSentence(result: InvestigationResult, e: EntityResult): string {
  const who = e.user !== null && e.user !== '' ? `${e.device} (user ${e.user})` : e.device;
  const rows = result.dataSources.reduce((n, d) => n + d.rows, 0);
  const sources =
    result.dataSources.length === 0
      ? 'the available telemetry'
      : `${plural(result.dataSources.length, 'table')} of Defender telemetry (${plural(rows, 'row')})`;
  const span =
    result.scope.from !== null || result.scope.to !== null
      ? ` over ${timeRange(result).replace(/ \(pivot window .*\)$/, '')}`
      : '';
  const pivot = result.scope.window !== '' ? `, correlating events within ±${result.scope.window} of each finding` : '';
  return `exfilhunt investigated ${who} for signs of insider data theft${span}, using ${sources}${pivot}.`;
}

/** "7 evidence events from 3 tables, 6 ATT&CK techniques, 3 hunts run." */
export function countsSentence(e: EntityResult): string {
  const tables = new Set(e.evidence.map((x) => x.table)).size;
  const ev =
    e.evidence.length === 0
      ? 'No evidence events'
      : `${plural(e.evidence.length, 'evidence event')} from ${plural(tables, 'table')}`;
  return `${ev}, ${plural(e.techniques.length, 'ATT&CK technique')}, ${plural(e.hunts.length, 'hunt')} run.`;
}

/** A sentence from a one-line reason: reasons are often fragments without a full stop. */
export function asSentence(s: string): string {
  const t = s.trim();
  return t === '' || /[.!?…]$/.test(t) ? t : `${t}.`;
}

// Columns an analyst reads first, in the order the seeds project them.
const KEY_COLUMNS = [
  'Timestamp',
  'DeviceName',
  'AccountName',
  'ActionType',
  'FileName',
  'FolderPath',
  'ProcessCommandLine',
  'InitiatingProcessFileName',
  'InitiatingProcessCommandLine',
  'RemoteUrl',
  'RemoteIP',
  'RemotePort',
  'Reason',
  'ReportId',
];

/**
 * Indexes of the columns report.md shows for a result table: all of them up to `max`,
 * otherwise the key columns first (in their original order), then the rest until `max`.
 */
export function markdownColumns(names: readonly string[], max: number): number[] {
  if (names.length <= max) return names.map((_, i) => i);
  const key = names.map((n, i) => (KEY_COLUMNS.includes(n) ? i : -1)).filter((i) => i >= 0);
  const rest = names.map((_, i) => i).filter((i) => !key.includes(i));
  return [...key, ...rest].slice(0, max).sort((a, b) => a - b);
}
