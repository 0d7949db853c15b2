import type http from 'node:http';
import { ipKeyGenerator } from 'express-rate-limit';
import type { PublicRateLimit } from './http-limits';
import { sharedPlaceCounter } from './shared-counts';

/**
 * How long the server waits for the client's answer to its close frame before it drops the TCP
 * connection (ws's `closeTimeout`, 30 s by default). A client that never answers held its file
 * descriptor 30 s after every 4408/4403 close (hostile19 F1); a well-behaved client answers at once.
 */
export const SOCKET_CLOSE_TIMEOUT_MS = 1_000;
/** The WebSocketServer option (ws 8.18+; @types/ws does not know it yet). */
export const promptClose: { closeTimeout: number } = { closeTimeout: SOCKET_CLOSE_TIMEOUT_MS };

/** What `verifyClient` of ws is given and answers (ws's own types, narrowed to what is used). */
type VerifyInfo = { req: http.IncomingMessage };
type VerifyCallback = (result: boolean, code?: number, message?: string, headers?: http.OutgoingHttpHeaders) => void;

export interface UpgradeGuard {
  /** ws's `verifyClient`: counts the upgrade against its client address, or refuses it (HTTP 429) when the address already has its most sockets waiting. */
  verifyClient(info: VerifyInfo, callback: VerifyCallback): void;
  /** The socket's connection_init was accepted (connection_ack): it no longer waits, and is held by the limits of its kind (per holder, per public address). */
  acknowledged(request: http.IncomingMessage): void;
  /** Counts one anonymous request of the socket's address against the anonymous rate (its opening without a token, a token that failed): whether it is within. */
  take(request: http.IncomingMessage): Promise<{ allowed: boolean; limit: number; windowSeconds: number; retryAfterSeconds: number }>;
}

/**
 * The WebSocket upgrade, guarded per client address before any connection_init (hostile19 F1). Every
 * socket counts from its upgrade against its address (keyed as the anonymous rate limit keys: an IPv6
 * address by its /56) until its connection_init is acknowledged or its TCP connection closes; an
 * address holding `perAddress` such sockets gets HTTP 429 on its next upgrade, and no socket. The count
 * is the server's, whatever WEB_CONCURRENCY (shared-counts.ts, sec23). Before,
 * 3,000 upgrades that never sent connection_init were all switched and each held a descriptor ~33 s.
 *
 * A socket that closes without having been acknowledged and without having been counted (it never sent
 * connection_init, or sent a refused one) counts once against the address's anonymous rate, as an
 * HTTP request without a valid token does; a token that fails verification is counted at once (`take`).
 */
export function upgradeGuard(options: {
  perAddress: number;
  addressOf: (request: http.IncomingMessage) => string;
  publicRate?: Pick<PublicRateLimit, 'take'>;
}): UpgradeGuard {
  const { perAddress, addressOf, publicRate } = options;
  /** Sockets per address key not yet acknowledged, for the whole server (shared-counts.ts). */
  const waiting = sharedPlaceCounter('ws-waiting');
  /** Per upgrade request: its address key, and whether it still waits and was counted against the rate. */
  const entries = new WeakMap<http.IncomingMessage, { key: string; waiting: boolean; counted: boolean; acknowledged: boolean }>();

  const release = (key: string) => waiting.giveBack(key);
  const take = async (request: http.IncomingMessage) => {
    const entry = entries.get(request);
    if (entry) entry.counted = true;
    if (!publicRate) return { allowed: true, limit: 0, windowSeconds: 0, retryAfterSeconds: 0 };
    return publicRate.take(addressOf(request));
  };

  return {
    verifyClient({ req }, callback) {
      const key = ipKeyGenerator(addressOf(req));
      waiting.take(key, perAddress).then(
        (taken) => {
          if (!taken) {
            callback(false, 429, `Too many connections: at most ${perAddress} WebSockets from one address waiting for their connection_init (PUBLIC_SOCKETS_PER_ADDRESS); send connection_init at once, or retry later`, { 'Retry-After': '1' });
            return;
          }
          // Gone while the place was taken: nothing will close it again.
          if (req.socket.destroyed) {
            release(key);
            callback(false, 400, 'The connection closed');
            return;
          }
          const entry = { key, waiting: true, counted: false, acknowledged: false };
          entries.set(req, entry);
          req.socket.once('close', () => {
            if (entry.waiting) release(key);
            entry.waiting = false;
            // Opened and never acknowledged nor counted: a request without a valid token, like any other.
            if (!entry.acknowledged && !entry.counted) void take(req).catch(() => undefined);
          });
          callback(true);
        },
        // The cluster's primary did not answer (shared-counts.ts): no socket, rather than one uncounted.
        () => callback(false, 503, 'The server is busy: the connection could not be counted; retry in a moment', { 'Retry-After': '1' }),
      );
    },
    acknowledged(request) {
      const entry = entries.get(request);
      if (!entry) return;
      entry.acknowledged = true;
      if (entry.waiting) release(entry.key);
      entry.waiting = false;
    },
    take,
  };
}
