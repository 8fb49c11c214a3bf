// Public ingest API (used by the CLI and by `lab --db`): keep these exports stable.
export { ingestPaths, expandPaths } from './ingest.js';
export { openWorkspace, tableColumns, LOG_TABLE, REJECTS_TABLE, type Workspace } from './workspace.js';
export { listTables, workspaceSchemaMap, type TableInfo } from './inspect.js';
export { parseTimestampNs, formatNs } from './time.js';
export {
  StrictRejectError,
  MAX_REPORTED_REJECTS,
  type FileStatus,
  type FileSummary,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  type RejectRecord,
  type TableCounts,
} from './types.js';
