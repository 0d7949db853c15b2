import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Viewer } from '../../auth/role';
import { verifyRequest } from '../../auth/authorization-header';
import { errorsTotal } from '../../metrics';

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

/** The `sub` of the token the request carries when it verifies (one holder, logged by it), else null; kept on the request. */
const holders = new WeakMap<Request, Promise<string | null>>();
function holderOf(req: Request, verify: (authorization: string | undefined) => Promise<Viewer>): Promise<string | null> {
  let known = holders.get(req);
  if (!known) {
    known = req.headers.authorization === undefined ? Promise.resolve(null) : verifyRequest(req, verify).then((viewer) => viewer.subject, () => null);
    holders.set(req, known);
  }
  return known;
}
/** Whether the request carries a token that verifies (kept per request: verified once). */
export const isSignedIn = (req: Request, verify: (authorization: string | undefined) => Promise<Viewer>): Promise<boolean> => holderOf(req, verify).then((sub) => sub !== null);

function refuse(res: Response, status: number, code: string, message: string, extensions: Record<string, unknown>): void {
  errorsTotal.inc({ code });
  // The body is not read: the connection is closed after the answer, so no unread bytes linger.
  res.setHeader('Connection', 'close');
  res.status(status).json({ errors: [{ message, extensions: { code, http: { status }, ...extensions } }] });
}

/**
 * An answer larger than this stays counted after Node has handed it to the kernel (hostile17 N4): the
 * kernel's send buffer on a connection takes megabytes whether or not the client reads, so "finished"
 * said nothing of "read" — 100 unread 1.2 MB answers from one address were all served in 5 s, 65 MB
 * held in kernel queues. Smaller answers fit the buffers anyway and leave the count when finished.
 */
export const LARGE_ANSWER_BYTES = 64 * 1024;

/**
 * Counts requests in flight, anonymous ones per client address and signed-in ones per token holder
 * (`sub`, hostile14 F2: one display token held 20 unread 8.6 MB answers, with nothing to stop a
 * thousand), and refuses one past the limit, before its body is read. A request leaves the count when
 * its connection closes, or when its response is finished (answer-deadline.ts bounds how long that
 * takes) — but a finished answer over LARGE_ANSWER_BYTES only when the client shows it has read it:
 * by sending its next request on the same connection, or closing it (an idle connection is closed
 * after the server's keep-alive timeout), and at the latest after `holdSeconds`.
 */
export function requestsInFlight(perAddress: number, perHolder: number, verify: (authorization: string | undefined) => Promise<Viewer>, holdSeconds = 30): RequestHandler {
  const inFlight = new Map<string, number>();
  /** Per connection: the release of a large finished answer still counted. */
  const heldOn = new WeakMap<object, () => void>();
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === 'OPTIONS') return next();
    // A new request on the connection: the client has read what came before it.
    heldOn.get(req.socket)?.();
    const writtenBefore = req.socket.bytesWritten;
    holderOf(req, verify).then((holder) => {
      const key = holder === null ? `address ${ipKeyGenerator(req.ip ?? 'unknown')}` : `holder ${holder}`;
      const limit = holder === null ? perAddress : perHolder;
      const count = inFlight.get(key) ?? 0;
      if (count >= limit) {
        return holder === null
          ? refuse(res, 429, 'TOO_MANY_IN_FLIGHT', `Too many requests without a token from this address are under way at once: at most ${limit} (PUBLIC_IN_FLIGHT_PER_ADDRESS). Nothing was run. Wait for the others to finish; systems that need more sign in with a token (Authorization: Bearer …).`, { limit })
          : refuse(res, 429, 'TOO_MANY_IN_FLIGHT', `Too many requests with this token (sub ${holder}) are under way at once: at most ${limit} (IN_FLIGHT_PER_TOKEN). Nothing was run. Wait for the others to finish, and read each answer.`, { limit });
      }
      inFlight.set(key, count + 1);
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        const now = (inFlight.get(key) ?? 1) - 1;
        if (now <= 0) inFlight.delete(key);
        else inFlight.set(key, now);
      };
      res.once('close', () => {
        const socket = req.socket;
        if (!res.writableFinished || socket.destroyed || socket.bytesWritten - writtenBefore <= LARGE_ANSWER_BYTES) return leave();
        const timer = setTimeout(release, holdSeconds * 1000).unref();
        function release() {
          clearTimeout(timer);
          socket.off('close', release);
          if (heldOn.get(socket) === release) heldOn.delete(socket);
          leave();
        }
        socket.once('close', release);
        heldOn.get(socket)?.(); // one held answer per connection: the one before it was read
        heldOn.set(socket, release);
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
