// Translation-phase diagnostics (EXF3xx): the query is valid KQL, but this engine
// can't run it with exactly Kusto's meaning, so it refuses instead of guessing.
import { defineDiagnostic } from '../kql/diagnostics/diagnostic.js';

export const UNSUPPORTED_FUNCTION = defineDiagnostic<{ name: string; dialect: string }>({
  code: 'EXF301',
  severity: 'error',
  phase: 'translation',
  message: (p) => `function '${p.name}' has no exact translation for ${p.dialect} yet`,
});

export const UNSUPPORTED_OPERATOR = defineDiagnostic<{ name: string }>({
  code: 'EXF302',
  severity: 'error',
  phase: 'translation',
  message: (p) => `operator '${p.name}' is not supported by the local engine`,
});

export const UNSUPPORTED_CONSTRUCT = defineDiagnostic<{ what: string }>({
  code: 'EXF303',
  severity: 'error',
  phase: 'translation',
  message: (p) => `${p.what} is not supported by the local engine`,
});

export const EXTERNALDATA_OFFLINE = defineDiagnostic<Record<string, never>>({
  code: 'EXF304',
  severity: 'error',
  phase: 'translation',
  message: () => 'externaldata is not available offline: exfilhunt never reads external URLs or files from a query',
});

export const UNKNOWN_TABLE_IN_WORKSPACE = defineDiagnostic<{ name: string }>({
  code: 'EXF305',
  severity: 'error',
  phase: 'translation',
  message: (p) => `table '${p.name}' is not in this workspace (ingest it first, or run \`exfilhunt tables\`)`,
});

export const BAD_CONSTANT = defineDiagnostic<{ what: string }>({
  code: 'EXF306',
  severity: 'error',
  phase: 'translation',
  message: (p) => `${p.what} must be a constant here`,
});

export const RUNTIME_ERROR = defineDiagnostic<{ message: string }>({
  code: 'EXF310',
  severity: 'error',
  phase: 'runtime',
  message: (p) => `query failed while running: ${p.message}`,
});

/** Raised inside lowering/emission; caught at the top and turned into a QueryError. */
export class TranslationError extends Error {
  constructor(readonly diagnostic: import('../kql/diagnostics/diagnostic.js').Diagnostic) {
    super(diagnostic.message);
  }
}
