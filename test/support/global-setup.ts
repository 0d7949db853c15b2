import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { ADMIN_URL_ENV, TEMPLATE_ENV } from './test-database';
import { prepareTemplate } from './template-database';

/**
 * Once per `npm test`: finds a PostgreSQL (DATABASE_URL, or an embedded one in .data/test) and
 * hands it to the test files through the environment, with a template database migrated once for
 * the run (template-database.ts). Each test file then makes its own database as a copy of it, or an
 * empty one that the real start-up path migrates. (No MikroORM here: its metadata storage is
 * process-global and must not be shared with jest's sandboxed test modules; the template is
 * migrated in a child process.)
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres(path.resolve(__dirname, '../../.data/test'), (message) => console.log(message));
    (globalThis as { stopTestPostgres?: () => Promise<void> }).stopTestPostgres = embedded.stop;
    adminUrl = embedded.clientUrl;
  }
  process.env[ADMIN_URL_ENV] = adminUrl;
  process.env[TEMPLATE_ENV] = await prepareTemplate(adminUrl);
  console.log(`\nTests run against ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'the embedded PostgreSQL in .data/test'}.`);
}
