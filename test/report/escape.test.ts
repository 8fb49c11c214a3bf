import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeHtml, escapeMarkdown, jsonForScript, markdownFence } from '../../src/report/escape.js';
import { sanitizeCell, sanitizeForTerminal } from '../../src/util/terminal.js';
import { HOSTILE } from './hostile.js';

// A tiny HTML-entity decoder for the five entities escapeHtml emits.
function unescapeHtml(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39|#96);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[e] ?? '',
  );
}

// Markdown escaping is checked structurally: after escapeMarkdown, every syntax character
// is preceded by an odd number of backslashes (i.e. it is itself escaped), and undoing the
// backslash escapes gives back the sanitised input.
const SYNTAX = new Set(['`', '*', '_', '[', ']', '<', '>', '|', '~', '&', '$', '!', '{', '}']);
function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
function unescapedSyntax(s: string): string[] {
  const bad: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (!SYNTAX.has(c)) continue;
    let n = 0;
    for (let j = i - 1; j >= 0 && s[j] === '\\'; j--) n++;
    if (n % 2 === 0) bad.push(`${c}@${i}`);
  }
  return bad;
}

test('escapeHtml: no markup survives, and the text round-trips', () => {
  for (const s of HOSTILE) {
    const out = escapeHtml(s);
    assert.doesNotMatch(out, /[<>"'`]/, JSON.stringify(s));
    assert.doesNotMatch(out, /&(?!amp;|lt;|gt;|quot;|#39;|#96;)/, JSON.stringify(s));
    assert.equal(unescapeHtml(out), sanitizeForTerminal(s), JSON.stringify(s));
  }
  assert.equal(escapeHtml('<img src=x onerror=alert(1)>.zip'), '&lt;img src=x onerror=alert(1)&gt;.zip');
  assert.equal(escapeHtml('"><script>'), '&quot;&gt;&lt;script&gt;');
  assert.equal(escapeHtml('\u001b[31m'), '\\x1b[31m');
  assert.equal(escapeHtml('a\u202eb'), 'a\\u202eb');
});

// eslint-disable-next-line no-control-regex
const UNSAFE_IN_HTML = /[<>"'`\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('escapeHtml: property — output never contains a raw markup character', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const out = escapeHtml(s);
      return !UNSAFE_IN_HTML.test(out) && unescapeHtml(out) === sanitizeForTerminal(s);
    }),
    { numRuns: 500 },
  );
});

test('escapeMarkdown: hostile corpus is one escaped line that round-trips', () => {
  for (const s of HOSTILE) {
    const out = escapeMarkdown(s);
    assert.doesNotMatch(out, /[\r\n\u2028\u2029\u0085]/, `newline survived in ${JSON.stringify(s)}`);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(out, /[\u0000-\u001f\u007f-\u009f]/, `control char survived in ${JSON.stringify(s)}`);
    assert.deepEqual(unescapedSyntax(out), [], `${JSON.stringify(s)} -> ${out}`);
    const flat = sanitizeCell(s).replace(/[\u2028\u2029\u0085]/g, '\\n');
    assert.equal(unescapeMarkdown(out), flat, JSON.stringify(s));
  }
});

test('escapeMarkdown: exact forms for the issue examples', () => {
  assert.equal(escapeMarkdown('<img src=x onerror=alert(1)>.zip'), '\\<img src=x onerror=alert(1)\\>.zip');
  assert.equal(escapeMarkdown('[link](javascript:alert(1))'), '\\[link\\](javascript:alert(1))');
  assert.equal(escapeMarkdown('a|b'), 'a\\|b');
  assert.equal(escapeMarkdown('x`y'), 'x\\`y');
  assert.equal(escapeMarkdown('two\nlines'), 'two\\nlines');
  assert.equal(escapeMarkdown('\u001b[31mRED'), '\\x1b\\[31mRED');
  assert.equal(escapeMarkdown('C:\\Users\\Public'), 'C:\\Users\\Public', 'backslashes before letters stay single');
  assert.equal(escapeMarkdown('ends with \\'), 'ends with \\\\');
  assert.equal(escapeMarkdown('https://evil.example'), 'https\\://evil.example', 'bare URLs are not autolinked');
  assert.equal(escapeMarkdown('# not a heading'), '\\# not a heading');
  assert.equal(escapeMarkdown('- not a list'), '\\- not a list');
  assert.equal(escapeMarkdown('12. not a list'), '12\\. not a list');
  assert.equal(escapeMarkdown('20.60.133.132'), '20.60.133.132', 'IP addresses are not list markers');
  assert.equal(escapeMarkdown('---'), '\\---');
});

test('escapeMarkdown: property — table cells never split and syntax is always escaped', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const out = escapeMarkdown(s);
      const row = `| ${out} | ${out} |`;
      // GFM splits cells on unescaped pipes only.
      const cells = row.split(/(?<!\\)(?:\\\\)*\|/).length;
      return unescapedSyntax(out).length === 0 && !/[\r\n]/.test(out) && cells === 4;
    }),
    { numRuns: 2000 },
  );
});

test('markdownFence: content can never close the fence', () => {
  for (const s of HOSTILE) {
    const block = markdownFence(s, 'kql');
    const lines = block.split('\n');
    const fence = (lines[0] ?? '').replace(/kql$/, '');
    assert.match(fence, /^`{3,}$/);
    assert.equal(lines[lines.length - 1], fence);
    for (const inner of lines.slice(1, -1))
      assert.ok(!inner.trimStart().startsWith(fence), `closing fence inside: ${JSON.stringify(s)}`);
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(block, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  }
  assert.equal(markdownFence('a ``` b', 'kql"><x'), '````kqlx\na ``` b\n````');
});

test('jsonForScript: cannot end the script element and parses back to the same value', () => {
  const value = { hostile: [...HOSTILE], nested: { k: '</script><!--<script>' } };
  const out = jsonForScript(value);
  assert.doesNotMatch(out, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(out), value);
  fc.assert(
    fc.property(fc.jsonValue(), (v) => {
      const o = jsonForScript(v);
      return !/[<>&\u2028\u2029]/.test(o) && JSON.stringify(JSON.parse(o)) === JSON.stringify(v);
    }),
    { numRuns: 500 },
  );
});

test('terminal: ANSI escapes in telemetry are made visible (src/util/terminal.ts)', () => {
  assert.equal(sanitizeForTerminal('\u001b]0;title\u0007x'), '\\x1b]0;title\\x07x');
  assert.equal(sanitizeCell('a\nb\u001b[31m'), 'a\\nb\\x1b[31m');
});
