// Binding diagnostics. Codes are Kusto's own (Kusto.Language DiagnosticFacts) where the
// official analyser has the same condition, so users can search them; EXF2xx otherwise.
import { defineDiagnostic } from './diagnostic.js';

type Name = { name: string };

export const UNKNOWN_NAME = defineDiagnostic<Name & { entity: string }>({
  code: 'KS142',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The name '${p.name}' does not refer to any known ${p.entity}.`,
});
export const UNKNOWN_TABLE = defineDiagnostic<Name>({
  code: 'KS204',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The name '${p.name}' does not refer to any known table, tabular variable or function.`,
});
export const NOT_A_TABLE = defineDiagnostic<Name>({
  code: 'KS181',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The name '${p.name}' does not refer to a table.`,
});
export const UNKNOWN_FUNCTION = defineDiagnostic<Name>({
  code: 'KS211',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The name '${p.name}' does not refer to any known function.`,
});
export const UNKNOWN_PLUGIN = defineDiagnostic<Name>({
  code: 'KS124',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The plug-in function '${p.name}' is not defined.`,
});
export const NOT_A_FUNCTION = defineDiagnostic<Name>({
  code: 'KS128',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The name '${p.name}' does not refer to a function.`,
});
export const ARG_COUNT = defineDiagnostic<Name & { min: number; max: number }>({
  code: 'KS119',
  severity: 'error',
  phase: 'binding',
  message: (p) =>
    p.min === p.max
      ? `The function '${p.name}' expects ${p.min === 0 ? 'no arguments' : p.min === 1 ? '1 argument' : `${p.min} arguments`}.`
      : Number.isFinite(p.max)
        ? `The function '${p.name}' expects between ${p.min} and ${p.max} arguments.`
        : `The function '${p.name}' expects at least ${p.min} argument${p.min === 1 ? '' : 's'}.`,
});
export const ARG_TYPES = defineDiagnostic<Name & { types: string }>({
  code: 'KS127',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The function '${p.name}' is not compatible with arguments (${p.types})`,
});
export const OPERATOR_TYPES = defineDiagnostic<{ op: string; types: string }>({
  code: 'KS106',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The operator '${p.op}' is not defined for the operand types ${p.types}.`,
});
export const TYPE_EXPECTED = defineDiagnostic<{ types: string }>({
  code: 'KS107',
  severity: 'error',
  phase: 'binding',
  message: (p) => `A value of type ${p.types} expected.`,
});
export const SCALAR_EXPECTED = defineDiagnostic<Record<string, never>>({
  code: 'KS108',
  severity: 'error',
  phase: 'binding',
  message: () => 'Scalar value expected.',
});
export const TABULAR_EXPECTED = defineDiagnostic<Record<string, never>>({
  code: 'KS111',
  severity: 'error',
  phase: 'binding',
  message: () => 'Tabular value expected.',
});
export const ONE_COLUMN_EXPECTED = defineDiagnostic<Record<string, never>>({
  code: 'KS113',
  severity: 'error',
  phase: 'binding',
  message: () => 'A tabular value with only one column expected.',
});
export const AGGREGATE_NOT_ALLOWED = defineDiagnostic<Name>({
  code: 'KS144',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The aggregate function '${p.name}' is not allowed in this context.`,
});
export const JOIN_COLUMN_MISSING = defineDiagnostic<Name>({
  code: 'KS145',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The column '${p.name}' must exist on both sides of the join.`,
});
export const JOIN_CONDITION = defineDiagnostic<Record<string, never>>({
  code: 'KS182',
  severity: 'error',
  phase: 'binding',
  message: () =>
    'The join condition must be either the name of a column common to both tables or in the form $left.<column> == $right.<column>.',
});
export const DATATABLE_VALUES = defineDiagnostic<{ multiple: number }>({
  code: 'KS173',
  severity: 'error',
  phase: 'binding',
  message: (p) => `Incorrect number of data values. The values should appear in multiples of ${p.multiple}.`,
});
export const FIRST_OPERATOR_ONLY = defineDiagnostic<Record<string, never>>({
  code: 'KS175',
  severity: 'error',
  phase: 'binding',
  message: () => 'The operator must be the first operator in the query.',
});
export const NOT_FIRST_OPERATOR = defineDiagnostic<Record<string, never>>({
  code: 'KS174',
  severity: 'error',
  phase: 'binding',
  message: () => 'The operator cannot be the first operator in a query.',
});
export const MISSING_ARGUMENT = defineDiagnostic<Name>({
  code: 'KS197',
  severity: 'error',
  phase: 'binding',
  message: (p) => `The argument for parameter '${p.name}' is missing.`,
});
export const EXPANSION_FAILED = defineDiagnostic<Name & { errors: string }>({
  code: 'KS200',
  severity: 'error',
  phase: 'binding',
  message: (p) => `Failure in expansion of '${p.name}': ${p.errors}`,
});
/** Catch-all: a binder defect becomes a diagnostic, never a stack trace. */
export const INTERNAL_BINDER_ERROR = defineDiagnostic<{ detail: string }>({
  code: 'EXF299',
  severity: 'error',
  phase: 'binding',
  message: (p) => `Internal binder error: ${p.detail}`,
});
/** `check --jsonl`: an input line that is not {"id","kql"}. */
export const INVALID_INPUT_LINE = defineDiagnostic<{ line: number; why: string }>({
  code: 'EXF290',
  severity: 'error',
  phase: 'syntax',
  message: (p) => `input line ${p.line}: ${p.why}`,
});
/** assert(condition, message) whose constant condition is false (assert-function.md). */
export const ASSERT_FAILED = defineDiagnostic<{ message: string }>({
  code: 'EXF291',
  severity: 'error',
  phase: 'binding',
  message: (p) => `assert failed: ${p.message}`,
});
