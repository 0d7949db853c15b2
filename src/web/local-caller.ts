import type { Request } from 'express';

/**
 * Headers by which a proxy names the client it relays. Any of them present, even empty, means the
 * request was relayed: a proxy that sends an empty X-Forwarded-For, or names the client only in
 * X-Client-IP, True-Client-IP or CF-Connecting-IP (Cloudflare), or says only Via, still stands between.
 */
const RELAYED_BY = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-client-ip', 'true-client-ip', 'cf-connecting-ip', 'via'] as const;

/**
 * A request from this machine itself, not relayed by a proxy: a loopback peer and none of the
 * headers a proxy adds (RELAYED_BY; a proxy on the same machine adds one, so a proxy in front does
 * not make every caller local). For the operator's own scraper and probes.
 */
export function fromLoopbackDirectly(req: Request): boolean {
  const address = req.socket.remoteAddress ?? '';
  const loopback = address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
  return loopback && RELAYED_BY.every((header) => req.headers[header] === undefined);
}
