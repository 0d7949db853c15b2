import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Environment variables through which the global setup hands the test server to the test files. */
export const ADMIN_URL_ENV = 'CHENGXIN_TEST_ADMIN_URL';

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

/** A fresh, empty database for one test file; the server's own start-up migrates it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env[ADMIN_URL_ENV];
  if (!adminUrl) throw new Error('The jest global setup did not run: start the tests with `npm test`.');
  const name = `chengxin_test_${randomBytes(5).toString('hex')}`;
  await runAdmin(adminUrl, `create database "${name}"`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => runAdmin(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}
