import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { prepareOnce } from './app';
import type { Config } from './config';
import { serveSharedCounts } from './graphql/shared-counts';
import { serveRuleReloads } from './cluster-rules';

/**
 * WEB_CONCURRENCY > 1: this process (the primary) prepares the database once (prepareOnce: the
 * embedded PostgreSQL if any, migrations, rules, demo data, key material), then forks that many
 * server processes (node:cluster), which share the port: the primary accepts connections and hands
 * them to the processes in turn. A process that stops after it served is replaced; one that stops
 * before it ever listened (a port in use, a broken start) stops the whole server with an error.
 * SIGTERM/SIGINT are passed on; each process finishes its requests in flight, then the primary
 * stops the embedded database.
 *
 * The rate limits keep their counts here, in the primary, for every process (shared-counts.ts): the
 * anonymous rate per address, PERSONAL_READS_PER_MINUTE and AUDITED_READS_PER_MINUTE per token
 * holder hold for the whole server, not once per process (sec23).
 *
 * One rule set for the whole server (hostile21 F1, cluster-rules.ts): a `reloadRules` answered by
 * one process is carried to every other through the primary and answered once all have the
 * version; a sweep is started only under the version every process serves.
 *
 * Per process, as with several servers behind a load balancer: /metrics counts (a scrape reads
 * the process that answers it), what a process holds itself (requests in flight, open WebSockets
 * and their limits, SOCKET_LIMITS; the preview lock), the rules watcher (each process reloads the
 * same files; the swap is recorded and audited once, src/evaluation/rule-periods.ts).
 */
export async function runCluster(config: Config, logger: Logger, processes: number): Promise<void> {
  const prepared = await prepareOnce(config, logger);
  // Before any process is forked: the first count a process asks for finds the primary listening.
  serveSharedCounts();
  // reloadRules reaches every process, and a sweep starts only under a version all of them serve.
  serveRuleReloads();
  // The processes use the database prepared here and seed nothing (done above).
  const env = { DATABASE_URL: prepared.clientUrl, SEED_DEMO_DATA: 'false' };
  const running = new Set<Worker>();
  const served = new WeakSet<Worker>();
  let stopping = false;
  let exitCode = 0;

  const finish = async () => {
    try {
      await prepared.stop();
    } catch (error) {
      logger.error({ err: error }, 'Stopping the database failed');
      exitCode = 1;
    }
    process.exit(exitCode);
  };
  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    logger.info({ reason }, `Stopping ${running.size} server process(es): finishing requests in flight, then closing the database.`);
    for (const worker of running) worker.process.kill('SIGTERM');
    if (!running.size) void finish();
  };
  const fork = () => {
    const worker = cluster.fork(env);
    running.add(worker);
    worker.once('listening', () => served.add(worker));
  };

  cluster.on('exit', (worker, code, signal) => {
    running.delete(worker);
    if (stopping) {
      if (!running.size) void finish();
      return;
    }
    if (!served.has(worker)) {
      logger.error({ pid: worker.process.pid, code, signal }, 'A server process stopped before it served (see its error above); stopping.');
      stop('a server process failed to start', 1);
      return;
    }
    logger.warn({ pid: worker.process.pid, code, signal }, 'A server process stopped; starting another.');
    fork();
  });
  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  for (let i = 0; i < processes; i++) fork();
  logger.info({ processes }, `Starting ${processes} server processes (WEB_CONCURRENCY).`);
}
