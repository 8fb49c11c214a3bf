// Loads Microsoft's official Kusto analyser (@kusto/language-service-next, dev-only) and
// exposes just what the differential tests need: result columns and diagnostics.
// The package is a Bridge.NET global script, so it is loaded with createRequire and read
// through globalThis; its types are declared minimally here (unknown + narrowing).
import { createRequire } from 'node:module';
import type { Column, TableSchema } from '../../../src/kql/types.js';

interface KSymbol {
  Name: string;
  Kind?: number;
}
interface KColumn extends KSymbol {
  Type: KSymbol;
}
interface KList<T> {
  Count: number;
  getItem(i: number): T;
}
interface KDiagnostic {
  Code: string;
  Message: string;
  Severity: string;
  Start: number;
  Length: number;
}
interface KCode {
  ResultType: (KSymbol & { Columns?: KList<KColumn> }) | null;
  GetDiagnostics(): KList<KDiagnostic>;
}
interface KustoNs {
  Language: {
    KustoCode: { ParseAndAnalyze(text: string, globals: unknown): KCode; Parse(text: string, globals: unknown): KCode };
    GlobalState: { Default: { WithDatabase(db: unknown): unknown } };
    Symbols: {
      TableSymbol: { $ctor7: new (name: string, schema: string, description: string | null) => KSymbol };
      DatabaseSymbol: { ctor: new (name: string, members: KSymbol[]) => KSymbol };
    };
  };
}

export interface OracleResult {
  readonly columns: readonly Column[] | null;
  readonly errors: readonly { code: string; message: string; start: number; end: number }[];
  readonly scalarType: string | null;
}

let kusto: KustoNs | null = null;

export function loadKusto(): KustoNs {
  if (kusto !== null) return kusto;
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.js');
  const g = (globalThis as unknown as { Kusto?: KustoNs }).Kusto;
  if (g === undefined) throw new Error('Kusto global not found after loading @kusto/language-service-next');
  kusto = g;
  return g;
}

export function makeGlobals(schema: ReadonlyMap<string, TableSchema>): unknown {
  const K = loadKusto();
  const S = K.Language.Symbols;
  const tables: KSymbol[] = [];
  for (const [name, t] of schema) {
    const spec = '(' + t.columns.map((c) => `['${c.name}']:${c.type}`).join(', ') + ')';
    tables.push(new S.TableSymbol.$ctor7(name, spec, null));
  }
  const db = new S.DatabaseSymbol.ctor('db', tables);
  return K.Language.GlobalState.Default.WithDatabase(db);
}

function typeName(t: KSymbol): string {
  return t.Name;
}

export function analyze(text: string, globals: unknown): OracleResult {
  const K = loadKusto();
  const code = K.Language.KustoCode.ParseAndAnalyze(text, globals);
  const diags = code.GetDiagnostics();
  const errors: { code: string; message: string; start: number; end: number }[] = [];
  for (let i = 0; i < diags.Count; i++) {
    const d = diags.getItem(i);
    if (String(d.Severity) === 'Error')
      errors.push({ code: d.Code, message: d.Message, start: d.Start, end: d.Start + d.Length });
  }
  const rt = code.ResultType;
  let columns: Column[] | null = null;
  let scalarType: string | null = null;
  if (rt !== null && rt.Columns !== undefined) {
    columns = [];
    for (let i = 0; i < rt.Columns.Count; i++) {
      const c = rt.Columns.getItem(i);
      columns.push({ name: c.Name, type: typeName(c.Type) as Column['type'] });
    }
  } else if (rt !== null) scalarType = rt.Name;
  return { columns, errors, scalarType };
}
