// ATT&CK mapping: each technique is emitted only with evidence from this case, and its
// "why" sentence is built from that evidence (as in the seeds' tables).
import { technique, tacticsLabel } from '../attack/catalog.js';
import type { EvidenceRef, TechniqueFinding } from './result.js';
import type { Assessment } from './assessment.js';
import { ARCHIVERS, SHELLS, transferIntent } from './classify.js';
import { evidenceOf } from './signals.js';
import { flatten } from './tree.js';

const clip = (s: string, n = 120) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function mapTechniques(x: Assessment): TechniqueFinding[] {
  const out: TechniqueFinding[] = [];
  const add = (id: string, why: string, evidence: EvidenceRef[]) => {
    if (evidence.length === 0 || out.some((t) => t.id === id)) return;
    const t = technique(id);
    out.push({ id, name: t.name, tactic: tacticsLabel(t), why, evidence: evidence.slice(0, 10) });
  };
  const execs = x.execs;
  const shellExecs = execs.filter(
    (e) => SHELLS.has(e.fileName.toLowerCase()) || e.flags.some((f) => f.startsWith('powershell')),
  );
  const treeShells = flatten(x.tree).filter((n) => SHELLS.has(n.fileName.toLowerCase()));
  if (shellExecs.length > 0) {
    const e = shellExecs[0]!;
    const what = e.flags
      .filter((f) => f.startsWith('powershell') || f === 'silent-archiver-install' || f === 'script-user-writable')
      .join(', ');
    add(
      'T1059.001',
      `${e.fileName} ran \`${clip(e.commandLine)}\` on ${x.device}${what !== '' ? ` (${what})` : ''}.`,
      shellExecs.map((s) => evidenceOf(s)),
    );
  } else if (treeShells.length > 0 && x.staged.length > 0) {
    add('T1059.001', `${treeShells[0]!.fileName} is in the process chain that created ${x.staged[0]!.a.fileName}.`, [
      evidenceOf(x.staged[0]!.a),
    ]);
  }
  const downloads = execs.filter(
    (e) =>
      (e.flags.includes('powershell-download') && transferIntent(e.commandLine) !== 'upload') ||
      e.flags.includes('silent-archiver-install'),
  );
  const ingress = x.ingress;
  const toolSite = ingress.find((e) => e.category === 'software-download');
  if (downloads.length > 0 || toolSite !== undefined) {
    const inst = execs.find((e) => e.flags.includes('silent-archiver-install'));
    const why =
      inst !== undefined
        ? `A tool installer was fetched and silently installed: \`${clip(inst.commandLine)}\`.`
        : downloads[0] !== undefined
          ? `PowerShell downloaded a payload: \`${clip(downloads[0].commandLine)}\`.`
          : `${toolSite?.process ?? ''} fetched a tool from ${toolSite?.host ?? ''}, a software distribution site.`;
    add('T1105', why, [...downloads.map((s) => evidenceOf(s)), ...ingress.slice(0, 3).map((s) => evidenceOf(s))]);
  }
  const encoded = execs.filter((e) => e.flags.includes('powershell-encoded'));
  add(
    'T1027.010',
    `PowerShell ran an encoded command on ${x.device}.`,
    encoded.map((s) => evidenceOf(s)),
  );
  const hidden = execs.filter((e) => e.flags.includes('powershell-hidden'));
  add(
    'T1564.003',
    `PowerShell ran with a hidden window on ${x.device}.`,
    hidden.map((s) => evidenceOf(s)),
  );
  const renamed = execs.filter((e) => e.flags.includes('renamed-archiver') || e.flags.includes('renamed-upload-tool'));
  const renamedArchive = x.staged.find(
    (s) =>
      s.a.originalName !== '' &&
      s.a.originalName.toLowerCase() !== s.a.process.toLowerCase() &&
      ARCHIVERS.has(s.a.originalName.toLowerCase()),
  );
  if (renamed.length > 0)
    add(
      'T1036.003',
      `${renamed[0]!.originalName} ran renamed as ${renamed[0]!.fileName}.`,
      renamed.map((s) => evidenceOf(s)),
    );
  else if (renamedArchive !== undefined)
    add(
      'T1036.003',
      `${renamedArchive.a.originalName} ran renamed as ${renamedArchive.a.process} and wrote ${renamedArchive.a.fileName}.`,
      [evidenceOf(renamedArchive.a)],
    );
  const bits = execs.filter((e) => e.flags.includes('bitsadmin-upload'));
  add(
    'T1197',
    `bitsadmin created an upload job: \`${clip(bits[0]?.commandLine ?? '')}\`.`,
    bits.map((s) => evidenceOf(s)),
  );

  // Collection and staging.
  const collected = x.staged.filter((s) => s.collection !== null && s.collection.files > 0);
  const scripted = x.staged.filter(
    (s) =>
      SHELLS.has(s.a.process.toLowerCase()) ||
      SHELLS.has(s.a.parentName.toLowerCase()) ||
      s.linkedExec.some((e) => e.flags.includes('powershell-collection')),
  );
  if (scripted.length > 0 || (collected.length > 0 && shellExecs.length > 0)) {
    const s = scripted[0] ?? collected[0]!;
    const c = s.collection;
    add(
      'T1119',
      `A script gathered ${c !== null ? `${c.files} files (${c.extensions.slice(0, 5).join(', ')})` : 'files'} and packaged them into ${s.a.fileName} without user interaction.`,
      [
        evidenceOf(s.a),
        ...(c?.evidence !== null && c?.evidence !== undefined ? [{ ...c.evidence, hunt: 'collection-pivot' }] : []),
      ],
    );
  }
  if (collected.length > 0) {
    const c = collected[0]!.collection!;
    add(
      'T1005',
      `${c.files} local files from ${c.folders.slice(0, 2).join(', ') || 'the user profile'} were copied by ${c.process} before archiving.`,
      c.evidence !== null ? [{ ...c.evidence, hunt: 'collection-pivot' }] : [evidenceOf(collected[0]!.a)],
    );
  }
  const utilArchives = x.staged.filter((s) => !SHELLS.has(s.a.process.toLowerCase()));
  const psArchives = x.staged.filter((s) => SHELLS.has(s.a.process.toLowerCase()));
  if (utilArchives.length > 0) {
    const s = utilArchives[0]!;
    add(
      'T1560.001',
      `${s.a.process} created ${s.a.path}${s.collection !== null ? ` from ${s.collection.files} files` : ''}.`,
      utilArchives.map((a) => evidenceOf(a.a)),
    );
  }
  if (psArchives.length > 0)
    add(
      'T1560',
      `${psArchives[0]!.a.process} compressed data into ${psArchives[0]!.a.path}.`,
      psArchives.map((a) => evidenceOf(a.a)),
    );
  if (x.staged.length > 0) {
    const s = x.staged[0]!;
    add(
      'T1074.001',
      `Data was staged locally as ${s.a.path} (${s.a.location}).`,
      x.staged.map((a) => evidenceOf(a.a)),
    );
  }

  // Exfiltration.
  const byCat = (cats: string[]) => x.transfers.filter((t) => cats.includes(t.category));
  const cloud = byCat(['cloud-storage']);
  if (cloud.length > 0)
    add(
      'T1567.002',
      `${cloud[0]!.e.process} sent data to cloud storage ${cloud[0]!.e.url || cloud[0]!.e.ip} (${cloud[0]!.outcome}).`,
      cloud.map((t) => evidenceOf(t.e)),
    );
  const paste = byCat(['paste-site']);
  if (paste.length > 0)
    add(
      'T1567.003',
      `${paste[0]!.e.process} posted data to the paste site ${paste[0]!.e.host}.`,
      paste.map((t) => evidenceOf(t.e)),
    );
  const web = byCat(['file-sharing', 'personal-webmail']);
  if (web.length > 0)
    add(
      'T1567',
      `${web[0]!.e.process} sent data to ${web[0]!.e.host} (${web[0]!.category}).`,
      web.map((t) => evidenceOf(t.e)),
    );
  const alt = x.transfers.filter((t) => t.e.port !== null && [20, 21, 22, 990, 989].includes(t.e.port));
  if (alt.length > 0) {
    const ftp = alt.filter((t) => t.e.port === 21 || t.e.port === 20);
    if (ftp.length > 0)
      add(
        'T1048.003',
        `${ftp[0]!.e.process} transferred data over FTP to ${ftp[0]!.e.url || ftp[0]!.e.ip}.`,
        ftp.map((t) => evidenceOf(t.e)),
      );
    add(
      'T1048',
      `${alt[0]!.e.process} transferred data over port ${alt[0]!.e.port} to ${alt[0]!.e.url || alt[0]!.e.ip}.`,
      alt.map((t) => evidenceOf(t.e)),
    );
  }
  const webProto = x.transfers.filter((t) => t.e.port === 443 || t.e.port === 80 || /^https?:/i.test(t.e.url));
  if (webProto.length > 0)
    add(
      'T1071.001',
      `The transfer used HTTP(S): ${webProto[0]!.e.url || webProto[0]!.e.ip}:${webProto[0]!.e.port ?? 443}.`,
      webProto.map((t) => evidenceOf(t.e)),
    );
  const rare = byCat(['rare-external']);
  if (rare.length > 0 && webProto.length === 0 && alt.length === 0)
    add(
      'T1041',
      `Data went to a rarely contacted external host ${rare[0]!.e.url || rare[0]!.e.ip}.`,
      rare.map((t) => evidenceOf(t.e)),
    );
  const scriptedUpload = x.transfers.filter(
    (t) => SHELLS.has(t.e.process.toLowerCase()) || t.e.process.toLowerCase() === 'rclone.exe',
  );
  if (scriptedUpload.length > 0 && x.staged.length > 0)
    add(
      'T1020',
      `${scriptedUpload[0]!.e.process} uploaded the staged data automatically.`,
      scriptedUpload.map((t) => evidenceOf(t.e)),
    );
  const usb = x.usb.filter((u) => u.archive);
  const usbAny = usb.length > 0 ? usb : x.usb;
  if (usbAny.length > 0)
    add(
      'T1052.001',
      `${usbAny[0]!.write.process} copied ${usbAny[0]!.write.fileName} to removable drive ${usbAny[0]!.write.path.slice(0, 2)}.`,
      usbAny.flatMap((u) => [evidenceOf(u.write), ...(u.mount !== null ? [evidenceOf(u.mount)] : [])]),
    );
  if (x.deletes.length > 0)
    add(
      'T1070.004',
      `${x.deletes[0]!.process} deleted ${x.deletes[0]!.fileName} after the transfer attempt.`,
      x.deletes.map((d) => evidenceOf(d)),
    );
  return out;
}
