// Expression printing. Parsed trees keep their Paren nodes, so no parentheses are
// added for them; parentheses are inserted only where a synthesized tree would
// otherwise reparse with a different shape.
import type { Expr, Ident, JsonValue, Literal } from '../ast.js';
import { printPipeline } from './ops.js';
import { lex } from '../lexer.js';

const PREC: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};
const EQUALITY = 3;
const UNARY = 7;
const POSTFIX = 8;

function precOf(e: Expr): number {
  switch (e.kind) {
    case 'Binary':
      return PREC[e.op] ?? EQUALITY;
    case 'InExpr':
    case 'BetweenExpr':
      return EQUALITY;
    case 'Unary':
      return UNARY;
    case 'Pipeline':
      // A source-less single operator (`evaluate f()`, `print 1`) parses at operand level.
      return e.source === null && e.ops.length === 1 ? POSTFIX + 1 : 0;
    case 'NamedArg':
      return 0;
    default:
      return POSTFIX + 1;
  }
}

export function printIdent(id: Ident): string {
  if (!id.quoted && /^[$A-Za-z_\p{L}][A-Za-z0-9_\p{L}]*$/u.test(id.name)) return id.name;
  // Digit-led names (`5Minutebin`) print bare only when the lexer reads them back as one word.
  if (!id.quoted && /^[0-9][A-Za-z0-9_]*$/.test(id.name)) {
    const toks = lex(id.name).tokens;
    if (toks.length === 2 && toks[0]?.kind === 'ident') return id.name;
  }
  return `['${escapeString(id.name)}']`;
}

export function escapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 32 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out;
}

export function printLiteral(l: Literal): string {
  if (l.raw !== '') return l.raw;
  if (l.value === null) return `${l.type}(null)`;
  switch (l.type) {
    case 'string':
      return `'${escapeString(String(l.value))}'`;
    case 'bool':
      return l.value === true ? 'true' : 'false';
    case 'long':
      return String(l.value);
    case 'real':
      return /[.eE]|nan|inf/.test(String(l.value)) ? String(l.value) : `${String(l.value)}.0`;
    case 'timespan':
      return `${String(l.value)}tick`;
    default:
      return `${l.type}(${String(l.value)})`;
  }
}

function printJson(v: JsonValue): string {
  return JSON.stringify(v);
}

/** `minPrec`: the operand position's binding strength; looser expressions get parentheses. */
export function printExpr(e: Expr, minPrec = 0, indent = ''): string {
  const s = printBare(e, indent);
  return precOf(e) < minPrec ? `(${s})` : s;
}

function printBare(e: Expr, indent: string): string {
  switch (e.kind) {
    case 'Literal':
      return printLiteral(e);
    case 'DynamicLiteral':
      return e.raw !== '' ? e.raw : `dynamic(${printJson(e.value)})`;
    case 'NameRef':
      return e.name.name.includes('*') && !e.name.quoted ? e.name.name : printIdent(e.name);
    case 'JoinSideRef':
      return `$${e.side}.${printIdent(e.name)}`;
    case 'MemberAccess':
      return `${printExpr(e.target, POSTFIX, indent)}.${printIdent(e.member)}`;
    case 'IndexAccess':
      return `${printExpr(e.target, POSTFIX, indent)}[${printExpr(e.index, 0, indent)}]`;
    case 'Call':
      return `${printIdent(e.callee)}(${e.args.map((a) => printExpr(a, 0, indent)).join(', ')})`;
    case 'NamedArg':
      return `${printIdent(e.name)}=${printExpr(e.value, 0, indent)}`;
    case 'Star':
      return '*';
    case 'Unary':
      // `- -x` must not become `--x`; a space keeps the two signs apart.
      return `${e.op}${e.operand.kind === 'Unary' || (e.operand.kind === 'Literal' && /^[-+]/.test(e.operand.raw)) ? ' ' : ''}${printExpr(e.operand, UNARY, indent)}`;
    case 'Binary': {
      const p = PREC[e.op] ?? EQUALITY;
      return `${printExpr(e.left, p, indent)} ${e.op} ${printExpr(e.right, p + 1, indent)}`;
    }
    case 'InExpr':
      return `${printExpr(e.left, EQUALITY, indent)} ${e.op} (${e.values.map((v) => printExpr(v, 0, indent)).join(', ')})`;
    case 'BetweenExpr':
      return `${printExpr(e.left, EQUALITY, indent)} ${e.negated ? '!between' : 'between'} (${printExpr(e.low, 1, indent)} .. ${printExpr(e.high, 1, indent)})`;
    case 'Paren':
      return `(${printExpr(e.expr, 0, indent)})`;
    case 'Pipeline':
      return printPipeline(e, indent);
    case 'Datatable':
      return `datatable(${e.columns.map((c) => `${printIdent(c.name)}:${c.type.name}`).join(', ')}) [${e.values.map((v) => printExpr(v, 0, indent)).join(', ')}]`;
    case 'ExternalData': {
      const cols = e.columns.map((c) => `${printIdent(c.name)}:${c.type.name}`).join(', ');
      const uris = e.uris.map((v) => printExpr(v, 0, indent)).join(', ');
      const w =
        e.params.length > 0
          ? ` with (${e.params.map((p) => `${p.name}=${printExpr(p.value, 0, indent)}`).join(', ')})`
          : '';
      return `externaldata(${cols}) [${uris}]${w}`;
    }
  }
}
