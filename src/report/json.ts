// report.json, and loading a saved result back (`exfilhunt report --from-json`). A saved
// file may be hand-edited or come from elsewhere, so it is checked field by field before
// anything renders it; errors name the offending path.
import type { InvestigationResult } from '../hunt/result.js';

export function renderJson(result: InvestigationResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

export class ResultFormatError extends Error {}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Checker {
  constructor(private readonly path: string) {}
  fail(what: string): never {
    throw new ResultFormatError(`${this.path}: ${what}`);
  }
  at(key: string | number): Checker {
    return new Checker(typeof key === 'number' ? `${this.path}[${key}]` : `${this.path}.${key}`);
  }
  obj(v: unknown): Obj {
    return isObj(v) ? v : this.fail('expected an object');
  }
  arr(v: unknown): readonly unknown[] {
    return Array.isArray(v) ? v : this.fail('expected an array');
  }
}

function str(o: Obj, k: string, c: Checker, nullable = false): void {
  const v = o[k];
  if (typeof v === 'string' || (nullable && v === null)) return;
  c.at(k).fail(nullable ? 'expected a string or null' : 'expected a string');
}
function numb(o: Obj, k: string, c: Checker, nullable = false): void {
  const v = o[k];
  if ((typeof v === 'number' && Number.isFinite(v)) || (nullable && v === null)) return;
  c.at(k).fail(nullable ? 'expected a number or null' : 'expected a number');
}
function oneOf(o: Obj, k: string, c: Checker, allowed: readonly string[]): void {
  const v = o[k];
  if (typeof v !== 'string' || !allowed.includes(v)) c.at(k).fail(`expected one of ${allowed.join(', ')}`);
}
function reportId(o: Obj, k: string, c: Checker, nullable: boolean): void {
  const v = o[k];
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) || (nullable && v === null)) return;
  c.at(k).fail('expected a ReportId (number or string)');
}
function each(o: Obj, k: string, c: Checker, f: (item: Obj, c: Checker) => void): void {
  const ck = c.at(k);
  ck.arr(o[k]).forEach((item, i) => f(ck.at(i).obj(item), ck.at(i)));
}

const VERDICTS = ['EXFILTRATED', 'ATTEMPTED_PREVENTED', 'STAGED_NO_TRANSFER', 'BENIGN', 'INCONCLUSIVE'];
const STAGES = ['execution', 'collection', 'staging', 'exfiltration', 'blocked', 'context'];
const CATEGORIES = ['containment', 'securing', 'prevention', 'monitoring'];
const OUTCOMES = ['success', 'failed', 'blocked'];

function evidence(e: Obj, c: Checker): void {
  str(e, 'table', c);
  reportId(e, 'reportId', c, false);
  str(e, 'timestamp', c);
  str(e, 'hunt', c);
  if (e['summary'] !== undefined) str(e, 'summary', c);
}

function processNode(n: Obj, c: Checker, depth: number): void {
  if (depth > 200) c.fail('process tree nested too deeply');
  numb(n, 'processId', c, true);
  str(n, 'fileName', c);
  str(n, 'commandLine', c);
  str(n, 'creationTime', c, true);
  str(n, 'account', c, true);
  str(n, 'sha256', c, true);
  each(n, 'children', c, (k, kc) => processNode(k, kc, depth + 1));
}

function entity(e: Obj, c: Checker): void {
  str(e, 'device', c);
  str(e, 'user', c, true);
  oneOf(e, 'verdict', c, VERDICTS);
  numb(e, 'confidence', c);
  numb(e, 'riskScore', c);
  str(e, 'reason', c);
  each(e, 'techniques', c, (t, tc) => {
    for (const k of ['id', 'name', 'tactic', 'why']) str(t, k, tc);
    each(t, 'evidence', tc, evidence);
  });
  each(e, 'evidence', c, evidence);
  each(e, 'timeline', c, (t, tc) => {
    for (const k of ['timestamp', 'table', 'actionType', 'summary']) str(t, k, tc);
    reportId(t, 'reportId', tc, true);
    oneOf(t, 'stage', tc, STAGES);
  });
  each(e, 'processTree', c, (n, nc) => processNode(n, nc, 0));
  each(e, 'destinations', c, (d, dc) => {
    str(d, 'url', dc);
    str(d, 'ip', dc);
    numb(d, 'port', dc, true);
    str(d, 'category', dc);
    oneOf(d, 'outcome', dc, OUTCOMES);
    numb(d, 'bytes', dc, true);
  });
  each(e, 'suppressed', c, (s, sc) => {
    str(s, 'what', sc);
    str(s, 'reason', sc);
    each(s, 'evidence', sc, evidence);
  });
  c.at('gaps')
    .arr(e['gaps'])
    .forEach((g, i) => {
      if (typeof g !== 'string') c.at('gaps').at(i).fail('expected a string');
    });
  each(e, 'actions', c, (a, ac) => {
    oneOf(a, 'category', ac, CATEGORIES);
    str(a, 'title', ac);
    str(a, 'detail', ac);
    if (a['kql'] !== undefined) str(a, 'kql', ac);
    if (a['api'] !== undefined) {
      const api = ac.at('api').obj(a['api']);
      str(api, 'method', ac.at('api'));
      str(api, 'path', ac.at('api'));
    }
  });
  each(e, 'hunts', c, (hr, hc) => {
    for (const k of ['hunt', 'title', 'kql']) str(hr, k, hc);
    each(hr, 'columns', hc, (col, cc) => {
      str(col, 'name', cc);
      str(col, 'type', cc);
    });
    hc.at('rows')
      .arr(hr['rows'])
      .forEach((r, i) => hc.at('rows').at(i).arr(r));
    numb(hr, 'totalRows', hc);
    numb(hr, 'elapsedMs', hc);
  });
}

/** Parse and check a saved InvestigationResult; throws ResultFormatError naming the bad field. */
export function parseInvestigationResult(jsonText: string): InvestigationResult {
  let v: unknown;
  try {
    v = JSON.parse(jsonText);
  } catch (err) {
    throw new ResultFormatError(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const c = new Checker('$');
  const o = c.obj(v);
  if (o['schemaVersion'] !== 1) c.at('schemaVersion').fail('unsupported schema version (expected 1)');
  const tool = c.at('tool').obj(o['tool']);
  if (tool['name'] !== 'exfilhunt') c.at('tool').at('name').fail('expected "exfilhunt"');
  str(tool, 'version', c.at('tool'));
  str(o, 'generatedAt', c);
  const scope = c.at('scope').obj(o['scope']);
  const sc = c.at('scope');
  str(scope, 'device', sc, true);
  str(scope, 'user', sc, true);
  if (typeof scope['all'] !== 'boolean') sc.at('all').fail('expected a boolean');
  str(scope, 'from', sc, true);
  str(scope, 'to', sc, true);
  str(scope, 'window', sc);
  each(o, 'dataSources', c, (d, dc) => {
    str(d, 'table', dc);
    numb(d, 'rows', dc);
    str(d, 'from', dc, true);
    str(d, 'to', dc, true);
  });
  each(o, 'provenance', c, (p, pc) => {
    for (const k of ['path', 'sha256', 'table']) str(p, k, pc);
    numb(p, 'rows', pc);
  });
  each(o, 'entities', c, entity);
  // Every field the renderers read has been checked above.
  return o as unknown as InvestigationResult;
}
