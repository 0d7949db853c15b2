import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { SYSTEM_VIEWER, type Viewer } from '../auth/role';
import type { RuleReloader } from '../engine/rule-reloader';
import type { RuleSetHolder } from '../engine/rule-set-holder';
import type { EvaluationDeps } from '../evaluation/evaluate.service';
import type { FactsRunner } from '../evaluation/facts';
import type { ChangeFeed } from './change-feed';
import type { SweepLauncher } from '../sweep/launcher';
import { createLoaders, type Loaders } from './loaders';
import type { PublicStatusCache } from './public-status-cache';

/** What every resolver receives: its own EntityManager and batch loaders, fresh per request. */
export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
  rules: RuleSetHolder;
  /** Reads facts as the system, read-only (src/graphql/facts-runner.ts): never with this context. */
  facts: FactsRunner;
  /** Present in the server, not on the command line. */
  reloader?: RuleReloader;
  /** Starts sweeps (the server's startSweep); the command line has its own sweep command. */
  sweeps?: SweepLauncher;
  /** Who is asking: decides what they may do and which personal data they see. */
  viewer: Viewer;
  /** The request's logger: every line carries the request id. */
  log?: Logger;
  /** NODE_ENV=production: answers name no schema fields (introspection is off there too). */
  production?: boolean;
  /** This process's change notices, for subscriptions; present in the server. */
  changes?: ChangeFeed;
  /** This process's cache of enterprises' public statuses (public-status-cache.ts); present in the server. */
  publicStatuses?: PublicStatusCache;
}

export function createContext(
  rootEm: EntityManager,
  rules: RuleSetHolder,
  facts: FactsRunner,
  options: { reloader?: RuleReloader; sweeps?: SweepLauncher; viewer?: Viewer; log?: Logger; production?: boolean; changes?: ChangeFeed; publicStatuses?: PublicStatusCache } = {},
): GraphQLContext {
  const em = rootEm.fork();
  return {
    em,
    loaders: createLoaders(em),
    rules,
    facts,
    reloader: options.reloader,
    sweeps: options.sweeps,
    viewer: options.viewer ?? SYSTEM_VIEWER,
    log: options.log,
    production: options.production,
    changes: options.changes,
    publicStatuses: options.publicStatuses,
  };
}

/** What an evaluation needs, with the rule set in force fixed for its whole run. */
export function evaluationDeps(context: GraphQLContext): EvaluationDeps {
  return { em: context.em, ruleSet: context.rules.current, facts: context.facts };
}
