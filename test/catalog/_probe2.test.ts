import { allFunctions, matchSignature } from '../../src/catalog/index.js';
import { oracle } from './oracle.js';
const TABLE = 'datatable(i:int,l:long,r:real,m:decimal,s:string,b:bool,dt:datetime,ts:timespan,g:guid,d:dynamic)[]';
const COLUMN: Record<string, string> = { int: 'i', long: 'l', real: 'r', decimal: 'm', string: 's', bool: 'b', datetime: 'dt', timespan: 'ts', guid: 'g', dynamic: 'd' };
const REPS: Record<string, string[]> = { any: ['string', 'int', 'real', 'dynamic', 'datetime'], numeric: ['int', 'long', 'real', 'decimal'], integer: ['int','long'], summable: ['int','long','real','decimal','timespan','datetime'], orderable: ['int','long','real','datetime','timespan','string','bool'] };
const msgs = new Map<string, string[]>();
for (const spec of allFunctions()) {
  if (['tabular','graph'].includes(spec.family) || spec.kind === 'tabular') continue;
  for (const sig of spec.signatures) {
    if (sig.params.some((p) => p.kind === 'tabular' || p.kind === 'star' || p.kind === 'string-literal' || p.variadic || p.optional)) continue;
    const base = sig.params.map((p) => (REPS[p.kind] ?? [p.kind])[0]!);
    const vs = [base]; sig.params.forEach((p, i) => { for (const v of (REPS[p.kind] ?? []).slice(1)) vs.push(base.map((b, j) => j === i ? v : b)); });
    for (const v of vs) {
      if (v.some((t) => !COLUMN[t])) continue;
      const call = `${spec.name}(${v.map((t) => COLUMN[t]).join(', ')})`;
      const q = spec.kind === 'aggregate' ? `${TABLE} | summarize r_ = ${call}` : `${TABLE} | extend r_ = ${call}`;
      const o = oracle(q);
      if (o.diagnostics.length && matchSignature(spec, v as never).ok) { const k = o.diagnostics[0]!; msgs.set(k, [...(msgs.get(k) ?? []), call]); }
    }
  }
}
for (const [k, v] of msgs) console.log(k, '::', v.length, v.slice(0, 6).join(' '));
