import type { MikroORM, Options } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { tokenPolicyOf, type Config } from './config';
import { cursorSecret, keySource } from './auth/secret';
import { createVerifier } from './auth/tokens';
import { openDatabase } from './db/database';
import { ruleReloadsTotal, rulesDegraded } from './metrics';
import { initORM } from './db/orm';
import { seedIfEmpty } from './demo/seed';
import { reportSeeded } from './demo/seed-notice';
import { RuleSetHolder } from './engine/rule-set-holder';
import { RuleReloader } from './engine/rule-reloader';
import { useCursorSecret } from './graphql/cursor';
import { loadServingRules, markServed } from './evaluation/serving-rules';
import { recordInForce } from './evaluation/rule-periods';
import { joinRuleReloads } from './cluster-rules';
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
 * What must happen once, before several server processes start (src/cluster.ts): the database
 * (the embedded one is started here and lives as long as the caller), migrations, the rules checked
 * (a broken folder with nothing stored to fall back to stops the start here), the demo data, and
 * generated key material in DATA_DIR (every process must read the same secrets, not race to make
 * its own). The processes then start with `startApp` on the returned URL, without seeding.
 */
export async function prepareOnce(config: Config, logger: Logger): Promise<{ clientUrl: string; stop(): Promise<void> }> {
  const schema = await getSchema();
  const database = await openDatabase(config, (message) => logger.info(message));
  try {
    const { orm, applied } = await initORM(database.clientUrl);
    try {
      if (applied.length) logger.info({ migrations: applied }, `Applied ${applied.length} migration(s).`);
      const serving = await loadServingRules(orm.em.fork(), config.rulesDir, schema, { info: (m) => logger.info(m), warn: (m) => logger.warn(m) });
      // Once for the server, before its processes start (each records it again and finds it open).
      await recordInForce(orm.em, serving.ruleSet.version, 'start');
      if (config.seedDemoData) {
        reportSeeded(logger, config, await seedIfEmpty(orm.em.fork()));
      }
      cursorSecret(config, keySource(config, (message) => logger.info(message)), (message) => logger.info(message));
    } finally {
      await orm.close();
    }
    return { clientUrl: database.clientUrl, stop: () => database.stop() };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

/**
 * Wiring, in order: database → migrations → rules (the folder, or the last good stored set) → demo
 * data → GraphQL server. Used by `main.ts` and by
 * the tests, which start the very same server on a free port (`ormOverrides` lets them count SQL).
 */
export async function startApp(config: Config, logger: Logger, ormOverrides: Partial<Options> = {}): Promise<RunningApp> {
  const schema = await getSchema();
  const database = await openDatabase(config, (message) => logger.info(message));
  let orm: MikroORM | undefined;
  try {
    const init = await initORM(database.clientUrl, ormOverrides);
    orm = init.orm;
    if (init.applied.length) logger.info({ migrations: init.applied }, `Applied ${init.applied.length} migration(s).`);
    // A broken rules folder no longer stops the start: the last good set stored in the database
    // serves, loudly, until the files are fixed (a start with nothing stored to fall back to still stops).
    const serving = await loadServingRules(orm.em.fork(), config.rulesDir, schema, { info: (m) => logger.info(m), warn: (m) => logger.warn(m) });
    const rules = new RuleSetHolder(serving.ruleSet);
    logger.info({ version: rules.current.version }, `已加载 ${rules.current.rules.length} 条规则，版本 ${rules.current.version} / Loaded ${rules.current.rules.length} rules (version ${rules.current.version})${serving.degraded ? ' from the last good set stored in the database' : ` from ${config.rulesDir}`}.`);
    await recordInForce(orm.em, rules.current.version, 'start');
    const reloader = new RuleReloader(config.rulesDir, schema, rules, logger);
    reloader.errors = serving.problems;
    joinRuleReloads(reloader);
    rulesDegraded.set(serving.degraded ? 1 : 0);
    const em = orm.em;
    reloader.onReload((result) => {
      ruleReloadsTotal.inc({ result: result.changed ? 'swapped' : result.errors.length ? 'rejected' : 'unchanged' });
      rulesDegraded.set(result.errors.length ? 1 : 0);
      if (!result.errors.length) markServed(em.fork(), rules.current).catch((error: unknown) => logger.warn({ err: error }, 'Could not record the rule set in force.'));
      // A swap opens the version's period, once for the server (the first process to record it), and
      // is audited as `system` when only the folder watcher asked (hostile21 F7; rule-periods.ts).
      if (result.changed) {
        const by = result.askedBy.includes('request') ? 'request' : result.askedBy.includes('watcher') ? 'watcher' : 'peer';
        recordInForce(em, result.version, by).catch((error: unknown) => logger.warn({ err: error }, `Could not record that rule set ${result.version} is in force.`));
      }
    });
    if (config.seedDemoData) {
      reportSeeded(logger, config, await seedIfEmpty(orm.em.fork()));
    }
    const tokenKeys = keySource(config, (message) => logger.info(message));
    useCursorSecret(cursorSecret(config, tokenKeys, (message) => logger.info(message)));
    const verify = createVerifier(tokenKeys, tokenPolicyOf(config));
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
