import cluster from 'node:cluster';
import pino, { type Logger } from 'pino';
import type { Config } from './config';

/** Structured JSON logs on stdout; quiet under test. */
export function createLogger(config: Pick<Config, 'nodeEnv'>): Logger {
  return pino({
    level: config.nodeEnv === 'test' ? 'warn' : 'info',
    // One of several server processes (WEB_CONCURRENCY) says which.
    base: cluster.isWorker ? { service: 'chengxin', pid: process.pid } : { service: 'chengxin' },
    // Tokens never reach the logs.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
