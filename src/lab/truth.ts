// Ground truth for a lab run: which entities are malicious, the verdict an investigation should
// reach, and the exact events (table, ReportId, timestamp) that prove each technique.
import type { LookalikeRecord } from './lookalikes.js';

export type TruthVerdict = 'EXFILTRATED' | 'ATTEMPTED_PREVENTED' | 'STAGED_NO_TRANSFER' | 'BENIGN';

export interface TruthEvidence {
  readonly table: string;
  /** Defender ReportIds repeat across devices: (device, table, reportId, timestamp) is the key. */
  readonly reportId: number;
  /** Kusto rendering, 7 fractional digits. */
  readonly timestamp: string;
  /** What the event is, e.g. "7z.exe created C:\\ProgramData\\staging\\hr.zip". */
  readonly note?: string;
}

export interface TruthTechnique {
  readonly id: string;
  readonly name: string;
  readonly evidence: readonly TruthEvidence[];
}

export interface TruthEntity {
  readonly device: string;
  readonly deviceId: string;
  /** Account name as in AccountName / InitiatingProcessAccountName. */
  readonly user: string;
  readonly upn: string;
  readonly verdict: TruthVerdict;
  /** The scenario that ran on this device (differs from the run's scenario in `mixed`). */
  readonly scenario: string;
  readonly techniques: readonly TruthTechnique[];
  /** The concrete choices the seed made. */
  readonly variant: {
    readonly tool: string;
    readonly archiverFileName: string;
    readonly renamed: boolean;
    readonly stagingDir: string;
    readonly archivePaths: readonly string[];
    readonly destination: string;
    readonly destinationUrl: string | null;
    readonly outcome: 'success' | 'failed' | 'blocked-network-protection' | 'blocked-smartscreen' | 'none';
    readonly transferDelaySeconds: number | null;
  };
  /** Start of the first malicious event and end of the last one. */
  readonly window: { readonly from: string; readonly to: string };
}

export interface Truth {
  readonly scenario: string;
  readonly seed: number;
  readonly start: string;
  readonly end: string;
  readonly tenantId: string;
  /** Every device in the fleet; devices not in `entities` with a malicious verdict are benign. */
  readonly devices: readonly { readonly device: string; readonly deviceId: string; readonly user: string }[];
  readonly entities: readonly TruthEntity[];
  /** Benign look-alikes that a naive rule would flag (for false-positive measurement). */
  readonly lookalikes: readonly LookalikeRecord[];
  readonly events: number;
  readonly eventsByTable: Readonly<Record<string, number>>;
}

export const TECHNIQUE_NAMES: Readonly<Record<string, string>> = {
  'T1059.001': 'Command and Scripting Interpreter: PowerShell',
  T1105: 'Ingress Tool Transfer',
  T1119: 'Automated Collection',
  'T1560.001': 'Archive Collected Data: Archive via Utility',
  'T1074.001': 'Data Staged: Local Data Staging',
  'T1567.002': 'Exfiltration Over Web Service: Exfiltration to Cloud Storage',
  T1567: 'Exfiltration Over Web Service',
  'T1071.001': 'Application Layer Protocol: Web Protocols',
  'T1048.002': 'Exfiltration Over Alternative Protocol: Exfiltration Over Asymmetric Encrypted Non-C2 Protocol',
  'T1048.003': 'Exfiltration Over Alternative Protocol: Exfiltration Over Unencrypted Non-C2 Protocol',
  'T1036.003': 'Masquerading: Rename Legitimate Utilities',
};

/** Collects evidence per technique while a scenario runs. */
export class EvidenceLog {
  private readonly byTechnique = new Map<string, TruthEvidence[]>();

  add(technique: string, ev: TruthEvidence): void {
    let list = this.byTechnique.get(technique);
    if (list === undefined) {
      list = [];
      this.byTechnique.set(technique, list);
    }
    list.push(ev);
  }

  techniques(): TruthTechnique[] {
    return [...this.byTechnique.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, evidence]) => ({ id, name: TECHNIQUE_NAMES[id] ?? id, evidence }));
  }

  all(): TruthEvidence[] {
    return [...this.byTechnique.values()].flat();
  }
}
