import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MDE_TABLES, SENTINEL_COLUMNS, getTable, mdeSchemaMap } from '../../src/schema/index.js';
import { DUCKDB_TYPE } from '../../src/schema/physical.js';

// Column counts stated in ../shared/reference/mde-schema.md for the fully tabulated tables.
const DOC_COUNTS: Record<string, number> = {
  DeviceProcessEvents: 66,
  DeviceFileEvents: 57,
  DeviceNetworkEvents: 44,
  DeviceEvents: 64,
};

test('all ten tables load with unique column names', () => {
  assert.equal(MDE_TABLES.length, 10);
  for (const t of MDE_TABLES) {
    for (const cols of [t.columns, t.workspaceColumns]) {
      const names = cols.map((c) => c.name);
      assert.equal(new Set(names).size, names.length, `${t.name} has duplicate columns`);
    }
    assert.equal(t.columns[0]?.name, 'Timestamp');
    assert.equal(t.columns.find((c) => c.name === t.timeColumn)?.type, 'datetime');
    for (const c of t.workspaceColumns)
      assert.ok(DUCKDB_TYPE[c.type] !== undefined && c.type !== 'unknown', `${t.name}.${c.name}`);
    assert.equal(getTable(t.name), t);
    assert.equal(getTable(t.name.toUpperCase()), t);
  }
});

test('documented column counts and JSON-bearing columns', () => {
  for (const [name, n] of Object.entries(DOC_COUNTS)) assert.equal(getTable(name)?.columns.length, n, name);
  assert.deepEqual(getTable('DeviceInfo')?.jsonColumns, ['LoggedOnUsers', 'AdditionalFields']);
  assert.deepEqual(getTable('DeviceNetworkInfo')?.jsonColumns, [
    'ConnectedNetworks',
    'DnsAddresses',
    'DefaultGateways',
    'IPAddresses',
  ]);
  assert.equal(getTable('DeviceFileEvents')?.columns.find((c) => c.name === 'RequestSourcePort')?.type, 'int');
  assert.equal(
    getTable('DeviceFileEvents')?.columns.find((c) => c.name === 'IsAzureInfoProtectionApplied')?.type,
    'bool',
  );
  assert.equal(getTable('Nope'), undefined);
});

test('Sentinel columns are added once, and the schema map exposes both views', () => {
  assert.deepEqual(
    SENTINEL_COLUMNS.map((c) => c.name),
    ['TimeGenerated', 'TenantId', 'Type', 'SourceSystem', 'MachineGroup'],
  );
  const info = getTable('DeviceInfo');
  assert.equal(info?.workspaceColumns.filter((c) => c.name === 'MachineGroup').length, 1);
  const withS = mdeSchemaMap();
  const without = mdeSchemaMap({ sentinel: false });
  assert.equal(withS.get('DeviceProcessEvents')?.columns.length, 71);
  assert.equal(without.get('DeviceProcessEvents')?.columns.length, 66);
});
