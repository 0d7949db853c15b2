import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities';
import { migrationsList } from './migrations';

/**
 * MikroORM options for a database URL. Migrations are listed in code (not globbed from disk),
 * so the same list runs from the TypeScript sources under jest and from the compiled build.
 * `overrides` lets tests and tools swap any option (the MikroORM guide's `initORM(overrides)`).
 */
export function ormOptions(clientUrl: string, overrides: Partial<Options> = {}): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    // Every read goes through a forked EntityManager (one per request or command).
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    ...overrides,
  };
}

/** Connects, and brings the schema up to date with the committed migrations (never drop-and-create). */
export async function initORM(clientUrl: string, overrides: Partial<Options> = {}): Promise<{ orm: MikroORM; applied: string[] }> {
  const orm = await MikroORM.init(ormOptions(clientUrl, overrides));
  try {
    const applied = await orm.getMigrator().up();
    return { orm, applied: applied.map((migration) => migration.name) };
  } catch (error) {
    await orm.close();
    throw error;
  }
}
