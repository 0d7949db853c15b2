import { createServer } from 'node:http';
import { registry } from '../metrics';
import { openQueue } from '../sweep/queue';
import { startWorker } from '../sweep/worker';
import type { CliRuntime } from './runtime';

/**
 * `chengxin worker`: takes sweep chunks from the queue until stopped (SIGINT/SIGTERM finish the
 * chunks in hand first). Started by a sweep (`--run`), it exits when that run is complete, and at
 * once if the sweep's process dies, so that a killed sweep leaves no workers behind.
 */
export async function workerCommand(runtime: CliRuntime, options: { concurrency: number; run?: string; quiet?: boolean; metricsPort?: number }): Promise<void> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const databaseUrl = runtime.orm.config.get('clientUrl')!;
  const boss = await openQueue(databaseUrl, (error) => say(`队列错误 queue error: ${error.message}`));
  const worker = startWorker({
    orm: runtime.orm,
    unitOfWork: runtime.deps,
    factsBatch: runtime.config.sweepFactsBatch,
    boss,
    concurrency: Math.max(1, options.concurrency),
    untilRunCompletes: options.run,
    onChunk: (r) => {
      if (!options.quiet && !r.alreadyDone) say(`sweep ${r.runId} chunk ${r.seq}: ${r.evaluated} evaluated, ${r.failed} failed`);
    },
    onFailure: (job, error) => say(`块处理失败 chunk failed: sweep ${job.runId} chunk ${job.seq}: ${error.message}`),
    onQueueError: (error) => say(`队列不可用，稍后重试 queue unreachable, retrying: ${error.message}`),
  });
  // Prometheus scrapes a worker like the server: chunks, subjects by outcome, Node's own figures.
  const metrics = options.metricsPort === undefined ? null : createServer((_request, response) => {
    void registry.metrics().then((text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text));
  }).listen(options.metricsPort, runtime.config.host);
  const stop = () => worker.stop();
  process.once('SIGINT', stop).once('SIGTERM', stop);
  // A sweep's worker talks to it over an IPC channel only to notice its death; the channel must not keep it alive.
  process.channel?.unref();
  process.once('disconnect', () => process.exit(1));
  if (!options.quiet) say(`工作进程已就绪 worker ready (pid ${process.pid}, ${options.concurrency} at once); 按 Ctrl-C 停止 / Ctrl-C stops it.`);
  try {
    await worker.done;
  } finally {
    await boss.stop({ graceful: false, close: true, wait: true }).catch(() => undefined);
    metrics?.close();
    await runtime.close();
  }
}
