// The response plan: specific to the findings (device, destination, hash, account) and
// machine-usable (Defender API request bodies; a custom detection rule in KQL that was run
// on this case). Reference: ../shared/reference/defender-response-api.md.
import type { ResponseAction, Verdict } from './result.js';
import type { Assessment } from './assessment.js';
import { isStrongExec } from './assess.js';

export interface DetectionRule {
  readonly kql: string;
  /** Rows the rule returned when run on this case's data, or null if it could not run. */
  readonly hits: number | null;
  /** DeviceName of every row the rule returned on this case. */
  readonly devices: readonly string[];
  readonly error: string | null;
}

const uniq = <T>(xs: readonly T[]) => [...new Set(xs)];
const SHA1 = /^[0-9a-f]{40}$/i;
const SHA256 = /^[0-9a-f]{64}$/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function indicator(
  type: 'DomainName' | 'Url' | 'IpAddress' | 'FileSha1' | 'FileSha256',
  value: string,
  action: string,
  title: string,
  description: string,
  severity = 'High',
): ResponseAction['api'] {
  return {
    method: 'POST',
    path: '/api/indicators',
    body: {
      indicatorValue: value,
      indicatorType: type,
      action,
      title,
      description,
      severity,
      generateAlert: true,
      recommendedActions: 'Investigate the device and account named in the description.',
    },
  };
}

export function responsePlan(x: Assessment, verdict: Verdict, detection: DetectionRule | null): ResponseAction[] {
  if (verdict === 'BENIGN') return [];
  const dev = x.device;
  const machine = x.deviceId !== '' ? x.deviceId : `{DeviceId of ${dev}}`;
  const who = x.upn ?? x.user ?? 'the account';
  const caseRef = `exfilhunt: ${verdict} on ${dev}${x.user !== null ? ` (${x.user})` : ''}`;
  const out: ResponseAction[] = [];
  const serious = verdict === 'EXFILTRATED' || verdict === 'ATTEMPTED_PREVENTED';
  const hosts = uniq(x.transfers.map((t) => t.e.host).filter((h) => h !== ''));
  const ips = uniq(x.transfers.map((t) => t.e.ip).filter((ip) => IPV4.test(ip)));
  const tools = uniq([
    ...x.execs
      .filter(isStrongExec)
      .filter((e) => !['powershell.exe', 'pwsh.exe', 'cmd.exe'].includes(e.fileName.toLowerCase()))
      .map((e) => `${e.fileName}|${e.sha1}|${e.sha256}|${e.folderPath}`),
    ...x.transfers
      .filter((t) => !['powershell.exe', 'pwsh.exe', 'cmd.exe'].includes(t.e.process.toLowerCase()))
      .map((t) => `${t.e.process}|${t.e.sha1}|${t.e.sha256}|${t.e.processPath}`),
  ]).map((s) => {
    const [name = '', sha1 = '', sha256 = '', path = ''] = s.split('|');
    return { name, sha1, sha256, path };
  });

  if (serious) {
    out.push({
      category: 'containment',
      title: `Isolate ${dev}`,
      detail: `Full network isolation of ${dev} keeps the Defender channel open while stopping further transfers.`,
      api: {
        method: 'POST',
        path: `/api/machines/${machine}/isolate`,
        body: { Comment: `${caseRef}. Isolated pending investigation.`, IsolationType: 'Full' },
      },
    });
  } else {
    out.push({
      category: 'containment',
      title: `Restrict app execution on ${dev}`,
      detail: `Data is staged on ${dev} but not yet sent; restricting execution to Microsoft-signed binaries stops the upload tools while the user keeps working.`,
      api: {
        method: 'POST',
        path: `/api/machines/${machine}/restrictCodeExecution`,
        body: { Comment: `${caseRef}. Staged data, transfer not yet seen.` },
      },
    });
  }
  for (const h of hosts) {
    out.push({
      category: 'containment',
      title: `Block ${h}`,
      detail: `Indicator blocking the destination ${h} used by the transfer from ${dev}.`,
      api: indicator(
        'DomainName',
        h,
        'AlertAndBlock',
        `Exfiltration destination ${h}`,
        `${caseRef}: data transfer to ${h}.`,
      ),
    });
  }
  for (const ip of ips) {
    out.push({
      category: 'containment',
      title: `Block ${ip}`,
      detail: `Indicator blocking the remote IP ${ip} of the transfer (CIDR is not supported by the API, so one indicator per address).`,
      api: indicator('IpAddress', ip, 'AlertAndBlock', `Exfiltration IP ${ip}`, `${caseRef}: connection to ${ip}.`),
    });
  }
  for (const t of tools) {
    if (SHA1.test(t.sha1)) {
      out.push({
        category: 'containment',
        title: `Stop and quarantine ${t.name}`,
        detail: `Kill ${t.name} (${t.path || 'path unknown'}) on ${dev} and quarantine the file.`,
        api: {
          method: 'POST',
          path: `/api/machines/${machine}/StopAndQuarantineFile`,
          body: { Comment: `${caseRef}: ${t.name}`, Sha1: t.sha1 },
        },
      });
    }
    if (SHA256.test(t.sha256))
      out.push({
        category: 'containment',
        title: `Block ${t.name} by hash`,
        detail: `File indicator so ${t.name} cannot run anywhere in the fleet.`,
        api: indicator(
          'FileSha256',
          t.sha256,
          'BlockAndRemediate',
          `Exfiltration tool ${t.name}`,
          `${caseRef}: ${t.name} used for staging or upload.`,
        ),
      });
    else if (SHA1.test(t.sha1))
      out.push({
        category: 'containment',
        title: `Block ${t.name} by hash`,
        detail: `File indicator so ${t.name} cannot run anywhere in the fleet.`,
        api: indicator(
          'FileSha1',
          t.sha1,
          'BlockAndRemediate',
          `Exfiltration tool ${t.name}`,
          `${caseRef}: ${t.name} used for staging or upload.`,
        ),
      });
  }
  for (const s of x.staged.slice(0, 3)) {
    const h = SHA256.test(s.a.sha256)
      ? { type: 'FileSha256' as const, v: s.a.sha256 }
      : SHA1.test(s.a.sha1)
        ? { type: 'FileSha1' as const, v: s.a.sha1 }
        : null;
    if (h !== null)
      out.push({
        category: 'containment',
        title: `Alert on copies of ${s.a.fileName}`,
        detail: `Hash indicator (alert only) for the staged archive ${s.a.path}, to find copies elsewhere.`,
        api: indicator(
          h.type,
          h.v,
          'Alert',
          `Staged archive ${s.a.fileName}`,
          `${caseRef}: archive staged at ${s.a.path}.`,
          'Medium',
        ),
      });
  }
  if (serious && x.upn !== null) {
    out.push({
      category: 'containment',
      title: `Revoke ${who}'s sessions`,
      detail: `Invalidate refresh tokens and browser sessions of ${who} (Microsoft Graph) so cloud access stops with the device.`,
      api: {
        method: 'POST',
        path: `https://graph.microsoft.com/v1.0/users/${encodeURIComponent(x.upn)}/revokeSignInSessions`,
        body: {},
      },
    });
  } else if (serious) {
    out.push({
      category: 'containment',
      title: `Revoke ${who}'s sessions`,
      detail: `Revoke the sign-in sessions of ${who} in Entra ID (the UPN was not in the telemetry).`,
    });
  }
  out.push({
    category: 'securing',
    title: `Collect an investigation package from ${dev}`,
    detail: 'Forensic package (processes, autoruns, network, event logs) before any cleanup.',
    api: {
      method: 'POST',
      path: `/api/machines/${machine}/collectInvestigationPackage`,
      body: { Comment: `${caseRef}: evidence collection.` },
    },
  });
  if (serious)
    out.push({
      category: 'securing',
      title: `Reset ${who}'s credentials`,
      detail: `Reset the password and re-register MFA of ${who}; review mailbox rules and OAuth grants.`,
    });
  const artefacts = uniq([...x.staged.map((s) => s.a.path), ...tools.map((t) => t.path).filter((p) => p !== '')]);
  if (artefacts.length > 0)
    out.push({
      category: 'securing',
      title: 'Preserve, then remove, staging artefacts and unauthorised tools',
      detail: `Hash and preserve, then remove: ${artefacts.slice(0, 6).join('; ')}.`,
    });
  const cats = uniq(x.transfers.map((t) => t.category));
  out.push({
    category: 'prevention',
    title: 'DLP for uploads',
    detail: `Endpoint DLP policy blocking uploads of labelled or sensitive files${cats.length > 0 ? ` to ${cats.join(', ')} destinations` : ''} and to unsanctioned cloud apps; audit archive creation of sensitive files.`,
  });
  out.push({
    category: 'prevention',
    title: 'Application control for archivers and upload tools',
    detail:
      'WDAC/AppLocker: allow only the sanctioned archiver from Program Files; block rclone, curl uploads, renamed binaries and execution from user-writable folders (ASR rule "Block executable files unless they meet a prevalence, age, or trusted list criterion").',
  });
  if (x.execs.some((e) => e.flags.some((f) => f.startsWith('powershell'))))
    out.push({
      category: 'prevention',
      title: 'Constrain PowerShell',
      detail:
        'Constrained Language Mode for standard users, script block logging, AMSI, and blocking -EncodedCommand / hidden windows for non-admins.',
    });
  if (detection !== null) {
    const own = detection.devices.filter((d) => d.toLowerCase() === dev.toLowerCase()).length;
    const tested =
      detection.hits === null
        ? `could not be run on this case (${detection.error ?? 'unknown error'})`
        : `returned ${detection.hits} row(s) when run on this case, ${own} of them on ${dev}`;
    out.push({
      category: 'monitoring',
      title: 'Custom detection rule: archive staged, then uploaded',
      detail: `Schedule hourly in Defender (returns Timestamp, DeviceId, ReportId); it ${tested}.`,
      kql: detection.kql,
    });
  }
  out.push({
    category: 'monitoring',
    title: `Watch ${who} and ${dev}`,
    detail:
      'Raise monitoring of archive creation, USB mounts and outbound transfers for this user and device for 30 days.',
  });
  return out;
}
