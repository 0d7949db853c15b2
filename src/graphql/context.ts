import type { EntityManager } from '@mikro-orm/postgresql';
import { execute, type GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { Role, type Viewer } from '../auth/role';
import type { RuleReloader } from '../engine/rule-reloader';
import type { RuleSetHolder } from '../engine/rule-set-holder';
import type { EvaluationDeps, FactsRunner } from '../evaluation/evaluate.service';
import { createLoaders, type Loaders } from './loaders';

const SYSTEM_VIEWER: Viewer = { role: Role.ADMIN, subject: 'system' };

/** What every resolver receives: its own EntityManager and batch loaders, fresh per request. */
export interface GraphQLContext {
  em: EntityManager;
  loaders: Loaders;
  rules: RuleSetHolder;
  /** Runs a facts query in-process against this same schema, sharing the request's loaders. */
  runFacts: FactsRunner;
  /** Present in the server, not on the command line. */
  reloader?: RuleReloader;
  /** Who is asking: decides what they may do and which personal data they see. */
  viewer: Viewer;
  /** The request's logger: every line carries the request id. */
  log?: Logger;
}

export function createContext(
  rootEm: EntityManager,
  rules: RuleSetHolder,
  schema: GraphQLSchema,
  options: { reloader?: RuleReloader; viewer?: Viewer; log?: Logger } = {},
): GraphQLContext {
  const em = rootEm.fork();
  const context: GraphQLContext = {
    em,
    loaders: createLoaders(em),
    rules,
    reloader: options.reloader,
    // The command line and in-process facts queries act with full rights: they are the system itself.
    viewer: options.viewer ?? SYSTEM_VIEWER,
    log: options.log,
    runFacts: (query, variables) => Promise.resolve(execute({ schema, document: query.document, variableValues: variables, contextValue: context })),
  };
  return context;
}

/** What an evaluation needs, with the rule set in force fixed for its whole run. */
export function evaluationDeps(context: GraphQLContext): EvaluationDeps {
  return { em: context.em, ruleSet: context.rules.current, runFacts: context.runFacts };
}
