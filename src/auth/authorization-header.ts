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

/** authorizationOf as a verifier's input: the header once, or a refusal the verifier passes on. */
export function verifyRequest<V>(req: Pick<IncomingMessage, 'rawHeaders' | 'headers'>, verify: (authorization: string | undefined) => Promise<V>): Promise<V> {
  try {
    return verify(authorizationOf(req));
  } catch (error) {
    return Promise.reject(error);
  }
}
