// Normal work: boot, services and updates around the clock, and the user's working day
// (logon, Office, Teams, OneDrive, browsers, documents, downloads, shares).
import { binary } from './catalog.js';
import type { DeviceCtx, Session } from './device.js';
import { LOCAL_SERVICE, NETWORK_SERVICE, SYSTEM, type Proc } from './emit.js';
import { BROWSING, DEFENDER, internal, M365, UPDATES, web } from './net.js';
import { DNS_SERVER, deviceInfo, networkInfo } from './inventory.js';
import { DAY, HOUR, MINUTE, SECOND, weekday, type Clock } from './time.js';

const FILE_SERVER = { host: 'fs01.corp.contoso.com', ip: '10.10.0.20' };

export function boot(ctx: DeviceCtx, t0: number): void {
  ctx.bootedAt = t0;
  const kernel = ctx.em.register({
    dev: ctx.dev,
    pid: 4,
    bin: binary('ntoskrnl.exe'),
    cmd: '',
    created: Math.max(0, t0 - 8 * SECOND),
    account: SYSTEM,
    logonId: 999,
    integrity: 'System',
    elevation: 'TokenElevationTypeDefault',
    sessionId: 0,
    parent: null,
  });
  const smss = ctx.proc(kernel, 'smss.exe', '\\SystemRoot\\System32\\smss.exe', t0);
  const wininit = ctx.proc(smss, 'wininit.exe', 'wininit.exe', ctx.after(t0, 2));
  ctx.proc(
    smss,
    'csrss.exe',
    '%SystemRoot%\\system32\\csrss.exe ObjectDirectory=\\Windows SharedSection=1024,20480,768 Windows=On SubSystemType=Windows ServerDll=basesrv,1 ServerDll=winsrv:UserServerDllInitialization,3 ServerDll=sxssrv,4 ProfileControl=Off MaxRequestThreads=16',
    ctx.after(t0, 2),
  );
  const services = ctx.proc(wininit, 'services.exe', 'C:\\Windows\\system32\\services.exe', ctx.after(t0, 3));
  const lsass = ctx.proc(wininit, 'lsass.exe', 'C:\\Windows\\system32\\lsass.exe', ctx.after(t0, 3));
  const winlogon = ctx.proc(smss, 'winlogon.exe', 'winlogon.exe', ctx.after(t0, 3));
  const svc = (args: string, account = SYSTEM, s = 5): Proc =>
    ctx.proc(services, 'svchost.exe', `C:\\Windows\\system32\\svchost.exe ${args}`, ctx.after(t0, s), {
      account,
      logonId: account === SYSTEM ? 999 : account === LOCAL_SERVICE ? 997 : 996,
    });
  const svcNet = svc('-k netsvcs -p -s Winmgmt');
  const svcDns = svc('-k NetworkService -p -s Dnscache', NETWORK_SERVICE);
  const svcSched = svc('-k netsvcs -p -s Schedule');
  const svcUpdate = svc('-k netsvcs -p -s wuauserv', SYSTEM, 40);
  svc('-k LocalServiceNetworkRestricted -p -s EventLog', LOCAL_SERVICE);
  svc('-k LocalSystemNetworkRestricted -p -s SysMain');
  const msmpeng = ctx.proc(
    services,
    'MsMpEng.exe',
    '"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25100.9-0\\MsMpEng.exe"',
    ctx.after(t0, 6),
  );
  const mssense = ctx.proc(services, 'MsSense.exe', '"MsSense.exe"', ctx.after(t0, 8));
  const cnc = ctx.proc(
    mssense,
    'SenseCncProxy.exe',
    '"SenseCncProxy.exe" "Global\\Sense_CNC_Proxy"',
    ctx.after(t0, 12),
  );
  ctx.proc(services, 'SearchIndexer.exe', 'C:\\Windows\\system32\\SearchIndexer.exe /Embedding', ctx.after(t0, 30));
  for (const [p, port] of [
    [lsass, 49664],
    [wininit, 49665],
    [services, 49669],
    [svcNet, 135],
  ] as const)
    ctx.listen(ctx.after(t0, 20), p, port);
  ctx.sys = { services, lsass, winlogon, svcNet, svcDns, svcSched, svcUpdate, msmpeng, mssense, cnc };
  for (const dll of ['ntdll.dll', 'kernel32.dll', 'mpclient.dll', 'wintrust.dll'])
    ctx.image(ctx.after(t0, 7), msmpeng, dll);
  ctx.registry(
    ctx.after(t0, 9),
    svcNet,
    'RegistryValueSet',
    'HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\bam\\State\\UserSettings',
    'Version',
    'REG_DWORD',
    '1',
  );
}

/** Heartbeats, DNS, Defender, updates: every hour of every day. */
export function background(ctx: DeviceCtx, day: number, density: number): void {
  const { rng, dev } = ctx;
  const d0 = day * DAY;
  for (let h = 0; h < 24; h++) {
    const th = d0 + h * HOUR;
    if (th >= ctx.end) break;
    ctx.em.emit('DeviceInfo', th + rng.int(0, MINUTE), dev, null, deviceInfo(ctx, day));
    if (h % 6 === 0) ctx.em.emit('DeviceNetworkInfo', th + rng.int(0, MINUTE), dev, null, networkInfo(ctx));
    const n = Math.round((4 + rng.int(0, 4)) * density);
    for (let i = 0; i < n; i++) {
      const t = Math.max(th + rng.int(0, HOUR - 1), ctx.bootedAt + MINUTE + i * SECOND);
      const r = rng.int(0, 11);
      if (r < 4) ctx.net(t, ctx.sys.svcDns, internal('', DNS_SERVER, 53, 'Udp'));
      else if (r < 6) ctx.net(t, ctx.sys.cnc, web(rng.pick(DEFENDER)));
      else if (r < 7) ctx.net(t, ctx.sys.msmpeng, web('wdcp.microsoft.com'));
      else if (r < 8) ctx.net(t, ctx.sys.svcNet, web('settings-win.data.microsoft.com'));
      else if (r < 9)
        ctx.registry(
          t,
          ctx.sys.svcNet,
          'RegistryValueSet',
          'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Orchestrator',
          'LastScanTime',
          'REG_QWORD',
          String(1_700_000_000 + day * 86_400 + h * 3600),
        );
      else if (r < 10)
        ctx.net(t, ctx.sys.svcNet, internal('dc01.corp.contoso.com', '10.10.0.5', rng.pick([389, 88, 445, 135])));
      else if (r < 11)
        ctx.net(
          t,
          rng.chance(0.5) ? ctx.sys.svcNet : ctx.sys.cnc,
          web(rng.pick([...UPDATES, ...DEFENDER, 'ocsp.digicert.com', 'crl.microsoft.com'])),
          'ConnectionFailed',
        );
      else ctx.inbound(t, ctx.sys.svcNet, '10.10.0.50', rng.pick([135, 445, 5985]));
    }
  }
  // Daily: Defender signature update and a Windows Update scan.
  const tu = d0 + rng.int(2 * HOUR, 5 * HOUR);
  if (tu < ctx.end) {
    const worker = ctx.proc(
      ctx.sys.svcUpdate,
      'MoUsoCoreWorker.exe',
      'C:\\Windows\\System32\\mousocoreworker.exe -Embedding',
      tu,
    );
    ctx.image(ctx.after(tu, 1), worker, 'wuapi.dll');
    for (let i = 0; i < 3; i++) ctx.net(ctx.after(tu, 5 + i * 20), worker, web(rng.pick(UPDATES)));
    ctx.net(ctx.after(tu, 90), ctx.sys.msmpeng, web('definitionupdates.microsoft.com'));
    ctx.file(
      ctx.after(tu, 95),
      ctx.sys.msmpeng,
      'FileCreated',
      `C:\\ProgramData\\Microsoft\\Windows Defender\\Definition Updates\\{${rng.guid().toUpperCase()}}\\mpavdlta.vdm`,
      { size: rng.int(500_000, 4_000_000) },
    );
  }
}

/** Is lab day `day` a working day for this user? */
export function worksOn(ctx: DeviceCtx, clock: Clock, day: number): boolean {
  const wd = weekday(clock, day);
  if (wd === 0 || wd === 6) return ctx.dev.user.weekendWorker && ctx.rng.chance(0.4);
  return !ctx.rng.chance(0.05);
}

/** Logon and session start; returns the session (explorer is the shell of every user app). */
export function startSession(ctx: DeviceCtx, start: number, end: number, type = 'Interactive'): Session {
  const { rng } = ctx;
  const logonId = rng.int(1_000_000, 90_000_000);
  const acct = ctx.userAccount;
  ctx.logon(start, ctx.sys.winlogon, type, acct, logonId, { admin: ctx.dev.user.role === 'it-admin' });
  const userinit = ctx.proc(
    ctx.sys.winlogon,
    'userinit.exe',
    'C:\\Windows\\system32\\userinit.exe',
    ctx.after(start, 2),
    { account: acct, logonId, sessionId: 1 },
  );
  const explorer = ctx.proc(userinit, 'explorer.exe', 'C:\\Windows\\Explorer.EXE', ctx.after(start, 3));
  ctx.proc(ctx.sys.svcSched, 'sihost.exe', 'sihost.exe', ctx.after(start, 3), {
    account: acct,
    logonId,
    sessionId: 1,
    integrity: 'Medium',
    elevation: 'TokenElevationTypeLimited',
  });
  for (const dll of ['shell32.dll', 'windows.storage.dll', 'twinapi.appcore.dll'])
    ctx.image(ctx.after(start, 4), explorer, dll);
  const s: Session = { start, end, explorer, logonId };
  ctx.sessions.push(s);
  return s;
}

export interface Apps {
  readonly outlook: Proc;
  readonly teams: Proc;
  readonly onedrive: Proc;
  readonly browser: Proc;
}

const DOC_NAMES = [
  'Quarterly Report',
  'Budget 2026',
  'Project Plan',
  'Meeting Notes',
  'Customer List',
  'Roadmap',
  'Invoice',
  'Proposal',
  'Org Chart',
  'Status Update',
  'Contract Draft',
  'Forecast',
];
const EXTS = ['docx', 'xlsx', 'pptx', 'pdf'];

/** The user's working day. */
export function workDay(ctx: DeviceCtx, day: number, density: number): (Apps & { session: Session }) | null {
  const { rng, dev } = ctx;
  const u = dev.user;
  const start = Math.trunc(day * DAY + (u.workStart * 60 + rng.int(-20, 25)) * MINUTE + rng.int(0, MINUTE));
  const end = Math.min(ctx.end - MINUTE, Math.trunc(day * DAY + (u.workEnd * 60 + rng.int(-30, 60)) * MINUTE));
  if (end <= start + HOUR) return null;
  const s = startSession(ctx, start, end);
  const e = s.explorer;
  const home = u.home;
  const apps: Apps = {
    onedrive: ctx.proc(
      e,
      'OneDrive.exe',
      `"${home}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /background`,
      ctx.after(start, 8),
    ),
    teams: ctx.proc(e, 'ms-teams.exe', '"ms-teams.exe" msteams:system-initiated', ctx.after(start, 12)),
    outlook: ctx.proc(
      e,
      'OUTLOOK.EXE',
      '"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE" ',
      ctx.after(start, 40),
    ),
    browser: browser(ctx, e, ctx.after(start, 60)),
  };
  for (const p of [apps.onedrive, apps.teams, apps.outlook, apps.browser]) {
    for (const dll of ['ntdll.dll', 'kernel32.dll', 'user32.dll']) ctx.image(ctx.after(p.created, 0), p, dll);
  }
  ctx.net(ctx.after(start, 9), apps.onedrive, web('login.microsoftonline.com'));
  const perHour = 28 * density;
  let t = start + 2 * MINUTE;
  while (t < end) {
    t += Math.max(SECOND, Math.trunc(rng.exp(HOUR / perHour)));
    if (t >= end) break;
    activity(ctx, t, apps, e);
  }
  if (u.role === 'it-admin' || (u.role === 'developer' && rng.chance(0.2)))
    adminPowerShell(ctx, s, Math.trunc(start + (end - start) * rng.float()));
  return { ...apps, session: s };
}

const ADMIN_COMMANDS: readonly (readonly [string, string])[] = [
  [
    'Get-ADUser',
    'Get-ADUser -Filter * -SearchBase "OU=Staff,DC=corp,DC=contoso,DC=com" | Export-Csv C:\\Temp\\users.csv',
  ],
  ['Invoke-Command', 'Invoke-Command -ComputerName fs01 -ScriptBlock { Get-SmbShare }'],
  ['Test-NetConnection', 'Test-NetConnection sccm-dp01.corp.contoso.com -Port 443'],
  [
    'Invoke-WebRequest',
    'Invoke-WebRequest https://github.com/PowerShell/PowerShell/releases/download/v7.5.4/PowerShell-7.5.4-win-x64.msi -OutFile C:\\Temp\\pwsh.msi',
  ],
  ['Get-WinEvent', 'Get-WinEvent -LogName Security -MaxEvents 200'],
];

/** Administrators' elevated PowerShell: remote commands, AD queries, the odd download. */
function adminPowerShell(ctx: DeviceCtx, s: Session, t: number): void {
  const { rng } = ctx;
  const ps = ctx.proc(
    s.explorer,
    'powershell.exe',
    '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"',
    t,
    { integrity: 'High', elevation: 'TokenElevationTypeFull' },
  );
  ctx.proc(ps, 'conhost.exe', '\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1', ctx.after(t, 0));
  let tt = t;
  for (let i = rng.int(2, 5); i > 0; i--) {
    tt = ctx.after(tt, rng.int(20, 600));
    const [cmdlet, line] = rng.pick(ADMIN_COMMANDS);
    ctx.deviceEvent(tt, ps, 'PowerShellCommand', { AdditionalFields: JSON.stringify({ Command: cmdlet }) });
    if (cmdlet === 'Invoke-Command')
      ctx.net(ctx.after(tt, 0), ps, internal('fs01.corp.contoso.com', FILE_SERVER.ip, 5985));
    else if (cmdlet === 'Get-ADUser')
      ctx.net(ctx.after(tt, 0), ps, internal('dc01.corp.contoso.com', '10.10.0.5', 9389));
    else if (cmdlet === 'Invoke-WebRequest') {
      ctx.net(ctx.after(tt, 0), ps, web('github.com'));
      ctx.file(ctx.after(tt, 4), ps, 'FileCreated', 'C:\\Temp\\pwsh.msi', {
        size: 108_000_000,
        originUrl: line.split(' ')[1],
      });
    }
  }
}

function browser(ctx: DeviceCtx, explorer: Proc, t: number): Proc {
  const name = ctx.rng.chance(0.7) ? 'msedge.exe' : 'chrome.exe';
  return ctx.proc(explorer, name, `"${binary(name).dir}\\${name}" --no-startup-window`, t);
}

function activity(ctx: DeviceCtx, t: number, apps: Apps, explorer: Proc): void {
  const { rng } = ctx;
  const home = ctx.dev.user.home;
  const r = rng.int(0, 99);
  if (r < 14) ctx.net(t, apps.outlook, web(rng.pick(M365.outlook)));
  else if (r < 26) ctx.net(t, apps.teams, web(rng.pick(M365.teams)));
  else if (r < 46) {
    const host = rng.pick(BROWSING);
    ctx.net(t, apps.browser, web(host));
    if (rng.chance(0.3)) ctx.net(ctx.after(t, 0), ctx.sys.svcDns, internal('', DNS_SERVER, 53, 'Udp'));
  } else if (r < 54) {
    // OneDrive sync of a document edited locally.
    const name = `${rng.pick(DOC_NAMES)}.${rng.pick(EXTS)}`;
    const path = `${home}\\OneDrive - Contoso\\Documents\\${name}`;
    ctx.file(t, apps.onedrive, rng.chance(0.7) ? 'FileModified' : 'FileCreated', path);
    ctx.net(ctx.after(t, 2), apps.onedrive, web(rng.pick(M365.sharepoint)));
  } else if (r < 66) {
    officeDoc(ctx, t, explorer);
  } else if (r < 72) {
    // Download through the browser.
    const name = `${rng.pick(DOC_NAMES).replace(/ /g, '_')}_${rng.int(1, 99)}.${rng.pick(['pdf', 'xlsx', 'docx', 'zip', 'png'])}`;
    const host = rng.pick([
      'github.com',
      'learn.microsoft.com',
      'contoso.sharepoint.com',
      'www.dropbox.com',
      'drive.google.com',
    ]);
    ctx.file(t, apps.browser, 'FileCreated', `${home}\\Downloads\\${name}`, {
      originUrl: `https://${host}/download/${rng.hex(6)}/${encodeURIComponent(name)}`,
      referrer: `https://${host}/`,
      originIp: web(host).ip,
    });
    if (rng.chance(0.2)) ctx.file(ctx.after(t, 30), explorer, 'FileDeleted', `${home}\\Downloads\\${name}`);
  } else if (r < 80) {
    // Temp files: created, renamed, deleted.
    const tmp = `${home}\\AppData\\Local\\Temp\\${rng.hex(4).toUpperCase()}.tmp`;
    ctx.file(t, apps.outlook, 'FileCreated', tmp, { size: rng.int(1000, 90_000) });
    if (rng.chance(0.5))
      ctx.file(ctx.after(t, 1), apps.outlook, 'FileRenamed', tmp.replace('.tmp', '.dat'), {
        previousFolder: tmp.slice(0, tmp.lastIndexOf('\\')),
        previousName: tmp.slice(tmp.lastIndexOf('\\') + 1),
      });
    ctx.file(ctx.after(t, 5), apps.outlook, 'FileDeleted', tmp);
  } else if (r < 86) {
    ctx.net(t, explorer, internal(FILE_SERVER.host, FILE_SERVER.ip, 445));
  } else if (r < 92) {
    ctx.net(t, apps.teams, web(rng.pick(M365.sharepoint)));
  } else if (r < 96) {
    ctx.net(t, apps.outlook, web(rng.pick(M365.office)));
  } else {
    ctx.registry(
      t,
      explorer,
      'RegistryValueSet',
      `HKEY_CURRENT_USER\\${ctx.dev.user.sid}\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\RecentDocs`,
      'MRUListEx',
      'REG_BINARY',
      rng.hex(8),
    );
  }
}

function officeDoc(ctx: DeviceCtx, t: number, explorer: Proc): void {
  const { rng } = ctx;
  const ext = rng.pick(['docx', 'xlsx', 'pptx']);
  const exe = ext === 'docx' ? 'WINWORD.EXE' : ext === 'xlsx' ? 'EXCEL.EXE' : 'POWERPNT.EXE';
  const path = `${ctx.dev.user.home}\\Documents\\${rng.pick(DOC_NAMES)}.${ext}`;
  const app = ctx.proc(explorer, exe, `"C:\\Program Files\\Microsoft Office\\root\\Office16\\${exe}" /n "${path}"`, t);
  ctx.image(ctx.after(t, 1), app, 'mso.dll', 'C:\\Program Files\\Common Files\\Microsoft Shared\\Office16');
  ctx.net(ctx.after(t, 3), app, web(rng.pick(M365.office)));
  const owner = `${path.slice(0, path.lastIndexOf('\\'))}\\~$${path.slice(path.lastIndexOf('\\') + 3)}`;
  ctx.file(ctx.after(t, 2), app, 'FileCreated', owner, { size: 162 });
  ctx.file(ctx.after(t, rng.int(60, 1800)), app, 'FileModified', path);
  ctx.file(ctx.after(t, rng.int(1800, 2400)), app, 'FileDeleted', owner);
}
