// report.md: the analyst write-up in GitHub-flavoured Markdown, in the order of the seed
// write-ups (scenario, outcome, timeline, steps with their KQL, ATT&CK, response) plus
// the evidence and provenance they lacked. Every data string goes through escapeMarkdown.
import type { EntityResult, HuntRun, InvestigationResult, ProcessNode } from '../hunt/result.js';
import { escapeMarkdown as md, markdownFence } from './escape.js';
import {
  ACTION_HEADINGS,
  DEFAULT_TOP_ROWS,
  VERDICT_LABEL,
  asSentence,
  cellText,
  countsSentence,
  destinationSentence,
  entityTitle,
  formatBytes,
  formatInt,
  markdownColumns,
  percent,
  plural,
  scenarioSentence,
  timeRange,
  truncate,
} from './model.js';

export interface MarkdownImages {
  /** Relative file names of rendered pictures, or null when not rendered. */
  readonly timeline: string | null;
  readonly processTree: string | null;
  /** Why pictures are missing, shown instead of them. */
  readonly note?: string;
}

export interface MarkdownOptions {
  readonly topRows?: number;
  readonly images?: MarkdownImages;
  /** Link back to the fleet report, for per-entity reports inside a fleet. */
  readonly fleetLink?: string;
}

const CELL_MAX = 160;
const MAX_COLUMNS = 10;

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

function cell(v: unknown): string {
  return md(truncate(cellText(v), CELL_MAX));
}

export function renderEntityMarkdown(result: InvestigationResult, e: EntityResult, opts: MarkdownOptions = {}): string {
  const top = opts.topRows ?? DEFAULT_TOP_ROWS;
  const out: string[] = [];
  out.push(`# Insider Data Exfiltration Investigation: ${md(entityTitle(e))}`);
  if (opts.fleetLink !== undefined) out.push(`[← Fleet overview](${opts.fleetLink})`);
  out.push(
    `> **Verdict: ${VERDICT_LABEL[e.verdict]}** · confidence ${percent(e.confidence)} · risk score ${formatInt(e.riskScore)}/100 — ${md(e.reason)}`,
  );

  out.push('## Scenario and scope');
  out.push(md(scenarioSentence(result, e)));
  out.push(scopeTable(result, e));

  out.push('## Key outcome');
  out.push(keyOutcome(e));

  out.push('## Timeline');
  if (e.timeline.length === 0) out.push('_No events on the timeline._');
  else
    out.push(
      ...imageBlock(opts.images, 'timeline', 'Timeline of process, file and network events'),
      table(
        ['Time (UTC)', 'Stage', 'Table', 'Action', 'Event', 'ReportId'],
        e.timeline.map((t) => [
          md(t.timestamp),
          md(t.stage),
          md(t.table),
          md(t.actionType),
          cell(t.summary),
          md(cellText(t.reportId)),
        ]),
      ),
    );

  if (e.processTree.length > 0) {
    out.push('## Process tree');
    out.push(...imageBlock(opts.images, 'processTree', 'Process tree'));
    out.push(processList(e.processTree, 0).join('\n'));
  }

  out.push('## Investigation steps');
  if (e.hunts.length === 0) out.push('_No hunts ran for this entity._');
  e.hunts.forEach((h, i) => out.push(huntSection(h, i + 1, top)));

  if (e.destinations.length > 0) {
    out.push('## Destinations');
    out.push(
      table(
        ['Remote URL', 'Remote IP', 'Port', 'Category', 'Outcome', 'Bytes sent'],
        e.destinations.map((d) => [
          cell(d.url),
          md(d.ip),
          d.port === null ? '' : String(d.port),
          md(d.category),
          md(d.outcome),
          formatBytes(d.bytes),
        ]),
      ),
    );
  }

  out.push('## MITRE ATT&CK mapping');
  if (e.techniques.length === 0) out.push('_No ATT&CK techniques observed._');
  else {
    out.push(
      table(
        ['Tactic', 'Technique ID', 'Technique Name', 'Why It Applies', 'Evidence'],
        e.techniques.map((t) => [md(t.tactic), md(t.id), md(t.name), cell(t.why), String(t.evidence.length)]),
      ),
    );
    out.push(
      'ATT&CK Navigator layer: [attack-layer.json](attack-layer.json) (open it at <https://mitre-attack.github.io/attack-navigator/>).',
    );
  }

  out.push('## Response plan');
  out.push(responsePlan(e));

  if (e.suppressed.length > 0) {
    out.push('## Ruled out');
    out.push(
      e.suppressed
        .map((s) => `- **${md(s.what)}:** ${md(s.reason)} (${plural(s.evidence.length, 'event')})`)
        .join('\n'),
    );
  }
  if (e.gaps.length > 0) {
    out.push('## Data gaps');
    out.push(e.gaps.map((g) => `- ${md(g)}`).join('\n'));
  }

  out.push('## Evidence');
  if (e.evidence.length === 0) out.push('_No evidence events._');
  else
    out.push(
      table(
        ['#', 'Table', 'ReportId', 'Timestamp', 'Hunt', 'Event'],
        e.evidence.map((ev, i) => [
          String(i + 1),
          md(ev.table),
          md(cellText(ev.reportId)),
          md(ev.timestamp),
          md(ev.hunt),
          cell(ev.summary ?? ''),
        ]),
      ),
    );

  out.push(provenance(result));
  return out.join('\n\n') + '\n';
}

function scopeTable(result: InvestigationResult, e: EntityResult): string {
  const sources =
    result.dataSources.length === 0
      ? '_none recorded_'
      : result.dataSources
          .map(
            (d) =>
              `${md(d.table)} (${formatInt(d.rows)} rows${d.from !== null && d.to !== null ? `, ${md(d.from)} – ${md(d.to)}` : ''})`,
          )
          .join('<br>');
  return table(
    ['Scope', 'Value'],
    [
      ['Device', md(e.device)],
      ['User', e.user === null ? '_unknown_' : md(e.user)],
      ['Time range', md(timeRange(result))],
      ['Data sources', sources],
      ['Generated', `${md(result.generatedAt)} by ${md(result.tool.name)} ${md(result.tool.version)}`],
    ],
  );
}

function keyOutcome(e: EntityResult): string {
  const lines = [md(asSentence(e.reason))];
  const dest = destinationSentence(e);
  if (dest !== null) lines.push(dest);
  lines.push(countsSentence(e));
  return lines.join(' ') + `\n\n**Final Verdict: ${VERDICT_LABEL[e.verdict]}**`;
}

function imageBlock(images: MarkdownImages | undefined, key: 'timeline' | 'processTree', alt: string): string[] {
  if (images === undefined) return [];
  const file = images[key];
  if (file !== null) return [`![${alt}](${encodeURI(file)})`];
  return images.note !== undefined ? [`_${md(images.note)}_`] : [];
}

function processList(nodes: readonly ProcessNode[], depth: number): string[] {
  const out: string[] = [];
  for (const n of nodes) {
    const facts = [
      n.processId === null ? null : `PID ${n.processId}`,
      n.account === null ? null : md(n.account),
      n.creationTime === null ? null : md(n.creationTime),
    ].filter((x): x is string => x !== null);
    const cmd = n.commandLine === '' ? '' : ` — ${md(truncate(n.commandLine, 240))}`;
    out.push(`${'  '.repeat(depth)}- **${md(n.fileName)}**${facts.length > 0 ? ` (${facts.join(', ')})` : ''}${cmd}`);
    out.push(...processList(n.children, depth + 1));
  }
  return out;
}

function huntSection(h: HuntRun, n: number, top: number): string {
  const parts = [`### ${n}. ${md(h.title)}`];
  parts.push(`Hunt ${md(h.hunt)} · ${plural(h.totalRows, 'row')} · ${formatInt(h.elapsedMs)} ms`);
  parts.push(markdownFence(h.kql, 'kql'));
  if (h.totalRows === 0 || h.rows.length === 0) {
    parts.push('_No rows._');
    return parts.join('\n\n');
  }
  const shown = h.rows.slice(0, top);
  const cols = markdownColumns(
    h.columns.map((c) => c.name),
    MAX_COLUMNS,
  );
  parts.push(
    table(
      cols.map((i) => md(h.columns[i]?.name ?? '')),
      shown.map((r) => cols.map((i) => cell(r[i]))),
    ),
  );
  if (cols.length < h.columns.length)
    parts.push(`_Showing ${cols.length} of ${h.columns.length} columns; report.html and report.json have them all._`);
  const more = Math.max(0, h.totalRows - shown.length);
  if (more > 0)
    parts.push(
      `_…and ${formatInt(more)} more ${more === 1 ? 'row' : 'rows'} (${plural(h.totalRows, 'row')} in total)._`,
    );
  return parts.join('\n\n');
}

function responsePlan(e: EntityResult): string {
  if (e.actions.length === 0) return '_No response actions proposed._';
  const out: string[] = [];
  for (const { category, heading } of ACTION_HEADINGS) {
    const acts = e.actions.filter((a) => a.category === category);
    if (acts.length === 0) continue;
    out.push(`### ${heading}`);
    for (const a of acts) {
      out.push(`- **${md(a.title)}:** ${md(a.detail)}`);
      if (a.api !== undefined) {
        const body = a.api.body === undefined || a.api.body === null ? '' : `\n${JSON.stringify(a.api.body, null, 2)}`;
        out.push(indent(markdownFence(`${a.api.method} ${a.api.path}${body}`, 'http'), 2));
      }
      if (a.kql !== undefined) out.push(indent(markdownFence(a.kql, 'kql'), 2));
    }
  }
  return out.join('\n\n');
}

function indent(s: string, n: number): string {
  return s
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}

function provenance(result: InvestigationResult): string {
  const parts = ['## Input provenance'];
  if (result.provenance.length === 0) parts.push('_No input files recorded._');
  else
    parts.push(
      table(
        ['File', 'Table', 'Rows', 'SHA-256'],
        result.provenance.map((p) => [md(p.path), md(p.table), formatInt(p.rows), md(p.sha256)]),
      ),
    );
  parts.push(
    `Generated by ${md(result.tool.name)} ${md(result.tool.version)} (result schema v${result.schemaVersion}) at ${md(result.generatedAt)}.`,
  );
  return parts.join('\n\n');
}
