// The page shell: one self-contained document. The CSP forbids every fetch
// (default-src 'none') and allows exactly our inline style and script by SHA-256, and
// data: images; so even markup that slipped past escaping could not run or phone home.
import { createHash } from 'node:crypto';
import { escapeHtml as h, jsonForScript } from '../escape.js';
import { CSS } from './styles.js';
import { JS } from './script.js';

function sha256(s: string): string {
  return `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
}

export const CSP = [
  "default-src 'none'",
  `script-src ${sha256(JS)}`,
  `style-src ${sha256(CSS)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface PageInput {
  readonly title: string;
  /** Already-escaped body markup. */
  readonly body: string;
  /** JSON data for the script, keyed by element id. */
  readonly data?: Readonly<Record<string, unknown>>;
  readonly bodyClass?: string;
}

export function renderPage(p: PageInput): string {
  const data = Object.entries(p.data ?? {})
    .map(([id, v]) => `<script type="application/json" id="${h(id)}">${jsonForScript(v)}</script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="exfilhunt">
<title>${h(p.title)}</title>
<link rel="icon" href="data:,">
<style>${CSS}</style>
</head>
<body${p.bodyClass !== undefined ? ` class="${h(p.bodyClass)}"` : ''}>
${p.body}
${data}
<script>${JS}</script>
</body>
</html>
`;
}
