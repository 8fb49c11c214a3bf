// What a malicious run can vary, as data: archivers, destinations, staging places, timing.
import type { Rng } from '../prng.js';

export type Tool = '7zip' | 'winrar' | 'compress-archive' | 'tar' | 'makecab';
export type Destination =
  | 'azure-blob'
  | 's3'
  | 'dropbox'
  | 'mega'
  | 'google-drive'
  | 'onedrive-personal'
  | 'rclone-ftp'
  | 'rclone-sftp'
  | 'curl';
export type Outcome = 'success' | 'failed' | 'blocked-network-protection' | 'blocked-smartscreen' | 'none';
export type Uploader = 'powershell' | 'curl' | 'rclone' | 'browser';

export interface ToolSpec {
  /** Catalog binary that archives (null: PowerShell itself, Compress-Archive). */
  readonly binary: string | null;
  /** Installer downloaded by the script (T1105), if the tool is not built in. */
  readonly installer: {
    readonly file: string;
    readonly url: string;
    readonly host: string;
    readonly installs: readonly string[];
  } | null;
  readonly ext: string;
  readonly command: (exe: string, archive: string, staging: string) => string;
}

export const TOOLS: Readonly<Record<Tool, ToolSpec>> = {
  '7zip': {
    binary: '7z.exe',
    installer: {
      file: '7z2409-x64.exe',
      url: 'https://www.7-zip.org/a/7z2409-x64.exe',
      host: 'www.7-zip.org',
      installs: ['7z.exe', '7z.dll', '7zFM.exe', '7zG.exe'],
    },
    ext: 'zip',
    command: (exe, archive, staging) => `"${exe}" a "${archive}" "${staging}\\*"`,
  },
  winrar: {
    binary: 'Rar.exe',
    installer: {
      file: 'winrar-x64-713.exe',
      url: 'https://www.win-rar.com/fileadmin/winrar-versions/winrar/winrar-x64-713.exe',
      host: 'www.win-rar.com',
      installs: ['Rar.exe', 'WinRAR.exe', 'UnRAR.exe'],
    },
    ext: 'rar',
    command: (exe, archive, staging) => `"${exe}" a -ep1 -r -hpS3cr3t! "${archive}" "${staging}\\*"`,
  },
  'compress-archive': {
    binary: null,
    installer: null,
    ext: 'zip',
    command: (_exe, archive, staging) => `Compress-Archive -Path "${staging}\\*" -DestinationPath "${archive}" -Force`,
  },
  tar: {
    binary: 'tar.exe',
    installer: null,
    ext: 'zip',
    command: (exe, archive, staging) => `"${exe}" -a -c -f "${archive}" -C "${staging}" .`,
  },
  makecab: {
    binary: 'makecab.exe',
    installer: null,
    ext: 'cab',
    command: (exe, archive, staging) =>
      `"${exe}" /F "${staging}\\files.ddf" /D CabinetNameTemplate=${archive.slice(archive.lastIndexOf('\\') + 1)}`,
  },
};

export interface DestinationSpec {
  readonly uploader: Uploader;
  readonly host: (rng: Rng) => string;
  readonly port: number;
  readonly techniques: readonly string[];
  readonly path: (rng: Rng, file: string) => string;
}

const words = ['backup', 'share', 'files', 'data', 'archive', 'store', 'sync', 'media'];

export const DESTINATIONS: Readonly<Record<Destination, DestinationSpec>> = {
  'azure-blob': {
    uploader: 'powershell',
    host: (r) => `sa${r.pick(words)}${r.hex(3)}.blob.core.windows.net`,
    port: 443,
    techniques: ['T1567.002', 'T1071.001'],
    path: (r, f) =>
      `/${r.pick(['stolencompanydata', 'uploads', 'transfer', 'bk'])}/${f}?sv=2022-11-02&ss=b&srt=co&sp=rwac&sig=${r.hex(16)}`,
  },
  s3: {
    uploader: 'curl',
    host: (r) => `${r.pick(words)}-${r.hex(3)}.s3.amazonaws.com`,
    port: 443,
    techniques: ['T1567.002', 'T1071.001'],
    path: (_r, f) => `/${f}`,
  },
  dropbox: {
    uploader: 'powershell',
    host: () => 'content.dropboxapi.com',
    port: 443,
    techniques: ['T1567.002', 'T1071.001'],
    path: () => '/2/files/upload',
  },
  mega: {
    uploader: 'browser',
    host: (r) => `gfs${r.int(200, 299)}n${r.int(100, 199)}.userstorage.mega.co.nz`,
    port: 443,
    techniques: ['T1567.002', 'T1071.001'],
    path: (r) => `/ul/${r.hex(12)}`,
  },
  'google-drive': {
    uploader: 'browser',
    host: () => 'www.googleapis.com',
    port: 443,
    techniques: ['T1567.002', 'T1071.001'],
    path: () => '/upload/drive/v3/files?uploadType=resumable',
  },
  'onedrive-personal': {
    uploader: 'browser',
    host: () => 'api.onedrive.com',
    port: 443,
    techniques: ['T1567.002', 'T1071.001'],
    path: () => '/v1.0/drive/root:/Documents:/content',
  },
  'rclone-ftp': { uploader: 'rclone', host: () => '', port: 21, techniques: ['T1048.003'], path: () => '' },
  'rclone-sftp': { uploader: 'rclone', host: () => '', port: 22, techniques: ['T1048.002'], path: () => '' },
  curl: {
    uploader: 'curl',
    host: () => 'transfer.sh',
    port: 443,
    techniques: ['T1567', 'T1071.001'],
    path: (_r, f) => `/${f}`,
  },
};

export interface Variant {
  readonly tool: Tool;
  readonly destination: Destination;
  readonly outcome: Outcome;
  readonly stagingDir: string;
  readonly scriptPath: string;
  readonly archiveBase: string;
  /** Archiver copied under a harmless name (ProcessVersionInfoOriginalFileName still says 7z.exe). */
  readonly renamedTo: string | null;
  readonly host: string;
  readonly remoteIp: string | null;
  readonly urlPath: string;
  /** Seconds from archive to transfer. */
  readonly delaySeconds: number;
}

export function stagingDirs(home: string): readonly string[] {
  return [
    'C:\\ProgramData\\staging',
    'C:\\ProgramData\\Microsoft\\Crypto\\Cache',
    `${home}\\AppData\\Local\\Temp\\wct${'A3F1'}`,
    'C:\\Users\\Public\\Documents\\reports',
    'C:\\Windows\\Temp\\upd',
    `${home}\\Music\\old`,
    'C:\\PerfLogs\\data',
  ];
}

export const RENAMES = ['svchelper.exe', 'AdobeUpdater.exe', 'OneDriveSync.exe', 'wuaudt.exe', 'rundll64.exe'];

export function delayFor(rng: Rng): number {
  const kind = rng.weighted([
    ['minutes', 5],
    ['hours', 3],
    ['days', 2],
  ] as const);
  if (kind === 'minutes') return rng.int(45, 30 * 60);
  if (kind === 'hours') return rng.int(3600, 10 * 3600);
  return rng.int(86_400, 3 * 86_400);
}
