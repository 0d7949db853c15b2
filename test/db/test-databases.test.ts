import { Writable } from 'node:stream';
import { Client } from 'pg';
import pino from 'pino';
import { migrationsList } from '../../src/db/migrations';
import os from 'node:os';
import { isLeftover } from '../support/template-database';
import { createTestDatabase } from '../support/test-database';
import { startTestServer } from '../support/test-server';

/**
 * The test harness's databases (test/support/template-database.ts): a test file's database is a copy
 * of a template the global setup migrated once for the run, so its server's start-up has nothing to
 * migrate; an empty one, asked for by the suites of the start-up migration path, has nothing in it.
 */
async function tablesOf(url: string): Promise<{ tables: string[]; migrations: string[] }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query(`select table_name from information_schema.tables where table_schema = 'public' order by 1`)).rows.map((row) => row.table_name as string);
    const migrations = tables.includes('mikro_orm_migrations') ? (await client.query('select name from mikro_orm_migrations order by id')).rows.map((row) => row.name as string) : [];
    return { tables, migrations };
  } finally {
    await client.end();
  }
}

it("a test file's database comes with every migration applied, and its server's start-up applies none", async () => {
  const database = await createTestDatabase();
  try {
    const before = await tablesOf(database.url);
    expect(before.migrations).toEqual(migrationsList.map((m) => m.name));
    expect(before.tables).toEqual(expect.arrayContaining(['agency', 'verdict', 'audit_event']));
    const lines: string[] = [];
    const server = await startTestServer({}, { databaseUrl: database.url }, { logger: pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) })) });
    await server.stop();
    expect(lines.map((line) => JSON.parse(line)).filter((line) => line.migrations)).toEqual([]);
    expect(lines.join('')).toContain('Loaded');
  } finally {
    await database.drop();
  }
});

it('an empty database, for the suites of the start-up migration path, has no table at all', async () => {
  const database = await createTestDatabase({ empty: true });
  try {
    expect(await tablesOf(database.url)).toEqual({ tables: [], migrations: [] });
  } finally {
    await database.drop();
  }
});

describe("another jest run's template (several runs share one PostgreSQL)", () => {
  const HOUR = 60 * 60 * 1000;
  const now = Date.now();
  const note = (pid: number, ageMs: number, host = os.hostname()) => ({ pid, host, created: new Date(now - ageMs).toISOString() });
  /** A pid no process has: above the kernel's limit. */
  const GONE = 2 ** 22 + 1;

  it('is kept while its run lives, however long it runs (up to a day), while it is young even if its process looks gone, and when it has no note (being created)', () => {
    expect(isLeftover(null, now)).toBe(false);
    expect(isLeftover(note(process.pid, 5 * HOUR), now)).toBe(false);
    expect(isLeftover(note(GONE, 10 * 60 * 1000), now)).toBe(false);
    // On another machine its process cannot be seen from here: kept for a day.
    expect(isLeftover(note(GONE, 5 * HOUR, 'another-host'), now)).toBe(false);
  });

  it('is dropped once its run is surely over: its process gone for hours, or a day old', () => {
    expect(isLeftover(note(GONE, 3 * HOUR), now)).toBe(true);
    expect(isLeftover(note(process.pid, 25 * HOUR, 'another-host'), now)).toBe(true);
  });
});
