// A synthetic storage-account streaming export (one `{time, tenantId, category, properties}` line
// per event, three tables interleaved) for the ingest benchmarks (bench/ingest.ts, bench/ceiling.ts).
import { createReadStream, createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';

const TABLES = ['DeviceProcessEvents', 'DeviceFileEvents', 'DeviceNetworkEvents'] as const;

function iso(ms: number, sub: number): string {
  return new Date(ms).toISOString().slice(0, 23) + String(sub).padStart(4, '0') + 'Z';
}

/** One storage-account streaming line (`{time, tenantId, category, properties}`). */
function event(i: number): string {
  const table = TABLES[i % 3]!;
  const t = Date.UTC(2026, 2, 1) + i * 7;
  const dev = `dev${i % 500}`;
  const p: Record<string, unknown> = {
    Timestamp: iso(t, i % 10000),
    DeviceId: `${dev}-6f1c2d3e4b5a69788796a5b4c3d2e1f0`,
    DeviceName: `${dev}.contoso.local`,
    InitiatingProcessFileName: 'explorer.exe',
    InitiatingProcessId: 4000 + (i % 900),
    InitiatingProcessAccountName: `user${i % 300}`,
    InitiatingProcessCommandLine: `"C:\\Windows\\explorer.exe" /factory,{75dff2b7-6936-4c06-a8bb-676a7b00b24b} -Embedding ${i}`,
    InitiatingProcessCreationTime: iso(t - 60000, 0),
    ReportId: i,
    MachineGroup: null,
  };
  if (table === 'DeviceProcessEvents')
    Object.assign(p, {
      ActionType: 'ProcessCreated',
      FileName: 'cmd.exe',
      FolderPath: 'C:\\Windows\\System32\\cmd.exe',
      ProcessId: 10000 + (i % 5000),
      ProcessCommandLine: `cmd.exe /c copy C:\\Finance\\q${i}.xlsx E:\\`,
      SHA1: '0123456789abcdef0123456789abcdef01234567',
      LogonId: 999,
      AdditionalFields: null,
    });
  else if (table === 'DeviceFileEvents')
    Object.assign(p, {
      ActionType: 'FileCreated',
      FileName: `q${i}.xlsx`,
      FolderPath: `E:\\q${i}.xlsx`,
      FileSize: 10000 + i,
      SHA256: 'ab'.repeat(32),
      AdditionalFields: '{"FileType":"Xlsx"}',
    });
  else
    Object.assign(p, {
      ActionType: 'ConnectionSuccess',
      RemoteIP: `203.0.113.${i % 250}`,
      RemotePort: 443,
      LocalIP: '10.0.0.5',
      LocalPort: 40000 + (i % 20000),
      Protocol: 'Tcp',
      RemoteUrl: 'mega.nz',
    });
  return JSON.stringify({
    time: iso(t + 5000, 0),
    tenantId: '7a1c6f55-0000-4000-8000-000000000001',
    category: `AdvancedHunting-${table}`,
    properties: p,
  });
}

export async function writeNdjson(path: string, n: number): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let buf: string[] = [];
  for (let i = 0; i < n; i++) {
    buf.push(event(i));
    if (buf.length === 5000) {
      if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
      buf = [];
    }
  }
  if (buf.length > 0) out.write(buf.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}

/** Split the `lines`-line NDJSON file `src` into `parts` files of consecutive lines in `dir`. */
export async function splitNdjson(src: string, lines: number, parts: number, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const per = Math.ceil(lines / parts);
  let out: WriteStream | undefined;
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(src), crlfDelay: Infinity })) {
    if (n % per === 0) {
      if (out !== undefined) {
        out.end();
        await once(out, 'finish');
      }
      out = createWriteStream(join(dir, `part-${String(n / per).padStart(3, '0')}.ndjson`), { highWaterMark: 1 << 20 });
    }
    if (!out!.write(line + '\n')) await once(out!, 'drain');
    n++;
  }
  if (out !== undefined) {
    out.end();
    await once(out, 'finish');
  }
}
