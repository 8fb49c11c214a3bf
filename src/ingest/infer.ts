// Which Defender table a row without a table name belongs to, from its column names.
import { MDE_TABLES } from '../schema/index.js';

export type Inference = { ok: true; table: string; message: string } | { ok: false; message: string };

/** The table matching the most column names; a tie (typical of a projection) is not guessed. */
export function inferTable(keys: readonly string[]): Inference {
  const scored = MDE_TABLES.map((t) => {
    const names = new Set(t.workspaceColumns.map((c) => c.name));
    return { name: t.name, matched: keys.filter((k) => names.has(k)).length };
  });
  const best = Math.max(...scored.map((s) => s.matched));
  const top = scored.filter((s) => s.matched === best);
  if (best < 2)
    return { ok: false, message: 'cannot infer the table: the columns match no Defender table; pass --table' };
  if (top.length > 1) {
    return {
      ok: false,
      message: `cannot infer the table: the columns fit ${top.map((s) => s.name).join(', ')} equally; pass --table`,
    };
  }
  const s = top[0]!;
  const extra = keys.length - s.matched;
  return {
    ok: true,
    table: s.name,
    message: `table inferred from the columns: ${s.name} (${s.matched} of ${keys.length} match${extra > 0 ? `; ${extra} kept as extra columns` : ''}); pass --table to override`,
  };
}
