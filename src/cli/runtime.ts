import 'reflect-metadata';
import type { MikroORM, Options } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import { loadConfig, type Config } from '../config';
import { openDatabase, type DatabaseHandle } from '../db/database';
import { initORM } from '../db/orm';
import { seedIfEmpty } from '../demo/seed';
import { RuleSetHolder } from '../engine/rule-set-holder';
import { createContext, evaluationDeps } from '../graphql/context';
import { createFactsRunner } from '../graphql/facts-runner';
import { getFactsSchema, getSchema } from '../graphql/schema';
import type { EvaluationDeps } from '../evaluation/evaluate.service';
import type { FactsRunner } from '../evaluation/facts';
import { loadServingRules } from '../evaluation/serving-rules';

/** What a command needs: the same configuration, database, migrations, rules and schema as the server. */
export interface CliRuntime {
  config: Config;
  orm: MikroORM;
  rules: RuleSetHolder;
  schema: GraphQLSchema;
  /** The one facts runner (as the system, read-only). */
  facts: FactsRunner;
  /** A fresh unit of work for one evaluation. */
  deps(): EvaluationDeps;
  close(): Promise<void>;
}

/**
 * Opens the runtime; progress goes to stderr so that stdout holds only the command's answer.
 * `ormOverrides` lets a command size the ORM's pool (a worker: one connection per chunk in hand).
 */
export async function openRuntime(ormOverrides: Partial<Options> = {}): Promise<CliRuntime> {
  const config = loadConfig();
  const schema = await getSchema();
  const database: DatabaseHandle = await openDatabase(config, (message) => process.stderr.write(`${message}\n`));
  try {
    const { orm } = await initORM(database.clientUrl, ormOverrides);
    // The same rule set the server would serve: the folder, or (said on stderr) the last good stored set.
    const say = (message: string) => process.stderr.write(`${message}\n`);
    const serving = await loadServingRules(orm.em.fork(), config.rulesDir, schema, { info: say, warn: say }).catch(async (error: unknown) => {
      await orm.close();
      throw error;
    });
    const rules = new RuleSetHolder(serving.ruleSet);
    if (config.seedDemoData) await seedIfEmpty(orm.em.fork());
    const facts = createFactsRunner(await getFactsSchema(), orm.em, rules);
    return {
      config,
      orm,
      rules,
      schema,
      facts,
      deps: () => evaluationDeps(createContext(orm.em, rules, facts)),
      async close() {
        await orm.close();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
