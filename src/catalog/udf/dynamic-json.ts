// dynamic_to_json: the canonical JSON text of a dynamic value (dynamic-to-json-function.md):
// compact, property bags with their names sorted (ordinal, as .NET compares strings), number
// tokens kept exactly as stored.
import { str, UdfError, type UdfSpec } from './types.js';

type Json = { readonly n: string } | string | boolean | null | readonly Json[] | { readonly o: [string, Json][] };

function parse(text: string): Json {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw new UdfError('dynamic_to_json: malformed JSON');
  };
  const value = (): Json => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o: [string, Json][] = [];
      ws();
      if (text[i] === '}') return (i++, { o });
      for (;;) {
        ws();
        const k = value();
        if (typeof k !== 'string') fail();
        ws();
        if (text[i++] !== ':') fail();
        o.push([k as string, value()]);
        ws();
        const sep = text[i++];
        if (sep === '}') return { o };
        if (sep !== ',') fail();
      }
    }
    if (c === '[') {
      i++;
      const a: Json[] = [];
      ws();
      if (text[i] === ']') return (i++, a);
      for (;;) {
        a.push(value());
        ws();
        const sep = text[i++];
        if (sep === ']') return a;
        if (sep !== ',') fail();
      }
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(i));
      if (m === null) return fail();
      i += m[0].length;
      return JSON.parse(m[0]) as string;
    }
    const m = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i));
    if (m === null) return fail();
    i += m[0].length;
    if (m[0] === 'true' || m[0] === 'false') return m[0] === 'true';
    if (m[0] === 'null') return null;
    return { n: m[0] };
  };
  const v = value();
  ws();
  if (i !== text.length) fail();
  return v;
}

function canonical(v: Json): string {
  if (v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${(v as readonly Json[]).map(canonical).join(',')}]`;
  if ('n' in v) return v.n;
  if ('o' in v) {
    const sorted = [...v.o].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${sorted.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return fail();
}

function fail(): never {
  throw new UdfError('dynamic_to_json: unexpected value');
}

export const DYNAMIC_JSON_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_dynamic_to_json',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => canonical(parse(str(s ?? null))),
  },
];
