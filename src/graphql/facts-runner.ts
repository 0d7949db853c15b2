import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { execute, type DocumentNode, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { factsQueryProblems } from '../engine/facts-query-check';
import { formatProblem } from '../engine/rule-problem';
import type { FactsQuery } from '../engine/rule-model';
import type { RuleSetHolder } from '../engine/rule-set-holder';
import { EvaluationError } from '../errors';
import type { FactsRunner, RunChunkFactsQuery, RunFactsQuery } from '../evaluation/facts';
import { chunkDocument } from './chunk-query';
import { SYSTEM_VIEWER } from '../auth/role';
import type { GraphQLContext } from './context';
import { createLoaders } from './loaders';
import { oneAtATime } from './statement-gate';
import { sqlTransaction } from '../db/repositories/sql';
import { rowVersionsOf } from '../evaluation/row-versions';
import { factsRowDigests } from './facts-row-digest';
import type { FactsSchema } from './schema';

/**
 * The facts runner (see FactsRunner): facts queries run here and nowhere else.
 *
 * - As the system: the context's viewer is ADMIN `system`, so nothing is masked; who may read the
 *   stored facts is decided when a verdict is read.
 * - On the served schema's twin without global middlewares (getFactsSchema, src/graphql/schema.ts):
 *   they do nothing for the system and cost every field of every subject a chain of promises.
 * - Read-only: each read is one `START TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY`, so
 *   PostgreSQL refuses any write a resolver might attempt, and every query of the read sees one
 *   snapshot.
 * - Its own EntityManager and loaders per read: nothing leaks between a request and its facts. Its
 *   subjects are plain rows (src/graphql/subject-rows.ts), not hydrated entities.
 * - Each query is checked again before it runs (one `query`, one subject lookup, facts types
 *   only), whatever loaded it.
 * - A chunk of a sweep runs its query once for all its subjects (src/graphql/chunk-query.ts).
 * - Both the chunk's query and a subject's own are compiled to a function by graphql-jit once per
 *   query document, i.e. once per rule-set version; graphql-js runs what graphql-jit refuses, and
 *   everything with `compile: false` (the facts are byte-identical either way:
 *   test/graphql/facts-compiled.test.ts).
 */
export function createFactsRunner(schema: FactsSchema, rootEm: EntityManager, rules: RuleSetHolder, { compile = true }: { compile?: boolean } = {}): FactsRunner {
  const checked = new WeakMap<DocumentNode, string | null>();
  const refusal = (query: FactsQuery): string | null => {
    let found = checked.get(query.document);
    if (found === undefined) {
      const problems = factsQueryProblems(query.file, query.document, schema, query.subjectType);
      found = problems.length ? problems.map(formatProblem).join('\n') : null;
      checked.set(query.document, found);
    }
    return found;
  };
  type Executor = (context: GraphQLContext, variables: Record<string, unknown>) => Promise<ExecutionResult> | ExecutionResult;
  const executor = (document: DocumentNode): Executor => {
    const jit = compile ? compileQuery(schema, document) : null;
    // graphql-jit compiles every query these files may hold; should it ever refuse one, graphql-js runs it.
    return jit && isCompiledQuery(jit) ? (context, variables) => jit.query(undefined, context, variables) : (context, variableValues) => execute({ schema, document, variableValues, contextValue: context });
  };
  /** A subject's own query, by its document (so per rule-set version). */
  const single = new WeakMap<DocumentNode, Executor>();
  const once = (query: FactsQuery): Executor => {
    let found = single.get(query.document);
    if (!found) single.set(query.document, (found = executor(query.document)));
    return found;
  };
  /** The chunk's query made of it (chunk-query.ts), or null when it cannot be made. */
  const compiled = new WeakMap<DocumentNode, Executor | null>();
  const chunked = (query: FactsQuery): Executor | null => {
    let found = compiled.get(query.document);
    if (found === undefined) {
      const document = chunkDocument(query);
      compiled.set(query.document, (found = document && executor(document)));
    }
    return found;
  };
  const runner: FactsRunner = {
    read: (work) =>
      // Not transactional(): see sqlTransaction — a read-only transaction has nothing to flush.
      sqlTransaction(
        rootEm,
        (tx) => {
          // One connection for the whole read: its loaders send one statement at a time (statement-gate.ts);
          // its subjects are plain rows, not entities (subject-rows.ts).
          const loaders = createLoaders(tx, oneAtATime(), { plainSubjects: true });
          const context: GraphQLContext = { em: tx, loaders, rules, facts: runner, viewer: SYSTEM_VIEWER };
          const check = (query: FactsQuery) => {
            const refused = refusal(query);
            if (refused) throw new EvaluationError(`The facts query rules/${query.file} may not run; no verdict was given:\n${refused}`, { file: query.file });
          };
          const run: RunFactsQuery = async (query, variables) => {
            check(query);
            return once(query)(context, variables);
          };
          const runChunk: RunChunkFactsQuery = (query, ids, variables) => {
            check(query);
            const chunk = chunked(query);
            return chunk && Promise.resolve(chunk(context, { ...variables, ids }));
          };
          // Of the same snapshot as the facts: what a cache of decisions keys them by (public-status-cache.ts);
          // and, from the rows the facts brought, what a stored verdict keeps for `stale`.
          return work(run, runChunk, (subjects) => rowVersionsOf(tx, subjects), (subjects) => factsRowDigests(loaders, subjects));
        },
        { readOnly: true, isolationLevel: IsolationLevel.REPEATABLE_READ },
      ),
  };
  return runner;
}
