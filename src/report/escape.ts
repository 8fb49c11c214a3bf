// The one place where report output is escaped. Every telemetry string (file names,
// command lines, URLs, accounts, even device names) is attacker-controlled, so each
// output context has exactly one function here and renderers never build markup from
// raw strings. Terminal output goes through src/util/terminal.ts instead.
import { sanitizeCell } from '../util/terminal.js';

const HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/**
 * HTML text and double- or single-quoted attribute values. Control characters are
 * made visible too: a raw ESC or bidi override in a report is never what the reader
 * should see, and it keeps copy-pasted text from carrying them into a terminal.
 */
export function escapeHtml(s: string): string {
  return visibleControls(s).replace(/[&<>"'`]/g, (c) => HTML[c] ?? c);
}

// C0/C1 controls (but tab and newline), DEL and the bidi overrides, shown as \xNN / \uNNNN.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function visibleControls(s: string): string {
  return s.replace(CONTROLS, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// Characters that start Markdown/GFM syntax anywhere in a line: code spans, emphasis,
// links and images, raw HTML and autolinks, table cells, strikethrough, entity
// references and GitHub math.
const MD_INLINE = new Set(['`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '$', '!', '{', '}']);
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/**
 * One line of literal GFM text, safe in a paragraph, a list item or a table cell.
 * Newlines and control characters become visible `\n` / `\x1b`; syntax characters are
 * backslash-escaped. A backslash is doubled only where it would otherwise escape the
 * next character, so Windows paths stay readable in the raw file.
 */
export function escapeMarkdown(s: string): string {
  const flat = sanitizeCell(s).replace(/[\u2028\u2029\u0085]/g, '\\n');
  let out = '';
  for (let i = 0; i < flat.length; i++) {
    const c = flat[i] as string;
    const next = flat[i + 1];
    if (c === '\\') {
      out += next === undefined || ASCII_PUNCT.test(next) ? '\\\\' : '\\';
    } else if (MD_INLINE.has(c)) {
      out += '\\' + c;
    } else if (c === ':' && flat.startsWith('//', i + 1)) {
      // Breaks GFM's bare-URL autolinks so an attacker URL is never a live link.
      out += '\\:';
    } else {
      out += c;
    }
  }
  // Block syntax only matters at the start of a line: headings, list markers, setext
  // underlines and thematic breaks (the characters above are already escaped).
  if (/^\s*(#{1,6}|[-+]|\d{1,9}[.)])(\s|$)/.test(out) || /^\s*(=+|-+|(-\s*){3,})\s*$/.test(out)) {
    const at = out.search(/\S/);
    const digits = /^\d+/.exec(out.slice(at));
    out =
      digits !== null
        ? `${out.slice(0, at + digits[0].length)}\\${out.slice(at + digits[0].length)}`
        : `${out.slice(0, at)}\\${out.slice(at)}`;
  }
  return out;
}

/**
 * A fenced code block whose content is shown verbatim. The fence is longer than any
 * backtick run inside, so content can never close it early (CommonMark 4.5).
 * Control characters are still made visible: the raw .md is read in terminals too.
 */
export function markdownFence(code: string, info: string): string {
  // Trailing blank lines are layout, not content; they would show as an empty last line.
  const body = sanitizeForBlock(code.replace(/\s+$/, ''));
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const safeInfo = info.replace(/[^A-Za-z0-9_-]/g, '');
  return `${fence}${safeInfo}\n${body}\n${fence}`;
}

function sanitizeForBlock(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => visibleControls(line.replace(/\t/g, '    ')))
    .join('\n');
}

/**
 * JSON for a `<script type="application/json">` element: `<`, `>`, `&` and the JS line
 * separators are \u-escaped so the text can neither end the script element, open an
 * HTML comment, nor break a consumer that evals it.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
