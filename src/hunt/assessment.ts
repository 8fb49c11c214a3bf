// What correlation found for one entity (device + user), before it becomes an EntityResult.
import type { ProcessNode, Suppression } from './result.js';
import type { ScoredArchive, Transfer, UsbCopy } from './assess.js';
import type { ArchiveSignal, BlockSignal, EgressSignal, ExecSignal } from './signals.js';

export interface Assessment {
  readonly device: string;
  readonly deviceId: string;
  readonly user: string | null;
  readonly upn: string | null;
  readonly execs: readonly ExecSignal[];
  readonly staged: readonly ScoredArchive[];
  readonly weak: readonly ScoredArchive[];
  readonly deletes: readonly ArchiveSignal[];
  readonly transfers: readonly Transfer[];
  readonly orphanBlocks: readonly BlockSignal[];
  readonly usb: readonly UsbCopy[];
  readonly ingress: readonly EgressSignal[];
  readonly suppressed: readonly Suppression[];
  readonly tree: readonly ProcessNode[];
  readonly gaps: readonly string[];
  /** Tables with rows for this device in scope. */
  readonly tables: ReadonlySet<string>;
}
