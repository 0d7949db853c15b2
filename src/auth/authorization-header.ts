import type { IncomingMessage } from 'node:http';
import { UnauthenticatedError } from './tokens';

/**
 * The request's Authorization header, refused when the request carries it more than once
 * (`Authorization` twice, or `Authorization` and `authorization`). Node keeps the first and drops
 * the others; a proxy, a log or a second server in front may keep another, so one request could be
 * one caller here and another there. Counted in `rawHeaders`, the headers as they came, whatever
 * their case.
 */
export function authorizationOf(req: Pick<IncomingMessage, 'rawHeaders' | 'headers'>): string | undefined {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i].toLowerCase() === 'authorization') count++;
  if (count > 1) {
    throw new UnauthenticatedError(`The request carries the Authorization header ${count} times; send it once.`);
  }
  return req.headers.authorization;
}

/**
 * A request's verifications, by verifier: one request asks up to three times who sends it (the
 * anonymous rate limit's skip, the anonymous-requests bound, the GraphQL context), and each asked
 * jose to check the signature again, ≈ 2 % of a request's CPU each (issue 13, perf20 profile). The
 * same header of the same request gets the same answer, a viewer or a refusal, so it is checked once.
 */
const verified = new WeakMap<object, Map<unknown, Promise<unknown>>>();

/** authorizationOf as a verifier's input: the header once, or a refusal the verifier passes on; checked once per request and verifier. */
export function verifyRequest<V>(req: Pick<IncomingMessage, 'rawHeaders' | 'headers'>, verify: (authorization: string | undefined) => Promise<V>): Promise<V> {
  let mine = verified.get(req);
  if (!mine) verified.set(req, (mine = new Map()));
  let answer = mine.get(verify) as Promise<V> | undefined;
  if (!answer) {
    try {
      answer = verify(authorizationOf(req));
    } catch (error) {
      answer = Promise.reject(error);
    }
    // Each caller handles the refusal its own way; none is left unhandled because another asked first.
    answer.catch(() => undefined);
    mine.set(verify, answer);
  }
  return answer;
}
