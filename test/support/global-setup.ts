import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { ADMIN_URL_ENV } from './test-database';

/**
 * Once per `npm test`: finds a PostgreSQL (DATABASE_URL, or an embedded one in .data/test) and
 * hands it to the test files through the environment. Each test file then makes its own
 * database, which the real start-up path migrates. (No MikroORM here: its metadata storage is
 * process-global and must not be shared with jest's sandboxed test modules.)
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres(path.resolve(__dirname, '../../.data/test'), (message) => console.log(message));
    (globalThis as { stopTestPostgres?: () => Promise<void> }).stopTestPostgres = embedded.stop;
    adminUrl = embedded.clientUrl;
  }
  process.env[ADMIN_URL_ENV] = adminUrl;
  console.log(`\nTests run against ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'the embedded PostgreSQL in .data/test'}.`);
}
