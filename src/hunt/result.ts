// The investigation result: the stable, documented JSON schema that `investigate --format json`
// prints, that reports render, and that automation consumes. Additive changes only.

export type Verdict = 'EXFILTRATED' | 'ATTEMPTED_PREVENTED' | 'STAGED_NO_TRANSFER' | 'BENIGN' | 'INCONCLUSIVE';

export interface EvidenceRef {
  readonly table: string;
  readonly reportId: number | string;
  /** Kusto rendering, 7 fractional digits. */
  readonly timestamp: string;
  /** The playbook hunt that found it (file stem, e.g. "archives-created"). */
  readonly hunt: string;
  /** One-line description of the event, already plain text (renderers escape it). */
  readonly summary?: string;
}

export interface TechniqueFinding {
  readonly id: string; // e.g. T1560.001
  readonly name: string;
  readonly tactic: string;
  /** Built from this case's evidence, e.g. "7z.exe created C:\\Users\\Public\\data.zip from 214 files". */
  readonly why: string;
  readonly evidence: readonly EvidenceRef[];
}

export interface TimelineEvent {
  readonly timestamp: string;
  readonly table: string;
  readonly actionType: string;
  readonly summary: string;
  readonly reportId: number | string | null;
  readonly stage: 'execution' | 'collection' | 'staging' | 'exfiltration' | 'blocked' | 'context';
}

export interface ProcessNode {
  readonly processId: number | null;
  readonly fileName: string;
  readonly commandLine: string;
  readonly creationTime: string | null;
  readonly account: string | null;
  readonly sha256: string | null;
  readonly children: readonly ProcessNode[];
}

export interface ResponseAction {
  readonly category: 'containment' | 'securing' | 'prevention' | 'monitoring';
  readonly title: string;
  readonly detail: string;
  /** Machine-usable form: a Defender API request, or a KQL detection rule. */
  readonly api?: { readonly method: string; readonly path: string; readonly body: unknown };
  readonly kql?: string;
}

export interface HuntRun {
  readonly hunt: string;
  readonly title: string;
  /** The exact KQL that ran, parameters already substituted as `let` statements. */
  readonly kql: string;
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  /** Top rows only; `totalRows` says how many there were. */
  readonly rows: readonly (readonly unknown[])[];
  readonly totalRows: number;
  readonly elapsedMs: number;
}

export interface Suppression {
  readonly what: string;
  readonly reason: string;
  readonly evidence: readonly EvidenceRef[];
}

export interface EntityResult {
  readonly device: string;
  readonly user: string | null;
  readonly verdict: Verdict;
  /** 0..1 */
  readonly confidence: number;
  readonly riskScore: number;
  /** One-line reason, used in fleet rankings. */
  readonly reason: string;
  readonly techniques: readonly TechniqueFinding[];
  readonly evidence: readonly EvidenceRef[];
  readonly timeline: readonly TimelineEvent[];
  readonly processTree: readonly ProcessNode[];
  readonly destinations: readonly {
    readonly url: string;
    readonly ip: string;
    readonly port: number | null;
    readonly category: string;
    readonly outcome: 'success' | 'failed' | 'blocked';
    readonly bytes: number | null;
  }[];
  readonly suppressed: readonly Suppression[];
  /** What data was missing, e.g. "no DeviceNetworkEvents in the window". */
  readonly gaps: readonly string[];
  readonly actions: readonly ResponseAction[];
  readonly hunts: readonly HuntRun[];
}

export interface InvestigationResult {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'exfilhunt'; readonly version: string };
  readonly generatedAt: string;
  readonly scope: {
    readonly device: string | null;
    readonly user: string | null;
    readonly all: boolean;
    readonly from: string | null;
    readonly to: string | null;
    readonly window: string;
  };
  readonly dataSources: readonly {
    readonly table: string;
    readonly rows: number;
    readonly from: string | null;
    readonly to: string | null;
  }[];
  readonly provenance: readonly {
    readonly path: string;
    readonly sha256: string;
    readonly rows: number;
    readonly table: string;
  }[];
  readonly entities: readonly EntityResult[];
}
