// Small HTML builders shared by the entity and fleet pages. Cells are built from plain
// text through escapeHtml; only these builders concatenate markup.
import { escapeHtml as h } from '../escape.js';

export interface Cell {
  /** Escaped markup (use text() for plain strings). */
  readonly html: string;
  readonly sort?: string | number;
  readonly num?: boolean;
  readonly cls?: string;
}

/** Cells with long text may break anywhere; short ones (names, ids) never break mid-word. */
const LONG = 40;

const TIMESTAMP = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?Z?$/;

export function text(s: string, cls?: string): Cell {
  const shape = s.length > LONG ? 'long' : TIMESTAMP.test(s) ? 'ts' : undefined;
  const all = [cls, shape].filter((x) => x !== undefined).join(' ');
  return all === '' ? { html: h(s) } : { html: h(s), cls: all };
}

export function num(n: number | null, shown?: string): Cell {
  return n === null ? { html: '', num: true } : { html: h(shown ?? n.toLocaleString('en-US')), sort: n, num: true };
}

export function code(s: string): Cell {
  return s.length > LONG
    ? { html: `<code>${h(s)}</code>`, cls: 'long' }
    : { html: s === '' ? '' : `<code>${h(s)}</code>` };
}

export interface TableOptions {
  readonly id: string;
  /** Sort on header click, and a filter box above the table. */
  readonly interactive?: boolean;
  readonly caption?: string;
}

export function htmlTable(headers: readonly string[], rows: readonly (readonly Cell[])[], o: TableOptions): string {
  const tools = o.interactive
    ? `<div class="tools no-print"><input type="search" class="eh-filter" data-for="${h(o.id)}" placeholder="Filter rows" aria-label="Filter rows"><span class="muted" id="${h(o.id)}-count">${rows.length} rows</span></div>\n`
    : '';
  const head = `<thead><tr>${headers.map((x) => `<th scope="col">${h(x)}</th>`).join('')}</tr></thead>`;
  const body = rows
    .map((r) => {
      const tds = r.map((c) => {
        const cls = [c.num ? 'num' : '', c.cls ?? ''].filter((x) => x !== '').join(' ');
        const attrs = `${cls !== '' ? ` class="${h(cls)}"` : ''}${c.sort !== undefined ? ` data-sort="${h(String(c.sort))}"` : ''}`;
        return `<td${attrs}>${c.html}</td>`;
      });
      return `<tr>${tds.join('')}</tr>`;
    })
    .join('\n');
  const cls = o.interactive ? ' class="eh-sortable"' : '';
  const caption = o.caption !== undefined ? `<caption class="muted">${h(o.caption)}</caption>` : '';
  // Wide hunt results scroll sideways instead of squeezing every column.
  return `${tools}<div class="tscroll"><table id="${h(o.id)}"${cls}>${caption}${head}\n<tbody>\n${body}\n</tbody></table></div>`;
}

export function section(id: string, title: string, inner: string): string {
  return `<section id="${h(id)}">\n<h2>${h(title)}</h2>\n${inner}\n</section>`;
}

export function para(s: string, cls?: string): string {
  return `<p${cls !== undefined ? ` class="${h(cls)}"` : ''}>${h(s)}</p>`;
}
