// Loads Microsoft's official Kusto analyser (dev-only) and asks it for result types.
// It is a UMD/global script: loading defines globalThis.Kusto and globalThis.System.
import { createRequire } from 'node:module';

type Seq<_T> = unknown;
interface TypeSym {
  readonly Name: string;
}
interface ColumnSym {
  readonly Name: string;
  readonly Type: TypeSym;
}
interface Code {
  readonly ResultType: { readonly Columns?: Seq<ColumnSym> } | null;
  GetDiagnostics(): Seq<{ readonly Message: string }>;
}

type Linq = { Linq: { Enumerable: { from(x: unknown): { ToArray(): unknown[] } } } };

function toArray<T>(x: unknown): T[] {
  if (x === null || x === undefined) return [];
  if (Array.isArray(x)) return x as T[];
  const sys = (globalThis as unknown as { System: Linq }).System;
  return sys.Linq.Enumerable.from(x).ToArray() as T[];
}

let analyse: ((q: string) => Code) | undefined;

function load(): (q: string) => Code {
  if (analyse) return analyse;
  const require = createRequire(import.meta.url);
  require('@kusto/language-service-next/bridge.js');
  require('@kusto/language-service-next/Kusto.Language.Bridge.js');
  const k = (globalThis as unknown as { Kusto: { Language: { KustoCode: { ParseAndAnalyze(q: string): Code } } } })
    .Kusto;
  analyse = (q: string) => k.Language.KustoCode.ParseAndAnalyze(q);
  return analyse;
}

export interface OracleResult {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly diagnostics: readonly string[];
}

export function oracle(query: string): OracleResult {
  const code = load()(query);
  const cols = toArray<ColumnSym>(code.ResultType?.Columns).map((c) => ({ name: c.Name, type: c.Type.Name }));
  const diagnostics = toArray<{ Message: string }>(code.GetDiagnostics()).map((d) => d.Message);
  return { columns: cols, diagnostics };
}

/** Names of every built-in scalar and aggregate function the official analyser knows. */
export function officialFunctionNames(): Set<string> {
  load();
  const k = (
    globalThis as unknown as { Kusto: { Language: { Functions: { All: unknown }; Aggregates: { All: unknown } } } }
  ).Kusto;
  const names = new Set<string>();
  for (const f of toArray<{ Name: string }>(k.Language.Functions.All)) names.add(f.Name);
  for (const f of toArray<{ Name: string }>(k.Language.Aggregates.All)) names.add(f.Name);
  return names;
}
