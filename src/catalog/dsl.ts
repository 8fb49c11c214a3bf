// A compact notation for signatures, so each family file reads like a table.
//
//   'RESULT param param ...'
//
// RESULT is a Kusto type name, or a rule:
//   @p0 @p1 @p2 @pN   the type of that argument (@pN: the last one)
//   @p0+              the first argument's type with int promoted to long (sum, percentile)
//   @lit0 @litN       the type named by a type-literal argument (extract(..., typeof(int)));
//                     the binder passes the named type as that argument's type
//   @common           common type of the `~` arguments; any dynamic makes it dynamic (coalesce)
//   @common-nondyn    common type ignoring dynamic arguments, dynamic if none (iff, case)
//   @widest           widest type of the arguments (bin, floor, max_of)
// A param is `name:kind` followed by flags:
//   ~  takes part in the common type     |star  also accepts `*`
//   ?  optional                          ...    repeats (consecutive repeating params repeat as a group)
import type { ScalarType } from '../kql/types.js';
import { SCALAR_TYPES } from '../kql/types.js';
import type { ArgKind, FunctionKind, FunctionSpec, NamingRule, ParamSpec, ResultRule } from './types.js';
import { layoutArgs } from './layout.js';
import { defaultAggregateName } from './naming.js';
import { commonNonDynamicType, commonType, promoted, widestType } from './typing.js';

const ARG_KINDS: ReadonlySet<string> = new Set<string>([
  ...SCALAR_TYPES,
  'scalar',
  'numeric',
  'integer',
  'summable',
  'orderable',
  'tabular',
  'string-literal',
  'star',
  'string-or-dynamic',
  'string-or-array',
  'integer-or-array',
  'real-or-decimal',
  'number-or-bool',
  'not-real-or-bool',
  'not-dynamic',
  'not-bool',
  'unknown',
]);

function isArgKind(s: string): s is ArgKind {
  return ARG_KINDS.has(s);
}

function parseParam(text: string): ParamSpec {
  const m = /^([A-Za-z_][\w]*):([a-z-]+)(~)?(\|star)?(\?)?(\.\.\.)?$/.exec(text);
  if (!m) throw new Error(`bad param spec: ${text}`);
  const [, name, kind, common, star, optional, variadic] = m;
  if (name === undefined || kind === undefined || !isArgKind(kind)) throw new Error(`bad param kind: ${text}`);
  return {
    name,
    kind,
    ...(optional ? { optional: true } : {}),
    ...(variadic ? { variadic: true } : {}),
    ...(common ? { common: true } : {}),
    ...(star ? { starAllowed: true } : {}),
  };
}

function argAt(argTypes: readonly ScalarType[], i: number): ScalarType {
  return argTypes[i] ?? 'unknown';
}

function commonArgs(params: readonly ParamSpec[], argTypes: readonly ScalarType[]): ScalarType[] {
  const layout = layoutArgs(params, argTypes.length);
  if (!layout) return [...argTypes];
  return argTypes.filter((_, i) => params[layout[i] ?? -1]?.common === true);
}

function parseResult(text: string, params: readonly ParamSpec[]): ResultRule {
  if ((SCALAR_TYPES as readonly string[]).includes(text) || text === 'unknown') return text as ScalarType;
  switch (text) {
    case '@p0':
    case '@lit0':
      return (a) => argAt(a, 0);
    case '@p1':
    case '@lit1':
      return (a) => argAt(a, 1);
    case '@p2':
      return (a) => argAt(a, 2);
    case '@pN':
    case '@litN':
      return (a) => argAt(a, a.length - 1);
    case '@p0+':
      return (a) => promoted(argAt(a, 0));
    case '@common':
      return (a) => commonType(commonArgs(params, a));
    case '@common-nondyn':
      return (a) => commonNonDynamicType(commonArgs(params, a));
    case '@widest': {
      const hasCommon = params.some((p) => p.common === true);
      return (a) => widestType(hasCommon ? commonArgs(params, a) : a, !hasCommon);
    }
    default:
      throw new Error(`bad result rule: ${text}`);
  }
}

export function parseSignature(text: string): FunctionSpec['signatures'][number] {
  const [result, ...rest] = text.split(' ');
  const params = rest.map(parseParam);
  return { params, result: parseResult(result ?? 'unknown', params) };
}

interface Options {
  readonly naming?: NamingRule;
  readonly prefix?: string;
  readonly aliases?: readonly string[];
  readonly obsolete?: boolean;
  readonly volatile?: boolean;
}

function make(family: string, kind: FunctionKind) {
  return (name: string, sigs: readonly string[], opts: Options = {}): FunctionSpec => {
    const spec: FunctionSpec = {
      name,
      kind,
      family,
      signatures: sigs.map(parseSignature),
      ...opts,
      ...(kind === 'aggregate'
        ? { defaultName: (argNames: readonly (string | null)[]) => defaultAggregateName(spec, argNames) }
        : {}),
    };
    return spec;
  };
}

export function builders(family: string) {
  return {
    sca: make(family, 'scalar'),
    agg: make(family, 'aggregate'),
    win: make(family, 'window'),
    tab: make(family, 'tabular'),
  };
}
