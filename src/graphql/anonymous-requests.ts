import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Viewer } from '../auth/role';
import { verifyRequest } from '../auth/authorization-header';
import { errorsTotal } from '../metrics';

/**
 * What an anonymous HTTP request may hold on the server while its body arrives (hostile13 F2). An
 * anonymous client sent gzip bodies of 999 KB less their last bytes: express.json inflated each and
 * held it (up to the 1 MB limit) until the body ended, for Node's default request timeout of 300 s,
 * about 1 MB of memory per 1 KB sent. Now a request without a valid token:
 *  - may send a plain body of at most PUBLIC_BODY_LIMIT_BYTES (an anonymous document is at most 2,000
 *    tokens, LIMITS.tokens; the console's largest is a few KB); more is HTTP 413, BODY_TOO_LARGE;
 *  - may not send a compressed body (Content-Encoding): HTTP 415, ENCODING_UNSUPPORTED, at once, its
 *    body not read (a small body gains nothing from it, and an inflated one is what was held);
 *  - may have at most PUBLIC_IN_FLIGHT_PER_ADDRESS requests in flight (body being read or being
 *    answered) per client address (req.ip; IPv6 by /56, as the rate limit); more is HTTP 429,
 *    TOO_MANY_IN_FLIGHT, nothing read;
 * and every request, signed in or not, must arrive whole within HTTP_REQUEST_TIMEOUT_SECONDS (its
 * headers within HTTP_HEADERS_TIMEOUT_SECONDS), else Node answers 408 and closes the connection
 * (server.ts). Signed-in callers keep the 1 MB limit: they are named and logged.
 */
export const PUBLIC_BODY_LIMIT_BYTES = 64 * 1024;
/** Every caller's body limit: a token holder's mutation with many inputs. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Whether the request carries a token that verifies (one holder, logged by `sub`); the verdict is kept on the request. */
const signedIn = new WeakMap<Request, Promise<boolean>>();
function isSignedIn(req: Request, verify: (authorization: string | undefined) => Promise<Viewer>): Promise<boolean> {
  let known = signedIn.get(req);
  if (!known) {
    known = req.headers.authorization === undefined ? Promise.resolve(false) : verifyRequest(req, verify).then((viewer) => viewer.subject !== null, () => false);
    signedIn.set(req, known);
  }
  return known;
}

function refuse(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown>): void {
  errorsTotal.inc({ code });
  // The body is not read: the connection is closed after the answer, so no unread bytes linger.
  res.setHeader('Connection', 'close');
  res.status(status).json({ errors: [{ message, extensions: { code, http: { status }, ...extensions } }] });
}

/**
 * Counts anonymous requests in flight per client address and refuses one past `perAddress`, before
 * its body is read. A request leaves the count when its response is finished or its connection closes.
 */
export function anonymousInFlight(perAddress: number, verify: (authorization: string | undefined) => Promise<Viewer>): RequestHandler {
  const inFlight = new Map<string, number>();
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    isSignedIn(req, verify).then((holder) => {
      if (holder) return next();
      const key = ipKeyGenerator(req.ip ?? 'unknown');
      const count = inFlight.get(key) ?? 0;
      if (count >= perAddress) {
        return refuse(res, 429, 'TOO_MANY_IN_FLIGHT', `Too many requests without a token from this address are under way at once: at most ${perAddress} (PUBLIC_IN_FLIGHT_PER_ADDRESS). Nothing was run. Wait for the others to finish; systems that need more sign in with a token (Authorization: Bearer …).`, { limit: perAddress });
      }
      inFlight.set(key, count + 1);
      let left = false;
      res.once('close', () => {
        if (left) return;
        left = true;
        const now = (inFlight.get(key) ?? 1) - 1;
        if (now <= 0) inFlight.delete(key);
        else inFlight.set(key, now);
      });
      next();
    }, next);
  };
}

/** express.json with the body limit of the caller: PUBLIC_BODY_LIMIT_BYTES without a valid token, BODY_LIMIT_BYTES with one. */
export function jsonBody(verify: (authorization: string | undefined) => Promise<Viewer>): RequestHandler {
  const signedInParser = express.json({ limit: BODY_LIMIT_BYTES });
  const anonymousParser = express.json({ limit: PUBLIC_BODY_LIMIT_BYTES, inflate: false });
  return (req: Request, res: Response, next: NextFunction) => {
    isSignedIn(req, verify).then((holder) => {
      if (holder) return signedInParser(req, res, next);
      anonymousParser(req, res, (error?: unknown) => {
        const type = (error as { type?: string } | undefined)?.type;
        if (type === 'encoding.unsupported') {
          return refuse(res, 415, 'ENCODING_UNSUPPORTED', `A request without a token may not send a compressed body (Content-Encoding: ${String(req.headers['content-encoding'])}). Send it uncompressed (at most ${PUBLIC_BODY_LIMIT_BYTES / 1024} KB), or sign in with a token. Nothing was run.`, {});
        }
        if (type !== 'entity.too.large') return next(error);
        refuse(res, 413, 'BODY_TOO_LARGE', `The request body is larger than ${PUBLIC_BODY_LIMIT_BYTES / 1024} KB, the limit for a request without a token. Send a smaller query (variables for long values), or sign in with a token (limit ${BODY_LIMIT_BYTES / 1024 / 1024} MB). Nothing was run.`, { limit: PUBLIC_BODY_LIMIT_BYTES });
      });
    }, next);
  };
}
