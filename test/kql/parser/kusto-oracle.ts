// Microsoft's official KQL parser (@kusto/language-service-next), used only by tests as
// a syntax oracle. It is a Bridge.NET build: a global-script pair (bridge runtime +
// Kusto.Language) that installs `Bridge` and `Kusto` on the global object. Loading it
// takes a while, so callers load it once per test file.
import { createRequire } from 'node:module';

export interface OracleDiagnostic {
  readonly code: string;
  readonly message: string;
  readonly start: number;
  readonly length: number;
  readonly severity: string;
}

interface BridgeList<T> {
  readonly Count: number;
  getItem(i: number): T;
}
interface KustoCodeLike {
  GetSyntaxDiagnostics(): BridgeList<{
    Code: string;
    Message: string;
    Start: number;
    Length: number;
    Severity: string;
  }>;
}
interface KustoGlobal {
  Language: { KustoCode: { Parse(text: string): KustoCodeLike } };
}

let loaded: ((text: string) => OracleDiagnostic[]) | null = null;

export function loadOracle(): (text: string) => OracleDiagnostic[] {
  if (loaded !== null) return loaded;
  const require = createRequire(import.meta.url);
  const dir = '@kusto/language-service-next/';
  const g = globalThis as Record<string, unknown>;
  g['Bridge'] = require(`${dir}bridge.min.js`);
  require(`${dir}Kusto.Language.Bridge.min.js`);
  const kusto = g['Kusto'] as KustoGlobal | undefined;
  if (kusto === undefined) throw new Error('Kusto.Language did not load');
  loaded = (text: string): OracleDiagnostic[] => {
    const list = kusto.Language.KustoCode.Parse(text).GetSyntaxDiagnostics();
    const out: OracleDiagnostic[] = [];
    for (let i = 0; i < list.Count; i++) {
      const d = list.getItem(i);
      out.push({ code: d.Code, message: d.Message, start: d.Start, length: d.Length, severity: d.Severity });
    }
    return out;
  };
  return loaded;
}
