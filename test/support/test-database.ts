import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Environment variables through which the global setup hands the test server to the test files. */
export const ADMIN_URL_ENV = 'CHENGXIN_TEST_ADMIN_URL';
/** The migrated database this run's test databases are copied from (template-database.ts). */
export const TEMPLATE_ENV = 'CHENGXIN_TEST_TEMPLATE';

/** The same server URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function runAdmin(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabaseOptions {
  /**
   * Nothing in it, not even the migrations, which the server's own start-up then applies: for the
   * suites that test that path (migrations, a start as `npm start` makes it on a new database).
   */
  empty?: boolean;
}

/**
 * A fresh database for one test file: a copy of this run's migrated template, so that the server's
 * start-up finds nothing to migrate, or, asked for `empty` (or with no template), an empty one that
 * the start-up migrates.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  if (!adminUrl) throw new Error('The jest global setup did not run: start the tests with `npm test`.');
  const name = `chengxin_test_${randomBytes(5).toString('hex')}`;
  const template = options.empty ? undefined : process.env[TEMPLATE_ENV];
  await runAdmin(adminUrl, template ? `create database "${name}" template "${template}"` : `create database "${name}"`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => runAdmin(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}
