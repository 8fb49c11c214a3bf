// A readable, span-free dump of a syntax tree for snapshot fixtures:
//   Kind field=value ...
//     child:
//       Kind ...
// Spans and `raw` texts are left out so that snapshots show structure and values only.
export function dumpTree(node: unknown): string {
  const lines: string[] = [];
  walk(node, 0, '', lines);
  return `${lines.join('\n')}\n`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function scalar(v: unknown): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function walk(v: unknown, depth: number, label: string, out: string[]): void {
  const pad = '  '.repeat(depth);
  const s = scalar(v);
  if (s !== undefined) {
    out.push(`${pad}${label}${s}`);
    return;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push(`${pad}${label}[]`);
      return;
    }
    out.push(`${pad}${label}[`);
    for (const item of v) walk(item, depth + 1, '', out);
    out.push(`${pad}]`);
    return;
  }
  if (!isRecord(v)) return;
  // Ident is common enough to deserve one short form.
  if (v['kind'] === 'Ident') {
    out.push(`${pad}${label}${v['quoted'] === true ? `['${String(v['name'])}']` : String(v['name'])}`);
    return;
  }
  const kind = typeof v['kind'] === 'string' ? v['kind'] : '{}';
  const inline: string[] = [];
  const nested: [string, unknown][] = [];
  for (const [k, x] of Object.entries(v)) {
    if (k === 'kind' || k === 'span' || k === 'raw') continue;
    const sx = scalar(x);
    if (sx !== undefined) inline.push(`${k}=${sx}`);
    else if (isRecord(x) && x['kind'] === 'Ident')
      inline.push(`${k}=${x['quoted'] === true ? `['${String(x['name'])}']` : String(x['name'])}`);
    else if (Array.isArray(x) && x.length === 0) inline.push(`${k}=[]`);
    else nested.push([k, x]);
  }
  out.push(`${pad}${label}${kind}${inline.length > 0 ? ` ${inline.join(' ')}` : ''}`);
  for (const [k, x] of nested) walk(x, depth + 1, `${k}: `, out);
}
