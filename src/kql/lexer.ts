// Single-pass, allocation-light lexer. Every branch advances by at least one
// character, so lexing is linear in the input and never throws.
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { diagnostic } from './diagnostics/diagnostic.js';
import { BAD_CHARACTER, BAD_ESCAPE, UNCLOSED, UNTERMINATED_STRING } from './diagnostics/syntax-codes.js';
import type { ScalarTypeName } from './ast.js';
import { TYPE_ALIASES } from './types.js';
import { PUNCTUATION, type Token, type TokenKind } from './token.js';
import { isTimespanUnit, ticksOf } from './literal-values.js';

/** Words that, after `!`, form one negated operator token (`!has`, `!in~`, ...). */
const NEGATABLE = new Set([
  'has',
  'has_cs',
  'hasprefix',
  'hasprefix_cs',
  'hassuffix',
  'hassuffix_cs',
  'contains',
  'contains_cs',
  'startswith',
  'startswith_cs',
  'endswith',
  'endswith_cs',
  'in',
  'between',
]);

/** Type names whose `name(...)` form is a literal with an opaque inside. `dynamic` is parsed as tokens. */
const LITERAL_TYPE_WORDS: ReadonlySet<string> = new Set([
  'bool',
  'datetime',
  'date',
  'time',
  'timespan',
  'guid',
  'int',
  'int32',
  'int64',
  'long',
  'real',
  'double',
  'decimal',
]);

/** Only these spellings form literals (Kusto rejects `boolean(true)`, `float(1)`, `uuid(...)`). */
function typedLiteralType(word: string): ScalarTypeName | undefined {
  // Cheap prefilter: every literal type word starts with one of b, d, g, i, l, r, t.
  const c = word.charCodeAt(0);
  if (c !== 98 && c !== 100 && c !== 103 && c !== 105 && c !== 108 && c !== 114 && c !== 116) return undefined;
  return LITERAL_TYPE_WORDS.has(word) ? TYPE_ALIASES[word] : undefined;
}

const C_0 = 48,
  C_9 = 57,
  C_A = 65,
  C_Z = 90,
  C_a = 97,
  C_z = 122,
  C_US = 95;

function isDigit(c: number): boolean {
  return c >= C_0 && c <= C_9;
}
function isIdentStart(c: number, text: string, i: number): boolean {
  if ((c >= C_a && c <= C_z) || (c >= C_A && c <= C_Z) || c === C_US) return true;
  return c > 127 && /\p{L}/u.test(text[i] ?? '');
}
function isIdentPart(c: number, text: string, i: number): boolean {
  return isIdentStart(c, text, i) || isDigit(c);
}
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0xfeff ||
    c === 0x85 ||
    c === 0x200b ||
    c === 0x200c ||
    c === 0x200d ||
    c === 0x2060 ||
    /\s/u.test(String.fromCharCode(c))
  );
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= C_a && c <= 102) || (c >= C_A && c <= 70);
}

const PUNCT2: ReadonlySet<string> = new Set(PUNCTUATION.filter((x) => x.length === 2));
const PUNCT1: ReadonlySet<string> = new Set(PUNCTUATION.filter((x) => x.length === 1));

export interface LexResult {
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly Diagnostic[];
}

export function lex(text: string): LexResult {
  const tokens: Token[] = [];
  const diags: Diagnostic[] = [];
  const n = text.length;
  let i = 0;
  let space = true;

  // Every token gets the same fields in the same order: one hidden class, no spread garbage.
  const push = (
    kind: TokenKind,
    start: number,
    end: number,
    extra?: Partial<Pick<Token, 'value' | 'numType' | 'typeName'>>,
  ): void => {
    tokens.push({
      kind,
      text: text.slice(start, end),
      start,
      end,
      value: extra?.value,
      numType: extra?.numType,
      typeName: extra?.typeName,
      spaceBefore: space,
    });
    space = false;
  };

  /** Quoted string starting at `q` (the quote char). Returns [end, decoded]. */
  const quoted = (q: number, verbatim: boolean): [number, string] => {
    const quote = text.charCodeAt(q);
    let j = q + 1;
    let out = '';
    let chunk = j;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === quote) {
        if (verbatim && text.charCodeAt(j + 1) === quote) {
          out += text.slice(chunk, j + 1);
          j += 2;
          chunk = j;
          continue;
        }
        return [j + 1, out + text.slice(chunk, j)];
      }
      if (c === 10 || c === 13) break;
      if (c === 92 && !verbatim) {
        out += text.slice(chunk, j);
        const [len, decoded] = escape(j);
        out += decoded;
        j += len;
        chunk = j;
        continue;
      }
      j++;
    }
    diags.push(diagnostic(UNTERMINATED_STRING, { quote: String.fromCharCode(quote) }, { start: q, end: j }));
    return [j, out + text.slice(chunk, j)];
  };

  /** Backslash escape at `j`: [length consumed, decoded text]. */
  const escape = (j: number): [number, string] => {
    const e = text[j + 1] ?? '';
    switch (e) {
      case 'n':
        return [2, '\n'];
      case 't':
        return [2, '\t'];
      case 'r':
        return [2, '\r'];
      case '0':
        return [2, '\0'];
      case 'a':
        return [2, '\x07'];
      case 'b':
        return [2, '\b'];
      case 'f':
        return [2, '\f'];
      case 'v':
        return [2, '\v'];
      case '\\':
      case '"':
      case "'":
      case '?':
        return [2, e];
      case 'u':
      case 'U':
      case 'x': {
        const want = e === 'u' ? 4 : e === 'U' ? 8 : 2;
        let k = 0;
        while (k < want && isHex(text.charCodeAt(j + 2 + k))) k++;
        if (k === want || (e === 'x' && k > 0)) {
          const cp = parseInt(text.slice(j + 2, j + 2 + k), 16);
          return [2 + k, cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd'];
        }
        break;
      }
    }
    if (e === '' || e === '\n' || e === '\r') return [1, '\\'];
    diags.push(diagnostic(BAD_ESCAPE, { escape: `\\${e}` }, { start: j, end: j + 2 }));
    return [2, e];
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // whitespace
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || (c > 127 && isUnicodeSpace(c))) {
      i++;
      space = true;
      continue;
    }
    // comment
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      space = true;
      continue;
    }
    const start = i;
    // strings: "..." '...' @"..." h"..." h@"..." ```...```
    if (c === 34 || c === 39) {
      const [end, v] = quoted(i, false);
      push('string', start, end, { value: v });
      i = end;
      continue;
    }
    if (c === 64 && (text.charCodeAt(i + 1) === 34 || text.charCodeAt(i + 1) === 39)) {
      const [end, v] = quoted(i + 1, true);
      push('string', start, end, { value: v });
      i = end;
      continue;
    }
    if ((c === 104 || c === 72) && !isIdentPart(text.charCodeAt(i + 1) || 0, text, i + 1)) {
      const c1 = text.charCodeAt(i + 1);
      const c2 = text.charCodeAt(i + 2);
      if (c1 === 34 || c1 === 39) {
        const [end, v] = quoted(i + 1, false);
        push('string', start, end, { value: v });
        i = end;
        continue;
      }
      if (c1 === 64 && (c2 === 34 || c2 === 39)) {
        const [end, v] = quoted(i + 2, true);
        push('string', start, end, { value: v });
        i = end;
        continue;
      }
    }
    if (c === 96 && text.startsWith('```', i)) {
      const close = text.indexOf('```', i + 3);
      if (close < 0) {
        diags.push(diagnostic(UNTERMINATED_STRING, { quote: '```' }, { start, end: n }));
        push('string', start, n, { value: text.slice(i + 3) });
        i = n;
      } else {
        push('string', start, close + 3, { value: text.slice(i + 3, close) });
        i = close + 3;
      }
      continue;
    }
    // numbers and timespans
    if (isDigit(c)) {
      i = lexNumber(i);
      continue;
    }
    // words
    if (isIdentStart(c, text, i) || (c === 36 && isIdentStart(text.charCodeAt(i + 1), text, i + 1))) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j), text, j)) j++;
      const word = text.slice(i, j);
      if (word === 'in' && text.charCodeAt(j) === 126) j++;
      const lit = typedLiteralType(word);
      if (lit !== undefined) {
        let k = j;
        while (k < n && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
        if (text.charCodeAt(k) === 40) {
          const close = text.indexOf(')', k + 1);
          const nl = text.indexOf('\n', k + 1);
          if (close < 0 || (nl >= 0 && nl < close && lit !== 'datetime')) {
            const end = close < 0 ? n : nl;
            diags.push(diagnostic(UNCLOSED, { open: `${word}(`, close: ')' }, { start, end: k + 1 }));
            push('typed', start, end, { typeName: lit, value: text.slice(k + 1, end).trim() });
            i = end;
          } else {
            push('typed', start, close + 1, { typeName: lit, value: text.slice(k + 1, close).trim() });
            i = close + 1;
          }
          continue;
        }
      }
      push('ident', start, j);
      i = j;
      continue;
    }
    // `!has`, `!in~` ...: one token so the parser sees a single operator
    if (c === 33 && isIdentStart(text.charCodeAt(i + 1), text, i + 1)) {
      let j = i + 2;
      while (j < n && isIdentPart(text.charCodeAt(j), text, j)) j++;
      const word = text.slice(i + 1, j);
      if (NEGATABLE.has(word)) {
        if (word === 'in' && text.charCodeAt(j) === 126) j++;
        push('ident', start, j);
        i = j;
        continue;
      }
    }
    const two = text.slice(i, i + 2);
    if (PUNCT2.has(two)) {
      push('punct', start, i + 2);
      i += 2;
      continue;
    }
    const one = text[i] ?? '';
    if (PUNCT1.has(one)) {
      push('punct', start, i + 1);
      i++;
      continue;
    }
    // Anything else: one code point, reported once per run of bad characters.
    const cp = text.codePointAt(i) ?? 0;
    const w = cp > 0xffff ? 2 : 1;
    const prev = tokens[tokens.length - 1];
    if (prev === undefined || prev.kind !== 'bad' || prev.end !== i) {
      diags.push(diagnostic(BAD_CHARACTER, { char: text.slice(i, i + w) }, { start, end: i + w }));
    }
    push('bad', start, i + w);
    i += w;
  }
  tokens.push({
    kind: 'eof',
    text: '',
    start: n,
    end: n,
    value: undefined,
    numType: undefined,
    typeName: undefined,
    spaceBefore: true,
  });
  return { tokens, diagnostics: diags };

  function lexNumber(s: number): number {
    let j = s;
    let real = false;
    if (text.charCodeAt(j) === C_0 && (text.charCodeAt(j + 1) | 32) === 120 && isHex(text.charCodeAt(j + 2))) {
      j += 2;
      while (j < n && isHex(text.charCodeAt(j))) j++;
      push('number', s, j, { numType: 'long' });
      return j;
    }
    while (j < n && isDigit(text.charCodeAt(j))) j++;
    // `1..2` is a range, not the real `1.`
    if (text.charCodeAt(j) === 46 && text.charCodeAt(j + 1) !== 46) {
      real = true;
      j++;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
    }
    const mantissaEnd = j;
    if ((text.charCodeAt(j) | 32) === 101) {
      let k = j + 1;
      if (text.charCodeAt(k) === 43 || text.charCodeAt(k) === 45) k++;
      if (isDigit(text.charCodeAt(k))) {
        while (k < n && isDigit(text.charCodeAt(k))) k++;
        j = k;
        real = true;
      }
    }
    if (j === mantissaEnd && isIdentStart(text.charCodeAt(j), text, j)) {
      let k = j;
      while (k < n && isIdentPart(text.charCodeAt(k), text, k)) k++;
      const unit = text.slice(j, k);
      if (isTimespanUnit(unit)) {
        const ticks = ticksOf(text.slice(s, j), unit) ?? '0';
        push('timespan', s, k, { value: ticks });
        return k;
      }
      // Kusto accepts names that start with digits (`5Minutebin`) when they are not literals.
      if (!real) {
        push('ident', s, k);
        return k;
      }
    }
    push('number', s, j, { numType: real ? 'real' : 'long' });
    return j;
  }
}
