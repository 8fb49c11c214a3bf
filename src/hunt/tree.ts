// Process tree reconstruction from process events: each row names its process and its
// initiating process (and the initiating process's parent), which is enough to rebuild the
// chain from the script or user action down to the archiver and the uploader.
import type { ProcessNode } from './result.js';
import { num, normUser, str, type Rec } from './rows.js';

interface MutableNode {
  processId: number | null;
  fileName: string;
  commandLine: string;
  creationTime: string | null;
  account: string | null;
  sha256: string | null;
  children: MutableNode[];
  parentKey: string | null;
}

const keyOf = (pid: number | null, name: string) => `${pid ?? '?'}|${name.toLowerCase()}`;

/**
 * Build the forest for one device from process-event records (DeviceProcessEvents columns).
 * Parents missing from the rows are synthesised from the InitiatingProcess* fields.
 */
export function buildTree(rows: readonly Rec[]): ProcessNode[] {
  const nodes = new Map<string, MutableNode>();
  const ensure = (pid: number | null, name: string, init: Partial<MutableNode>): MutableNode => {
    const k = keyOf(pid, name);
    let n = nodes.get(k);
    if (n === undefined) {
      n = {
        processId: pid,
        fileName: name,
        commandLine: '',
        creationTime: null,
        account: null,
        sha256: null,
        children: [],
        parentKey: null,
        ...init,
      };
      nodes.set(k, n);
    } else {
      for (const [f, v] of Object.entries(init) as [keyof MutableNode, never][]) {
        if (v !== null && v !== '' && (n[f] === null || n[f] === '')) n[f] = v;
      }
    }
    return n;
  };
  for (const r of [...rows].sort((a, b) => str(a, 'Timestamp').localeCompare(str(b, 'Timestamp')))) {
    const pid = num(r, 'ProcessId');
    const name = str(r, 'FileName');
    if (name === '') continue;
    const ppid = num(r, 'InitiatingProcessId');
    const pname = str(r, 'InitiatingProcessFileName');
    const gpname = str(r, 'InitiatingProcessParentFileName');
    const gppid = num(r, 'InitiatingProcessParentId');
    const child = ensure(pid, name, {
      commandLine: str(r, 'ProcessCommandLine'),
      creationTime: str(r, 'ProcessCreationTime') || str(r, 'Timestamp'),
      account: normUser(str(r, 'AccountName')) ?? (str(r, 'AccountName') || null),
      sha256: str(r, 'SHA256') || null,
    });
    if (pname !== '') {
      const parent = ensure(ppid, pname, {
        commandLine: str(r, 'InitiatingProcessCommandLine'),
        creationTime: str(r, 'InitiatingProcessCreationTime') || null,
        account: normUser(str(r, 'InitiatingProcessAccountName')) ?? (str(r, 'InitiatingProcessAccountName') || null),
      });
      if (child.parentKey === null && parent !== child) child.parentKey = keyOf(ppid, pname);
      if (gpname !== '' && parent.parentKey === null) {
        ensure(gppid, gpname, { creationTime: str(r, 'InitiatingProcessParentCreationTime') || null });
        const gk = keyOf(gppid, gpname);
        if (gk !== keyOf(ppid, pname)) parent.parentKey = gk;
      }
    }
  }
  const roots: MutableNode[] = [];
  for (const n of nodes.values()) {
    const p = n.parentKey === null ? undefined : nodes.get(n.parentKey);
    if (p === undefined || createsCycle(n, nodes)) roots.push(n);
    else p.children.push(n);
  }
  const freeze = (n: MutableNode): ProcessNode => ({
    processId: n.processId,
    fileName: n.fileName,
    commandLine: n.commandLine,
    creationTime: n.creationTime,
    account: n.account,
    sha256: n.sha256,
    children: n.children.sort((a, b) => (a.creationTime ?? '').localeCompare(b.creationTime ?? '')).map(freeze),
  });
  return roots.map(freeze);
}

function createsCycle(n: MutableNode, nodes: ReadonlyMap<string, MutableNode>): boolean {
  const seen = new Set<MutableNode>([n]);
  let cur = n.parentKey === null ? undefined : nodes.get(n.parentKey);
  while (cur !== undefined) {
    if (seen.has(cur)) return true;
    seen.add(cur);
    cur = cur.parentKey === null ? undefined : nodes.get(cur.parentKey);
  }
  return false;
}

/** Keep only the trees that contain a process matching `keep` (the suspicious chain). */
export function pruneTree(forest: readonly ProcessNode[], keep: (n: ProcessNode) => boolean): ProcessNode[] {
  const has = (n: ProcessNode): boolean => keep(n) || n.children.some(has);
  return forest.filter(has);
}

export function flatten(forest: readonly ProcessNode[]): ProcessNode[] {
  return forest.flatMap((n) => [n, ...flatten(n.children)]);
}
