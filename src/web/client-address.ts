import type http from 'node:http';

/** Express's compiled `trust proxy` setting (app.get('trust proxy fn')): whether the hop at `index` is a trusted proxy. */
export type TrustProxy = (address: string, index: number) => boolean;

/**
 * The client's address of a request Express does not see (a WebSocket upgrade), as Express's
 * `req.ip` would give it: the TCP peer, then, while that hop is a trusted proxy (TRUST_PROXY), the
 * address it names last in X-Forwarded-For. With no proxy trusted (the default) the peer is the
 * client whatever X-Forwarded-For says, so a caller cannot name its own address.
 */
export function clientAddressOf(request: http.IncomingMessage, trust: TrustProxy = () => false): string {
  const peer = request.socket.remoteAddress ?? 'unknown';
  const header = request.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .reverse();
  const hops = [peer, ...forwarded];
  let index = 0;
  while (index < hops.length - 1 && trust(hops[index]!, index)) index++;
  return hops[index]!;
}
