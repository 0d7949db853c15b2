import type { Request } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/role';
import type { RuleReloader } from '../engine/rule-reloader';
import type { RuleSetHolder } from '../engine/rule-set-holder';
import type { FactsRunner } from '../evaluation/facts';
import type { SweepLauncher } from '../sweep/launcher';
import type { ChangeFeed } from './change-feed';
import { createContext, type GraphQLContext } from './context';
import type { PublicStatusCache } from './public-status-cache';
import { noteCaller } from './request-log';
import { verifyRequest } from '../auth/authorization-header';

export type ViewerVerifier = (authorization: string | undefined) => Promise<Viewer>;

/** What the server holds for the life of the process and hands to every request's context. */
export interface ServerParts {
  orm: MikroORM;
  rules: RuleSetHolder;
  facts: FactsRunner;
  reloader: RuleReloader;
  sweeps: SweepLauncher;
  changes: ChangeFeed;
  verify: ViewerVerifier;
  production: boolean;
  publicStatuses: PublicStatusCache;
}

/**
 * The context of a request over HTTP: the caller from its Authorization header, noted for the
 * request's log line. HTTP requests may start sweeps; change notices are for subscriptions only.
 */
export function httpContext(parts: ServerParts) {
  return async ({ req }: { req: Request }): Promise<GraphQLContext> => {
    // The header given twice is refused (UNAUTHENTICATED) before any token is read.
    const viewer = await verifyRequest(req, parts.verify);
    const context = createContext(parts.orm.em, parts.rules, parts.facts, { reloader: parts.reloader, sweeps: parts.sweeps, viewer, log: req.log, production: parts.production, publicStatuses: parts.publicStatuses });
    noteCaller(req, context, viewer);
    return context;
  };
}

/** The context of an operation on a WebSocket (subscriptions): the socket's viewer, this process's change notices. */
export function socketContext(parts: ServerParts) {
  return (viewer: Viewer): GraphQLContext =>
    createContext(parts.orm.em, parts.rules, parts.facts, { reloader: parts.reloader, viewer, changes: parts.changes, production: parts.production, publicStatuses: parts.publicStatuses });
}
