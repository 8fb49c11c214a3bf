// Classification of processes, command lines and paths: the analyst's judgement as data
// plus small functions, so each rule can be read, tested and extended on its own.
import { baseName, dirName } from './rows.js';

export const ARCHIVERS = new Set([
  '7z.exe',
  '7za.exe',
  '7zr.exe',
  '7zg.exe',
  '7zfm.exe',
  'rar.exe',
  'winrar.exe',
  'tar.exe',
  'makecab.exe',
  'zip.exe',
  'wzzip.exe',
  'bz.exe',
  'peazip.exe',
]);
export const SHELLS = new Set(['powershell.exe', 'pwsh.exe', 'powershell_ise.exe']);
export const SCRIPT_HOSTS = new Set([...SHELLS, 'cmd.exe', 'wscript.exe', 'cscript.exe', 'mshta.exe', 'python.exe']);
export const BROWSERS = new Set(['msedge.exe', 'chrome.exe', 'firefox.exe', 'iexplore.exe', 'brave.exe', 'opera.exe']);
export const UPLOAD_TOOLS = new Set([
  'rclone.exe',
  'curl.exe',
  'wget.exe',
  'bitsadmin.exe',
  'certutil.exe',
  'pscp.exe',
  'psftp.exe',
  'winscp.exe',
  'ftp.exe',
  'sftp.exe',
  'scp.exe',
  'filezilla.exe',
]);
/** Processes whose archives are downloads, mail attachments, sync or OS servicing, not collection. */
export const BENIGN_ARCHIVE_CREATORS = new Set([
  'msedge.exe',
  'chrome.exe',
  'firefox.exe',
  'iexplore.exe',
  'brave.exe',
  'opera.exe',
  'outlook.exe',
  'teams.exe',
  'ms-teams.exe',
  'onedrive.exe',
  'tiworker.exe',
  'trustedinstaller.exe',
  'msmpeng.exe',
  'mpcmdrun.exe',
  'sense.exe',
  'senseir.exe',
  'mssense.exe',
  'wuauclt.exe',
  'usoclient.exe',
  'musnotification.exe',
  'devenv.exe',
  'code.exe',
  'git.exe',
  'npm.exe',
  'node.exe',
  'dotnet.exe',
  'msbuild.exe',
  'java.exe',
  'gradle.exe',
  'mvn.exe',
  'slack.exe',
  'zoom.exe',
]);
/** Parents that mean "scheduled or managed job", i.e. not an interactive user action. */
export const JOB_PARENTS = new Set([
  'svchost.exe',
  'taskeng.exe',
  'taskhostw.exe',
  'services.exe',
  'ccmexec.exe',
  'intunemanagementextension.exe',
  'agentexecutor.exe',
  'wmiprvse.exe',
]);
export const MANAGEMENT_AGENTS = new Set([
  'ccmexec.exe',
  'intunemanagementextension.exe',
  'agentexecutor.exe',
  'ccmsetup.exe',
  'omadmclient.exe',
  'deviceenroller.exe',
]);

export type LocationClass =
  | 'temp'
  | 'public'
  | 'programdata'
  | 'recycle-bin'
  | 'perflogs'
  | 'unusual-root'
  | 'removable'
  | 'downloads'
  | 'user-content'
  | 'backup'
  | 'development'
  | 'system'
  | 'network-share'
  | 'other';

export const STAGING_LOCATIONS: ReadonlySet<LocationClass> = new Set([
  'temp',
  'public',
  'programdata',
  'recycle-bin',
  'perflogs',
  'unusual-root',
]);

/** The folder of a Defender FolderPath, which usually includes the file name. */
export function folderOf(folderPath: string, fileName: string): string {
  return fileName !== '' && baseName(folderPath).toLowerCase() === fileName.toLowerCase()
    ? dirName(folderPath)
    : folderPath;
}

export function classifyLocation(folder: string): LocationClass {
  const f = folder.toLowerCase().replace(/\//g, '\\');
  if (f.startsWith('\\\\')) return 'network-share';
  if (/^[d-z]:\\/.test(f) && !/^[d-z]:\\(users|windows|program)/.test(f)) {
    // A non-system drive: removable or a data disk; the USB hunt decides which.
    if (/backup/.test(f)) return 'backup';
    return 'removable';
  }
  if (f.includes('\\$recycle.bin')) return 'recycle-bin';
  if (/\\(appdata\\local\\temp|windows\\temp)(\\|$)/.test(f) || /\\temp(\\|$)/.test(f) || /^[a-z]:\\tmp(\\|$)/.test(f))
    return 'temp';
  if (/\\users\\public(\\|$)/.test(f)) return 'public';
  if (/\\perflogs(\\|$)/.test(f)) return 'perflogs';
  if (/backup|\\bak(\\|$)|archive[sd]?(\\|$)/.test(f)) return 'backup';
  if (/\\(source|repos|src|git|projects|dev|workspace|build|node_modules|\.git|target|dist)(\\|$)/.test(f))
    return 'development';
  if (/^[a-z]:\\programdata(\\|$)/.test(f)) return 'programdata';
  if (/^[a-z]:\\(windows|program files|program files \(x86\))(\\|$)/.test(f)) return 'system';
  if (/\\users\\[^\\]+\\downloads(\\|$)/.test(f)) return 'downloads';
  if (/\\users\\[^\\]+\\(documents|desktop|onedrive[^\\]*|pictures|music|videos)(\\|$)/.test(f)) return 'user-content';
  if (/\\users\\[^\\]+\\appdata(\\|$)/.test(f)) return 'other';
  if (/^[a-z]:\\[^\\]+$/.test(f) || /^[a-z]:\\?$/.test(f)) return 'unusual-root';
  if (/^[a-z]:\\users\\[^\\]+$/.test(f)) return 'other';
  if (/^[a-z]:\\(?!users)[^\\]+\\/.test(f)) return 'unusual-root';
  return 'other';
}

export type ExecFlag =
  | 'powershell-encoded'
  | 'powershell-download'
  | 'powershell-hidden'
  | 'powershell-bypass'
  | 'renamed-archiver'
  | 'renamed-upload-tool'
  | 'silent-archiver-install'
  | 'rclone'
  | 'curl-upload'
  | 'bitsadmin-upload'
  | 'upload-tool'
  | 'script-user-writable'
  | 'powershell-collection'
  | 'archiver-run';

const USER_WRITABLE = /\\(users\\public|appdata\\local\\temp|windows\\temp|programdata|downloads|\$recycle\.bin)\\/i;

/** Every flag a process event deserves (the hunt's Reason column keeps only the first). */
export function execFlags(fileName: string, originalName: string, commandLine: string): ExecFlag[] {
  const exe = fileName.toLowerCase();
  const orig = originalName.toLowerCase();
  const cmd = ` ${commandLine.toLowerCase()} `;
  const flags: ExecFlag[] = [];
  const shell = SHELLS.has(exe) || SHELLS.has(orig);
  if (shell) {
    if (/\s[-/](e|ec|en|enc|enco|encod|encode|encoded|encodedcommand)\s/.test(cmd) || cmd.includes('frombase64string'))
      flags.push('powershell-encoded');
    if (
      /downloadstring|downloadfile|invoke-webrequest|invoke-restmethod|net\.webclient|start-bitstransfer|\b(iwr|irm|wget|curl)\s+['"]?https?:\/\//.test(
        cmd,
      )
    )
      flags.push('powershell-download');
    if (/\s[-/]w(in|indow|indowstyle)?\s+h(idden)?\b/.test(cmd)) flags.push('powershell-hidden');
    if (/\s[-/](ep|ex|exec|executionpolicy)\s+(bypass|unrestricted)/.test(cmd)) flags.push('powershell-bypass');
    if (/compress-archive|copy-item|system\.io\.compression|robocopy/.test(cmd)) flags.push('powershell-collection');
  }
  if (orig !== '' && ARCHIVERS.has(orig) && !ARCHIVERS.has(exe)) flags.push('renamed-archiver');
  if (orig !== '' && UPLOAD_TOOLS.has(orig) && !UPLOAD_TOOLS.has(exe)) flags.push('renamed-upload-tool');
  if (
    /(7z|7-zip|winrar|wrar|rar|peazip|bandizip|winzip)[^\\]*\.(exe|msi)/.test(cmd) &&
    /(\s|^)(\/s|\/qn|\/quiet|\/verysilent|\/silent|-s)(\s|$)/.test(cmd)
  )
    flags.push('silent-archiver-install');
  if (exe === 'rclone.exe' || orig === 'rclone.exe') flags.push('rclone');
  if (
    (exe === 'curl.exe' || orig === 'curl.exe') &&
    /(\s-t\s|--upload-file|\s-f\s|--form|--data-binary|\s-d\s+@)/.test(cmd)
  )
    flags.push('curl-upload');
  if (exe === 'bitsadmin.exe' && cmd.includes('/upload')) flags.push('bitsadmin-upload');
  if (
    UPLOAD_TOOLS.has(exe) &&
    !flags.includes('rclone') &&
    !flags.includes('curl-upload') &&
    !flags.includes('bitsadmin-upload')
  )
    flags.push('upload-tool');
  if (SCRIPT_HOSTS.has(exe) && USER_WRITABLE.test(cmd) && /\.(ps1|bat|cmd|vbs|js|hta)\b/.test(cmd))
    flags.push('script-user-writable');
  if (ARCHIVERS.has(exe) || ARCHIVERS.has(orig)) flags.push('archiver-run');
  return flags;
}

/** Flags that alone make an execution suspicious (others need corroboration). */
export const STRONG_EXEC: ReadonlySet<ExecFlag> = new Set([
  'powershell-encoded',
  'powershell-download',
  'powershell-hidden',
  'renamed-archiver',
  'renamed-upload-tool',
  'silent-archiver-install',
  'rclone',
  'curl-upload',
  'bitsadmin-upload',
  'script-user-writable',
]);

export type TransferIntent = 'upload' | 'download' | 'unknown';

/** What a connecting process's command line says it is doing. */
export function transferIntent(commandLine: string): TransferIntent {
  const c = ` ${commandLine.toLowerCase()} `;
  if (
    /-infile|uploadfile|uploaddata|uploadstring|-method\s+['"]?(put|post)|\s-x\s+(put|post)|--upload-file|\s-t\s|\s-f\s|--form|--data-binary|\s-d\s+@|\/upload|rclone(\.exe)?["']?\s+(copy|sync|move|copyto|moveto)|\s(put|mput|send)\s|x-ms-blob-type|azcopy(\.exe)?\s+(copy|sync)|\bscp\b.+:|pscp|psftp|upload/.test(
      c,
    )
  )
    return 'upload';
  if (
    /-outfile|downloadfile|downloadstring|\s-o\s|--output|\/download|\bget\b|invoke-webrequest|\biwr\b|wget|start-bitstransfer/.test(
      c,
    )
  )
    return 'download';
  return 'unknown';
}

export function isUserWritable(path: string): boolean {
  return USER_WRITABLE.test(path.endsWith('\\') ? path : path + '\\');
}
