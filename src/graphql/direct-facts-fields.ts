import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { FIELD_READERS, type Role } from '../auth/role';
import type { CivilServantSubject } from './loaders';
import { isWhole } from './subject-rows';
import type { GraphQLContext } from './context';
import type { CreditReading } from './facts-of';
import { subjectFactsFields, type FactsSubject } from './resolvers/subject-facts.resolver';

/**
 * On the facts twin only (getFactsSchema, src/graphql/schema.ts): every subject's `credit` and
 * `listings` resolve by a plain call of the code their type-graphql resolvers call
 * (subjectFactsFields), not through type-graphql's per-call machinery. A sweep's facts read asks
 * these fields six times per civil servant, and type-graphql, for each, got the resolver instance,
 * ran the @Authorized check as an async middleware, sorted the parameters, copied the arguments into
 * class instances (CreditReadingArgs, SeverityPeriodsInput) and "validated" each argument
 * in a promise of its own (class-validator over the `asOf` Date): ≈ 10 % of the facts stage's CPU
 * (issue 13, stop 28 profile in BENCHMARKS.md), and more in garbage collection and promise jobs.
 *
 * What stays the same:
 * - The guard: a viewer whose role the field's FIELD_READERS entry names is let through, as
 *   authChecker (src/auth/auth-checker.ts) lets it; any other viewer goes through the type-graphql
 *   resolver, which refuses it with the served schema's own error. (The runner reads as the system.)
 * - The arguments: the values GraphQL coerced, read member by member as the resolvers read their
 *   class instances (facts-of.ts reads a CreditReading's members only), so the facts are the same
 *   (test/graphql/direct-facts-fields.test.ts compares the twin's facts with the served schema's).
 * - A field this file does not name keeps its type-graphql resolver.
 */
const SUBJECTS: readonly FactsSubject[] = ['Agency', 'CivilServant', 'Enterprise'];

type Direct = (root: { id: string }, args: Record<string, unknown>, context: GraphQLContext) => unknown;

function directFields(name: FactsSubject): Record<string, Direct> {
  const fields = subjectFactsFields(name);
  return {
    credit: (subject, args, context) => fields.credit(subject, args.asOf as Date, args as unknown as CreditReading, context),
    listings: (subject, args, context) => fields.listings(subject, args.asOf as Date, context),
  };
}

/**
 * A civil servant's `agency` on the twin: the agency the servant's own statement joined
 * (civilServantWithAgency, loaders.ts), given as it is, not as a promise. Through type-graphql's
 * resolver it came a few promise jobs later, after the servant's record and listing loads had gone
 * out: the agency's records and listings then cost a statement each of their own (issue 13, perf20).
 * Given at once, the agency's `credit` asks in the same tick as the servant's, and each table is
 * read once for both. An agency not joined (a reference `{ id }`: a servant of a chunk's
 * civilServantsByIds, or of an agency's civilServants) is loaded as before.
 */
const servantAgency: Direct = (servant, _args, { loaders }) => {
  const agency = (servant as unknown as CivilServantSubject).agency;
  return isWhole(agency) ? agency : loaders.agency.load(agency.id);
};

/** The direct fields of `name`: credit and listings, and a civil servant's agency. */
function directFieldsOf(name: FactsSubject): Record<string, Direct> {
  return name === 'CivilServant' ? { ...directFields(name), agency: servantAgency } : directFields(name);
}

/** The schema, with the fields above resolved directly; refused at build if one is missing. */
export function withDirectFactsFields(schema: GraphQLSchema): GraphQLSchema {
  for (const name of SUBJECTS) {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`The facts twin has no object type ${name}: direct-facts-fields.ts names it.`);
    for (const [fieldName, direct] of Object.entries(directFieldsOf(name))) {
      const field = type.getFields()[fieldName];
      const served = field?.resolve;
      if (!served) throw new Error(`${name}.${fieldName} has no type-graphql resolver on the facts twin: direct-facts-fields.ts names it.`);
      const guard = (FIELD_READERS as Record<string, { roles: readonly Role[] } | undefined>)[`${name}.${fieldName}`];
      const resolve: GraphQLFieldResolver<{ id: string }, GraphQLContext> = guard
        ? (root, args, context, info) => (guard.roles.includes(context.viewer.role) ? direct(root, args, context) : served(root, args, context, info))
        : (root, args, context) => direct(root, args, context);
      field.resolve = resolve;
    }
  }
  return schema;
}
