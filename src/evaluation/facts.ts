import type { ExecutionResult, GraphQLError } from 'graphql';
import type { SubjectType } from '../domain/subject';
import type { RuleSet } from '../engine/rule-set';
import type { FactsQuery } from '../engine/rule-model';
import { BadUserInputError, EvaluationError } from '../errors';

/** Runs one facts query against the served schema, in-process (no HTTP). */
export type RunFactsQuery = (query: FactsQuery, variables: Record<string, unknown>) => Promise<ExecutionResult>;

/**
 * The one way facts are read, for evaluate, recheck, sweeps and previews alike: as the system
 * (unmasked, whoever asked), in a read-only database transaction, with loaders of its own. What a
 * caller may see of the stored facts is decided when the verdict is read, never when it is made,
 * so the same subject, matter and day give the same facts for every caller. Built once from the
 * schema (src/graphql/facts-runner.ts) and handed to the server, the CLI and the workers.
 */
export interface FactsRunner {
  /**
   * One read: every query `work` runs shares one read-only transaction (one consistent snapshot)
   * and one set of batch loaders, so a chunk's facts cost one statement per nested field.
   */
  read<T>(work: (run: RunFactsQuery) => Promise<T>): Promise<T>;
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
function describeFactsError(error: GraphQLError): string {
  if (error.extensions?.code) return error.message;
  const where = error.path?.join('.') ?? 'the query';
  return `${where} could not be read: the stored value does not fit the schema, or reading it failed (${error.originalError?.name ?? 'GraphQLError'})`;
}

export async function gatherFacts(run: RunFactsQuery, ruleSet: RuleSet, subject: SubjectRef, asOf: Date, day: string): Promise<GatheredFacts> {
  const parameters = ruleSet.parametersOn(day);
  if (!parameters) throw new BadUserInputError('asOf', `${day} 没有生效的参数文件（rules/parameters/）；请添加，或评估较晚的日期 / no parameters file in rules/parameters/ is in force on ${day}; add one, or evaluate a later date.`);
  const query = ruleSet.factsQueries[subject.type];
  const variables: Record<string, unknown> = { id: subject.id, asOf: asOf.toISOString() };
  for (const name of query.variables) if (name in parameters.values) variables[name] = parameters.values[name];
  const result = await run(query, variables);
  const data = result.data as { subject?: unknown } | null | undefined;
  if (result.errors?.length || !data?.subject) {
    const messages = result.errors?.map(describeFactsError).join('; ') ?? 'the query returned no "subject"';
    throw new EvaluationError(`事实查询 rules/${query.file} 执行失败：${messages}。请修正查询；未作出裁决 / The facts query rules/${query.file} failed: ${messages}. Fix the query; no verdict was given.`, { file: query.file });
  }
  return { subject: data.subject, parameters: parameters.values, parametersFile: parameters.file };
}
