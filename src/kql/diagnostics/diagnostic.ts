// A diagnostic is data: a code, typed parameters turned into a message by the code's
// template, a span and an optional hint. Rendering is separate (render.ts) so that
// the CLI, the web console and JSON output all show the same facts.
import type { Span } from '../ast.js';

export type Severity = 'error' | 'warning' | 'info';
export type Phase = 'syntax' | 'binding' | 'translation' | 'runtime';

export interface Diagnostic {
  /** Kusto's KS code where one exists (e.g. KS142 for an unknown name), else an EXF code. */
  readonly code: string;
  readonly severity: Severity;
  readonly phase: Phase;
  readonly message: string;
  readonly span: Span;
  /** "did you mean ...?" and similar advice. */
  readonly hint?: string;
}

/** A message template keyed by code, with typed parameters. */
export interface DiagnosticDef<P> {
  readonly code: string;
  readonly severity: Severity;
  readonly phase: Phase;
  readonly message: (p: P) => string;
}

export function defineDiagnostic<P>(def: DiagnosticDef<P>): DiagnosticDef<P> {
  return def;
}

export function diagnostic<P>(def: DiagnosticDef<P>, params: P, span: Span, hint?: string): Diagnostic {
  const d: Diagnostic = {
    code: def.code,
    severity: def.severity,
    phase: def.phase,
    message: def.message(params),
    span,
  };
  return hint === undefined ? d : { ...d, hint };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}
