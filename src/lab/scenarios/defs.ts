// The scenarios, as data. Add one by adding an entry: what the target devices do, how many
// targets there are, and how often the fleet's benign look-alikes happen.
import type { TruthVerdict } from '../truth.js';
import type { Outcome } from './variant.js';

export interface AttackProfile {
  readonly scenario: string;
  readonly verdict: TruthVerdict;
  /** One is picked by seed (SmartScreen only applies to browser uploads). */
  readonly outcomes: readonly Outcome[];
  readonly transfer: boolean;
}

export interface ScenarioDef {
  readonly name: string;
  readonly summary: string;
  /** Profiles the target devices carry, picked by seed per target. Empty: no malicious device. */
  readonly profiles: readonly AttackProfile[];
  /** 'pinned': device 0 (the one `--device` names); 'few': ~3% of the fleet, at least one. */
  readonly targets: 'pinned' | 'few';
  /** Vary archiver and destination by seed; otherwise the seeds' story: 7-Zip and Azure blob storage. */
  readonly vary: boolean;
  /** Multiplier of the benign look-alike rates. */
  readonly lookalikes: number;
}

const SUCCESS: AttackProfile = {
  scenario: 'exfil-success',
  verdict: 'EXFILTRATED',
  outcomes: ['success'],
  transfer: true,
};
const PREVENTED: AttackProfile = {
  scenario: 'exfil-prevented',
  verdict: 'ATTEMPTED_PREVENTED',
  outcomes: ['failed', 'blocked-network-protection', 'blocked-smartscreen'],
  transfer: true,
};
const STAGED: AttackProfile = {
  scenario: 'staged-only',
  verdict: 'STAGED_NO_TRANSFER',
  outcomes: ['none'],
  transfer: false,
};

export const SCENARIOS: Readonly<Record<string, ScenarioDef>> = {
  'exfil-success': {
    name: 'exfil-success',
    summary:
      'seed 002: PowerShell installs 7-Zip, collects and archives employee data, uploads it to Azure blob storage (ConnectionSuccess)',
    profiles: [SUCCESS],
    targets: 'pinned',
    vary: false,
    lookalikes: 1,
  },
  'exfil-prevented': {
    name: 'exfil-prevented',
    summary:
      'seed 000: the same preparation; the transfer fails (ConnectionFailed) or is blocked (network protection / SmartScreen)',
    profiles: [PREVENTED],
    targets: 'pinned',
    vary: false,
    lookalikes: 1,
  },
  'staged-only': {
    name: 'staged-only',
    summary: 'data collected, archived and staged; no transfer attempted yet',
    profiles: [STAGED],
    targets: 'pinned',
    vary: false,
    lookalikes: 1,
  },
  'benign-backup': {
    name: 'benign-backup',
    summary:
      'no insider: only benign look-alikes (nightly backups, IT 7-Zip installs, developer archives, bulk sync, blob CDNs)',
    profiles: [],
    targets: 'pinned',
    vary: false,
    lookalikes: 3,
  },
  mixed: {
    name: 'mixed',
    summary:
      'a fleet where a few random devices carry one of the malicious scenarios, fully varied, among benign activity',
    profiles: [SUCCESS, PREVENTED, STAGED],
    targets: 'few',
    vary: true,
    lookalikes: 1,
  },
};

export function scenarioNames(): string[] {
  return Object.keys(SCENARIOS);
}
