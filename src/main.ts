import 'reflect-metadata';
import cluster from 'node:cluster';
import { ConfigError, loadConfig } from './config';
import { startApp } from './app';
import { runCluster } from './cluster';
import { createLogger } from './logger';

/**
 * `npm start`: the server with its database, migrated and seeded; with WEB_CONCURRENCY > 1 (the
 * default in production on a machine with several cores) as that many processes (src/cluster.ts),
 * each of which runs the code below.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config);
  const processes = config.webConcurrency ?? 1;
  if (cluster.isPrimary && processes > 1) return runCluster(config, logger, processes);
  const app = await startApp(config, logger);
  logger.info({ url: app.http.url }, `Chengxin is serving GraphQL at ${app.http.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Stopping: finishing requests in flight, then closing the database.');
    app.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'Stopping failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
