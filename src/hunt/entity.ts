// Assessment -> EntityResult: verdict, techniques, evidence chain, timeline, destinations,
// gaps and the response plan, in the stable JSON shape of result.ts.
import type { EntityResult, EvidenceRef, HuntRun, TimelineEvent } from './result.js';
import type { Assessment } from './assessment.js';
import { decide } from './verdict.js';
import { mapTechniques } from './techniques.js';
import { responsePlan, type DetectionRule } from './response.js';
import { evidenceOf, summarize, type Signal } from './signals.js';
import { isStrongExec } from './assess.js';

function key(e: EvidenceRef): string {
  return `${e.table}|${e.reportId}|${e.timestamp}`;
}

export function dedupe(evs: readonly EvidenceRef[]): EvidenceRef[] {
  const seen = new Set<string>();
  const out: EvidenceRef[] = [];
  for (const e of evs) {
    if (seen.has(key(e))) continue;
    seen.add(key(e));
    out.push(e);
  }
  return out.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
}

function event(s: Signal, stage: TimelineEvent['stage']): TimelineEvent {
  const actionType =
    s.kind === 'exec'
      ? 'ProcessCreated'
      : s.kind === 'archive' || s.kind === 'egress' || s.kind === 'block' || s.kind === 'usb'
        ? s.action
        : '';
  return { timestamp: s.time, table: s.table, actionType, summary: summarize(s), reportId: s.reportId, stage };
}

export function buildEntity(x: Assessment, detection: DetectionRule | null, hunts: readonly HuntRun[]): EntityResult {
  const d = decide(x);
  const techniques = mapTechniques(x);
  const strong = x.execs.filter(isStrongExec);
  const evidence = dedupe([
    ...strong.map((e) => evidenceOf(e, summarize(e))),
    ...x.staged.map((s) => evidenceOf(s.a, summarize(s.a))),
    ...x.staged.flatMap((s) =>
      s.collection?.evidence != null
        ? [
            {
              ...s.collection.evidence,
              hunt: 'collection-pivot',
              summary: `${s.collection.files} files written by ${s.collection.process} before ${s.a.fileName}`,
            },
          ]
        : [],
    ),
    ...x.transfers.map((t) => evidenceOf(t.e, summarize(t.e))),
    ...x.transfers.flatMap((t) => (t.blockedBy !== null ? [evidenceOf(t.blockedBy, summarize(t.blockedBy))] : [])),
    ...x.orphanBlocks.map((b) => evidenceOf(b, summarize(b))),
    ...x.usb.flatMap((u) => [
      evidenceOf(u.write, summarize(u.write)),
      ...(u.mount !== null ? [evidenceOf(u.mount, summarize(u.mount))] : []),
    ]),
    ...x.deletes.map((a) => evidenceOf(a, summarize(a))),
    ...(d.verdict === 'INCONCLUSIVE' ? x.weak.map((w) => evidenceOf(w.a, summarize(w.a))) : []),
  ]);
  const timeline: TimelineEvent[] = [
    ...x.execs.map((e) => event(e, 'execution')),
    ...x.ingress.map((e) => event(e, 'context')),
    ...x.staged.map((s) => event(s.a, 'staging')),
    ...x.transfers.map((t) => event(t.e, t.outcome === 'success' ? 'exfiltration' : 'blocked')),
    ...x.transfers.flatMap((t) => (t.blockedBy !== null ? [event(t.blockedBy, 'blocked')] : [])),
    ...x.orphanBlocks.map((b) => event(b, 'blocked')),
    ...x.usb.map((u) => event(u.write, 'exfiltration')),
    ...x.deletes.map((a) => event(a, 'context')),
  ];
  for (const s of x.staged) {
    const c = s.collection;
    if (c?.evidence != null) {
      timeline.push({
        timestamp: c.evidence.timestamp,
        table: 'DeviceFileEvents',
        actionType: 'FileCreated',
        summary: `${c.files} files (${c.extensions.slice(0, 6).join(', ')}) written by ${c.process} before ${s.a.fileName}`,
        reportId: c.evidence.reportId,
        stage: 'collection',
      });
    }
  }
  timeline.sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  const seen = new Set<string>();
  const uniqTimeline = timeline.filter((t) => {
    const k = `${t.table}|${t.reportId}|${t.timestamp}|${t.stage}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const destinations = x.transfers.map((t) => ({
    url: t.e.url,
    ip: t.e.ip,
    port: t.e.port,
    category: t.category,
    outcome: t.outcome,
    bytes: t.e.bytes,
  }));
  return {
    device: x.device,
    user: x.user,
    verdict: d.verdict,
    confidence: d.confidence,
    riskScore: d.riskScore,
    reason: d.reason,
    techniques,
    evidence,
    timeline: uniqTimeline.slice(0, 300),
    processTree: [...x.tree],
    destinations,
    suppressed: [...x.suppressed],
    gaps: [...x.gaps],
    actions: responsePlan(x, d.verdict, detection),
    hunts: [...hunts],
  };
}
