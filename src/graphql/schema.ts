import 'reflect-metadata';
import './enums';
import { isObjectType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { FIELD_READERS } from '../auth/role';
import { buildSchema, type MiddlewareFn } from 'type-graphql';
import type { GraphQLContext } from './context';
import { DateTimeScalar } from './scalars';
import { authChecker } from '../auth/auth-checker';
import { withDirectFactsFields } from './direct-facts-fields';
import { GuardedFilters } from './guarded-filter';
import { RecordPersonalReads } from './personal-reads';
import { ShareIdenticalRootFields } from './shared-root-fields';
import { AgencyResolver } from './resolvers/agency.resolver';
import { AssessResolver } from './resolvers/assess.resolver';
import { AuditResolver } from './resolvers/audit.resolver';
import { ChangeResolver } from './resolvers/change.resolver';
import { SweepRunResolver } from './resolvers/sweep-run.resolver';
import { CivilServantResolver } from './resolvers/civil-servant.resolver';
import { CommitmentResolver } from './resolvers/commitment.resolver';
import { CourtCaseResolver } from './resolvers/court-case.resolver';
import { ListMembershipResolver } from './resolvers/list-membership.resolver';
import { CreditRecordResolver } from './resolvers/credit-record.resolver';
import { CreditRepairResolver } from './resolvers/credit-repair.resolver';
import { PrincipalTermResolver } from './resolvers/principal-term.resolver';
import { EnterpriseResolver } from './resolvers/enterprise.resolver';
import { AgencyFactsResolver } from './resolvers/agency-facts.resolver';
import { CivilServantFactsResolver } from './resolvers/civil-servant-facts.resolver';
import { EnterpriseFactsResolver } from './resolvers/enterprise-facts.resolver';
import { ImpactResolver } from './resolvers/impact.resolver';
import { ObjectionResolver } from './resolvers/objection.resolver';
import { FindingObjectionResolver } from './resolvers/finding-objection.resolver';
import { EnterprisePublicStatusResolver } from './resolvers/public-status.resolver';
import { RuleSetResolver } from './resolvers/rule-set.resolver';
import { SubjectChunkResolver } from './resolvers/subject-chunk.resolver';
import { ConditionExplanationResolver, ExplanationResolver, VerdictResolver } from './resolvers/verdict.resolver';

const resolvers = [
  AgencyResolver,
  CivilServantResolver,
  EnterpriseResolver,
  CreditRecordResolver,
  ObjectionResolver,
  FindingObjectionResolver,
  CreditRepairResolver,
  PrincipalTermResolver,
  CommitmentResolver,
  CourtCaseResolver,
  ListMembershipResolver,
  AgencyFactsResolver,
  CivilServantFactsResolver,
  EnterpriseFactsResolver,
  SubjectChunkResolver,
  EnterprisePublicStatusResolver,
  VerdictResolver,
  ExplanationResolver,
  ConditionExplanationResolver,
  AssessResolver,
  RuleSetResolver,
  ImpactResolver,
  AuditResolver,
  SweepRunResolver,
  ChangeResolver,
] as const;

/**
 * Built from the resolvers above; `globalMiddlewares` run around every field of the schema, even the
 * plain ones (type-graphql then makes each field's resolver asynchronous, a chain of promises per value).
 */
function build(globalMiddlewares: MiddlewareFn<GraphQLContext>[]): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Subscriptions bring their own source (the change feed, resolvers/change.resolver.ts); type-graphql
    // insists on a PubSub all the same, and this one says so if anything ever reaches for it.
    pubSub: {
      publish: () => {
        throw new Error('Publish through PostgreSQL NOTIFY (src/audit/change-notice.ts), not type-graphql.');
      },
      subscribe: () => {
        throw new Error('Subscribe through the change feed (src/graphql/change-feed.ts), not type-graphql topics.');
      },
    },
    authChecker,
    globalMiddlewares,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: true } },
  });
}

let built: Promise<GraphQLSchema> | undefined;

/** The served schema. Built once per process: type-graphql's metadata is global anyway. */
export function getSchema(): Promise<GraphQLSchema> {
  // Identical root query fields share one result per request (repeated aliases run once);
  // filters on fields a role does not read are refused to it, on every field with a filter argument;
  // a civil servant's personal data read whole is recorded in the request's read log.
  built ??= build([ShareIdenticalRootFields, GuardedFilters, RecordPersonalReads]).then(guardsApply);
  return built;
}

declare const factsOnly: unique symbol;
/** The schema the facts runner executes facts queries on (getFactsSchema); no request is served on it. */
export type FactsSchema = GraphQLSchema & { readonly [factsOnly]: true };

let factsBuilt: Promise<FactsSchema> | undefined;

/**
 * The served schema's twin for the facts runner (src/graphql/facts-runner.ts): the same resolvers,
 * types, field guards (@Authorized, Guarded) and SDL, without the global middlewares, which do
 * nothing for its reads and cost the sweep a chain of promises on every field of every subject:
 * - ShareIdenticalRootFields: a facts query has one root field (facts-query-check.ts);
 * - GuardedFilters: the runner reads as ADMIN `system`, who reads every field whole;
 * - RecordPersonalReads: the system's reads are not recorded (recorded when a verdict is read).
 * Its subjects' `credit` and `listings` resolve without type-graphql's per-call work (withDirectFactsFields).
 * A public or signed-in request never reaches it: only createFactsRunner takes a FactsSchema.
 */
export function getFactsSchema(): Promise<FactsSchema> {
  factsBuilt ??= build([]).then((schema) => withDirectFactsFields(schema) as FactsSchema);
  return factsBuilt;
}

/**
 * Every field FIELD_READERS guards or audits must pass through the middlewares that do it: a field
 * of a type with `simpleResolvers` (read directly by GraphQL, for speed) skips them all, so guarding
 * one would silently serve it whole to everyone. Refused when the schema is built.
 */
function guardsApply(schema: GraphQLSchema): GraphQLSchema {
  for (const key of Object.keys(FIELD_READERS)) {
    const [typeName, fieldName] = key.split('.');
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`FIELD_READERS names ${key}, which the schema does not have.`);
    if (!field.resolve) throw new Error(`FIELD_READERS guards ${key}, but ${typeName} is read without middlewares (simpleResolvers): drop simpleResolvers from ${typeName}, or the guard would not apply.`);
  }
  return schema;
}

/** The schema as SDL in a stable order, as committed in schema.graphql. */
export async function schemaSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
