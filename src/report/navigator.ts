// attack-layer.json: an ATT&CK Navigator layer, format 4.5. Score = number of evidence
// events behind the technique (fleet layer: number of entities showing it); the comment
// carries the case-specific "why". validateLayer checks the format's required fields and
// value rules, and is what the tests (and writeReports) hold every layer to.
import type { EntityResult, InvestigationResult } from '../hunt/result.js';
import { VERDICT_LABEL, entityTitle } from './model.js';

export const NAVIGATOR_VERSION = '5.1.0';
export const ATTACK_VERSION = '18';

export interface LayerTechnique {
  techniqueID: string;
  tactic?: string;
  score?: number;
  color?: string;
  comment?: string;
  enabled?: boolean;
  metadata?: { name: string; value: string }[];
  showSubtechniques?: boolean;
}

export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: '4.5' };
  domain: 'enterprise-attack';
  description: string;
  filters: { platforms: string[] };
  sorting: number;
  layout: {
    layout: 'side';
    showID: boolean;
    showName: boolean;
    showAggregateScores: boolean;
    countUnscored: boolean;
    aggregateFunction: 'max';
    expandedSubtechniques: 'annotated';
  };
  hideDisabled: boolean;
  techniques: LayerTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: { name: string; value: string }[];
  links: { label: string; url: string }[];
  showTacticRowBackground: boolean;
  tacticRowBackground: string;
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
  selectVisibleTechniques: boolean;
}

const TACTICS: Readonly<Record<string, string>> = {
  reconnaissance: 'reconnaissance',
  'resource development': 'resource-development',
  'initial access': 'initial-access',
  execution: 'execution',
  persistence: 'persistence',
  'privilege escalation': 'privilege-escalation',
  'defense evasion': 'defense-evasion',
  'credential access': 'credential-access',
  discovery: 'discovery',
  'lateral movement': 'lateral-movement',
  collection: 'collection',
  'command and control': 'command-and-control',
  'command & control': 'command-and-control',
  exfiltration: 'exfiltration',
  impact: 'impact',
};

/** Navigator short names for a tactic label such as "Execution / Persistence"; unknown labels are dropped. */
export function tacticShortNames(label: string): string[] {
  const out = label
    .split(/[/,;]/)
    .map((p) => p.trim().toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' '))
    .map(
      (p) => TACTICS[p] ?? (Object.values(TACTICS).includes(p.replace(/ /g, '-')) ? p.replace(/ /g, '-') : undefined),
    )
    .filter((x): x is string => x !== undefined);
  return [...new Set(out)];
}

const TECHNIQUE_ID = /^T\d{4}(\.\d{3})?$/;

interface Acc {
  id: string;
  tactics: Set<string>;
  score: number;
  comments: string[];
  meta: { name: string; value: string }[];
}

function base(
  name: string,
  description: string,
  techniques: LayerTechnique[],
  maxScore: number,
  meta: { name: string; value: string }[],
): NavigatorLayer {
  return {
    name,
    versions: { attack: ATTACK_VERSION, navigator: NAVIGATOR_VERSION, layer: '4.5' },
    domain: 'enterprise-attack',
    description,
    filters: { platforms: ['Windows'] },
    sorting: 3,
    layout: {
      layout: 'side',
      showID: true,
      showName: true,
      showAggregateScores: false,
      countUnscored: false,
      aggregateFunction: 'max',
      expandedSubtechniques: 'annotated',
    },
    hideDisabled: false,
    techniques,
    gradient: { colors: ['#fff3e0', '#f57c00', '#b42318'], minValue: 0, maxValue: Math.max(1, maxScore) },
    legendItems: [
      { label: 'Observed (few events)', color: '#fff3e0' },
      { label: 'Observed (many events)', color: '#b42318' },
    ],
    metadata: meta,
    links: [],
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
  };
}

function toTechniques(acc: Map<string, Acc>): LayerTechnique[] {
  const out: LayerTechnique[] = [];
  for (const a of [...acc.values()].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    const tactics = a.tactics.size > 0 ? [...a.tactics].sort() : [undefined];
    for (const tactic of tactics) {
      const t: LayerTechnique = {
        techniqueID: a.id,
        score: a.score,
        comment: a.comments.join('\n'),
        enabled: true,
        showSubtechniques: true,
      };
      if (tactic !== undefined) t.tactic = tactic;
      if (a.meta.length > 0) t.metadata = a.meta.slice(0, 20);
      out.push(t);
    }
  }
  return out;
}

function add(acc: Map<string, Acc>, e: EntityResult, score: (n: number) => number, prefix: string): void {
  for (const t of e.techniques) {
    const id = t.id.trim().toUpperCase();
    if (!TECHNIQUE_ID.test(id)) continue;
    const a = acc.get(id) ?? { id, tactics: new Set<string>(), score: 0, comments: [], meta: [] };
    tacticShortNames(t.tactic).forEach((x) => a.tactics.add(x));
    a.score += score(t.evidence.length);
    a.comments.push(`${prefix}${t.why}`);
    for (const ev of t.evidence)
      a.meta.push({ name: ev.table, value: `ReportId ${String(ev.reportId)} at ${ev.timestamp}` });
    acc.set(id, a);
  }
}

export function buildEntityLayer(result: InvestigationResult, e: EntityResult): NavigatorLayer {
  const acc = new Map<string, Acc>();
  add(acc, e, (n) => n, '');
  const techniques = toTechniques(acc);
  return base(
    `exfilhunt: ${entityTitle(e)}`.slice(0, 200),
    `${VERDICT_LABEL[e.verdict]}. ${e.reason}`.slice(0, 2000),
    techniques,
    Math.max(0, ...techniques.map((t) => t.score ?? 0)),
    [
      { name: 'device', value: e.device },
      { name: 'user', value: e.user ?? '' },
      { name: 'verdict', value: VERDICT_LABEL[e.verdict] },
      { name: 'score', value: 'number of evidence events' },
      { name: 'generated', value: `${result.generatedAt} by exfilhunt ${result.tool.version}` },
    ],
  );
}

export function buildFleetLayer(result: InvestigationResult): NavigatorLayer {
  const acc = new Map<string, Acc>();
  for (const e of result.entities) add(acc, e, () => 1, `${e.device}: `);
  const techniques = toTechniques(acc);
  return base(
    'exfilhunt: fleet',
    `${result.entities.length} entities investigated; score = number of entities showing the technique.`,
    techniques,
    Math.max(0, ...techniques.map((t) => t.score ?? 0)),
    [
      { name: 'entities', value: String(result.entities.length) },
      { name: 'score', value: 'number of entities' },
      { name: 'generated', value: `${result.generatedAt} by exfilhunt ${result.tool.version}` },
    ],
  );
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Problems with a layer against the 4.5 format (required fields and value rules); empty when valid. */
export function validateLayer(layer: unknown): string[] {
  const errs: string[] = [];
  if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) return ['layer is not an object'];
  const l = layer as Record<string, unknown>;
  if (typeof l['name'] !== 'string' || l['name'] === '') errs.push('name: required string');
  if (!['enterprise-attack', 'mobile-attack', 'ics-attack'].includes(String(l['domain'])))
    errs.push('domain: must be enterprise-attack, mobile-attack or ics-attack');
  const v = l['versions'];
  if (v !== undefined) {
    if (typeof v !== 'object' || v === null) errs.push('versions: must be an object');
    else {
      const vv = v as Record<string, unknown>;
      if (vv['layer'] !== '4.5') errs.push('versions.layer: must be "4.5"');
      const nav = vv['navigator'];
      if (typeof nav !== 'string') errs.push('versions.navigator: required when versions is present');
      else {
        const [a = 0, b = 0] = nav.split('.').map(Number);
        if (a < 4 || (a === 4 && b < 9)) errs.push('versions.navigator: must be at least 4.9.0');
      }
      if (vv['attack'] !== undefined && typeof vv['attack'] !== 'string')
        errs.push('versions.attack: must be a string');
    }
  }
  if (l['sorting'] !== undefined && ![0, 1, 2, 3].includes(l['sorting'] as number)) errs.push('sorting: must be 0..3');
  const g = l['gradient'] as { colors?: unknown; minValue?: unknown; maxValue?: unknown } | undefined;
  if (g !== undefined) {
    if (!Array.isArray(g.colors) || g.colors.length < 2 || !g.colors.every((c) => typeof c === 'string' && HEX.test(c)))
      errs.push('gradient.colors: at least two hex colours');
    if (typeof g.minValue !== 'number' || typeof g.maxValue !== 'number' || g.maxValue <= g.minValue)
      errs.push('gradient: maxValue must exceed minValue');
  }
  const links = l['links'];
  if (
    links !== undefined &&
    (!Array.isArray(links) ||
      !links.every(
        (k) => typeof k?.label === 'string' && typeof k?.url === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(k.url),
      ))
  )
    errs.push('links: each needs a label and a url with a protocol');
  const techniques = l['techniques'];
  if (techniques !== undefined) {
    if (!Array.isArray(techniques)) errs.push('techniques: must be an array');
    else
      techniques.forEach((t: unknown, i) => {
        const tt = (typeof t === 'object' && t !== null ? t : {}) as Record<string, unknown>;
        if (typeof tt['techniqueID'] !== 'string' || !TECHNIQUE_ID.test(tt['techniqueID']))
          errs.push(`techniques[${i}].techniqueID: must be T#### or T####.###`);
        if (
          tt['tactic'] !== undefined &&
          (typeof tt['tactic'] !== 'string' || !Object.values(TACTICS).includes(tt['tactic']))
        )
          errs.push(`techniques[${i}].tactic: unknown tactic short name`);
        if (tt['score'] !== undefined && (typeof tt['score'] !== 'number' || !Number.isFinite(tt['score'])))
          errs.push(`techniques[${i}].score: must be a number`);
        if (tt['comment'] !== undefined && typeof tt['comment'] !== 'string')
          errs.push(`techniques[${i}].comment: must be a string`);
        if (tt['enabled'] !== undefined && typeof tt['enabled'] !== 'boolean')
          errs.push(`techniques[${i}].enabled: must be a boolean`);
        if (tt['color'] !== undefined && (typeof tt['color'] !== 'string' || !HEX.test(tt['color'])))
          errs.push(`techniques[${i}].color: must be a hex colour`);
      });
  }
  return errs;
}
