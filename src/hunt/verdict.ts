// The verdict ladder. Every rung needs evidence; confidence rises with independent
// corroboration (execution, staging, transfer, explicit block) and falls with data gaps.
import type { Verdict } from './result.js';
import type { Assessment } from './assessment.js';
import { isStrongExec } from './assess.js';

export interface Decision {
  readonly verdict: Verdict;
  readonly confidence: number;
  readonly riskScore: number;
  readonly reason: string;
}

const round = (x: number) => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function decide(x: Assessment): Decision {
  const strong = x.execs.filter(isStrongExec);
  const success = x.transfers.filter((t) => t.outcome === 'success');
  const usbArchive = x.usb.filter((u) => u.archive || x.staged.length > 0);
  const prevented = x.transfers.filter((t) => t.outcome !== 'success');
  const hasNet = x.tables.has('DeviceNetworkEvents');
  const hasEvents = x.tables.has('DeviceEvents');
  const staged = x.staged[0];
  const stagedText = staged !== undefined ? `${staged.a.fileName} staged in ${staged.a.folder}` : '';

  if (success.length > 0 || usbArchive.length > 0) {
    let c = 0.55;
    const t = success[0];
    if (x.staged.length > 0) c += 0.15;
    if (strong.length > 0) c += 0.1;
    if (
      t !== undefined &&
      (t.e.intent === 'upload' ||
        (t.staged !== null && t.e.commandLine.toLowerCase().includes(t.staged.a.fileName.toLowerCase())))
    )
      c += 0.1;
    if (t !== undefined && t.category !== 'rare-external') c += 0.05;
    if (prevented.length > 0) c -= 0.05;
    const via =
      t !== undefined
        ? `${t.e.process} -> ${t.e.host || t.e.ip} (${t.category}) ConnectionSuccess`
        : `copied to USB ${usbArchive[0]!.write.path.slice(0, 2)}`;
    const conf = clamp(c, 0.3, 0.97);
    return {
      verdict: 'EXFILTRATED',
      confidence: round(conf),
      riskScore: Math.round(85 + conf * 15),
      reason: `${stagedText !== '' ? stagedText + ', then ' : 'direct upload: '}${via}`,
    };
  }
  if (prevented.length > 0 || x.orphanBlocks.length > 0) {
    let c = 0.55;
    if (x.staged.length > 0) c += 0.15;
    if (strong.length > 0) c += 0.1;
    const blocked = prevented.filter((t) => t.outcome === 'blocked').length + x.orphanBlocks.length;
    if (blocked > 0) c += 0.1;
    if (!hasEvents) c -= 0.05;
    const t = prevented[0];
    const how =
      t !== undefined
        ? `${t.e.process} -> ${t.e.host || t.e.ip} ${t.outcome}${t.blockedBy !== null ? ` (${t.blockedBy.action})` : ''}`
        : `${x.orphanBlocks[0]!.action} ${x.orphanBlocks[0]!.url}`;
    const conf = clamp(c, 0.3, 0.95);
    return {
      verdict: 'ATTEMPTED_PREVENTED',
      confidence: round(conf),
      riskScore: Math.round(65 + conf * 15),
      reason: `${stagedText !== '' ? stagedText + '; ' : ''}transfer attempted but ${how}; no successful connection`,
    };
  }
  if (x.staged.length > 0) {
    let c = 0.5 + Math.min(0.2, 0.05 * (staged!.score - 3));
    if (strong.length > 0) c += 0.15;
    if (!hasNet) c = Math.min(c, 0.5);
    const conf = clamp(c, 0.3, 0.9);
    return {
      verdict: 'STAGED_NO_TRANSFER',
      confidence: round(conf),
      riskScore: Math.round(45 + conf * 15),
      reason: `${stagedText} (${staged!.reasons.slice(0, 2).join('; ')}); ${hasNet ? 'no transfer seen' : 'no network telemetry to check for a transfer'}`,
    };
  }
  if (strong.length > 0 || x.weak.some((w) => w.score >= 2)) {
    const what =
      strong.length > 0
        ? `${strong[0]!.fileName}: ${[...new Set(strong.flatMap((e) => e.flags))].join(', ')}`
        : `archive ${x.weak[0]!.a.fileName} in ${x.weak[0]!.a.folder}`;
    return {
      verdict: 'INCONCLUSIVE',
      confidence: 0.4,
      riskScore: 20 + Math.min(15, strong.length * 5),
      reason: `suspicious activity without staging or transfer: ${what}`,
    };
  }
  const conf = x.gaps.length > 0 ? 0.6 : x.suppressed.length > 0 ? 0.85 : 0.9;
  return {
    verdict: 'BENIGN',
    confidence: conf,
    riskScore: x.suppressed.length > 0 ? 5 : 0,
    reason:
      x.suppressed.length > 0
        ? `only routine activity (${x.suppressed.length} suppressed: ${x.suppressed[0]!.reason})`
        : 'no staging, suspicious execution or exfiltration found',
  };
}
