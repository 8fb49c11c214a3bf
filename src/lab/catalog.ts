// The executables a Windows fleet runs, with the version resources and hashes Defender reports.
// Hashes are derived from (name, version) so a binary has the same SHA1 on every device and in
// every run, as real binaries do.
import { createHash } from 'node:crypto';

export interface Binary {
  readonly fileName: string;
  /** Directory; `{home}` expands to the user's profile (per-user installs such as OneDrive). */
  readonly dir: string;
  readonly company: string;
  readonly product: string;
  readonly version: string;
  readonly internalName: string;
  readonly originalName: string;
  readonly description: string;
  readonly size: number;
  readonly sha1: string;
  readonly sha256: string;
  readonly md5: string;
  readonly signer: 'OsVendor' | 'Microsoft' | 'ThirdParty' | 'Unknown';
  readonly signatureStatus: 'Valid' | 'Unsigned' | 'Unknown';
  readonly signerName: string;
}

function h(algo: string, s: string): string {
  return createHash(algo).update(s).digest('hex');
}

interface BinSpec {
  readonly dir: string;
  readonly company?: string;
  readonly product?: string;
  readonly version?: string;
  readonly description: string;
  readonly size: number;
  readonly signer?: Binary['signer'];
  readonly original?: string;
}

const WIN = 'Microsoft Corporation';
const WINP = 'Microsoft® Windows® Operating System';
const OSV = '10.0.22621.4541';
const S32 = 'C:\\Windows\\System32';
const OFFICE = 'C:\\Program Files\\Microsoft Office\\root\\Office16';

const SPECS: Readonly<Record<string, BinSpec>> = {
  'ntoskrnl.exe': { dir: S32, description: 'NT Kernel & System', size: 12_066_184, signer: 'OsVendor' },
  'smss.exe': { dir: S32, description: 'Windows Session Manager', size: 182_272, signer: 'OsVendor' },
  'csrss.exe': { dir: S32, description: 'Client Server Runtime Process', size: 17_920, signer: 'OsVendor' },
  'wininit.exe': { dir: S32, description: 'Windows Start-Up Application', size: 450_560, signer: 'OsVendor' },
  'services.exe': { dir: S32, description: 'Services and Controller app', size: 716_800, signer: 'OsVendor' },
  'lsass.exe': { dir: S32, description: 'Local Security Authority Process', size: 83_128, signer: 'OsVendor' },
  'svchost.exe': { dir: S32, description: 'Host Process for Windows Services', size: 57_360, signer: 'OsVendor' },
  'winlogon.exe': { dir: S32, description: 'Windows Logon Application', size: 917_504, signer: 'OsVendor' },
  'userinit.exe': { dir: S32, description: 'Userinit Logon Application', size: 32_768, signer: 'OsVendor' },
  'explorer.exe': { dir: 'C:\\Windows', description: 'Windows Explorer', size: 5_479_424, signer: 'OsVendor' },
  'sihost.exe': { dir: S32, description: 'Shell Infrastructure Host', size: 126_976, signer: 'OsVendor' },
  'taskhostw.exe': { dir: S32, description: 'Host Process for Windows Tasks', size: 101_912, signer: 'OsVendor' },
  'RuntimeBroker.exe': { dir: S32, description: 'Runtime Broker', size: 139_264, signer: 'OsVendor' },
  'SearchIndexer.exe': {
    dir: S32,
    description: 'Microsoft Windows Search Indexer',
    size: 1_196_032,
    signer: 'OsVendor',
  },
  'MoUsoCoreWorker.exe': { dir: S32, description: 'MoUSO Core Worker Process', size: 1_437_696, signer: 'OsVendor' },
  'conhost.exe': { dir: S32, description: 'Console Window Host', size: 897_024, signer: 'OsVendor' },
  'cmd.exe': { dir: S32, description: 'Windows Command Processor', size: 323_584, signer: 'OsVendor' },
  'powershell.exe': {
    dir: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
    description: 'Windows PowerShell',
    size: 450_560,
    signer: 'OsVendor',
    original: 'PowerShell.EXE',
  },
  'msiexec.exe': { dir: S32, description: 'Windows® installer', size: 69_632, signer: 'OsVendor' },
  'tar.exe': {
    dir: S32,
    company: 'libarchive',
    product: 'bsdtar',
    version: '3.7.2',
    description: 'bsdtar archive tool',
    size: 58_880,
    signer: 'OsVendor',
  },
  'curl.exe': {
    dir: S32,
    company: 'curl, https://curl.se/',
    product: 'The curl executable',
    version: '8.9.1.0',
    description: 'The curl executable',
    size: 630_784,
    signer: 'OsVendor',
  },
  'makecab.exe': { dir: S32, description: 'Microsoft® Cabinet Maker', size: 70_144, signer: 'OsVendor' },
  'robocopy.exe': { dir: S32, description: 'Microsoft® Robocopy', size: 133_120, signer: 'OsVendor' },
  'schtasks.exe': { dir: S32, description: 'Task Scheduler Configuration Tool', size: 235_520, signer: 'OsVendor' },
  'MsMpEng.exe': {
    dir: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.25100.9-0',
    product: 'Microsoft® Windows® Operating System',
    version: '4.18.25100.9',
    description: 'Antimalware Service Executable',
    size: 133_432,
    signer: 'Microsoft',
  },
  'MsSense.exe': {
    dir: 'C:\\Program Files\\Windows Defender Advanced Threat Protection',
    product: 'Microsoft Defender for Endpoint',
    version: '10.8760.22621.1234',
    description: 'Windows Defender Advanced Threat Protection Service Executable',
    size: 4_972_368,
    signer: 'Microsoft',
  },
  'SenseCncProxy.exe': {
    dir: 'C:\\Program Files\\Windows Defender Advanced Threat Protection',
    product: 'Microsoft Defender for Endpoint',
    version: '10.8760.22621.1234',
    description: 'Communication module',
    size: 1_391_872,
    signer: 'Microsoft',
  },
  'IntuneManagementExtension.exe': {
    dir: 'C:\\Program Files (x86)\\Microsoft Intune Management Extension',
    product: 'Microsoft Intune Management Extension',
    version: '1.83.107.0',
    description: 'Microsoft Intune Management Extension',
    size: 62_392,
    signer: 'Microsoft',
  },
  'AgentExecutor.exe': {
    dir: 'C:\\Program Files (x86)\\Microsoft Intune Management Extension',
    product: 'Microsoft Intune Management Extension',
    version: '1.83.107.0',
    description: 'AgentExecutor',
    size: 50_104,
    signer: 'Microsoft',
  },
  'CcmExec.exe': {
    dir: 'C:\\Windows\\CCM',
    product: 'System Center Configuration Manager',
    version: '5.0.9128.1007',
    description: 'CCM Executive',
    size: 2_893_168,
    signer: 'Microsoft',
  },
  'OneDrive.exe': {
    dir: '{home}\\AppData\\Local\\Microsoft\\OneDrive',
    product: 'Microsoft OneDrive',
    version: '25.204.1019.0004',
    description: 'Microsoft OneDrive',
    size: 3_912_584,
    signer: 'Microsoft',
  },
  'ms-teams.exe': {
    dir: 'C:\\Program Files\\WindowsApps\\MSTeams_25290.205.4069.4894_x64__8wekyb3d8bbwe',
    product: 'Microsoft Teams',
    version: '25290.205.4069.4894',
    description: 'Microsoft Teams',
    size: 1_105_728,
    signer: 'Microsoft',
  },
  'msedge.exe': {
    dir: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application',
    product: 'Microsoft Edge',
    version: '142.0.3595.80',
    description: 'Microsoft Edge',
    size: 4_210_104,
    signer: 'Microsoft',
  },
  'MicrosoftEdgeUpdate.exe': {
    dir: 'C:\\Program Files (x86)\\Microsoft\\EdgeUpdate',
    product: 'Microsoft Edge Update',
    version: '1.3.209.9',
    description: 'Microsoft Edge Update',
    size: 206_208,
    signer: 'Microsoft',
  },
  'chrome.exe': {
    dir: 'C:\\Program Files\\Google\\Chrome\\Application',
    company: 'Google LLC',
    product: 'Google Chrome',
    version: '142.0.7444.135',
    description: 'Google Chrome',
    size: 3_117_336,
    signer: 'ThirdParty',
  },
  'OUTLOOK.EXE': {
    dir: OFFICE,
    product: 'Microsoft Outlook',
    version: '16.0.19328.20178',
    description: 'Microsoft Outlook',
    size: 43_518_320,
    signer: 'Microsoft',
  },
  'WINWORD.EXE': {
    dir: OFFICE,
    product: 'Microsoft Office',
    version: '16.0.19328.20178',
    description: 'Microsoft Word',
    size: 1_637_808,
    signer: 'Microsoft',
  },
  'EXCEL.EXE': {
    dir: OFFICE,
    product: 'Microsoft Office',
    version: '16.0.19328.20178',
    description: 'Microsoft Excel',
    size: 72_186_800,
    signer: 'Microsoft',
  },
  'POWERPNT.EXE': {
    dir: OFFICE,
    product: 'Microsoft Office',
    version: '16.0.19328.20178',
    description: 'Microsoft PowerPoint',
    size: 1_869_224,
    signer: 'Microsoft',
  },
  'Code.exe': {
    dir: '{home}\\AppData\\Local\\Programs\\Microsoft VS Code',
    product: 'Visual Studio Code',
    version: '1.106.2',
    description: 'Visual Studio Code',
    size: 182_104_368,
    signer: 'Microsoft',
  },
  'git.exe': {
    dir: 'C:\\Program Files\\Git\\cmd',
    company: 'The Git Development Community',
    product: 'Git',
    version: '2.51.2.1',
    description: 'Git for Windows',
    size: 45_904,
    signer: 'ThirdParty',
  },
  '7z.exe': {
    dir: 'C:\\Program Files\\7-Zip',
    company: 'Igor Pavlov',
    product: '7-Zip',
    version: '24.09',
    description: '7-Zip Console',
    size: 578_048,
    signer: 'Unknown',
  },
  '7zG.exe': {
    dir: 'C:\\Program Files\\7-Zip',
    company: 'Igor Pavlov',
    product: '7-Zip',
    version: '24.09',
    description: '7-Zip GUI',
    size: 712_192,
    signer: 'Unknown',
  },
  '7z2409-x64.exe': {
    dir: '{temp}',
    company: 'Igor Pavlov',
    product: '7-Zip',
    version: '24.09',
    description: '7-Zip Installer',
    size: 1_643_472,
    signer: 'Unknown',
  },
  'Rar.exe': {
    dir: 'C:\\Program Files\\WinRAR',
    company: 'Alexander Roshal',
    product: 'WinRAR',
    version: '7.13.0',
    description: 'Command line RAR',
    size: 781_424,
    signer: 'ThirdParty',
  },
  'winrar-x64-713.exe': {
    dir: '{temp}',
    company: 'Alexander Roshal',
    product: 'WinRAR',
    version: '7.13.0',
    description: 'WinRAR installer',
    size: 4_030_576,
    signer: 'ThirdParty',
  },
  'rclone.exe': {
    dir: '{temp}',
    company: 'https://rclone.org',
    product: 'Rclone',
    version: '1.71.2',
    description: 'Rclone is a command line program to manage files on cloud storage.',
    size: 67_112_448,
    signer: 'Unknown',
  },
  'azcopy.exe': {
    dir: '{temp}',
    product: 'AzCopy',
    version: '10.30.1',
    description: 'AzCopy',
    size: 37_212_160,
    signer: 'Microsoft',
  },
};

const CACHE = new Map<string, Binary>();

/** The catalog entry, optionally renamed on disk (version resources keep the original name). */
export function binary(name: string, renamedTo?: string): Binary {
  const key = renamedTo === undefined ? name : `${name}>${renamedTo}`;
  const hit = CACHE.get(key);
  if (hit !== undefined) return hit;
  const spec = SPECS[name];
  if (spec === undefined) throw new Error(`lab catalog: unknown binary ${name}`);
  const company = spec.company ?? WIN;
  const version = spec.version ?? OSV;
  const id = `${name}|${version}`;
  const signer = spec.signer ?? 'Microsoft';
  const bin: Binary = {
    fileName: renamedTo ?? name,
    dir: spec.dir,
    company,
    product: spec.product ?? WINP,
    version,
    internalName: (spec.original ?? name).replace(/\.(exe|EXE)$/, ''),
    originalName: spec.original ?? name,
    description: spec.description,
    size: spec.size,
    sha1: h('sha1', id),
    sha256: h('sha256', id),
    md5: h('md5', id),
    signer,
    signatureStatus: signer === 'Unknown' ? 'Unknown' : 'Valid',
    signerName: signer === 'ThirdParty' ? company : signer === 'Unknown' ? '' : 'Microsoft Windows',
  };
  CACHE.set(key, bin);
  return bin;
}

export function knownBinaries(): readonly string[] {
  return Object.keys(SPECS);
}
