// Literals and names: strings (with adjacent concatenation), numbers, timespans,
// typed literals such as datetime(...) whose inside the lexer kept verbatim, and
// dynamic(...) converted to JSON.
import type { DynamicLiteral, Ident, JsonValue, Literal, ScalarTypeName } from '../ast.js';
import { MALFORMED_LITERAL, MISSING } from '../diagnostics/syntax-codes.js';
import { parseTimespanText } from '../literal-values.js';
import { describe, type Parser } from './core.js';

export function parseStringLiteral(p: Parser): Literal {
  const first = p.next();
  let value = first.value ?? '';
  while (p.tok.kind === 'string') value += p.next().value ?? '';
  return lit(p, 'string', value, first.start);
}

function lit(p: Parser, type: ScalarTypeName, value: string | boolean | null, start: number): Literal {
  const span = p.span(start);
  return { kind: 'Literal', type, value, raw: p.text.slice(span.start, span.end), span };
}

export function parseNumberLiteral(p: Parser): Literal {
  const t = p.next();
  return lit(p, t.numType ?? 'long', t.text, t.start);
}

export function parseTimespanLiteral(p: Parser): Literal {
  const t = p.next();
  return lit(p, 'timespan', t.value ?? '0', t.start);
}

const REAL_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INT_RE = /^[+-]?(?:\d+|0[xX][0-9a-fA-F]+)$/;

/** `datetime(...)`, `time(...)`, `guid(...)`, `int(...)`, `bool(...)` ...: the lexer kept the inside. */
export function parseTypedLiteral(p: Parser): Literal {
  const t = p.next();
  const type = t.typeName ?? 'string';
  const inner = (t.value ?? '').trim();
  const l = lit(p, type, null, t.start);
  if (inner === 'null') return l;
  let value: string | boolean | null = inner;
  let ok = true;
  switch (type) {
    case 'datetime':
      // `datetime("2015-01-01")` is accepted by Kusto too; the value is the unquoted text.
      {
        const dt = /^(["']).*\1$/.test(inner) ? inner.slice(1, -1).trim() : inner;
        value = dt;
        ok = dt.length > 0 && /^[0-9A-Za-z]/.test(dt) && !/[()"'|;]/.test(dt);
      }
      break;
    case 'timespan':
      value = parseTimespanText(inner);
      ok = value !== null;
      break;
    case 'guid':
      ok = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/.test(inner);
      break;
    case 'bool':
      ok = inner === 'true' || inner === 'false';
      value = inner === 'true';
      break;
    case 'int':
    case 'long':
      ok = INT_RE.test(inner);
      break;
    case 'real':
      ok = REAL_RE.test(inner) || /^[+-]?(?:nan|inf)$/.test(inner);
      break;
    case 'decimal':
      ok = REAL_RE.test(inner) || inner === 'nan' || /^[+-]?inf$/.test(inner);
      break;
    default:
      break;
  }
  if (!ok) p.error(MALFORMED_LITERAL, { type, text: inner }, l.span);
  return { ...l, value: ok ? value : null };
}

/** `dynamic(<json-ish>)`. The current token is the word `dynamic`, followed by `(`. */
export function parseDynamicLiteral(p: Parser): DynamicLiteral {
  const start = p.next().start;
  p.expect('(');
  let value: JsonValue = null;
  if (!p.at(')')) value = jsonValue(p);
  p.expect(')');
  const span = p.span(start);
  return { kind: 'DynamicLiteral', value, raw: p.text.slice(span.start, span.end), span };
}

function jsonValue(p: Parser): JsonValue {
  const t = p.tok;
  if (p.at('[')) {
    p.next();
    const arr: JsonValue[] = [];
    if (!p.at(']')) {
      do arr.push(jsonValue(p));
      while (p.eat(','));
    }
    p.expect(']');
    return arr;
  }
  if (p.at('{')) {
    p.next();
    // Entries then fromEntries: a key such as "__proto__" stays an ordinary property.
    const entries: [string, JsonValue][] = [];
    if (!p.at('}')) {
      do {
        const k = p.tok;
        if (k.kind !== 'string' && k.kind !== 'ident') {
          p.error(MISSING, { what: 'property name', found: describe(k) }, p.errSpan());
          break;
        }
        p.next();
        p.expect(':');
        entries.push([k.kind === 'string' ? (k.value ?? '') : k.text, jsonValue(p)]);
      } while (p.eat(','));
    }
    p.expect('}');
    return Object.fromEntries(entries);
  }
  if (t.kind === 'string') {
    let s = p.next().value ?? '';
    while (p.tok.kind === 'string') s += p.next().value ?? '';
    return s;
  }
  if (p.at('-') || p.at('+')) {
    const neg = p.next().text === '-';
    const v = jsonValue(p);
    return typeof v === 'number' && neg ? -v : v;
  }
  if (t.kind === 'number') return Number(p.next().text);
  if (t.kind === 'timespan' || t.kind === 'typed') {
    const l = t.kind === 'timespan' ? parseTimespanLiteral(p) : parseTypedLiteral(p);
    return jsonOfLiteral(l);
  }
  if (t.kind === 'ident' && t.text === 'dynamic' && p.atAt(1, '(')) {
    p.next();
    p.next();
    const inner = p.at(')') ? null : jsonValue(p);
    p.expect(')');
    return inner;
  }
  if (t.kind === 'ident' && (t.text === 'true' || t.text === 'false' || t.text === 'null')) {
    p.next();
    return t.text === 'null' ? null : t.text === 'true';
  }
  p.error(MISSING, { what: 'dynamic value', found: describe(t) }, p.errSpan());
  if (!p.at(')') && !p.at(']') && !p.at('}') && !p.at(',')) p.next();
  return null;
}

function jsonOfLiteral(l: Literal): JsonValue {
  if (l.value === null || typeof l.value === 'boolean') return l.value;
  if (l.type === 'long' || l.type === 'int' || l.type === 'real' || l.type === 'decimal') return Number(l.value);
  return l.value;
}

/** A name: a word, or `['text']` / `["text"]`. */
export function atName(p: Parser): boolean {
  return p.atWord() || (p.at('[') && p.peek().kind === 'string' && p.atAt(2, ']'));
}

export function parseName(p: Parser, what = 'name'): Ident {
  const t = p.tok;
  if (t.kind === 'ident') {
    p.next();
    return { kind: 'Ident', name: t.text, quoted: false, span: { start: t.start, end: t.end } };
  }
  if (p.at('[') && p.peek().kind === 'string' && p.atAt(2, ']')) {
    p.next();
    const s = p.next();
    p.next();
    return { kind: 'Ident', name: s.value ?? '', quoted: true, span: p.span(t.start) };
  }
  return p.missingIdent(what);
}
