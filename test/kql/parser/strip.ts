// Tree comparison that ignores where things were written: spans and raw source texts.
export function stripTree(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripTree);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== 'span' && k !== 'raw') out[k] = stripTree(x);
  return out;
}
