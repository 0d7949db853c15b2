import type { ExecutionResult, GraphQLError } from 'graphql';
import type { SubjectType } from '../domain/subject';
import type { RuleSet } from '../engine/rule-set';
import type { FactsQuery } from '../engine/rule-model';
import { BadUserInputError, EvaluationError } from '../errors';

/** Runs one facts query against the served schema, in-process (no HTTP). */
export type RunFactsQuery = (query: FactsQuery, variables: Record<string, unknown>) => Promise<ExecutionResult>;

/**
 * Runs a facts query for many subjects at once: its own selection under the root field that takes
 * their ids (src/graphql/chunk-query.ts), one execution for all; `data.subject` is then a list in the
 * order of `ids`. Null when the query cannot be run so (the caller runs it once per subject).
 */
export type RunChunkFactsQuery = (query: FactsQuery, ids: string[], variables: Record<string, unknown>) => Promise<ExecutionResult> | null;

/**
 * The one way facts are read, for evaluate, recheck, sweeps and previews alike: as the system
 * (unmasked, whoever asked), in a read-only database transaction, with loaders of its own. What a
 * caller may see of the stored facts is decided when the verdict is read, never when it is made,
 * so the same subject, matter and day give the same facts for every caller. Built once from the
 * schema (src/graphql/facts-runner.ts) and handed to the server, the CLI and the workers.
 */
/** The digests of the subjects' row versions as this read sees them (src/evaluation/row-versions.ts). */
export type RowVersionsInRead = (subjects: readonly SubjectRef[]) => Promise<string[]>;

/**
 * The digests of the rows this read's facts queries read for the subjects, from the rows they
 * brought (src/graphql/facts-row-digest.ts): what a stored verdict keeps for `stale`. Call it
 * after the facts queries ran.
 */
export type RowDigestsOfRead = (subjects: readonly SubjectRef[]) => Promise<string[]>;

export interface FactsRunner {
  /**
   * One read: every query `work` runs shares one read-only transaction (one consistent snapshot)
   * and one set of batch loaders, so a chunk's facts cost one statement per nested field.
   */
  read<T>(work: (run: RunFactsQuery, runChunk: RunChunkFactsQuery, versions: RowVersionsInRead, digests: RowDigestsOfRead) => Promise<T>): Promise<T>;
}

export interface SubjectRef {
  type: SubjectType;
  id: string;
}

/** The facts the rules see: the subject type's facts query with the parameters in force. */
export interface GatheredFacts {
  subject: unknown;
  parameters: Record<string, unknown>;
  parametersFile: string;
}

/**
 * A facts query's error as a message that carries no fact value: our own coded errors speak of
 * the inputs (the id, the parameters); anything else — a value GraphQL could not serialize, a
 * database error with its SQL — is told by where it happened and what kind it was.
 */
function describeFactsError(error: GraphQLError, path = error.path): string {
  if (error.extensions?.code) return error.message;
  const where = path?.join('.') ?? 'the query';
  return `${where} could not be read: the stored value does not fit the schema, or reading it failed (${error.originalError?.name ?? 'GraphQLError'})`;
}

/** The variables of the subject type's facts query on the day: the parameters it declares, and asOf (the id is the caller's). */
function factsVariables(ruleSet: RuleSet, type: SubjectType, asOf: Date, day: string) {
  const parameters = ruleSet.parametersOn(day);
  if (!parameters) throw new BadUserInputError('asOf', `${day} 没有生效的参数文件（rules/parameters/）；请添加，或评估较晚的日期 / no parameters file in rules/parameters/ is in force on ${day}; add one, or evaluate a later date.`);
  const query = ruleSet.factsQueries[type];
  const variables: Record<string, unknown> = { asOf: asOf.toISOString() };
  for (const name of query.variables) if (name in parameters.values) variables[name] = parameters.values[name];
  return { query, parameters, variables };
}

/** A subject's facts from its query's answer, or the error that gives no verdict (the same words for a chunk's subject as for one alone). */
function factsOf(query: FactsQuery, subject: unknown, errors: readonly GraphQLError[] | undefined, describe: (error: GraphQLError) => string): unknown {
  if (errors?.length || !subject) {
    // Each message once: graphql-jit (src/graphql/facts-runner.ts) reports every failing field, where graphql-js
    // stopped at the first below a non-null parent; one bad parameter fails each field that reads it alike.
    const messages = errors?.length ? [...new Set(errors.map(describe))].join('; ') : 'the query returned no "subject"';
    throw new EvaluationError(`事实查询 rules/${query.file} 执行失败：${messages}。请修正查询；未作出裁决 / The facts query rules/${query.file} failed: ${messages}. Fix the query; no verdict was given.`, { file: query.file });
  }
  return subject;
}

export async function gatherFacts(run: RunFactsQuery, ruleSet: RuleSet, subject: SubjectRef, asOf: Date, day: string): Promise<GatheredFacts> {
  const { query, parameters, variables } = factsVariables(ruleSet, subject.type, asOf, day);
  const result = await run(query, { id: subject.id, ...variables });
  const data = result.data as { subject?: unknown } | null | undefined;
  return { subject: factsOf(query, data?.subject, result.errors, (e) => describeFactsError(e)), parameters: parameters.values, parametersFile: parameters.file };
}

/**
 * The facts of many subjects of one type, each as gatherFacts would give it alone — the same
 * facts, or the same error —, read with one execution of the facts query for them all where the
 * query allows (RunChunkFactsQuery), otherwise once per subject. A subject's failure is its own.
 */
export async function gatherChunkFacts(run: RunFactsQuery, runChunk: RunChunkFactsQuery, ruleSet: RuleSet, type: SubjectType, ids: string[], asOf: Date, day: string): Promise<(GatheredFacts | Error)[]> {
  let prepared: ReturnType<typeof factsVariables>;
  let result: ExecutionResult;
  try {
    prepared = factsVariables(ruleSet, type, asOf, day);
    const asked = runChunk(prepared.query, ids, prepared.variables);
    if (!asked) return await Promise.all(ids.map((id) => gatherFacts(run, ruleSet, { type, id }, asOf, day).catch((error: Error) => error)));
    result = await asked;
  } catch (error) {
    // What fails before any subject is read (no parameters in force, a refused query) fails each of them alike.
    return ids.map(() => error as Error);
  }
  const { query, parameters } = prepared;
  const subjects = ((result.data as { subject?: unknown[] } | null | undefined)?.subject ?? []) as unknown[];
  // An error at subject.<i>.… is subject i's; one without an index (the whole query failed) is every subject's.
  const errorsOf = new Map<number, GraphQLError[]>();
  const everyone: GraphQLError[] = [];
  for (const error of result.errors ?? []) {
    const i = error.path?.[1];
    if (typeof i === 'number') errorsOf.set(i, [...(errorsOf.get(i) ?? []), error]);
    else everyone.push(error);
  }
  // As one subject's query would name it: subject.credit…, without the chunk's index.
  const describe = (error: GraphQLError) => describeFactsError(error, error.path && [error.path[0], ...error.path.slice(2)]);
  return ids.map((_, i) => {
    try {
      const errors = [...everyone, ...(errorsOf.get(i) ?? [])];
      return { subject: factsOf(query, subjects[i], errors, describe), parameters: parameters.values, parametersFile: parameters.file };
    } catch (error) {
      return error as Error;
    }
  });
}
