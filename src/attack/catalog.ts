// The ATT&CK techniques exfilhunt can emit, as data. Names and tactics follow MITRE ATT&CK
// Enterprise v18.1; test/attack/catalog.test.ts checks every entry against
// ../shared/attack/enterprise-techniques.json so a rename upstream fails loudly.
// Note: seed 002 labels T1567.002 "Exfiltration Over Web Services: HTTPS"; MITRE's name is
// "Exfiltration to Cloud Storage", which is what we print.

export interface Technique {
  readonly id: string;
  readonly name: string;
  /** ATT&CK tactic shortnames, e.g. "collection". */
  readonly tactics: readonly string[];
}

export const TACTIC_NAMES: Readonly<Record<string, string>> = {
  reconnaissance: 'Reconnaissance',
  'resource-development': 'Resource Development',
  'initial-access': 'Initial Access',
  execution: 'Execution',
  persistence: 'Persistence',
  'privilege-escalation': 'Privilege Escalation',
  'defense-evasion': 'Defense Evasion',
  'credential-access': 'Credential Access',
  discovery: 'Discovery',
  'lateral-movement': 'Lateral Movement',
  collection: 'Collection',
  'command-and-control': 'Command and Control',
  exfiltration: 'Exfiltration',
  impact: 'Impact',
};

const T = (id: string, name: string, ...tactics: string[]): Technique =>
  Object.freeze({ id, name, tactics: Object.freeze(tactics) });

export const CATALOG: readonly Technique[] = Object.freeze([
  T('T1005', 'Data from Local System', 'collection'),
  T('T1020', 'Automated Exfiltration', 'exfiltration'),
  T('T1027.010', 'Command Obfuscation', 'defense-evasion'),
  T('T1036.003', 'Rename Legitimate Utilities', 'defense-evasion'),
  T('T1036.005', 'Match Legitimate Resource Name or Location', 'defense-evasion'),
  T('T1041', 'Exfiltration Over C2 Channel', 'exfiltration'),
  T('T1048', 'Exfiltration Over Alternative Protocol', 'exfiltration'),
  T('T1048.003', 'Exfiltration Over Unencrypted Non-C2 Protocol', 'exfiltration'),
  T('T1052.001', 'Exfiltration over USB', 'exfiltration'),
  T('T1059.001', 'PowerShell', 'execution'),
  T('T1059.003', 'Windows Command Shell', 'execution'),
  T('T1070.004', 'File Deletion', 'defense-evasion'),
  T('T1071.001', 'Web Protocols', 'command-and-control'),
  T('T1074.001', 'Local Data Staging', 'collection'),
  T('T1105', 'Ingress Tool Transfer', 'command-and-control'),
  T('T1119', 'Automated Collection', 'collection'),
  T('T1197', 'BITS Jobs', 'defense-evasion', 'persistence'),
  T('T1204', 'User Execution', 'execution'),
  T('T1204.002', 'Malicious File', 'execution'),
  T('T1218.007', 'Msiexec', 'defense-evasion'),
  T('T1560', 'Archive Collected Data', 'collection'),
  T('T1560.001', 'Archive via Utility', 'collection'),
  T('T1564.003', 'Hidden Window', 'defense-evasion'),
  T('T1567', 'Exfiltration Over Web Service', 'exfiltration'),
  T('T1567.002', 'Exfiltration to Cloud Storage', 'exfiltration'),
  T('T1567.003', 'Exfiltration to Text Storage Sites', 'exfiltration'),
]);

const BY_ID = new Map(CATALOG.map((t) => [t.id, t]));

export function technique(id: string): Technique {
  const t = BY_ID.get(id);
  if (t === undefined) throw new Error(`attack: technique ${id} is not in the catalog`);
  return t;
}

export function tacticName(shortname: string): string {
  return TACTIC_NAMES[shortname] ?? shortname;
}

/** Display form of a technique's tactics, e.g. "Defense Evasion / Persistence". */
export function tacticsLabel(t: Technique): string {
  return t.tactics.map(tacticName).join(' / ');
}
