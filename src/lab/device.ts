// Per-device generation context: the emitter, the device's random stream and typed helpers
// that fill each table's columns the way Defender does.
import { binary, type Binary } from './catalog.js';
import type { Emitter, EvidenceRef, Fields, Proc, Account } from './emit.js';
import { SYSTEM } from './emit.js';
import type { Device } from './fleet.js';
import type { Dest } from './net.js';
import type { Rng } from './prng.js';
import { DAY, SECOND } from './time.js';

export interface Session {
  readonly start: number;
  readonly end: number;
  readonly explorer: Proc;
  readonly logonId: number;
}

export interface SpawnOpts {
  readonly account?: Account;
  readonly logonId?: number;
  readonly integrity?: Proc['integrity'];
  readonly elevation?: Proc['elevation'];
  readonly sessionId?: number;
  readonly renamedTo?: string;
  readonly folderPath?: string;
}

export class DeviceCtx {
  readonly sessions: Session[] = [];
  bootedAt = 0;
  private pid = 600;
  /** The boot-time system processes, set by `boot`. */
  sys!: {
    readonly services: Proc;
    readonly lsass: Proc;
    readonly winlogon: Proc;
    readonly svcNet: Proc;
    readonly svcDns: Proc;
    readonly svcSched: Proc;
    readonly svcUpdate: Proc;
    readonly msmpeng: Proc;
    readonly mssense: Proc;
    readonly cnc: Proc;
  };

  constructor(
    readonly em: Emitter,
    readonly dev: Device,
    readonly rng: Rng,
    readonly days: number,
    readonly end: number,
  ) {}

  get userAccount(): Account {
    const u = this.dev.user;
    return { domain: u.domain, name: u.accountName, sid: u.sid, upn: u.upn, objectId: u.objectId };
  }

  nextPid(): number {
    this.pid = 600 + ((this.pid - 600 + this.rng.int(1, 400) * 4) % 38000);
    return this.pid;
  }

  /** Creates a process (emits ProcessCreated). Child inherits the parent's token unless told otherwise. */
  spawn(
    parent: Proc | null,
    name: string,
    cmd: string,
    t: number,
    o: SpawnOpts = {},
  ): { proc: Proc; ref: EvidenceRef } {
    const bin: Binary = binary(name, o.renamedTo);
    const account = o.account ?? parent?.account ?? SYSTEM;
    this.certificate(bin, t);
    const isSystem = account.sid === 'S-1-5-18' || account.sid === 'S-1-5-19' || account.sid === 'S-1-5-20';
    return this.em.process({
      dev: this.dev,
      pid: this.nextPid(),
      bin,
      cmd,
      created: Math.trunc(t),
      account,
      logonId: o.logonId ?? parent?.logonId ?? 999,
      integrity: o.integrity ?? parent?.integrity ?? (isSystem ? 'System' : 'Medium'),
      elevation:
        o.elevation ?? parent?.elevation ?? (isSystem ? 'TokenElevationTypeDefault' : 'TokenElevationTypeLimited'),
      sessionId: o.sessionId ?? parent?.sessionId ?? 0,
      parent,
      ...(o.folderPath !== undefined ? { folderPath: o.folderPath } : {}),
    });
  }

  private readonly certSeen = new Set<string>();

  /** Defender records the signing certificate of an executable the first time the device runs it. */
  private certificate(bin: Binary, t: number): void {
    if (bin.signer === 'Unknown' || this.certSeen.has(bin.sha1)) return;
    this.certSeen.add(bin.sha1);
    const ms = bin.signer === 'OsVendor' || bin.signer === 'Microsoft';
    const signer = bin.signer === 'OsVendor' ? 'Microsoft Windows' : ms ? 'Microsoft Corporation' : bin.company;
    const issuer =
      bin.signer === 'OsVendor'
        ? 'Microsoft Windows Production PCA 2011'
        : ms
          ? 'Microsoft Code Signing PCA 2011'
          : 'DigiCert Trusted G4 Code Signing RSA4096 SHA384 2021 CA1';
    const h = bin.sha256;
    this.em.emit('DeviceFileCertificateInfo', t + SECOND, this.dev, null, {
      SHA1: bin.sha1,
      IsSigned: true,
      SignatureType: 'Embedded',
      Signer: signer,
      SignerHash: h.slice(0, 40),
      Issuer: issuer,
      IssuerHash: h.slice(24, 64),
      CertificateSerialNumber: h.slice(8, 44).toUpperCase(),
      CrlDistributionPointUrls: JSON.stringify(
        ms
          ? ['http://www.microsoft.com/pkiops/crl/MicCodSigPCA2011_2011-07-08.crl']
          : ['http://crl3.digicert.com/DigiCertTrustedG4CodeSigningRSA4096SHA3842021CA1.crl'],
      ),
      CertificateCreationTime: -400 * DAY - (parseInt(h.slice(0, 4), 16) % 200) * DAY,
      CertificateExpirationTime: 300 * DAY + (parseInt(h.slice(4, 8), 16) % 200) * DAY,
      CertificateCountersignatureTime: -100 * DAY - (parseInt(h.slice(8, 12), 16) % 90) * DAY,
      IsTrusted: true,
      IsRootSignerMicrosoft: ms,
    });
  }

  proc(parent: Proc | null, name: string, cmd: string, t: number, o: SpawnOpts = {}): Proc {
    return this.spawn(parent, name, cmd, t, o).proc;
  }

  private ephemeral(): number {
    return this.rng.int(49152, 65535);
  }

  netFields(d: Dest, action: string): Fields {
    return {
      ActionType: action,
      RemoteIP: d.ip,
      RemotePort: d.port,
      // Defender leaves RemoteUrl empty for many connections (no SNI/DNS correlation).
      RemoteUrl: d.url,
      LocalIP: this.dev.ip,
      LocalPort: this.ephemeral(),
      Protocol: d.protocol,
      LocalIPType: 'Private',
      RemoteIPType: d.internal ? 'Private' : 'Public',
      AppGuardContainerId: '',
    };
  }

  net(t: number, actor: Proc, d: Dest, action = 'ConnectionSuccess'): number {
    return this.em.emit('DeviceNetworkEvents', t, this.dev, actor, this.netFields(d, action));
  }

  netRef(t: number, actor: Proc, d: Dest, action = 'ConnectionSuccess'): EvidenceRef {
    return this.em.event('DeviceNetworkEvents', t, this.dev, actor, this.netFields(d, action));
  }

  /** A connection another device opened to this one (RemoteIP is the peer). */
  inbound(t: number, actor: Proc, fromIp: string, localPort: number): number {
    return this.em.emit('DeviceNetworkEvents', t, this.dev, actor, {
      ActionType: 'InboundConnectionAccepted',
      RemoteIP: fromIp,
      RemotePort: this.ephemeral(),
      RemoteUrl: '',
      LocalIP: this.dev.ip,
      LocalPort: localPort,
      Protocol: 'Tcp',
      LocalIPType: 'Private',
      RemoteIPType: 'Private',
      AppGuardContainerId: '',
    });
  }

  listen(t: number, actor: Proc, localPort: number): number {
    return this.em.emit('DeviceNetworkEvents', t, this.dev, actor, {
      ActionType: 'ListeningConnectionCreated',
      RemoteIP: '::',
      RemotePort: 0,
      RemoteUrl: '',
      LocalIP: '::',
      LocalPort: localPort,
      Protocol: 'Tcp',
      LocalIPType: 'Reserved',
      RemoteIPType: 'Reserved',
      AppGuardContainerId: '',
    });
  }

  fileFields(action: string, path: string, o: FileOpts = {}): Fields {
    const cut = path.lastIndexOf('\\');
    const name = path.slice(cut + 1);
    const hashed = action !== 'FileDeleted' && o.noHash !== true;
    return {
      ActionType: action,
      FileName: name,
      FolderPath: path,
      SHA1: hashed ? (o.sha1 ?? this.rng.hex(20)) : '',
      SHA256: hashed ? (o.sha256 ?? this.rng.hex(32)) : '',
      MD5: hashed ? (o.md5 ?? this.rng.hex(16)) : '',
      FileOriginUrl: o.originUrl ?? '',
      FileOriginReferrerUrl: o.referrer ?? '',
      FileOriginIP: o.originIp ?? '',
      PreviousFolderPath: o.previousFolder ?? '',
      PreviousFileName: o.previousName ?? '',
      FileSize: action === 'FileDeleted' ? null : (o.size ?? this.rng.int(2_000, 2_000_000)),
      RequestProtocol: o.share !== undefined ? 'SMB' : 'Local',
      RequestSourceIP: '',
      RequestSourcePort: null,
      RequestAccountName: '',
      RequestAccountDomain: '',
      RequestAccountSid: '',
      ShareName: o.share ?? '',
      SensitivityLabel: o.label ?? '',
      SensitivitySubLabel: '',
      IsAzureInfoProtectionApplied: o.label !== undefined ? true : null,
      AppGuardContainerId: '',
      AdditionalFields: o.additional ?? null,
    };
  }

  file(t: number, actor: Proc, action: string, path: string, o: FileOpts = {}): number {
    return this.em.emit('DeviceFileEvents', t, this.dev, actor, this.fileFields(action, path, o));
  }

  fileRef(t: number, actor: Proc, action: string, path: string, o: FileOpts = {}): EvidenceRef {
    return this.em.event('DeviceFileEvents', t, this.dev, actor, this.fileFields(action, path, o));
  }

  image(t: number, actor: Proc, dll: string, dir = 'C:\\Windows\\System32'): void {
    const b = dllHashes(dll);
    this.em.emit('DeviceImageLoadEvents', t, this.dev, actor, {
      ActionType: 'ImageLoaded',
      FileName: dll,
      FolderPath: `${dir}\\${dll}`,
      SHA1: b.sha1,
      SHA256: b.sha256,
      MD5: b.md5,
      FileSize: b.size,
      AppGuardContainerId: '',
    });
  }

  registry(t: number, actor: Proc, action: string, key: string, name: string, type: string, data: string): number {
    return this.em.emit('DeviceRegistryEvents', t, this.dev, actor, {
      ActionType: action,
      RegistryKey: key,
      RegistryValueType: type,
      RegistryValueName: name,
      RegistryValueData: data,
      PreviousRegistryKey: '',
      PreviousRegistryValueName: '',
      PreviousRegistryValueData: '',
      AppGuardContainerId: '',
    });
  }

  /** A DeviceEvents row; unset string columns become '' in the expansion. */
  deviceEvent(t: number, actor: Proc | null, action: string, f: Fields, evidence: true): EvidenceRef;
  deviceEvent(t: number, actor: Proc | null, action: string, f: Fields, evidence?: false): number;
  deviceEvent(t: number, actor: Proc | null, action: string, f: Fields, evidence = false): EvidenceRef | number {
    const fields = { ActionType: action, ...f };
    return evidence
      ? this.em.event('DeviceEvents', t, this.dev, actor, fields)
      : this.em.emit('DeviceEvents', t, this.dev, actor, fields);
  }

  psCommand(t: number, ps: Proc, command: string): EvidenceRef {
    return this.deviceEvent(
      t,
      ps,
      'PowerShellCommand',
      { AdditionalFields: JSON.stringify({ Command: command }) },
      true,
    );
  }

  logon(
    t: number,
    actor: Proc,
    type: string,
    account: Account,
    logonId: number,
    o: { remoteIp?: string; remoteDevice?: string; failed?: string; admin?: boolean } = {},
  ): EvidenceRef {
    return this.em.event('DeviceLogonEvents', t, this.dev, actor, {
      ActionType: o.failed !== undefined ? 'LogonFailed' : 'LogonSuccess',
      LogonType: type,
      AccountDomain: account.domain,
      AccountName: account.name,
      AccountSid: account.sid,
      Protocol: type === 'Network' ? 'Kerberos' : 'Negotiate',
      FailureReason: o.failed ?? '',
      IsLocalAdmin: o.admin ?? false,
      LogonId: o.failed !== undefined ? null : logonId,
      RemoteDeviceName: o.remoteDevice ?? '',
      RemoteIP: o.remoteIp ?? '',
      RemoteIPType: o.remoteIp !== undefined ? 'Private' : '',
      RemotePort: o.remoteIp !== undefined ? this.rng.int(49152, 65535) : null,
      AppGuardContainerId: '',
      AdditionalFields: JSON.stringify({ IsLocalLogon: type !== 'Network' }),
    });
  }

  /** Time `s` seconds (with sub-second jitter) after t. */
  after(t: number, s: number): number {
    return Math.trunc(t + s * SECOND + this.rng.int(0, SECOND - 1));
  }

  sessionAt(t: number): Session | undefined {
    return this.sessions.find((s) => s.start <= t && t <= s.end);
  }
}

export interface FileOpts {
  readonly sha1?: string;
  readonly sha256?: string;
  readonly md5?: string;
  readonly size?: number;
  readonly originUrl?: string;
  readonly referrer?: string;
  readonly originIp?: string;
  readonly previousFolder?: string;
  readonly previousName?: string;
  readonly share?: string;
  readonly label?: string;
  readonly noHash?: boolean;
  readonly additional?: string;
}

const DLLS = new Map<string, { sha1: string; sha256: string; md5: string; size: number }>();

function dllHashes(dll: string): { sha1: string; sha256: string; md5: string; size: number } {
  let v = DLLS.get(dll);
  if (v === undefined) {
    const b = binaryLike(dll);
    v = b;
    DLLS.set(dll, v);
  }
  return v;
}

function binaryLike(name: string): { sha1: string; sha256: string; md5: string; size: number } {
  // Same derivation as catalog binaries: stable per name.
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) >>> 0;
  const hex = (n: number, salt: number): string => {
    let s = '';
    let x = (h ^ salt) >>> 0;
    while (s.length < n) {
      x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0;
      s += x.toString(16).padStart(8, '0');
    }
    return s.slice(0, n);
  };
  return { sha1: hex(40, 1), sha256: hex(64, 2), md5: hex(32, 3), size: 40_000 + (h % 4_000_000) };
}
