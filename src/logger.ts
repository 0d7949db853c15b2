import cluster from 'node:cluster';
import { createHmac, randomBytes } from 'node:crypto';
import pino, { type Logger } from 'pino';
import type { Config } from './config';

/**
 * Request headers that carry a credential, redacted in every request log line: the token (`authorization`,
 * `cookie`), and what proxies and API gateways in front of the server send — `Proxy-Authorization`
 * (Basic credentials to the proxy) and API keys — which were logged in clear (hostile19 N1).
 */
export const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'x-api-key', 'api-key', 'x-auth-token', 'x-access-token', 'x-amz-security-token'] as const;

/** Structured JSON logs on stdout (or `destination`); quiet under test. */
export function createLogger(config: Pick<Config, 'nodeEnv'>, destination?: pino.DestinationStream): Logger {
  return pino({
    level: config.nodeEnv === 'test' ? 'warn' : 'info',
    // One of several server processes (WEB_CONCURRENCY) says which.
    base: cluster.isWorker ? { service: 'chengxin', pid: process.pid } : { service: 'chengxin' },
    // Tokens never reach the logs.
    redact: { paths: CREDENTIAL_HEADERS.map((name) => `req.headers["${name}"]`), censor: '[redacted]' },
  }, destination);
}

/** A key of this process's own: the same query string hashes alike within one process's log, and cannot be guessed back from it. */
const QUERY_KEY = randomBytes(32);

/** A URL's query string as the log may keep it: its length and a keyed hash, never the text. */
function withoutQueryString(url: string): { path: string; query?: { length: number; hmac: string } } {
  const at = url.indexOf('?');
  if (at < 0) return { path: url };
  const text = url.slice(at + 1);
  return { path: url.slice(0, at), query: { length: text.length, hmac: createHmac('sha256', QUERY_KEY).update(text).digest('hex').slice(0, 16) } };
}

/**
 * The request as its log line shows it (pino-http's `req` serializer, given pino's own serialised
 * request). A GET to /graphql carries the whole document and its variables in the query string —
 * an ID-card number searched for, a name — so the URL is logged without it (its length and a keyed
 * hash instead, to tell repeated requests apart), and so is a Referer's; Express's parsed `query`
 * and `params` are dropped. What was asked is logged as the operation's type, name and root fields
 * (src/graphql/server.ts), never the document or the variables (hostile5 F8).
 */
export function requestForLog(req: { url?: string; query?: unknown; params?: unknown; headers?: Record<string, unknown>; [key: string]: unknown }): Record<string, unknown> {
  const { query: _query, params: _params, url, headers, ...rest } = req;
  const { path, query } = withoutQueryString(url ?? '');
  const referer = headers?.referer;
  return {
    ...rest,
    url: path,
    ...(query ? { queryString: query } : {}),
    headers: typeof referer === 'string' ? { ...headers, referer: withoutQueryString(referer).path } : headers,
  };
}
