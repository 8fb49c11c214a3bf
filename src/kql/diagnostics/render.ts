// Compiler-style rendering: "error[KS142]: message", the source line, a caret under the span.
import type { Diagnostic } from './diagnostic.js';
import { sanitizeForTerminal } from '../../util/terminal.js';

export interface LineCol {
  readonly line: number; // 1-based
  readonly col: number; // 1-based, in UTF-16 units
}

export function lineColAt(text: string, offset: number): LineCol {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

export interface RenderOptions {
  readonly color?: boolean;
  readonly fileName?: string;
}

export function renderDiagnostic(text: string, d: Diagnostic, opts: RenderOptions = {}): string {
  const { line, col } = lineColAt(text, d.span.start);
  const lines = text.split('\n');
  const src = (lines[line - 1] ?? '').replace(/\r$/, '');
  const c = opts.color === true;
  const red = (s: string): string => (c ? `\x1b[31;1m${s}\x1b[0m` : s);
  const bold = (s: string): string => (c ? `\x1b[1m${s}\x1b[0m` : s);
  const blue = (s: string): string => (c ? `\x1b[34m${s}\x1b[0m` : s);
  const sev = d.severity === 'error' ? red(`error[${d.code}]`) : bold(`${d.severity}[${d.code}]`);
  const where = `${opts.fileName ?? 'query'}:${line}:${col}`;
  const gutter = String(line).length;
  const pad = ' '.repeat(gutter);
  // The caret covers the span but never runs past the end of the first line.
  const spanLen = Math.max(1, Math.min(d.span.end - d.span.start, src.length - (col - 1)));
  // Tabs would misalign the caret; expand them identically in both lines.
  const before = src.slice(0, col - 1).replace(/[^\t]/g, ' ');
  const out = [
    `${sev}: ${bold(sanitizeForTerminal(d.message))}`,
    `${pad}${blue('-->')} ${where}`,
    `${pad} ${blue('|')}`,
    `${blue(String(line))} ${blue('|')} ${sanitizeForTerminal(src)}`,
    `${pad} ${blue('|')} ${before}${red('^'.repeat(spanLen))}`,
  ];
  if (d.hint !== undefined) out.push(`${pad} ${blue('=')} help: ${sanitizeForTerminal(d.hint)}`);
  return out.join('\n');
}

export function renderDiagnostics(text: string, diags: readonly Diagnostic[], opts: RenderOptions = {}): string {
  return diags.map((d) => renderDiagnostic(text, d, opts)).join('\n\n');
}
