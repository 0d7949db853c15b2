import { Writable } from 'node:stream';
import { Client } from 'pg';
import pino from 'pino';
import { migrationsList } from '../../src/db/migrations';
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
