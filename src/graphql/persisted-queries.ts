import type { NextFunction, Request, Response } from 'express';

/**
 * Automatic persisted queries (APQ) are off, on purpose. Chengxin's clients — the console, the
 * example client, graphql-request and codegen clients — send whole documents; APQ would add a cache
 * that any anonymous caller can fill, kept per process (behind a load balancer a hash registered
 * with one process is unknown to the next), for a saving that only matters to CDN-cached GET
 * queries, which these authorised, audited reads are not.
 *
 * A request carrying `extensions.persistedQuery` (POST body, or the `extensions` parameter of a GET)
 * is answered here, before Apollo, with HTTP 400 and PERSISTED_QUERY_NOT_SUPPORTED — the code by
 * which Apollo's clients learn to stop hashing and send the query itself. Apollo's own answers are
 * HTTP 200 for this and uncoded (INTERNAL_SERVER_ERROR) for a bad version or hash.
 */
export function refusePersistedQueries(req: Request, res: Response, next: NextFunction): void {
  if (!asksForPersistedQuery(req)) return next();
  res.status(400).json({
    errors: [{
      message: '本服务不支持自动持久化查询（APQ），请在 query 中发送完整的查询文本。 Automatic persisted queries are not supported by this server: send the whole document in "query", without extensions.persistedQuery.',
      extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
    }],
  });
}

function asksForPersistedQuery(req: Request): boolean {
  const body: unknown = req.body;
  const fromBody = (value: unknown) => typeof value === 'object' && value !== null && 'extensions' in value && hasPersistedQuery((value as { extensions: unknown }).extensions);
  if (Array.isArray(body) ? body.some(fromBody) : fromBody(body)) return true;
  const fromQuery = req.query?.extensions;
  if (typeof fromQuery !== 'string') return false;
  try {
    return hasPersistedQuery(JSON.parse(fromQuery));
  } catch {
    return false; // Apollo answers a malformed parameter itself (BAD_REQUEST)
  }
}

const hasPersistedQuery = (extensions: unknown): boolean =>
  typeof extensions === 'object' && extensions !== null && (extensions as Record<string, unknown>).persistedQuery != null;
