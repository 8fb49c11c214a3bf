// DuckDB templates: window functions over the serialized row order. Each template is the
// whole window expression, `OVER ()` included: DuckDB keeps the current row order after a
// sort (docs/known-differences/engine.md), so no ORDER BY is needed in the window.
import type { SqlTemplate } from '../types.js';
import { castTo, p } from './values.js';
import { arg, Unsupported } from './render.js';

const shift =
  (fn: 'lag' | 'lead'): SqlTemplate =>
  (args) => {
    const x = arg(args, 0);
    const offset = args[1] ? p(arg(args, 1).sql) : '1';
    const dflt = args[2] ? `, ${castTo(arg(args, 2), x.type)}` : '';
    return `${fn}(${p(x.sql)}, ${offset}${dflt}) OVER ()`;
  };

export const WINDOW_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  prev: shift('lag'),
  next: shift('lead'),
  row_number: (args) => {
    if (args[1]) throw new Unsupported('row_number with restart');
    return args[0] ? `(row_number() OVER () + ${p(arg(args, 0).sql)} - 1)` : 'row_number() OVER ()';
  },
  row_cumsum: (args) => {
    if (args[1]) throw new Unsupported('row_cumsum with restart');
    return `sum(${p(arg(args, 0).sql)}) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  },
  row_rank: null,
  // Emitted by the dialect in stages (src/sql/dialects/duckdb/window-staged.ts), as are the
  // restart forms of row_number/row_cumsum.
  row_rank_dense: null,
  row_rank_min: null,
  row_window_session: null,
};
