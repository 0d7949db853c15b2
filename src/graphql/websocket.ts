import type http from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { ipKeyGenerator } from 'express-rate-limit';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { Role, type Viewer } from '../auth/role';
import { SUBSCRIPTION_DEFAULTS } from '../config-defaults';
import type { ChangeFeed } from './change-feed';
import type { GraphQLContext } from './context';
import { recordSubscriptionReads } from '../audit/subscription-reads';
import { SOCKET_LIMITS } from './limits';
import type { PublicRateLimit } from './http-limits';
import { EXPIRED, OpenSockets, tokenExpired, type SocketContext } from './open-sockets';
import { firstMessageDuplicate, initRefusal } from './socket-init';
import { subscriptionOf } from './socket-subscription';
import { promptClose, upgradeGuard } from './ws-upgrade-guard';
import { sharedPlaceCounter } from './shared-counts';

/** 4429, which graphql-ws clients treat as fatal: they stop instead of retrying into the same limit. */
const TOO_MANY_SOCKETS = CloseCode.TooManyInitialisationRequests;
/** WebSocket close code 1013 (Try Again Later): a count the cluster's primary did not answer (shared-counts.ts). */
const TRY_AGAIN_LATER = 1013;

/**
 * A token holder's oldest socket, closed when the holder opens one more than SOCKET_LIMITS allows:
 * newest wins. A custom 4xxx code, which graphql-ws clients retry (4429 they do not): a replayed
 * token's sockets could otherwise lock its holder out until it expires (hostile7 N5).
 */
const SUPERSEDED = { code: 4410, reason: 'Replaced: the same token holder opened a newer connection' };

/**
 * What the public's per-address count keys on: the anonymous rate limit's own key (an IPv6 address
 * by its /56, http-limits/public-rate-limit.ts). Keyed on the exact address, every address of one /64 — one
 * home line — was its own key, and one line took every public socket of the process (hostile10 F5).
 */
const addressKey = (address: string) => `addr:${ipKeyGenerator(address)}`;

export interface SubscriptionLimits {
  subscriptionsPerSocket: number;
  changes?: ChangeFeed;
  /** Public sockets per client address (PUBLIC_SOCKETS_PER_ADDRESS). */
  publicSocketsPerAddress?: number;
  /** The client's address of an upgrade request (the TCP peer, or as TRUST_PROXY says); default the peer. */
  clientAddress?: (request: http.IncomingMessage) => string;
  /** The anonymous HTTP requests' per-address limiter: an anonymous socket's opening and its Subscribe messages count against it too. */
  publicRate?: Pick<PublicRateLimit, 'take'>;
}

/**
 * The largest `ping` payload echoed back in a `pong`, in bytes of JSON. graphql-ws echoes a ping's
 * payload whole: 2,000 pings of 60 KB on one public socket came back as 120 MB, and pings were not
 * counted as messages (hostile18 N2). A keep-alive ping carries nothing or a timestamp; a socket
 * sending a larger payload is closed (4400) before anything is echoed.
 */
export const PING_PAYLOAD_BYTES = 1024;

/** What the anonymous rate limit answers for one more request. */
type RateResult = Awaited<ReturnType<PublicRateLimit['take']>>;

/** 4429: a graphql-ws client does not retry into the same limit. */
const RATE_LIMITED = { code: CloseCode.TooManyInitialisationRequests, reason: 'Too many requests without a token from this address' };

/**
 * Subscriptions over WebSocket (the graphql-ws protocol) on the HTTP server's own port and path.
 * The token comes in the connection_init payload ({"authorization": "Bearer …"}; none for the
 * public) and is checked as the HTTP header is; every subscription document passes the same limits
 * as a request over HTTP (tokens, depth, aliases, directives, cost) before it runs. Only
 * subscriptions are served here: queries and mutations go over HTTP, where reads are audited.
 *
 * A socket outlives no token: it is closed (4403) when its token expires, and a subscription sent
 * on it afterwards is refused. What one caller may hold open is bounded (SOCKET_LIMITS): the message
 * size, the subscriptions per socket, the sockets per token holder (newest wins, SUPERSEDED), the
 * public's sockets together and per client address (4429; an IPv6 address by its /56, as the rate
 * limit counts it), and the public's share of the process's subscriptions (ChangeFeed). A public
 * socket's opening and its Subscribe messages count against the anonymous rate limit.
 * (Tokens cannot be revoked before they expire in Chengxin; their lifetime is bounded instead, by
 * JWT_MAX_TTL_DAYS.)
 */
export function serveSubscriptions(
  server: http.Server,
  schema: GraphQLSchema,
  verify: (authorization: string | undefined) => Promise<Viewer>,
  contextFor: (viewer: Viewer) => GraphQLContext,
  log?: Logger,
  limits: SubscriptionLimits = { subscriptionsPerSocket: SOCKET_LIMITS.subscriptionsPerSocket },
): { close(): Promise<void> } {
  const perSocket = limits.subscriptionsPerSocket;
  const perAddress = limits.publicSocketsPerAddress ?? SUBSCRIPTION_DEFAULTS.publicSocketsPerAddress;
  const addressOf = limits.clientAddress ?? ((request: http.IncomingMessage) => request.socket.remoteAddress ?? 'unknown');
  // Counted and capped per address at the upgrade, before any connection_init (hostile19 F1, ws-upgrade-guard.ts).
  const guard = upgradeGuard({ perAddress, addressOf, publicRate: limits.publicRate });
  const sockets = new WebSocketServer({ server, path: '/graphql', maxPayload: SOCKET_LIMITS.maxPayload, ...promptClose, verifyClient: guard.verifyClient });
  const viewers = new WeakMap<object, Viewer>();
  /** Per socket: a key its first message (connection_init) holds twice, read from the raw text before graphql-ws parses it. */
  const initDuplicates = new WeakMap<object, string>();
  const open = new OpenSockets();
  /** Anonymous sockets per client address, for the whole server (shared-counts.ts); per socket, the address whose place it holds. */
  const addressPlaces = sharedPlaceCounter('ws-open');
  const placeOf = new WeakMap<object, string>();
  /**
   * Closes an anonymous socket (4429) whose address is past the anonymous rate limit, saying which
   * of its requests count; true if it did. Synchronous, as the `take` before it is awaited in each
   * hook itself: an await more before onSubscribe counts a socket's subscriptions lets more of a
   * burst's ids be entered first, and refuses more of the burst than the limit says.
   */
  const closedOverRate = (ctx: SocketContext, rate: RateResult, counted: string): boolean => {
    if (rate.allowed) return false;
    ctx.extra.socket.close(RATE_LIMITED.code, `${RATE_LIMITED.reason}: at most ${rate.limit} in ${rate.windowSeconds} s, ${counted} included; retry after ${rate.retryAfterSeconds} s`);
    return true;
  };

  const disposable = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const refusal = initRefusal(params, initDuplicates.get(ctx.extra.socket));
        if (refusal !== null) {
          ctx.extra.socket.close(4403, refusal);
          return false;
        }
        let viewer: Viewer;
        try {
          viewer = await verify(params.authorization as string | undefined);
        } catch {
          await guard.take(ctx.extra.request); // a token that fails counts as anonymous, as over HTTP (hostile19 F1)
          return false; // closes with 4403 Forbidden: the token is invalid or expired
        }
        // jose tolerates a minute of clock skew on `exp`; a socket would be closed at once anyway.
        if (tokenExpired(viewer)) {
          await guard.take(ctx.extra.request);
          return false;
        }
        // Opening a socket is a request from its address like any other (hostile10 F5): a loop of
        // connect-and-drop is held by the same limit as HTTP requests.
        if (viewer.subject === null && limits.publicRate) {
          const rate = await guard.take(ctx.extra.request);
          if (closedOverRate(ctx, rate, 'WebSocket openings')) return false;
        }
        // Closed while the token was being checked: onClose has run already and would never give
        // back the place counted below (a connect-and-drop loop would lock the holder out).
        if (ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
        let groups: string[];
        if (viewer.subject === null) {
          const address = addressKey(addressOf(ctx.extra.request));
          // The address's sockets are counted for the whole server, whatever WEB_CONCURRENCY (shared-counts.ts, sec23).
          const placed = await addressPlaces.take(address, perAddress).catch(() => null);
          if (placed === null) {
            ctx.extra.socket.close(TRY_AGAIN_LATER, 'The server is busy: the connection could not be counted; retry in a moment');
            return false;
          }
          const which = !placed ? `${perAddress} without a token from one address (PUBLIC_SOCKETS_PER_ADDRESS)` : open.size('public') >= SOCKET_LIMITS.publicSockets ? `${SOCKET_LIMITS.publicSockets} without a token in this server process` : null;
          // Closed while its place was taken: onClose has run already and would never give it back.
          if (placed && (which !== null || ctx.extra.socket.readyState !== WebSocket.OPEN)) addressPlaces.giveBack(address);
          if (which !== null) {
            ctx.extra.socket.close(TOO_MANY_SOCKETS, `Too many connections: at most ${which}`);
            return false;
          }
          if (ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
          placeOf.set(ctx, address);
          groups = ['public'];
        } else {
          const holder = `sub:${viewer.subject}`;
          // Newest wins: the holder's oldest socket makes room, so sockets opened with a replayed
          // token cannot lock the holder out (it reconnects and takes its place back).
          if (open.size(holder) >= SOCKET_LIMITS.socketsPerHolder) {
            const oldest = open.oldest(holder)!;
            open.leave(oldest, holder);
            log?.warn({ sub: viewer.subject, limit: SOCKET_LIMITS.socketsPerHolder }, 'a token holder opened one WebSocket more than allowed; its oldest was closed');
            oldest.extra.socket.close(SUPERSEDED.code, SUPERSEDED.reason);
          }
          groups = [holder];
        }
        open.add(ctx, groups, viewer);
        viewers.set(ctx, viewer);
        guard.acknowledged(ctx.extra.request);
        return true;
      },
      // A ping is a message like a Subscribe: an anonymous socket's count against its address's rate
      // limit (a socket not yet initialised is anonymous), and its payload is bounded (PING_PAYLOAD_BYTES).
      // Closing here stops the echo: graphql-ws sends nothing on a socket that is no longer open.
      onPing: async (ctx, payload) => {
        const socket = ctx.extra.socket;
        const bytes = payload === undefined ? 0 : Buffer.byteLength(JSON.stringify(payload));
        if (bytes > PING_PAYLOAD_BYTES) {
          socket.close(CloseCode.BadRequest, `Bad request: a ping's payload is ${bytes} bytes, at most ${PING_PAYLOAD_BYTES} are echoed; send a smaller one (or none)`);
          return;
        }
        const viewer = viewers.get(ctx);
        if ((!viewer || viewer.subject === null) && limits.publicRate) {
          closedOverRate(ctx, await limits.publicRate.take(addressOf(ctx.extra.request)), 'WebSocket messages');
        }
      },
      onClose: (ctx) => {
        open.remove(ctx);
        const address = placeOf.get(ctx);
        placeOf.delete(ctx);
        if (address !== undefined) addressPlaces.giveBack(address);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const viewer = viewers.get(ctx);
        if (!viewer) return [new GraphQLError('The connection has no verified caller.', { extensions: { code: 'UNAUTHENTICATED' } })];
        // An anonymous socket's messages are requests like any other from its address (hostile8 F9):
        // counted with its HTTP requests before anything is parsed; past the limit the socket closes.
        if (viewer.subject === null && limits.publicRate) {
          const rate = await limits.publicRate.take(addressOf(ctx.extra.request));
          if (closedOverRate(ctx, rate, 'WebSocket messages')) {
            return [new GraphQLError(`Too many requests without a token from this address: at most ${rate.limit} in ${rate.windowSeconds} s (PUBLIC_RATE_LIMIT, PUBLIC_RATE_WINDOW_SECONDS), WebSocket messages included. Nothing was run. Retry after ${rate.retryAfterSeconds} s, or sign in with a token.`, {
              extensions: { code: 'RATE_LIMITED', limit: rate.limit, windowSeconds: rate.windowSeconds, retryAfterSeconds: rate.retryAfterSeconds },
            })];
          }
        }
        if (tokenExpired(viewer)) {
          ctx.extra.socket.close(EXPIRED.code, EXPIRED.reason);
          return [new GraphQLError('The token has expired; connect again with a valid one.', { extensions: { code: 'UNAUTHENTICATED' } })];
        }
        // graphql-ws enters a subscription's id before this hook runs, so ids still being set up
        // count too: a burst of Subscribe messages cannot slip past the limit.
        if (Object.keys(ctx.subscriptions).length > perSocket) {
          return [new GraphQLError(`This connection already runs ${perSocket} subscriptions, the most one connection may hold; complete one first, or narrow one subscription (subjectType, subjectId) to cover several needs. Nothing was started.`, {
            extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', limit: perSocket, scope: 'socket' },
          })];
        }
        // The process's limit (and the public's share of it), answered here when already reached; the change feed holds it exactly
        // (a burst over many sockets is refused there, when each subscription starts to listen).
        const full = limits.changes?.refusal(viewer.role === Role.PUBLIC);
        if (full) return [full];
        return subscriptionOf(schema, payload, () => contextFor(viewer));
      },
      // Personal data an event carries is recorded as read: per subscription, person and day.
      onNext: (_ctx, _id, _payload, args, result) => recordSubscriptionReads(args.contextValue as GraphQLContext, result),
    },
    sockets,
  );
  // graphql-ws prints a socket's protocol error — an oversized or malformed frame, which anyone can
  // send — with its stack to stderr, outside the JSON log. ws closes such a socket itself (1009,
  // 1007, 1002); this listener, added after graphql-ws's, replaces its print with one log line.
  sockets.on('connection', (socket) => {
    // Runs before graphql-ws's own listener: onConnect then knows whether connection_init said one key twice.
    socket.prependOnceListener('message', (data: unknown) => {
      const twice = firstMessageDuplicate(String(data));
      if (twice !== null) initDuplicates.set(socket, twice);
    });
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) => log?.warn({ code: error.code, reason: error.message.slice(0, 200) }, 'WebSocket protocol error; the socket was closed'));
  });
  return {
    async close() {
      await disposable.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
