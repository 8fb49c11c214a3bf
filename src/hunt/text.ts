// Terminal summary of an investigation. Every string from telemetry passes through
// sanitizeCell: command lines and file names are attacker-controlled.
import type { EntityResult, InvestigationResult } from './result.js';
import { sanitizeCell } from '../util/terminal.js';

const s = (x: string, n = 160) => {
  const c = sanitizeCell(x);
  return c.length > n ? c.slice(0, n - 1) + '…' : c;
};

function entityText(e: EntityResult, detail: boolean): string[] {
  const who = e.user !== null ? `${s(e.device)} / ${s(e.user)}` : s(e.device);
  const out = [
    `${e.verdict.padEnd(19)} ${who}  confidence ${e.confidence.toFixed(2)}  risk ${e.riskScore}`,
    `  ${s(e.reason, 240)}`,
  ];
  if (!detail) return out;
  if (e.evidence.length > 0) {
    out.push('  Key evidence:');
    for (const ev of e.evidence.slice(0, 12))
      out.push(`    ${ev.timestamp}  ${ev.table}#${String(ev.reportId)}  [${ev.hunt}]  ${s(ev.summary ?? '', 140)}`);
    if (e.evidence.length > 12) out.push(`    … ${e.evidence.length - 12} more`);
  }
  if (e.timeline.length > 0) {
    out.push('  Timeline:');
    for (const t of e.timeline.slice(0, 20)) out.push(`    ${t.timestamp}  ${t.stage.padEnd(12)} ${s(t.summary, 150)}`);
    if (e.timeline.length > 20) out.push(`    … ${e.timeline.length - 20} more`);
  }
  if (e.techniques.length > 0) {
    out.push('  ATT&CK:');
    for (const t of e.techniques) out.push(`    ${t.id.padEnd(10)} ${t.name} (${t.tactic}): ${s(t.why, 170)}`);
  }
  if (e.destinations.length > 0) {
    out.push('  Destinations:');
    for (const d of e.destinations.slice(0, 8))
      out.push(
        `    ${s(d.url || d.ip)}${d.port !== null ? `:${d.port}` : ''}  ${d.category}  ${d.outcome}${d.bytes !== null ? `  ${d.bytes} bytes` : ''}`,
      );
  }
  if (e.suppressed.length > 0) {
    out.push('  Suppressed (baseline):');
    // One recurring job yields one suppression per occurrence; show each distinct one once, counted.
    const groups = new Map<string, { what: string; reason: string; n: number }>();
    for (const x of e.suppressed) {
      const key = `${x.what}\u0000${x.reason}`;
      const g = groups.get(key);
      if (g === undefined) groups.set(key, { what: x.what, reason: x.reason, n: 1 });
      else g.n++;
    }
    for (const g of [...groups.values()].slice(0, 6))
      out.push(`    ${g.n > 1 ? `${g.n}× ` : ''}${s(g.what, 90)}: ${s(g.reason, 150)}`);
    if (groups.size > 6) out.push(`    … and ${groups.size - 6} more`);
  }
  if (e.gaps.length > 0) {
    out.push('  Data gaps:');
    for (const g of e.gaps) out.push(`    ${s(g, 200)}`);
  }
  if (e.actions.length > 0) {
    out.push('  Actions:');
    for (const a of e.actions)
      out.push(
        `    [${a.category}] ${s(a.title, 100)}${a.api !== undefined ? `  (${a.api.method} ${s(a.api.path, 80)})` : ''}${a.kql !== undefined ? '  (KQL rule in --format json)' : ''}`,
      );
  }
  return out;
}

export function renderText(r: InvestigationResult): string {
  const scope = r.scope.all
    ? 'all devices'
    : r.scope.device !== null
      ? `device ${s(r.scope.device)}`
      : `user ${s(r.scope.user ?? '')}`;
  const lines = [
    `exfilhunt investigate: ${scope}, ${r.scope.from ?? '?'} .. ${r.scope.to ?? '?'}, window ${r.scope.window}`,
  ];
  lines.push(`data: ${r.dataSources.map((d) => `${d.table} ${d.rows}`).join(', ')}`);
  lines.push('');
  if (r.scope.all) {
    const counts = new Map<string, number>();
    for (const e of r.entities) counts.set(e.verdict, (counts.get(e.verdict) ?? 0) + 1);
    lines.push(`${r.entities.length} entities: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    lines.push('');
    lines.push('rank  verdict             risk  conf  device / user: reason');
    r.entities.slice(0, 50).forEach((e, i) => {
      lines.push(
        `${String(i + 1).padStart(4)}  ${e.verdict.padEnd(19)} ${String(e.riskScore).padStart(4)}  ${e.confidence.toFixed(2)}  ${s(e.device)}${e.user !== null ? ` / ${s(e.user)}` : ''}: ${s(e.reason, 140)}`,
      );
    });
    if (r.entities.length > 50) lines.push(`… ${r.entities.length - 50} more (all in --format json)`);
    const top = r.entities.filter((e) => e.verdict !== 'BENIGN' && e.verdict !== 'INCONCLUSIVE').slice(0, 3);
    for (const e of top) lines.push('', ...entityText(e, true));
  } else {
    for (const e of r.entities) lines.push(...entityText(e, e.verdict !== 'BENIGN' || r.entities.length === 1), '');
  }
  return lines.join('\n') + '\n';
}
