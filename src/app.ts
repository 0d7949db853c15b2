import type { MikroORM, Options } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from './config';
import { cursorSecret, keySource } from './auth/secret';
import { createVerifier } from './auth/tokens';
import { openDatabase } from './db/database';
import { ruleReloadsTotal } from './metrics';
import { initORM } from './db/orm';
import { seedIfEmpty } from './db/seed/seed';
import { RuleSetHolder } from './engine/rule-set-holder';
import { RuleReloader } from './engine/rule-reloader';
import { loadRuleSet } from './engine/rule-set';
import { useCursorSecret } from './graphql/cursor';
import { getSchema } from './graphql/schema';
import { startHttpServer, type HttpServer } from './graphql/server';

export interface RunningApp {
  orm: MikroORM;
  rules: RuleSetHolder;
  reloader: RuleReloader;
  http: HttpServer;
  stop(): Promise<void>;
}

/**
 * Wiring, in order: rules → database → migrations → demo data → GraphQL server. Used by `main.ts` and by
 * the tests, which start the very same server on a free port (`ormOverrides` lets them count SQL).
 */
export async function startApp(config: Config, logger: Logger, ormOverrides: Partial<Options> = {}): Promise<RunningApp> {
  // Rules first: a broken rule file stops the start before any database work.
  const schema = await getSchema();
  const rules = new RuleSetHolder(loadRuleSet(config.rulesDir, schema));
  logger.info({ version: rules.current.version }, `Loaded ${rules.current.rules.length} rules from ${config.rulesDir}.`);
  const reloader = new RuleReloader(config.rulesDir, schema, rules, logger);
  reloader.onReload((result) => ruleReloadsTotal.inc({ result: result.changed ? 'swapped' : result.errors.length ? 'rejected' : 'unchanged' }));
  const database = await openDatabase(config, (message) => logger.info(message));
  let orm: MikroORM | undefined;
  try {
    const init = await initORM(database.clientUrl, ormOverrides);
    orm = init.orm;
    if (init.applied.length) logger.info({ migrations: init.applied }, `Applied ${init.applied.length} migration(s).`);
    if (config.seedDemoData) {
      const seeded = await seedIfEmpty(orm.em.fork());
      if (seeded) logger.info(seeded, 'Loaded the Ezhou demo data set into the empty database.');
    }
    const tokenKeys = keySource(config, (message) => logger.info(message));
    useCursorSecret(cursorSecret(config, tokenKeys, (message) => logger.info(message)));
    const verify = createVerifier(tokenKeys);
    const http = await startHttpServer(orm, rules, reloader, verify, config, logger);
    if (config.watchRules) reloader.watch();
    const ready = orm;
    return {
      orm: ready,
      rules,
      reloader,
      http,
      async stop() {
        await reloader.close();
        await http.close();
        await ready.close();
        await database.stop();
      },
    };
  } catch (error) {
    await orm?.close();
    await database.stop();
    throw error;
  }
}
