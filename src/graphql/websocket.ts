import type http from 'node:http';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { ipKeyGenerator } from 'express-rate-limit';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { Role, type Viewer } from '../auth/role';
import { SUBSCRIPTION_DEFAULTS } from '../config';
import type { ChangeFeed } from './change-feed';
import type { GraphQLContext } from './context';
import { recordSubscriptionReads } from '../audit/subscription-reads';
import { duplicateJsonKey } from '../auth/duplicate-keys';
import { misplacedTokenKey, quotedKey } from './socket-token-key';
import { SOCKET_LIMITS, assertAffordable, limitRules, parseOptions } from './limits';
import type { PublicRateLimit } from './http-limits';
import { promptClose, upgradeGuard } from './ws-upgrade-guard';

/** setTimeout's longest delay (about 24.8 days); a token may live longer (JWT_MAX_TTL_DAYS up to 3650). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** graphql-ws closes a refused connection with 4403; an expired token ends the same way, so a client can reconnect with a fresh one. */
const EXPIRED = { code: CloseCode.Forbidden, reason: 'Forbidden: the token expired' };
/** 4429, which graphql-ws clients treat as fatal: they stop instead of retrying into the same limit. */
const TOO_MANY_SOCKETS = CloseCode.TooManyInitialisationRequests;

type SocketContext = Context<Record<string, unknown>, Extra>;

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
  /** Per connection: the groups it is counted in (`open`) and the timer that ends it when its token expires. */
  const held = new WeakMap<object, { groups: string[]; expiry?: NodeJS.Timeout }>();
  /** The sockets open per group — `sub:…` per token holder, `public`, `addr:…` per public address — oldest first. */
  const open = new Map<string, Set<SocketContext>>();
  const leave = (ctx: SocketContext, group: string) => {
    const members = open.get(group);
    members?.delete(ctx);
    if (members && members.size === 0) open.delete(group);
  };

  const expired = (viewer: Viewer) => viewer.expiresAt !== undefined && viewer.expiresAt.getTime() <= Date.now();
  /** Closes the socket when the token expires; timers longer than setTimeout allows are re-armed. */
  const closeOnExpiry = (ctx: SocketContext, viewer: Viewer): NodeJS.Timeout | undefined => {
    if (!viewer.expiresAt) return undefined;
    const wait = viewer.expiresAt.getTime() - Date.now();
    return setTimeout(() => {
      const entry = held.get(ctx);
      if (!entry) return;
      if (expired(viewer)) ctx.extra.socket.close(EXPIRED.code, EXPIRED.reason);
      else entry.expiry = closeOnExpiry(ctx, viewer);
    }, Math.max(0, Math.min(wait, LONGEST_TIMER_MS))).unref();
  };

  const disposable = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const authorization = params.authorization;
        // One message, two meanings: JSON.parse keeps the last of two equal keys, a reader that keeps
        // the first (a proxy, a log) would see another token (hostile11 N1; as for a JWT, duplicate-keys.ts).
        const twice = initDuplicates.get(ctx.extra.socket);
        if (twice !== undefined) {
          ctx.extra.socket.close(4403, `Forbidden: UNAUTHENTICATED: connection_init holds the key ${quotedKey(twice)} twice; send each key once`);
          return false;
        }
        // A token under another key would otherwise be an unknown key and the socket silently
        // public: a display would get public notices only, and no error (hostile10 N2, hostile11 F4).
        const misplaced = misplacedTokenKey(params);
        if (misplaced !== null) {
          ctx.extra.socket.close(4403, `Forbidden: UNAUTHENTICATED: key ${quotedKey(misplaced)} is not "authorization"; send it as "authorization"`);
          return false;
        }
        if (typeof authorization === 'string' && authorization.trim() === '') {
          ctx.extra.socket.close(4403, 'Forbidden: UNAUTHENTICATED: "authorization" is empty; send "Bearer <token>", or leave it out for public access');
          return false;
        }
        // A token that is not a string (null, 123, {…}) is a broken client or a probe, not "no token":
        // taking it as public would hide the mistake behind a working, lesser connection.
        if ('authorization' in params && typeof authorization !== 'string') {
          ctx.extra.socket.close(4403, 'Forbidden: "authorization" must be a string "Bearer <token>", or left out for public access');
          return false;
        }
        let viewer: Viewer;
        try {
          viewer = await verify(authorization as string | undefined);
        } catch {
          await guard.take(ctx.extra.request); // a token that fails counts as anonymous, as over HTTP (hostile19 F1)
          return false; // closes with 4403 Forbidden: the token is invalid or expired
        }
        // jose tolerates a minute of clock skew on `exp`; a socket would be closed at once anyway.
        if (expired(viewer)) {
          await guard.take(ctx.extra.request);
          return false;
        }
        const size = (group: string) => open.get(group)?.size ?? 0;
        let groups: string[];
        if (viewer.subject === null && limits.publicRate) {
          // Opening a socket is a request from its address like any other (hostile10 F5): a loop of
          // connect-and-drop is held by the same limit as HTTP requests.
          const rate = await guard.take(ctx.extra.request);
          if (!rate.allowed) {
            ctx.extra.socket.close(RATE_LIMITED.code, `${RATE_LIMITED.reason}: at most ${rate.limit} in ${rate.windowSeconds} s, WebSocket openings included; retry after ${rate.retryAfterSeconds} s`);
            return false;
          }
        }
        // Closed while the token was being checked: onClose has run already and would never give
        // back the place counted below (a connect-and-drop loop would lock the holder out).
        if (ctx.extra.socket.readyState !== WebSocket.OPEN) return false;
        if (viewer.subject === null) {
          const address = addressKey(addressOf(ctx.extra.request));
          if (size('public') >= SOCKET_LIMITS.publicSockets || size(address) >= perAddress) {
            const which = size('public') >= SOCKET_LIMITS.publicSockets ? `${SOCKET_LIMITS.publicSockets} without a token in this server process` : `${perAddress} without a token from one address (PUBLIC_SOCKETS_PER_ADDRESS)`;
            ctx.extra.socket.close(TOO_MANY_SOCKETS, `Too many connections: at most ${which}`);
            return false;
          }
          groups = ['public', address];
        } else {
          const holder = `sub:${viewer.subject}`;
          // Newest wins: the holder's oldest socket makes room, so sockets opened with a replayed
          // token cannot lock the holder out (it reconnects and takes its place back).
          const mine = open.get(holder);
          if (mine && mine.size >= SOCKET_LIMITS.socketsPerHolder) {
            const oldest = mine.values().next().value!;
            leave(oldest, holder);
            log?.warn({ sub: viewer.subject, limit: SOCKET_LIMITS.socketsPerHolder }, 'a token holder opened one WebSocket more than allowed; its oldest was closed');
            oldest.extra.socket.close(SUPERSEDED.code, SUPERSEDED.reason);
          }
          groups = [holder];
        }
        for (const group of groups) open.set(group, (open.get(group) ?? new Set()).add(ctx));
        held.set(ctx, { groups, expiry: closeOnExpiry(ctx, viewer) });
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
          const rate = await limits.publicRate.take(addressOf(ctx.extra.request));
          if (!rate.allowed) socket.close(RATE_LIMITED.code, `${RATE_LIMITED.reason}: at most ${rate.limit} in ${rate.windowSeconds} s, WebSocket messages included; retry after ${rate.retryAfterSeconds} s`);
        }
      },
      onClose: (ctx) => {
        const entry = held.get(ctx);
        if (!entry) return;
        held.delete(ctx);
        clearTimeout(entry.expiry);
        for (const group of entry.groups) leave(ctx, group);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const viewer = viewers.get(ctx);
        if (!viewer) return [new GraphQLError('The connection has no verified caller.', { extensions: { code: 'UNAUTHENTICATED' } })];
        // An anonymous socket's messages are requests like any other from its address (hostile8 F9):
        // counted with its HTTP requests before anything is parsed; past the limit the socket closes.
        if (viewer.subject === null && limits.publicRate) {
          const rate = await limits.publicRate.take(addressOf(ctx.extra.request));
          if (!rate.allowed) {
            ctx.extra.socket.close(RATE_LIMITED.code, `${RATE_LIMITED.reason}: at most ${rate.limit} in ${rate.windowSeconds} s, WebSocket messages included; retry after ${rate.retryAfterSeconds} s`);
            return [new GraphQLError(`Too many requests without a token from this address: at most ${rate.limit} in ${rate.windowSeconds} s (PUBLIC_RATE_LIMIT, PUBLIC_RATE_WINDOW_SECONDS), WebSocket messages included. Nothing was run. Retry after ${rate.retryAfterSeconds} s, or sign in with a token.`, {
              extensions: { code: 'RATE_LIMITED', limit: rate.limit, windowSeconds: rate.windowSeconds, retryAfterSeconds: rate.retryAfterSeconds },
            })];
          }
        }
        if (expired(viewer)) {
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
        let document: DocumentNode;
        try {
          document = parse(payload.query, parseOptions);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError(String(error), { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(schema, document, [...specifiedRules, ...limitRules]);
        // The same code Apollo gives these over HTTP.
        if (errors.length) return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...e.extensions } }));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation || operation.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP POST to /graphql.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const variables = payload.variables ?? {};
        const contextValue = contextFor(viewer);
        try {
          assertAffordable(schema, document, payload.operationName, variables, contextValue);
        } catch (error) {
          return [error as GraphQLError];
        }
        return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
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

/**
 * A key the socket's first message holds twice, or null. The first message is connection_init (graphql-ws
 * closes a socket whose first message is anything else); read as graphql-ws reads it (String(data)), and text
 * JSON.parse refuses is left to graphql-ws.
 */
function firstMessageDuplicate(text: string): string | null {
  try {
    JSON.parse(text);
  } catch {
    return null;
  }
  return duplicateJsonKey(text);
}
