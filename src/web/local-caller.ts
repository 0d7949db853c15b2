import type { Request } from 'express';

/**
 * A request from this machine itself, not relayed by a proxy: a loopback peer and no
 * X-Forwarded-For, Forwarded or X-Real-IP header (a proxy on the same machine adds one, so a
 * proxy in front does not make every caller local). For the operator's own scraper and probes.
 */
export function fromLoopbackDirectly(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  const loopback = address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
  return loopback && req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined && req.headers['x-real-ip'] === undefined;
}
