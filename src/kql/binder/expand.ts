// mv-expand, mv-apply, parse / parse-where, parse-kv: operators that add or replace
// columns computed from one row's values.
import type { MvExpandItem, OpParam, Operator } from '../ast.js';
import type { BoundMvExpandItem, BoundParsePart, BoundTable } from '../bound.js';
import type { Column } from '../types.js';
import { schemaOf, type Binder, type Env, type RowScope } from './scope.js';
import { bindScalar } from './expr.js';
import { resultName, UnnamedNames } from './naming.js';
import { bindTable, tableError } from './tabular.js';
import { paramText } from './join.js';

function param(params: readonly OpParam[], name: string): OpParam | undefined {
  return params.find((p) => p.name.toLowerCase() === name);
}

/** Adds or replaces (in place) columns. */
export function withColumns(cols: readonly Column[], added: readonly Column[]): Column[] {
  let out = [...cols];
  for (const a of added) {
    const i = out.findIndex((c) => c.name === a.name);
    if (i >= 0) out = out.map((c, j) => (j === i ? a : c));
    else out.push(a);
  }
  return out;
}

function bindItems(b: Binder, items: readonly MvExpandItem[], rs: RowScope, env: Env): BoundMvExpandItem[] {
  const unnamed = new UnnamedNames('Column', 1);
  return items.map((it) => {
    const expr = bindScalar(b, it.expr, rs, env);
    const name = it.name?.name ?? resultName(it.expr, null) ?? unnamed.next(new Set(rs.columns.map((c) => c.name)));
    return { name, expr, type: it.toType?.name ?? 'dynamic' };
  });
}

export function bindExpandFamily(b: Binder, op: Operator, inputOrNull: BoundTable | null, env: Env): BoundTable | null {
  const input = inputOrNull ?? tableError(op.span);
  const rs: RowScope = { columns: input.schema.columns };
  switch (op.kind) {
    case 'MvExpand': {
      const items = bindItems(b, op.items, rs, env);
      const withItemIndex = paramText(param(op.params, 'with_itemindex'));
      const bagParam = paramText(param(op.params, 'bagexpansion')) ?? paramText(param(op.params, 'kind'));
      const bag = (bagParam ?? 'bag').toLowerCase() === 'array' ? 'array' : 'bag';
      const limit = op.limit === null ? null : bindScalar(b, op.limit, { columns: [] }, env);
      const added: Column[] = [
        ...items.map((i) => ({ name: i.name, type: i.type })),
        ...(withItemIndex === null ? [] : [{ name: withItemIndex, type: 'long' as const }]),
      ];
      return {
        kind: 'MvExpand',
        input,
        bagExpansion: bag,
        items,
        withItemIndex,
        limit,
        schema: schemaOf(withColumns(input.schema.columns, added)),
        span: op.span,
      };
    }
    case 'MvApply': {
      const items = bindItems(b, op.items, rs, env);
      const withItemIndex = paramText(param(op.params, 'with_itemindex'));
      const limit = op.limit === null ? null : bindScalar(b, op.limit, { columns: [] }, env);
      const added: Column[] = [
        ...items.map((i) => ({ name: i.name, type: i.type })),
        ...(withItemIndex === null ? [] : [{ name: withItemIndex, type: 'long' as const }]),
      ];
      const implicit: BoundTable = {
        kind: 'ImplicitInput',
        schema: schemaOf(withColumns(input.schema.columns, added)),
        span: op.span,
      };
      const body = bindTable(b, op.body, env, implicit);
      // The result keeps the input's other columns (the expanded ones are consumed) next to the sub-query's.
      const consumed = new Set(items.map((i) => i.name));
      const kept = input.schema.columns.filter((c) => !consumed.has(c.name));
      return {
        kind: 'MvApply',
        input,
        items,
        withItemIndex,
        limit,
        body,
        schema: schemaOf(withColumns(kept, body.schema.columns)),
        span: op.span,
      };
    }
    case 'Parse': {
      const source = bindScalar(b, op.input, rs, env);
      const kindText = (paramText(param(op.params, 'kind')) ?? 'simple').toLowerCase();
      const parseKind = kindText === 'regex' ? 'regex' : kindText === 'relaxed' ? 'relaxed' : 'simple';
      const parts: BoundParsePart[] = op.pattern.map((p): BoundParsePart => {
        if (p.kind === 'ParseStar') return { kind: 'Skip' };
        if (p.kind === 'ParseColumn') return { kind: 'Capture', name: p.name.name, type: p.type?.name ?? 'string' };
        const t = bindScalar(b, p.text, { columns: [] }, env);
        const text =
          t.kind === 'Literal' && typeof t.value === 'string'
            ? t.value
            : t.kind === 'LetScalar' && t.value.kind === 'Literal' && typeof t.value.value === 'string'
              ? t.value.value
              : '';
        return { kind: 'Text', text };
      });
      const added = parts.flatMap((p) => (p.kind === 'Capture' ? [{ name: p.name, type: p.type }] : []));
      return {
        kind: 'Parse',
        input,
        parseKind,
        where: op.where,
        flags: paramText(param(op.params, 'flags')),
        source,
        parts,
        schema: schemaOf(withColumns(input.schema.columns, added)),
        span: op.span,
      };
    }
    case 'ParseKv': {
      const source = bindScalar(b, op.input, rs, env);
      const columns = op.columns.map((c) => ({ name: c.name.name, type: c.type.name }));
      const options: Record<string, string> = {};
      for (const o of op.options) options[o.name] = paramText(o) ?? '';
      return {
        kind: 'ParseKv',
        input,
        source,
        columns,
        options,
        schema: schemaOf(withColumns(input.schema.columns, columns)),
        span: op.span,
      };
    }
    default:
      return null;
  }
}
