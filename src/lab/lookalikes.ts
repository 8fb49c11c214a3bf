// Benign activity that looks like data theft to a naive rule: backups that zip and move
// folders, IT installing 7-Zip, developers archiving builds, bulk cloud sync, and software
// that talks to *.blob.core.windows.net. Each returns what it did, for truth.json.
import type { DeviceCtx } from './device.js';
import { SYSTEM, type Proc } from './emit.js';
import { internal, web } from './net.js';
import { DAY, HOUR, MINUTE, formatTicks, type Clock } from './time.js';

export type LookalikeKind =
  | 'nightly-backup'
  | 'intune-7zip-install'
  | 'sccm-7zip-install'
  | 'developer-archive'
  | 'onedrive-bulk-sync'
  | 'teams-large-upload'
  | 'blob-cdn-update'
  | 'defender-blob-upload';

export interface LookalikeRecord {
  readonly kind: LookalikeKind;
  readonly device: string;
  readonly timestamp: string;
}

const BACKUP_SERVER = { host: 'backup01.corp.contoso.com', ip: '10.10.0.30' };

function rec(ctx: DeviceCtx, clock: Clock, kind: LookalikeKind, t: number): LookalikeRecord {
  return { kind, device: ctx.dev.name, timestamp: formatTicks(clock, t) };
}

function ymd(clock: Clock, t: number): string {
  return formatTicks(clock, t).slice(0, 10);
}

/** Seed 002: "a lot of regular archiving logs and moving to a backup folder". */
export function nightlyBackup(ctx: DeviceCtx, clock: Clock, day: number): LookalikeRecord | null {
  const { rng } = ctx;
  const t = Math.trunc(day * DAY + HOUR + rng.int(0, 30) * MINUTE + rng.int(0, MINUTE));
  if (t + 10 * MINUTE >= ctx.end) return null;
  const ps = ctx.proc(
    ctx.sys.svcSched,
    'powershell.exe',
    'powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "C:\\ProgramData\\Contoso\\Backup\\Invoke-NightlyBackup.ps1"',
    t,
  );
  const stamp = ymd(clock, t);
  const sets = ['Documents', 'Desktop', 'ProjectFiles'];
  let tt = t;
  for (const set of sets) {
    tt = ctx.after(tt, rng.int(5, 40));
    const zipName = `${set}_${stamp}.zip`;
    const staging = `C:\\Backup\\Staging\\${zipName}`;
    const sevenZip = ctx.proc(
      ps,
      '7z.exe',
      `"C:\\Program Files\\7-Zip\\7z.exe" a -tzip "${staging}" "${ctx.dev.user.home}\\${set}\\*" -r`,
      tt,
    );
    tt = ctx.after(tt, rng.int(10, 120));
    ctx.file(tt, sevenZip, 'FileCreated', staging, { size: rng.int(5_000_000, 900_000_000) });
    tt = ctx.after(tt, 2);
    ctx.file(tt, ps, 'FileRenamed', `C:\\Backup\\Archive\\${zipName}`, {
      previousFolder: 'C:\\Backup\\Staging',
      previousName: zipName,
    });
  }
  ctx.net(ctx.after(tt, 5), ps, internal(BACKUP_SERVER.host, BACKUP_SERVER.ip, 445));
  return rec(ctx, clock, 'nightly-backup', t);
}

/** IT pushes 7-Zip: Intune Management Extension or the SCCM client, as SYSTEM, silently. */
export function it7zipInstall(ctx: DeviceCtx, clock: Clock, t: number): LookalikeRecord {
  const { rng } = ctx;
  const intune = rng.chance(0.6);
  const agent = intune
    ? ctx.proc(
        ctx.sys.services,
        'IntuneManagementExtension.exe',
        '"C:\\Program Files (x86)\\Microsoft Intune Management Extension\\Microsoft.Management.Services.IntuneWindowsAgent.exe"',
        ctx.after(t, -120),
        { account: SYSTEM, logonId: 999 },
      )
    : ctx.proc(ctx.sys.services, 'CcmExec.exe', 'C:\\Windows\\CCM\\CcmExec.exe', ctx.after(t, -300), {
        account: SYSTEM,
        logonId: 999,
      });
  const cache = intune ? `C:\\Windows\\IMECache\\${rng.guid()}_1` : `C:\\Windows\\ccmcache\\${rng.hex(1)}`;
  const src = intune
    ? web('swdc02-mscdn.manage.microsoft.com')
    : internal('sccm-dp01.corp.contoso.com', '10.10.0.40', 443);
  ctx.net(ctx.after(t, -60), agent, src);
  ctx.file(ctx.after(t, -50), agent, 'FileCreated', `${cache}\\7z2409-x64.msi`, {
    size: 1_986_560,
    originUrl: `https://${src.url}/content/7z2409-x64.msi`,
  });
  const msi = ctx.proc(
    agent,
    'msiexec.exe',
    `"C:\\Windows\\system32\\msiexec.exe" /i "${cache}\\7z2409-x64.msi" /qn /norestart`,
    t,
  );
  for (const f of ['7z.exe', '7z.dll', '7zFM.exe', '7zG.exe'])
    ctx.file(ctx.after(t, 4), msi, 'FileCreated', `C:\\Program Files\\7-Zip\\${f}`);
  ctx.registry(ctx.after(t, 5), msi, 'RegistryKeyCreated', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\7-Zip', '', '', '');
  return rec(ctx, clock, intune ? 'intune-7zip-install' : 'sccm-7zip-install', t);
}

/** A developer packaging a build with tar or Compress-Archive and pushing to GitHub. */
export function developerArchive(ctx: DeviceCtx, clock: Clock, t: number, explorer: Proc): LookalikeRecord {
  const { rng } = ctx;
  const repo = `${ctx.dev.user.home}\\source\\repos\\${rng.pick(['billing-api', 'web-portal', 'data-pipeline', 'mobile-app'])}`;
  const code = ctx.proc(
    explorer,
    'Code.exe',
    `"${ctx.dev.user.home}\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe"`,
    t,
  );
  const shell = ctx.proc(
    code,
    'powershell.exe',
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoExit -Command "Set-Location ' + repo + '"',
    ctx.after(t, 20),
  );
  if (rng.chance(0.5)) {
    const out = `${repo}\\dist\\build-${rng.hex(3)}.tar.gz`;
    const tar = ctx.proc(shell, 'tar.exe', `tar.exe -czf "${out}" -C "${repo}\\build" .`, ctx.after(t, 60));
    ctx.file(ctx.after(t, 64), tar, 'FileCreated', out, { size: rng.int(2_000_000, 80_000_000) });
  } else {
    const out = `${repo}\\dist\\release.zip`;
    ctx.psCommand(ctx.after(t, 60), shell, 'Compress-Archive');
    ctx.file(ctx.after(t, 66), shell, 'FileCreated', out, { size: rng.int(2_000_000, 80_000_000) });
  }
  const git = ctx.proc(shell, 'git.exe', '"C:\\Program Files\\Git\\cmd\\git.exe" push origin main', ctx.after(t, 120));
  ctx.net(ctx.after(t, 121), git, web('github.com'));
  return rec(ctx, clock, 'developer-archive', t);
}

/** Many OneDrive/SharePoint uploads in a burst (folder moved into OneDrive). */
export function onedriveBulkSync(ctx: DeviceCtx, clock: Clock, t: number, onedrive: Proc): LookalikeRecord {
  const { rng } = ctx;
  const n = rng.int(20, 60);
  let tt = t;
  for (let i = 0; i < n; i++) {
    tt = ctx.after(tt, rng.int(0, 3));
    ctx.file(
      tt,
      onedrive,
      'FileCreated',
      `${ctx.dev.user.home}\\OneDrive - Contoso\\Archive\\${rng.hex(4)}.${rng.pick(['docx', 'xlsx', 'pdf', 'zip'])}`,
    );
    ctx.net(ctx.after(tt, 1), onedrive, web('contoso-my.sharepoint.com'));
  }
  return rec(ctx, clock, 'onedrive-bulk-sync', t);
}

export function teamsLargeUpload(ctx: DeviceCtx, clock: Clock, t: number, teams: Proc): LookalikeRecord {
  for (let i = 0; i < 12; i++)
    ctx.net(ctx.after(t, i * 4), teams, web(i % 3 === 0 ? 'contoso.sharepoint.com' : 'teams.microsoft.com'));
  return rec(ctx, clock, 'teams-large-upload', t);
}

/** Updaters and Defender itself use Azure blob storage: the domain alone proves nothing. */
export function blobCdn(ctx: DeviceCtx, clock: Clock, t: number): LookalikeRecord {
  const { rng } = ctx;
  if (rng.chance(0.5)) {
    ctx.net(
      t,
      ctx.sys.mssense,
      web(rng.pick(['automatedirstrprdcus.blob.core.windows.net', 'automatedirstrprdweu.blob.core.windows.net'])),
    );
    return rec(ctx, clock, 'defender-blob-upload', t);
  }
  const upd = ctx.proc(
    ctx.sys.svcSched,
    'MicrosoftEdgeUpdate.exe',
    '"C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\MicrosoftEdgeUpdate.exe" /ua /installsource scheduler',
    t,
  );
  const host = rng.pick([
    'msedgesetup.blob.core.windows.net',
    'vscodeexperiments.blob.core.windows.net',
    'officecdnmac.blob.core.windows.net',
  ]);
  ctx.net(ctx.after(t, 2), upd, web(host));
  ctx.file(
    ctx.after(t, 20),
    upd,
    'FileCreated',
    `C:\\Program Files (x86)\\Microsoft\\EdgeUpdate\\Download\\{${rng.guid().toUpperCase()}}\\setup.exe`,
    { originUrl: `https://${host}/releases/setup.exe` },
  );
  return rec(ctx, clock, 'blob-cdn-update', t);
}
