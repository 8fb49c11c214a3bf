// report.html body for one entity: the same sections as report.md, plus the interactive
// timeline chart, the process tree and sortable, filterable evidence tables.
import type { EntityResult, HuntRun, InvestigationResult, ProcessNode } from '../../hunt/result.js';
import { escapeHtml as h } from '../escape.js';
import {
  ACTION_HEADINGS,
  VERDICT_LABEL,
  asSentence,
  cellText,
  countsSentence,
  destinationSentence,
  entityTitle,
  formatBytes,
  formatInt,
  parseKustoTime,
  percent,
  plural,
  scenarioSentence,
  timeRange,
} from '../model.js';
import { code, htmlTable, num, para, section, text, type Cell } from './parts.js';
import { renderPage } from './template.js';

export interface TimelinePoint {
  readonly t: number | null;
  readonly ts: string;
  readonly table: string;
  readonly action: string;
  readonly summary: string;
  readonly stage: string;
  readonly reportId: string | null;
}

export function timelineData(e: EntityResult): TimelinePoint[] {
  return e.timeline.map((t) => ({
    t: parseKustoTime(t.timestamp),
    ts: t.timestamp,
    table: t.table,
    action: t.actionType,
    summary: t.summary,
    stage: t.stage,
    reportId: t.reportId === null ? null : String(t.reportId),
  }));
}

export const TIMELINE_DATA_ID = 'eh-timeline-data';

export function timelineChart(interactive: boolean, caption?: string): string {
  const tools = interactive ? '<div class="tools no-print" id="eh-timeline-tools"></div>\n' : '';
  const legend = ['execution', 'collection', 'staging', 'exfiltration', 'blocked', 'context']
    .map((s) => `<span class="s-${s}">${s}</span>`)
    .join('');
  return `${tools}<figure id="eh-timeline-figure">${caption !== undefined ? `<p class="muted">${h(caption)}</p>` : ''}<div class="eh-chart" id="eh-timeline" data-source="${TIMELINE_DATA_ID}"${interactive ? '' : ' data-static=""'}></div>\n<figcaption class="legend">${legend}</figcaption></figure>`;
}

export function processTreeHtml(nodes: readonly ProcessNode[]): string {
  const item = (n: ProcessNode): string => {
    const facts = [
      n.processId === null ? '' : `PID ${n.processId}`,
      n.account ?? '',
      n.creationTime ?? '',
      n.sha256 === null ? '' : `SHA-256 ${n.sha256.slice(0, 16)}…`,
    ]
      .filter((x) => x !== '')
      .join(' · ');
    const head = `<span class="proc mono">${h(n.fileName)}</span> <span class="muted">${h(facts)}</span>`;
    const cmd = n.commandLine === '' ? '' : `<code class="cmd">${h(n.commandLine)}</code>`;
    const kids = n.children.length > 0 ? `<ul>${n.children.map(item).join('')}</ul>` : '';
    return n.children.length > 0
      ? `<li><details open><summary>${head}</summary>${cmd}${kids}</details></li>`
      : `<li>${head}${cmd}</li>`;
  };
  return `<ul class="eh-tree" id="eh-process-tree">${nodes.map(item).join('')}</ul>`;
}

export function renderEntityHtml(
  result: InvestigationResult,
  e: EntityResult,
  opts: { fleetLink?: string } = {},
): string {
  const parts: string[] = [];
  parts.push(
    `<header>${opts.fleetLink !== undefined ? `<p class="no-print"><a href="${h(opts.fleetLink)}">← Fleet overview</a></p>` : ''}`,
  );
  parts.push(`<h1>Insider Data Exfiltration Investigation: ${h(entityTitle(e))}</h1>`);
  parts.push(
    `<div class="verdict v-${h(e.verdict)}" id="verdict"><strong>Verdict: ${h(VERDICT_LABEL[e.verdict])}</strong> · confidence ${percent(e.confidence)} · risk score ${h(formatInt(e.riskScore))}/100<br>${h(e.reason)}</div></header>`,
  );

  const sources = result.dataSources.map(
    (d) => `${d.table} (${formatInt(d.rows)} rows${d.from !== null && d.to !== null ? `, ${d.from} – ${d.to}` : ''})`,
  );
  const scope: [string, string][] = [
    ['Device', h(e.device)],
    ['User', e.user === null ? '<span class="muted">unknown</span>' : h(e.user)],
    ['Time range', h(timeRange(result))],
    ['Data sources', sources.length === 0 ? '<span class="muted">none recorded</span>' : sources.map(h).join('<br>')],
    ['Generated', `${h(result.generatedAt)} by ${h(result.tool.name)} ${h(result.tool.version)}`],
  ];
  parts.push(
    section(
      'scope',
      'Scenario and scope',
      `${para(scenarioSentence(result, e))}<dl class="scope">${scope.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join('')}</dl>`,
    ),
  );

  const dest = destinationSentence(e);
  parts.push(
    section(
      'outcome',
      'Key outcome',
      para(asSentence(e.reason)) +
        (dest !== null ? para(dest) : '') +
        para(countsSentence(e)) +
        `<p><strong>Final Verdict: ${h(VERDICT_LABEL[e.verdict])}</strong></p>`,
    ),
  );

  const tl =
    e.timeline.length === 0
      ? para('No events on the timeline.', 'muted')
      : timelineChart(true) +
        htmlTable(
          ['Time (UTC)', 'Stage', 'Table', 'Action', 'Event', 'ReportId'],
          e.timeline.map((t) => [
            text(t.timestamp),
            text(t.stage, `s-${t.stage.replace(/[^a-z]/g, '')}`),
            text(t.table),
            text(t.actionType),
            text(t.summary),
            text(cellText(t.reportId)),
          ]),
          { id: 'timeline-table', interactive: true },
        );
  parts.push(section('timeline', 'Timeline', tl));

  if (e.processTree.length > 0) parts.push(section('process-tree', 'Process tree', processTreeHtml(e.processTree)));

  parts.push(
    section(
      'steps',
      'Investigation steps',
      e.hunts.length === 0 ? para('No hunts ran for this entity.', 'muted') : e.hunts.map(huntHtml).join('\n'),
    ),
  );

  if (e.destinations.length > 0)
    parts.push(
      section(
        'destinations',
        'Destinations',
        htmlTable(
          ['Remote URL', 'Remote IP', 'Port', 'Category', 'Outcome', 'Bytes sent'],
          e.destinations.map((d) => [
            code(d.url),
            text(d.ip),
            num(d.port),
            text(d.category),
            text(d.outcome),
            num(d.bytes, formatBytes(d.bytes)),
          ]),
          { id: 'destinations-table', interactive: true },
        ),
      ),
    );

  parts.push(
    section(
      'attack',
      'MITRE ATT&CK mapping',
      e.techniques.length === 0
        ? para('No ATT&CK techniques observed.', 'muted')
        : htmlTable(
            ['Tactic', 'Technique ID', 'Technique Name', 'Why It Applies', 'Evidence'],
            e.techniques.map((t) => [text(t.tactic), text(t.id), text(t.name), text(t.why), num(t.evidence.length)]),
            { id: 'attack-table', interactive: true },
          ) + '<p class="muted">ATT&amp;CK Navigator layer: <code>attack-layer.json</code> next to this file.</p>',
    ),
  );

  parts.push(section('response', 'Response plan', responseHtml(e)));

  if (e.suppressed.length > 0)
    parts.push(
      section(
        'ruled-out',
        'Ruled out',
        `<ul>${e.suppressed.map((s) => `<li><strong>${h(s.what)}:</strong> ${h(s.reason)} (${h(plural(s.evidence.length, 'event'))})</li>`).join('')}</ul>`,
      ),
    );
  if (e.gaps.length > 0)
    parts.push(section('gaps', 'Data gaps', `<ul>${e.gaps.map((g) => `<li>${h(g)}</li>`).join('')}</ul>`));

  parts.push(
    section(
      'evidence',
      'Evidence',
      e.evidence.length === 0
        ? para('No evidence events.', 'muted')
        : htmlTable(
            ['#', 'Table', 'ReportId', 'Timestamp', 'Hunt', 'Event'],
            e.evidence.map((ev, i) => [
              num(i + 1),
              text(ev.table),
              text(cellText(ev.reportId)),
              text(ev.timestamp),
              text(ev.hunt),
              text(ev.summary ?? ''),
            ]),
            { id: 'evidence-table', interactive: true },
          ),
    ),
  );

  parts.push(provenanceHtml(result));
  return renderPage({
    title: `${VERDICT_LABEL[e.verdict]}: ${entityTitle(e)}, exfilhunt report`,
    body: `<main>\n${parts.join('\n')}\n</main>`,
    data: { [TIMELINE_DATA_ID]: timelineData(e) },
  });
}

function huntHtml(hr: HuntRun, i: number): string {
  const id = `hunt-${i + 1}`;
  const rows: Cell[][] = hr.rows.map((r) =>
    hr.columns.map((c, j) =>
      /^(long|int|real|decimal)$/.test(c.type) && typeof r[j] === 'number' ? num(r[j] as number) : text(cellText(r[j])),
    ),
  );
  const more = Math.max(0, hr.totalRows - hr.rows.length);
  return `<article class="step"><h3>${i + 1}. ${h(hr.title)}</h3>
<p class="muted">Hunt <code>${h(hr.hunt)}</code> · ${h(plural(hr.totalRows, 'row'))} · ${h(formatInt(hr.elapsedMs))} ms</p>
${kqlBlock(hr.kql)}
${
  hr.rows.length === 0
    ? para('No rows.', 'muted')
    : htmlTable(
        hr.columns.map((c) => c.name),
        rows,
        { id, interactive: true },
      )
}
${more > 0 ? para(`…and ${formatInt(more)} more rows (${formatInt(hr.totalRows)} in total) not kept in the result.`, 'more') : ''}</article>`;
}

// Long queries start folded so the story stays readable; printing unfolds them.
const KQL_FOLD_LINES = 15;
function kqlBlock(kql: string): string {
  const body = kql.replace(/\s+$/, '');
  const lines = body.split('\n').length;
  const pre = `<pre><code class="language-kql">${h(body)}</code></pre>`;
  return lines <= KQL_FOLD_LINES ? pre : `<details class="kql"><summary>KQL (${lines} lines)</summary>${pre}</details>`;
}

function responseHtml(e: EntityResult): string {
  if (e.actions.length === 0) return para('No response actions proposed.', 'muted');
  const out: string[] = [];
  for (const { category, heading } of ACTION_HEADINGS) {
    const acts = e.actions.filter((a) => a.category === category);
    if (acts.length === 0) continue;
    out.push(`<h3>${h(heading)}</h3><ul>`);
    for (const a of acts) {
      let li = `<li><strong>${h(a.title)}:</strong> ${h(a.detail)}`;
      if (a.api !== undefined) {
        const body = a.api.body === undefined || a.api.body === null ? '' : `\n${JSON.stringify(a.api.body, null, 2)}`;
        li += `<pre><code>${h(`${a.api.method} ${a.api.path}${body}`)}</code></pre>`;
      }
      if (a.kql !== undefined) li += `<pre><code class="language-kql">${h(a.kql)}</code></pre>`;
      out.push(`${li}</li>`);
    }
    out.push('</ul>');
  }
  return out.join('\n');
}

export function provenanceHtml(result: InvestigationResult): string {
  const table =
    result.provenance.length === 0
      ? para('No input files recorded.', 'muted')
      : htmlTable(
          ['File', 'Table', 'Rows', 'SHA-256'],
          result.provenance.map((p) => [code(p.path), text(p.table), num(p.rows), code(p.sha256)]),
          { id: 'provenance-table', interactive: true },
        );
  return (
    section('provenance', 'Input provenance', table) +
    `\n<footer>Generated by ${h(result.tool.name)} ${h(result.tool.version)} (result schema v${h(String(result.schemaVersion))}) at ${h(result.generatedAt)}.</footer>`
  );
}
