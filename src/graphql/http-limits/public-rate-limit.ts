import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { Viewer } from '../../auth/role';
import { verifyRequest } from '../../auth/authorization-header';
import type { Config } from '../../config';
import { PUBLIC_RATE_DEFAULTS } from '../../config-defaults';
import { errorsTotal, rateLimitedTotal } from '../../metrics';
import { sharedStore } from '../shared-counts';

/**
 * Per-caller rate limiting of anonymous GraphQL requests (express-rate-limit, in process): at most
 * PUBLIC_RATE_LIMIT requests per PUBLIC_RATE_WINDOW_SECONDS from one client address (an IPv6
 * address counts by its /56, as the library does by default, so one host cannot rotate through
 * its addresses). The client address is the TCP peer, or with TRUST_PROXY set the address the
 * trusted proxies name in X-Forwarded-For (Express's `req.ip`).
 *
 * Only requests without a valid token are counted: an anonymous request may run costly reads (a page
 * of enterprises' public statuses), and nothing else tells one anonymous caller from another. A
 * request whose Authorization header holds a valid token is not counted: the token names its holder, whose every
 * request is logged with the `sub` and whose writes are audited (README, "Who may see and do
 * what"); offices of many signed-in users often share one address behind NAT. A header that is
 * empty, malformed or holds a token that fails verification counts as anonymous (hostile10 N7): the
 * request is refused with UNAUTHENTICATED, but only after its body was read and parsed.
 *
 * A refused request gets HTTP 429 with `Retry-After` and one GraphQL error coded RATE_LIMITED; it
 * is counted in chengxin_rate_limited_total. The count is the server's, not one process's: with
 * WEB_CONCURRENCY processes the cluster's primary keeps it (shared-counts.ts, sec23).
 *
 * `take` counts one message of an anonymous WebSocket (a Subscribe, parsed, validated and costed
 * like a request) against the same address's count (hostile8 F9): sockets are no way round the limit.
 */
export interface PublicRateLimit {
  middleware: RequestHandler;
  /** Counts one anonymous request from `address` that did not come through the middleware; whether it is within the limit, and when to retry. */
  take(address: string): Promise<{ allowed: boolean; limit: number; windowSeconds: number; retryAfterSeconds: number }>;
}

export function publicRateLimit(config: Pick<Config, 'publicRateLimit' | 'publicRateWindowSeconds'>, verify: (authorization: string | undefined) => Promise<Viewer>): PublicRateLimit | null {
  const limit = config.publicRateLimit ?? PUBLIC_RATE_DEFAULTS.limit;
  const windowSeconds = config.publicRateWindowSeconds ?? PUBLIC_RATE_DEFAULTS.windowSeconds;
  if (limit <= 0) return null;
  // For the whole server: with WEB_CONCURRENCY processes the cluster's primary keeps the count (shared-counts.ts).
  const store = sharedStore('public-rate');
  // The library's own key (an IPv6 address by its /56), for HTTP requests and socket messages alike.
  const keyOf = (address: string) => ipKeyGenerator(address);
  const middleware = rateLimit({
    store,
    keyGenerator: (req: Request) => keyOf(req.ip ?? 'unknown'),
    windowMs: windowSeconds * 1000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    // Its start-up checks write plain lines to the console, outside the JSON log; TRUST_PROXY is checked in src/config.ts.
    validate: false,
    // Preflights carry no query; a token holder is accountable by name (above), a token that fails is none.
    skip: async (req: Request) =>
      // A header given twice is refused (authorization-header.ts) and counted, whatever its first token.
      req.method === 'OPTIONS' || (req.headers.authorization !== undefined && (await verifyRequest(req, verify).then((viewer) => viewer.subject !== null, () => false))),
    handler: (req: Request, res: Response) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const retryAfter = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowSeconds * 1000) - Date.now()) / 1000));
      rateLimitedTotal.inc();
      errorsTotal.inc({ code: 'RATE_LIMITED' });
      res.setHeader('Retry-After', String(retryAfter));
      res.status(429).json({
        errors: [
          {
            message: `Too many requests without a token from this address: at most ${limit} in ${windowSeconds} s (PUBLIC_RATE_LIMIT, PUBLIC_RATE_WINDOW_SECONDS). Nothing was run. Retry after ${retryAfter} s; systems that need more sign in with a token (Authorization: Bearer …), whose requests are not limited by address.`,
            extensions: { code: 'RATE_LIMITED', limit, windowSeconds, retryAfterSeconds: retryAfter, http: { status: 429 } },
          },
        ],
      });
    },
  });
  return {
    middleware,
    async take(address) {
      const { totalHits, resetTime } = await store.increment(keyOf(address));
      const retryAfterSeconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + windowSeconds * 1000) - Date.now()) / 1000));
      const allowed = totalHits <= limit;
      if (!allowed) {
        rateLimitedTotal.inc();
        errorsTotal.inc({ code: 'RATE_LIMITED' });
      }
      return { allowed, limit, windowSeconds, retryAfterSeconds };
    },
  };
}
