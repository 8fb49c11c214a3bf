// Destination lists, as data. A host matches an entry when it equals it or ends with
// "." + entry. `corporate` marks sanctioned infrastructure (not exfiltration channels by
// itself); the exfiltration categories are what the verdict looks for. Extend freely:
// the egress hunt's `WatchedDomains` default is checked against this list by a test.

export type DestinationCategory =
  | 'cloud-storage'
  | 'file-sharing'
  | 'personal-webmail'
  | 'paste-site'
  | 'corporate'
  /** Where tools are published (7-Zip, rclone, WinRAR ...): a connection there brings a tool in (T1105). */
  | 'software-download'
  | 'rare-external'
  | 'internal'
  | 'other';

export const DESTINATIONS: Readonly<
  Record<
    'cloud-storage' | 'file-sharing' | 'personal-webmail' | 'paste-site' | 'corporate' | 'software-download',
    readonly string[]
  >
> = {
  'cloud-storage': [
    'blob.core.windows.net',
    'file.core.windows.net',
    'dfs.core.windows.net',
    's3.amazonaws.com',
    'amazonaws.com',
    'storage.googleapis.com',
    'www.googleapis.com',
    'storage.cloud.google.com',
    'drive.google.com',
    'googleusercontent.com',
    'dropbox.com',
    'dropboxapi.com',
    'dropboxusercontent.com',
    'box.com',
    'boxcloud.com',
    'mega.nz',
    'mega.co.nz',
    'mega.io',
    'onedrive.live.com',
    '1drv.ms',
    'api.onedrive.com',
    'storage.live.com',
    'backblazeb2.com',
    'wasabisys.com',
    'pcloud.com',
    'icedrive.net',
    'sync.com',
    'mediafire.com',
    'r2.cloudflarestorage.com',
    'digitaloceanspaces.com',
  ],
  'file-sharing': [
    'wetransfer.com',
    'we.tl',
    'sendspace.com',
    'file.io',
    'transfer.sh',
    'gofile.io',
    'filebin.net',
    'ufile.io',
    'anonfiles.com',
    'catbox.moe',
    'tmpfiles.org',
    'easyupload.io',
    'send.vis.ee',
    'temp.sh',
  ],
  'personal-webmail': [
    'mail.google.com',
    'gmail.com',
    'outlook.live.com',
    'hotmail.com',
    'mail.yahoo.com',
    'proton.me',
    'protonmail.com',
    'tutanota.com',
    'tuta.com',
    'gmx.com',
    'gmx.net',
    'mail.aol.com',
    'mail.zoho.com',
    'yandex.com',
  ],
  'paste-site': [
    'pastebin.com',
    'paste.ee',
    'hastebin.com',
    'rentry.co',
    'justpaste.it',
    'privatebin.net',
    'dpaste.org',
    'controlc.com',
    'ghostbin.com',
    'paste.rs',
    'termbin.com',
  ],
  // Distribution sites of archivers and transfer tools only; code hosts (github.com) are not
  // here, since data can be pushed to them.
  'software-download': [
    '7-zip.org',
    'downloads.rclone.org',
    'rarlab.com',
    'win-rar.com',
    'curl.se',
    'winscp.net',
    'download.filezilla-project.org',
    'download.sysinternals.com',
    'live.sysinternals.com',
  ],
  corporate: [
    'sharepoint.com',
    'office.com',
    'office365.com',
    'office.net',
    'microsoft.com',
    'microsoftonline.com',
    'windowsupdate.com',
    'msftconnecttest.com',
    'teams.microsoft.com',
    'skype.com',
    'live.com',
    'msn.com',
    'windows.com',
    'azureedge.net',
    'msedge.net',
    'akamaiedge.net',
    'akamai.net',
    'digicert.com',
    'manage.microsoft.com',
    'svc.ms',
    'events.data.microsoft.com',
    'onenote.com',
    'officeapps.live.com',
  ],
};

/** Exfiltration categories in order of specificity (first match wins). */
const ORDER = [
  'paste-site',
  'personal-webmail',
  'file-sharing',
  'cloud-storage',
  'software-download',
  'corporate',
] as const;

/** Every watched (non-corporate) domain: the `WatchedDomains` list in the egress hunt. */
export const WATCHED_DOMAINS: readonly string[] = Object.freeze([
  ...DESTINATIONS['cloud-storage'],
  ...DESTINATIONS['file-sharing'],
  ...DESTINATIONS['personal-webmail'],
  ...DESTINATIONS['paste-site'],
]);

/** Host part of a RemoteUrl, which Defender fills with a URL or a bare FQDN. */
export function hostOf(remoteUrl: string): string {
  let s = remoteUrl.trim().toLowerCase();
  const scheme = s.indexOf('://');
  if (scheme >= 0) s = s.slice(scheme + 3);
  s = s.split(/[/?#]/)[0] ?? '';
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  if (!s.startsWith('[')) s = s.replace(/:\d+$/, '');
  return s.replace(/\.$/, '');
}

function matches(host: string, entry: string): boolean {
  return host === entry || host.endsWith('.' + entry);
}

const PRIVATE_V4 = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^127\./, /^169\.254\./, /^0\./];

export function isPrivateIp(ip: string): boolean {
  const s = ip.trim().toLowerCase();
  if (s === '') return false;
  if (s.includes(':')) return s === '::1' || s.startsWith('fe80:') || s.startsWith('fc') || s.startsWith('fd');
  return PRIVATE_V4.some((r) => r.test(s));
}

/**
 * Category of a destination. `rare-external` is decided by the caller (it needs fleet
 * prevalence); here an uncategorised public destination is `other`.
 */
export function classifyDestination(remoteUrl: string, remoteIp: string, remoteIpType = ''): DestinationCategory {
  const host = hostOf(remoteUrl);
  if (host !== '') {
    for (const cat of ORDER) if (DESTINATIONS[cat].some((e) => matches(host, e))) return cat;
  }
  const t = remoteIpType.toLowerCase();
  if (t === 'private' || t === 'loopback' || t === 'reserved' || isPrivateIp(remoteIp)) return 'internal';
  if (host.endsWith('.local') || host.endsWith('.corp') || host.endsWith('.internal') || host.endsWith('.lan'))
    return 'internal';
  return 'other';
}

export const EXFIL_CATEGORIES: ReadonlySet<DestinationCategory> = new Set([
  'cloud-storage',
  'file-sharing',
  'personal-webmail',
  'paste-site',
  'rare-external',
]);
