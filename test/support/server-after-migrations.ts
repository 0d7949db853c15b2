import { MikroORM } from '@mikro-orm/postgresql';
import { ormOptions } from '../../src/db/orm';
import { createTestDatabase } from './test-database';
import { startTestServer, type TestServer } from './test-server';

/** What a test may do to a database of an older release before today's server starts on it. */
export interface OlderRelease {
  /** Applies the migrations up to and including the one named (as an older release had). */
  migrateTo(migration: string): Promise<void>;
  /** Runs one statement with `?` placeholders, as that release's code would have written rows. */
  sql(text: string, params?: unknown[]): Promise<unknown>;
}

/**
 * One real server for a test file, started on a fresh database that `prepare` first brings to an
 * older release and fills with that release's rows; the server's own start-up then applies the newer
 * migrations, which is what such a file tests. Like `serverPerFile`, the object is filled in when the
 * server starts: read it inside hooks and tests only.
 */
export function serverAfterMigrations(prepare: (release: OlderRelease) => Promise<void>): TestServer {
  const server = {} as TestServer;
  let database: { url: string; drop(): Promise<void> } | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
    const orm = await MikroORM.init(ormOptions(database.url));
    try {
      await prepare({
        migrateTo: async (migration) => { await orm.getMigrator().up({ to: migration }); },
        sql: (text, params = []) => orm.em.getConnection().execute(text, params),
      });
    } finally {
      await orm.close();
    }
    Object.assign(server, await startTestServer({ databaseUrl: database.url }));
  }, 60_000);
  afterAll(async () => {
    if (server.stop) await server.stop();
    await database?.drop();
  });
  return server;
}
