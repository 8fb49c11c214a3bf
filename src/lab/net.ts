// Network destinations a Windows fleet talks to, with stable IPs per host name.
export interface Dest {
  readonly url: string;
  readonly ip: string;
  readonly port: number;
  readonly protocol: 'Tcp' | 'Udp';
  readonly internal: boolean;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** Address blocks the real services announce, so RemoteIP looks right for the host. */
const BLOCKS: readonly [RegExp, string][] = [
  [/office365\.com$|outlook\.|substrate\.office\.com$/, '52.96'],
  [/microsoftonline\.com$|login\.live\.com$/, '20.190'],
  [/teams\.microsoft\.com$|teams\.cdn\.office\.net$|skype\.com$/, '52.113'],
  [/sharepoint\.com$|onedrive\.com$|microsoftpersonalcontent\.com$|live\.com$/, '13.107'],
  [/blob\.core\.windows\.net$/, '20.60'],
  [/delivery\.mp\.microsoft\.com$|windowsupdate\.com$/, '8.253'],
  [/microsoft\.com$|msft\.net$|office\.net$|office\.com$|bing\.com$|windows\.com$/, '40.126'],
  [/amazonaws\.com$/, '52.217'],
  [/dropbox(api)?\.com$/, '162.125'],
  [/mega\.(nz|co\.nz|io)$/, '66.203'],
  [/google(apis)?\.com$|gvt1\.com$|gstatic\.com$|youtube\.com$/, '142.250'],
  [/github(usercontent)?\.com$/, '140.82'],
  [/7-zip\.org$/, '159.65'],
  [/akamaized\.net$|akamai/, '23.215'],
];

export function ipFor(host: string): string {
  const h = hash(host);
  for (const [re, prefix] of BLOCKS) if (re.test(host)) return `${prefix}.${(h >>> 8) & 255}.${(h & 253) + 1}`;
  return `${104 + (h % 80)}.${(h >>> 8) & 255}.${(h >>> 16) & 255}.${((h >>> 24) & 253) + 1}`;
}

export function web(host: string, port = 443): Dest {
  return { url: host, ip: ipFor(host), port, protocol: 'Tcp', internal: false };
}

export function internal(host: string, ip: string, port: number, protocol: 'Tcp' | 'Udp' = 'Tcp'): Dest {
  return { url: host, ip, port, protocol, internal: true };
}

export const M365 = {
  outlook: ['outlook.office365.com', 'substrate.office.com', 'outlook.office.com'],
  auth: ['login.microsoftonline.com', 'aadcdn.msftauth.net'],
  teams: ['teams.microsoft.com', 'statics.teams.cdn.office.net', 'presence.teams.microsoft.com'],
  sharepoint: ['contoso.sharepoint.com', 'contoso-my.sharepoint.com'],
  office: ['officeclient.microsoft.com', 'ecs.office.com', 'nexusrules.officeapps.live.com', 'res.cdn.office.net'],
  graph: ['graph.microsoft.com'],
} as const;

export const BROWSING = [
  'www.bing.com',
  'www.google.com',
  'github.com',
  'stackoverflow.com',
  'www.linkedin.com',
  'learn.microsoft.com',
  'www.youtube.com',
  'www.wikipedia.org',
  'news.ycombinator.com',
  'www.bbc.co.uk',
  'www.reuters.com',
  'cdn.jsdelivr.net',
  'fonts.gstatic.com',
  'ajax.aspnetcdn.com',
  'www.gstatic.com',
  'ssl.gstatic.com',
  'static.licdn.com',
];

export const UPDATES = [
  'tlu.dl.delivery.mp.microsoft.com',
  'dl.delivery.mp.microsoft.com',
  'definitionupdates.microsoft.com',
  'settings-win.data.microsoft.com',
  'msedge.b.tlu.dl.delivery.mp.microsoft.com',
  'ctldl.windowsupdate.com',
];

export const DEFENDER = ['winatp-gw-eus.microsoft.com', 'us-v20.events.data.microsoft.com', 'wdcp.microsoft.com'];
